"""`transitions education suggest | modules`: patient education modules.

JSON output (``--json``), a fixed contract:

- ``education suggest VISIT_NUMBER``: ``{"visit_number": str, "suggestions": [{"module_id": str,
  "title": str, "reasons": [{"kind": "always|diagnosis|med|boost", "code": str, "matched": str,
  "description": str|null}]}]}`` — ``code`` is the ICD-10 code, the drug name as written or the
  BOOST item; ``matched`` the module's ICD-10 range or therapeutic class.
- ``education modules [--language en|es]``: ``{"language": str, "modules": [{"id", "title",
  "always", "suggest", "sources", "items": [{"id", "title", "text", "teach_back",
  "call_doctor_if", "call_911_if", "key", "sources"}]}]}``
"""

from __future__ import annotations

import argparse
from typing import Any

from transitions.cli.common import Context, add_database_option, add_json_option, print_json
from transitions.domain.education.catalog import LANGUAGES, load_catalog
from transitions.services import education


def register(sub: Any) -> None:
    edu = sub.add_parser("education", help="patient education modules and suggestions")
    edu_sub = edu.add_subparsers(dest="education_command", metavar="ACTION", required=True)

    suggest = edu_sub.add_parser(
        "suggest", help="modules suggested for a stay, with the reason for each"
    )
    suggest.add_argument("visit_number", metavar="VISIT_NUMBER")
    add_json_option(suggest)
    suggest.set_defaults(func=_suggest)

    modules = edu_sub.add_parser("modules", help="the education modules with their items")
    modules.add_argument(
        "--language",
        choices=LANGUAGES,
        default="en",
        help="language of the text: " + ", ".join(LANGUAGES) + " (default en)",
    )
    add_json_option(modules)
    modules.set_defaults(func=_modules)
    for parser in (edu, suggest, modules):
        add_database_option(parser)


def _suggest(args: argparse.Namespace) -> int:
    ctx = Context(args)
    try:
        with ctx.uow() as uow:
            suggestions = education.suggest_for_stay(uow, ctx.actor, args.visit_number)
    finally:
        ctx.close()
    catalog = load_catalog()
    rows: list[dict[str, Any]] = [
        {
            "module_id": s.module_id,
            "title": catalog.get(s.module_id).title.en,
            "reasons": [
                {
                    "kind": r.kind.value,
                    "code": r.code,
                    "matched": r.matched,
                    "description": r.description,
                }
                for r in s.reasons
            ],
        }
        for s in suggestions
    ]
    if args.json:
        print_json({"visit_number": args.visit_number, "suggestions": rows})
        return 0
    for row in rows:
        why = "; ".join(_reason_text(r) for r in row["reasons"])
        print(f"{row['module_id']:<18} {row['title']}  ({why})")
    return 0


def _reason_text(reason: dict[str, Any]) -> str:
    kind = reason["kind"]
    if kind == "always":
        return "every patient"
    if kind == "diagnosis":
        return f"diagnosis {reason['code']} in {reason['matched']}"
    if kind == "med":
        return f"medicine {reason['code']} ({reason['matched']})"
    return f"BOOST {reason['code']}"


def _modules(args: argparse.Namespace) -> int:
    modules = education.catalog_document(args.language)
    if args.json:
        print_json({"language": args.language, "modules": modules})
        return 0
    for module in modules:
        print(f"{module['id']}: {module['title']} ({len(module['items'])} items)")
        for item in module["items"]:
            print(f"  - {item['id']}: {item['title']}")
    return 0
