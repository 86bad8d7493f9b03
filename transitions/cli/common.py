"""What every subcommand shares: the parser class, database opening, output helpers."""

from __future__ import annotations

import argparse
import getpass
import json
import re
import sys
from datetime import date
from typing import Any, NoReturn

from transitions.config import load_site_config, resolve_database_url
from transitions.db.engine import Database
from transitions.errors import ValidationError
from transitions.services.admin import prepare_database
from transitions.services.uow import Actor, UnitOfWork

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class CliParser(argparse.ArgumentParser):
    """argparse with one-line errors (no usage dump) and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def add_database_option(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    parser.add_argument(
        "--database",
        metavar="URL",
        # On subcommands SUPPRESS keeps a top-level --database from being overwritten by None.
        default=None if top_level else argparse.SUPPRESS,
        help="database URL (default: $TRANSITIONS_DATABASE_URL, the site file, "
        "else a SQLite file in the user data directory)",
    )


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")


def iso_date(value: str) -> date:
    """argparse type for YYYY-MM-DD dates (strict: no other ISO forms)."""
    try:
        if not _ISO_DATE.match(value):
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date in YYYY-MM-DD form") from None


def non_negative_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"'{value}' must not be negative")
    return number


def positive_int(value: str) -> int:
    number = non_negative_int(value)
    if number == 0:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def cli_actor() -> Actor:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    return Actor.system(f"cli:{user}")


class Context:
    """The opened database and site configuration of one CLI invocation."""

    def __init__(self, args: argparse.Namespace, *, migrate: bool = True) -> None:
        self.site = load_site_config()
        url = resolve_database_url(getattr(args, "database", None), self.site)
        if migrate:
            self.db = prepare_database(url, self.site)
        else:
            self.db = Database.open(url)
        self.actor = cli_actor()

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.db, self.site)

    def close(self) -> None:
        self.db.dispose()


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def require(condition: bool, message: str, field: str | None = None) -> None:
    if not condition:
        raise ValidationError(message, field=field)
