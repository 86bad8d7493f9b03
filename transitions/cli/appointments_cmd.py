"""`transitions appointments list VISIT_NUMBER [--json]` and
`transitions directory import FILE [--json]`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from transitions.cli.common import Context, add_database_option, add_json_option, print_json
from transitions.errors import ValidationError
from transitions.services import appointments, directory
from transitions.services.json_values import jsonable


def register(sub: Any) -> None:
    appts = sub.add_parser("appointments", help="follow-up appointments of a stay")
    appts_sub = appts.add_subparsers(dest="appointments_command", metavar="ACTION", required=True)
    lst = appts_sub.add_parser("list", help="a stay's appointments with status and warnings")
    lst.add_argument("visit_number", metavar="VISIT_NUMBER")
    add_json_option(lst)
    lst.set_defaults(func=_list)

    dirs = sub.add_parser("directory", help="the provider and clinic directory")
    dirs_sub = dirs.add_subparsers(dest="directory_command", metavar="ACTION", required=True)
    imp = dirs_sub.add_parser(
        "import", help="create or update clinics and providers from a CSV file"
    )
    imp.add_argument("file", metavar="FILE", type=Path)
    add_json_option(imp)
    imp.set_defaults(func=_import)
    for parser in (appts, lst, dirs, imp):
        add_database_option(parser)


def _list(args: argparse.Namespace) -> int:
    ctx = Context(args)
    try:
        with ctx.uow() as uow:
            plan = appointments.follow_up_plan(uow, ctx.actor, visit_number=args.visit_number)
            tz = uow.tz
    finally:
        ctx.close()
    if args.json:
        print_json(jsonable(plan.to_json()))
        return 0
    d = plan.deadlines
    print(f"Stay {plan.visit_number}: discharge {plan.discharge.astimezone(tz):%a %Y-%m-%d %H:%M}")
    print(
        f"TCM contact by {d.contact_due:%a %Y-%m-%d}; visit by {plan.visit_due:%a %Y-%m-%d} "
        f"({plan.risk_tier.value} risk); period ends {d.period_end:%a %Y-%m-%d}"
    )
    if not plan.appointments:
        print("No appointments.")
    for a in plan.appointments:
        when = a.starts_at.astimezone(tz)
        print(
            f"{a.id:>6}  {when:%a %Y-%m-%d %H:%M}  {a.status.value:<10} "
            f"{a.type.value:<14} {a.where}"
        )
    for w in plan.warnings:
        print(f"warning: {w.message}")
    return 0


def _import(args: argparse.Namespace) -> int:
    path: Path = args.file
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ValidationError(f"file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(f"cannot read {path}: {exc}") from None
    ctx = Context(args)
    try:
        with ctx.uow() as uow:
            result = directory.import_directory(uow, ctx.actor, text)
    finally:
        ctx.close()
    if args.json:
        print_json(result.to_json())
    else:
        print(
            f"Clinics: {result.clinics_created} created, {result.clinics_updated} updated. "
            f"Providers: {result.providers_created} created, {result.providers_updated} updated."
        )
    return 0
