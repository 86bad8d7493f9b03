"""`transitions resources import FILE [--json]` and
`transitions resources list [--category C] [--json]`: the community resource directory."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from transitions.cli.common import Context, add_database_option, add_json_option, print_json
from transitions.errors import ValidationError
from transitions.services import community_resources


def register(sub: Any) -> None:
    res = sub.add_parser("resources", help="the community resource directory")
    res_sub = res.add_subparsers(dest="resources_command", metavar="ACTION", required=True)
    imp = res_sub.add_parser(
        "import",
        help="create or update community resources from a CSV file (matched by name + address)",
        description="Columns: " + ", ".join(community_resources.COLUMNS) + ". A bad row "
        "rejects the whole file (one line naming the row and column, exit 2).",
    )
    imp.add_argument("file", metavar="FILE", type=Path)
    add_json_option(imp)
    imp.set_defaults(func=_import)
    lst = res_sub.add_parser("list", help="active community resources by category and name")
    lst.add_argument(
        "--category", metavar="C", help="only this category (key or English label, any case)"
    )
    lst.add_argument("--all", action="store_true", help="include inactive resources")
    add_json_option(lst)
    lst.set_defaults(func=_list)
    for parser in (res, imp, lst):
        add_database_option(parser)


def _import(args: argparse.Namespace) -> int:
    path: Path = args.file
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ValidationError(f"file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(f"cannot read {path}: {exc}") from None
    # Check the file before opening (and perhaps migrating) the database.
    community_resources.parse_resource_csv(text)
    ctx = Context(args)
    try:
        with ctx.uow() as uow:
            result = community_resources.import_resources(uow, ctx.actor, text)
    finally:
        ctx.close()
    if args.json:
        print_json(result.to_json())
    else:
        print(f"Community resources: {result.created} created, {result.updated} updated.")
    return 0


def _list(args: argparse.Namespace) -> int:
    ctx = Context(args)
    try:
        with ctx.uow() as uow:
            rows = community_resources.list_resources(
                uow, ctx.actor, category=args.category, include_inactive=args.all
            )
    finally:
        ctx.close()
    if args.json:
        print_json({"count": len(rows), "resources": [r.to_json() for r in rows]})
        return 0
    if not rows:
        print("No community resources.")
    for r in rows:
        inactive = "" if r.active else "  (inactive)"
        print(
            f"{r.id:>5}  {r.category_label:<30} {r.name}{inactive}\n"
            f"       {r.phone or '-'}  {r.address or '-'}  [{', '.join(r.languages)}]"
        )
    return 0
