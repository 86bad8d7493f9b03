"""`transitions db upgrade | current | check | backup PATH`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from transitions.cli.common import Context, add_database_option
from transitions.db import migrate
from transitions.errors import TransitionsError
from transitions.services.units import sync_units_from_site


def register(sub: Any) -> None:
    db = sub.add_parser("db", help="create, migrate, check or back up the database")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    upgrade = db_sub.add_parser(
        "upgrade", help="migrate the schema to the newest version and sync the site file's units"
    )
    upgrade.set_defaults(func=_upgrade)
    current = db_sub.add_parser("current", help="show the schema version")
    current.set_defaults(func=_current)
    check = db_sub.add_parser(
        "check", help="exit 1 unless the schema is at the newest version and matches the code"
    )
    check.set_defaults(func=_check)
    backup = db_sub.add_parser("backup", help="copy a SQLite database safely while in use")
    backup.add_argument("path", type=Path, help="file (or folder) to write the copy to")
    backup.set_defaults(func=_backup)
    for parser in (db, upgrade, current, check, backup):
        add_database_option(parser)


def _upgrade(args: argparse.Namespace) -> int:
    ctx = Context(args, migrate=False)
    try:
        before = migrate.current_revision(ctx.db.engine)
        copy = migrate.upgrade(ctx.db.engine)
        head = migrate.head_revision()
        if before == head:
            print(f"{ctx.db.display_url}: already at revision {head}")
        else:
            print(f"{ctx.db.display_url}: migrated from {before or 'empty'} to {head}")
        if copy is not None:
            print(f"copy of the database before migrating: {copy}")
        if ctx.site.units:
            print(sync_units_from_site(ctx.db, ctx.site).summary())
    finally:
        ctx.close()
    return 0


def _current(args: argparse.Namespace) -> int:
    ctx = Context(args, migrate=False)
    try:
        current = migrate.current_revision(ctx.db.engine)
        head = migrate.head_revision()
        note = " (newest)" if current == head else f" (newest is {head}: run 'db upgrade')"
        print(f"{current or 'empty (no schema)'}{note}")
    finally:
        ctx.close()
    return 0


def _check(args: argparse.Namespace) -> int:
    ctx = Context(args, migrate=False)
    try:
        current = migrate.current_revision(ctx.db.engine)
        head = migrate.head_revision()
        if current != head:
            print(
                f"schema is at {current or 'empty'}, newest is {head}: run 'transitions db upgrade'"
            )
            return 1
        differences = migrate.drift(ctx.db.engine)
        if differences:
            print(f"schema at {head} differs from the code in {len(differences)} place(s):")
            for difference in differences:
                print(f"  {difference}")
            return 1
        print(f"schema is at the newest version ({head}) and matches the code")
    finally:
        ctx.close()
    return 0


def _backup(args: argparse.Namespace) -> int:
    ctx = Context(args, migrate=False)
    try:
        if not ctx.db.is_sqlite:
            raise TransitionsError(
                "backup copies SQLite files; for PostgreSQL use pg_dump, e.g. "
                "'pg_dump --format=custom --file transitions.dump DBNAME'"
            )
        written = migrate.backup_sqlite(ctx.db.engine, args.path)
        print(written)
    finally:
        ctx.close()
    return 0
