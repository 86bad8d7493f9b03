"""`transitions user add|disable|reset-password|list` and `transitions audit export`.

Passwords are never taken as arguments (they would land in shell history): they are prompted
for, or read from the first line of standard input with ``--password-stdin``.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from transitions.cli.common import (
    Context,
    add_database_option,
    add_json_option,
    iso_date,
    print_json,
)
from transitions.errors import ValidationError
from transitions.services import security
from transitions.services.permissions import role_permissions
from transitions.services.security import AuditFilter


def register(sub: Any) -> None:
    user = sub.add_parser("user", help="manage user accounts (administrator)")
    user_sub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    roles = ", ".join(sorted(role_permissions()))

    add = user_sub.add_parser("add", help="create an account with a temporary password")
    add.add_argument("username")
    add.add_argument("--name", required=True, metavar="TEXT", help="the person's full name")
    add.add_argument(
        "--role", action="append", required=True, metavar="ROLE", help=f"repeatable: {roles}"
    )
    add.add_argument("--unit", action="append", default=[], metavar="CODE", help="repeatable")
    _password_option(add)
    add.set_defaults(func=_add)

    disable = user_sub.add_parser("disable", help="stop an account from signing in")
    disable.add_argument("username")
    disable.set_defaults(func=_disable)

    reset = user_sub.add_parser(
        "reset-password", help="set a temporary password; the user must change it at sign-in"
    )
    reset.add_argument("username")
    _password_option(reset)
    reset.set_defaults(func=_reset)

    lst = user_sub.add_parser("list", help="all accounts with roles and units")
    add_json_option(lst)
    lst.set_defaults(func=_list)

    audit = sub.add_parser("audit", help="the audit trail")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    export = audit_sub.add_parser("export", help="write audit events as CSV (oldest first)")
    export.add_argument("--user", metavar="USERNAME")
    export.add_argument("--patient", metavar="MRN")
    export.add_argument("--action", metavar="ACTION", help="e.g. view, sign_in, change_status")
    export.add_argument("--from", dest="date_from", type=iso_date, metavar="YYYY-MM-DD")
    export.add_argument("--to", dest="date_to", type=iso_date, metavar="YYYY-MM-DD")
    export.add_argument(
        "--output", "-o", type=Path, metavar="FILE", help="file to write (default: stdout)"
    )
    export.set_defaults(func=_export)
    for parser in (user, add, disable, reset, lst, audit, export):
        add_database_option(parser)


def _password_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the temporary password from the first line of standard input",
    )


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Temporary password: ")
    if getpass.getpass("Again: ") != first:
        raise ValidationError("the two passwords do not match")
    return first


def _add(args: argparse.Namespace) -> int:
    password = _read_password(args)
    ctx = Context(args)
    try:
        with ctx.uow() as uow:
            row = security.add_user(
                uow, ctx.actor, args.username, args.name, args.role, args.unit, password
            )
    finally:
        ctx.close()
    print(f"created {row.username} ({', '.join(row.roles)}); must change the password at sign-in")
    return 0


def _disable(args: argparse.Namespace) -> int:
    ctx = Context(args)
    try:
        with ctx.uow() as uow:
            row = security.disable_user(uow, ctx.actor, args.username)
    finally:
        ctx.close()
    print(f"disabled {row.username}")
    return 0


def _reset(args: argparse.Namespace) -> int:
    password = _read_password(args)
    ctx = Context(args)
    try:
        with ctx.uow() as uow:
            row = security.reset_password(uow, ctx.actor, args.username, password)
    finally:
        ctx.close()
    print(f"reset the password of {row.username}; they must choose a new one at sign-in")
    return 0


def _list(args: argparse.Namespace) -> int:
    ctx = Context(args)
    try:
        with ctx.uow() as uow:
            rows = security.list_users(uow, ctx.actor)
    finally:
        ctx.close()
    if args.json:
        print_json({"count": len(rows), "users": [row.to_json() for row in rows]})
        return 0
    print(f"{'user':<16} {'name':<24} {'roles':<26} {'units':<12} state")
    for row in rows:
        state = "active" if row.active else "disabled"
        if row.must_change_password:
            state += ", must change password"
        print(
            f"{row.username:<16} {row.display_name[:24]:<24} {','.join(row.roles):<26} "
            f"{','.join(row.unit_codes) or '-':<12} {state}"
        )
    return 0


def _export(args: argparse.Namespace) -> int:
    flt = AuditFilter(
        username=args.user,
        patient_mrn=args.patient,
        date_from=args.date_from,
        date_to=args.date_to,
        action=args.action,
    )
    ctx = Context(args)
    try:
        with ctx.uow() as uow:
            if args.output is None:
                security.export_audit_csv(uow, ctx.actor, flt, sys.stdout)
                return 0
            with args.output.open("w", encoding="utf-8", newline="") as out:
                count = security.export_audit_csv(uow, ctx.actor, flt, out)
    finally:
        ctx.close()
    print(f"wrote {count} audit events to {args.output}", file=sys.stderr)
    return 0
