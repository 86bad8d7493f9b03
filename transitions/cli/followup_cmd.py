"""`transitions followups`: the unit manager's 30-day follow-up list, the dashboard, backfill.

transitions followups [--unit CODE] [--as-of YYYY-MM-DD] --format json|csv
transitions followups dashboard --from YYYY-MM-DD --to YYYY-MM-DD [--unit CODE]
                                [--format json|csv] [--pdf FILE]
transitions followups backfill [--days N]
"""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from transitions.cli.common import (
    CliParser,
    Context,
    add_database_option,
    iso_date,
    positive_int,
    print_json,
)
from transitions.services.followup_list import (
    FollowupFilter,
    backfill,
    dashboard_cells,
    list_followups,
    rows_to_csv,
)


def register(sub: Any) -> None:
    fu = sub.add_parser(
        "followups",
        help="the 30-day follow-up list of discharged patients (unit managers)",
        description="Everyone discharged in the last 30 days: risk scores, next task and due "
        "date, overdue, last call outcome, readmission.",
    )
    fu.add_argument("--unit", metavar="CODE", help="only this ward (unit code)")
    fu.add_argument(
        "--as-of",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="the list as of this day (default today)",
    )
    fu.add_argument("--format", choices=("json", "csv"), help="output format (required)")
    add_database_option(fu)
    fu.set_defaults(func=_list, parser=fu)
    fu_sub = fu.add_subparsers(dest="followups_command", metavar="ACTION", parser_class=CliParser)

    dash = fu_sub.add_parser(
        "dashboard", help="per unit and month: contact, visit, readmission rates"
    )
    dash.add_argument("--from", dest="first", type=iso_date, metavar="YYYY-MM-DD")
    dash.add_argument("--to", dest="last", type=iso_date, metavar="YYYY-MM-DD")
    dash.add_argument("--unit", dest="dash_unit", metavar="CODE", help="only this ward")
    dash.add_argument("--format", dest="dash_format", choices=("json", "csv"), default="json")
    dash.add_argument("--pdf", type=Path, metavar="FILE", help="also write the printable report")
    add_database_option(dash)
    dash.set_defaults(func=_dashboard)

    fill = fu_sub.add_parser(
        "backfill", help="scores, tasks and readmission links for past discharges that lack them"
    )
    fill.add_argument("--days", type=positive_int, default=90, help="look back N days (90)")
    fill.add_argument(
        "--demo-history",
        type=int,
        metavar="SEED",
        help="demo databases only: also invent a believable call/visit history (seeded)",
    )
    add_database_option(fill)
    fill.set_defaults(func=_backfill)


def _list(args: argparse.Namespace) -> int:
    if args.format is None:
        args.parser.error("the following arguments are required: --format")
    flt = FollowupFilter(unit_code=args.unit, as_of=args.as_of)
    ctx = Context(args)
    try:
        with ctx.uow() as uow:
            as_of = args.as_of or uow.today()
            rows = list_followups(uow, ctx.actor, flt)
    finally:
        ctx.close()
    if args.format == "csv":
        sys.stdout.write(rows_to_csv(rows))
    else:
        print_json(
            {
                "as_of": as_of.isoformat(),
                "unit": args.unit,
                "count": len(rows),
                "overdue": sum(1 for r in rows if r.overdue),
                "followups": [r.to_json() for r in rows],
            }
        )
    return 0


def _dashboard(args: argparse.Namespace) -> int:
    ctx = Context(args)
    try:
        with ctx.uow() as uow:
            last: date = args.last or uow.today()
            first: date = args.first or (last - timedelta(days=89)).replace(day=1)
            cells = dashboard_cells(
                uow, ctx.actor, first=first, last=last, unit_code=args.dash_unit
            )
            hospital = ctx.site.hospital_name
    finally:
        ctx.close()
    if args.pdf is not None:
        from transitions.reports.followup_dashboard import write_dashboard_pdf

        write_dashboard_pdf(
            args.pdf,
            cells,
            hospital=hospital,
            first=first,
            last=last,
            visit_deadlines=ctx.site.visit_deadline_days,
        )
    data = [c.to_json() for c in cells]
    if args.dash_format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        keys = list(data[0]) if data else ["unit", "month", "tier", "discharges"]
        writer.writerow(keys)
        for item in data:
            writer.writerow(["" if item[k] is None else item[k] for k in keys])
    else:
        print_json({"from": first.isoformat(), "to": last.isoformat(), "cells": data})
    return 0


def _backfill(args: argparse.Namespace) -> int:
    ctx = Context(args)
    try:
        with ctx.uow() as uow:
            result = backfill(uow, ctx.actor, days=args.days)
        if args.demo_history is not None:
            from transitions.demo.followup_history import simulate_followup_history

            with ctx.uow() as uow:
                simulate_followup_history(uow, ctx.actor, seed=args.demo_history)
    finally:
        ctx.close()
    print(
        f"backfilled {result.stays} discharges: {result.tasks_created} tasks, "
        f"{result.readmissions_linked} readmissions linked"
    )
    return 0
