"""`transitions drugs import FILE`: extend the drug vocabulary with the site's own CSV."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from transitions.cli.common import Context, add_database_option, add_json_option, print_json
from transitions.services import drugs


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "drugs",
        help="the drug vocabulary of this site",
        description="Drugs the site adds to the shipped vocabulary are stored in the database, "
        "so every workstation checks against the same list.",
    )
    actions = parser.add_subparsers(dest="drugs_command", metavar="ACTION", required=True)
    imp = actions.add_parser(
        "import",
        help="add or replace site drugs from a CSV",
        description="CSV columns as resources/drugs/vocabulary.csv: generic, ingredients, "
        "classes (required), brands, synonyms, rxcui, source; lists are ';'-separated. A row "
        "with the generic name of an earlier import replaces it.",
    )
    imp.add_argument("file", metavar="FILE", type=Path, help="the CSV file")
    add_json_option(imp)
    imp.set_defaults(func=_import)
    for each in (parser, imp):
        add_database_option(each)


def _import(args: argparse.Namespace) -> int:
    ctx = Context(args)
    try:
        with ctx.uow() as uow:
            result = drugs.import_drugs(uow, ctx.actor, args.file)
    finally:
        ctx.close()
    if args.json:
        print_json({"added": result.added, "updated": result.updated})
    else:
        print(f"Imported {result.total} drugs ({result.added} added, {result.updated} updated).")
    return 0
