"""`transitions encounter show VISIT_NUMBER`, `encounter list` and `encounter readiness`."""

from __future__ import annotations

import argparse
from typing import Any

from transitions.cli.common import (
    Context,
    add_database_option,
    add_json_option,
    iso_date,
    print_json,
)
from transitions.domain.encounter_status import ACTIVE_STATUSES, EncounterStatus
from transitions.services import encounters, readiness
from transitions.services.encounters import StayDetail, StayFilter

STATUS_CHOICES = [s.value for s in EncounterStatus] + ["active"]


def register(sub: Any) -> None:
    enc = sub.add_parser("encounter", help="look at hospital stays")
    enc_sub = enc.add_subparsers(dest="encounter_command", metavar="ACTION", required=True)

    show = enc_sub.add_parser("show", help="everything about one stay")
    show.add_argument("visit_number", metavar="VISIT_NUMBER")
    add_json_option(show)
    show.set_defaults(func=_show)

    lst = enc_sub.add_parser("list", help="inpatient stays, earliest planned discharge first")
    lst.add_argument("--unit", metavar="CODE", help="only this ward (unit code)")
    lst.add_argument(
        "--status",
        choices=STATUS_CHOICES,
        metavar="S",
        help="only stays in this status: " + ", ".join(STATUS_CHOICES) + " (active = in hospital)",
    )
    lst.add_argument(
        "--discharge-date",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="only stays discharged, or planned to be, on this day (site time)",
    )
    add_json_option(lst)
    lst.set_defaults(func=_list)

    ready = enc_sub.add_parser(
        "readiness", help="discharge readiness: each step and the Project RED checklist"
    )
    ready.add_argument("visit_number", metavar="VISIT_NUMBER")
    add_json_option(ready)
    ready.set_defaults(func=_readiness)
    for parser in (enc, show, lst, ready):
        add_database_option(parser)


def _show(args: argparse.Namespace) -> int:
    ctx = Context(args)
    try:
        with ctx.uow() as uow:
            if args.json:
                print_json(encounters.stay_document(uow, ctx.actor, args.visit_number))
                return 0
            detail = encounters.get_stay(uow, ctx.actor, visit_number=args.visit_number)
    finally:
        ctx.close()
    _print_detail(detail)
    return 0


def _list(args: argparse.Namespace) -> int:
    statuses: frozenset[EncounterStatus] | None = None
    if args.status == "active":
        statuses = ACTIVE_STATUSES
    elif args.status:
        statuses = frozenset({EncounterStatus(args.status)})
    flt = StayFilter(unit_code=args.unit, statuses=statuses, discharge_date=args.discharge_date)
    ctx = Context(args)
    try:
        with ctx.uow() as uow:
            rows = encounters.list_stays(uow, ctx.actor, flt)
    finally:
        ctx.close()
    if args.json:
        print_json({"count": len(rows), "encounters": [row.to_json() for row in rows]})
        return 0
    print(
        f"{'visit':<12} {'MRN':<10} {'patient':<28} {'unit':<5} {'status':<18} planned/discharged"
    )
    for row in rows:
        when = row.discharge_time or row.planned_discharge_time
        print(
            f"{row.visit_number:<12} {row.mrn:<10} {row.patient_name[:28]:<28} "
            f"{row.unit_code or '':<5} {row.status.value:<18} "
            f"{when.isoformat(timespec='minutes') if when else ''}"
        )
    print(f"{len(rows)} stays")
    return 0


def _readiness(args: argparse.Namespace) -> int:
    ctx = Context(args)
    try:
        with ctx.uow() as uow:
            encounter_id = readiness.encounter_id_of(uow, args.visit_number)
            result = readiness.stay_readiness(uow, ctx.actor, encounter_id)
    finally:
        ctx.close()
    if args.json:
        print_json(result.to_json())
        return 0
    print(f"stay {result.visit_number}: {'ready' if result.ready else 'not ready'} to discharge")
    for key, step in result.steps.items():
        print(f"  {key:<13} {step.status:<12} {'; '.join(step.problems)}")
    print("Project RED checklist:")
    for item in result.red_checklist:
        mark = " (blocks)" if item.blocking else ""
        extra = f" - acknowledged: {item.reason}" if item.reason else f" - {item.detail}"
        print(f"  {item.status:<12} {item.key}{mark}: {item.label}{extra}")
    return 0


def _print_detail(detail: StayDetail) -> None:
    p = detail.patient
    print(f"{p.display_name}  MRN {p.mrn}  {p.age} y {p.sex}  born {p.birth_date.isoformat()}")
    print(
        f"stay {detail.visit_number}: {detail.status.label}, unit {detail.unit_code or '-'} "
        f"room {detail.room or '-'}, {detail.length_of_stay_days} days, "
        f"attending {detail.attending or '-'}"
    )
    allergies = ", ".join(a.substance for a in detail.allergies) or "none recorded"
    print(f"allergies: {allergies}")
    for dx in detail.diagnoses:
        mark = "*" if dx.principal else " "
        print(f" {mark} {dx.code:<9} {dx.description or ''}")
    for med in detail.medications:
        print(f"   [{med.list_kind}] {med.drug_name} {med.dose or ''} {med.frequency or ''}")
