"""`transitions medrec check FILE.json` and `transitions medrec sig TEXT` (no database).

``check`` reads a reconciliation (see :mod:`transitions.domain.medrec.document`) and prints the
problems; it exits 0 whether or not problems are found, and 2 with one line on stderr when the
input is invalid.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from transitions.cli.common import add_json_option, print_json
from transitions.domain.medrec.checks import check_reconciliation
from transitions.domain.medrec.document import problems_to_json, reconciliation_from_json
from transitions.domain.medrec.knowledge import load_knowledge
from transitions.domain.medrec.models import Problem
from transitions.domain.medrec.sig import parse_sig
from transitions.errors import ValidationError


def register(sub: Any) -> None:
    medrec = sub.add_parser(
        "medrec",
        help="medication reconciliation checks (no database)",
        description="Check a discharge medication reconciliation for omissions, unexplained "
        "changes, duplications, allergies, high-priority interactions, high-alert medicines "
        "and drugs missing from the vocabulary.",
    )
    actions = medrec.add_subparsers(dest="medrec_command", metavar="ACTION", required=True)

    check = actions.add_parser(
        "check",
        help="check a reconciliation JSON file",
        description="Reads the reconciliation (allergies, home, inpatient, discharge, stopped) "
        "and prints its problems. Exit status 0 even when problems are found; 2 when the file "
        "is invalid.",
    )
    check.add_argument("file", metavar="FILE", help="reconciliation JSON file ('-' for stdin)")
    check.add_argument(
        "--vocabulary",
        metavar="CSV",
        type=Path,
        help="site vocabulary CSV that adds to the shipped drug vocabulary",
    )
    add_json_option(check)
    check.set_defaults(func=_check)

    sig = actions.add_parser("sig", help="show how free-text directions are read")
    sig.add_argument("text", metavar="TEXT", help="directions, e.g. '1 tab po bid prn pain'")
    add_json_option(sig)
    sig.set_defaults(func=_sig)


def _read(name: str) -> Any:
    try:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ValidationError(f"cannot read {name}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ValidationError(f"{name}: not UTF-8 text") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            f"{name}: not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
        ) from None


def _check(args: argparse.Namespace) -> int:
    rec = reconciliation_from_json(_read(args.file))
    problems = check_reconciliation(rec, load_knowledge(args.vocabulary))
    if args.json:
        print_json(problems_to_json(problems))
    else:
        _print_problems(problems)
    return 0


def _print_problems(problems: list[Problem]) -> None:
    if not problems:
        print("No problems found.")
        return
    for problem in problems:
        items = ",".join(problem.items)
        print(f"{problem.severity.value.upper():<8} {problem.kind.value:<18} {items:<10} ", end="")
        print(problem.message)
    print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''}")


def _sig(args: argparse.Namespace) -> int:
    sig = parse_sig(args.text)
    if args.json:
        print_json(sig.to_json())
        return 0
    print(f"dose:         {sig.dose.display if sig.dose else '-'}")
    print(f"route:        {sig.route or '-'}")
    print(f"frequency:    {sig.frequency.label if sig.frequency else '-'}")
    needed = ("yes" + (f" for {sig.indication}" if sig.indication else "")) if sig.prn else "no"
    print(f"as needed:    {needed}")
    print(f"duration:     {f'{sig.duration_days} days' if sig.duration_days else '-'}")
    print(f"instructions: {'; '.join(sig.instructions) or '-'}")
    if sig.flagged:
        print(f"NOT UNDERSTOOD: {sig.unparsed or sig.text or '(empty)'}")
    return 0
