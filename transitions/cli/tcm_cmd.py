"""`transitions tcm deadlines --discharged YYYY-MM-DD [--holidays CODE] [--json]`.

The CMS transitional care management clock (CPT 99495/99496) of one discharge date. Pure
calculation: no database is opened; only the site file is read for the default calendar.
"""

from __future__ import annotations

import argparse
import json
from datetime import date, timedelta
from typing import Any

from transitions.cli.common import add_json_option, iso_date
from transitions.config import load_site_config
from transitions.domain.calendar import HolidayCalendar
from transitions.domain.tcm import tcm_deadlines
from transitions.errors import ValidationError


def holiday_calendar(value: str) -> HolidayCalendar:
    """argparse type: a ``holidays`` country code (``US``, ``CA``, ``US-NY``) or ``none``."""
    try:
        return HolidayCalendar.parse(value)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(sub: Any) -> None:
    tcm = sub.add_parser("tcm", help="transitional care management (TCM) deadlines")
    tcm_sub = tcm.add_subparsers(dest="tcm_command", metavar="ACTION", required=True)
    deadlines = tcm_sub.add_parser(
        "deadlines",
        help="contact, visit and period deadlines of a discharge (CMS MLN908628)",
    )
    deadlines.add_argument(
        "--discharged", type=iso_date, required=True, metavar="YYYY-MM-DD", help="discharge date"
    )
    deadlines.add_argument(
        "--holidays",
        type=holiday_calendar,
        metavar="CODE",
        help="holiday calendar: a country code such as US or CA (US-NY for a state), "
        "or 'none' for weekends only (default: the site calendar)",
    )
    add_json_option(deadlines)
    deadlines.set_defaults(func=_deadlines)


def _deadlines(args: argparse.Namespace) -> int:
    calendar: HolidayCalendar = args.holidays or load_site_config().holiday_calendar
    discharged: date = args.discharged
    result = tcm_deadlines(discharged, calendar)
    if args.json:
        print(json.dumps(result.to_json()))
        return 0
    skipped = calendar.holidays_between(discharged + timedelta(days=1), result.contact_due)
    rows = [
        ("Discharged", discharged, ""),
        ("Interactive contact", result.contact_due, f"2 business days, holidays: {calendar.code}"),
        ("Visit, high complexity", result.visit_due_high, "CPT 99496, 7 days"),
        ("Visit, moderate complexity", result.visit_due_moderate, "CPT 99495, 14 days"),
        ("TCM period ends", result.period_end, "30 days from discharge"),
    ]
    for label, day, note in rows:
        print(f"{label:<28}{day:%a %Y-%m-%d}  {note}".rstrip())
    for holiday in skipped:
        print(f"{'  holiday':<28}{holiday.day:%a %Y-%m-%d}  {holiday.name}")
    return 0
