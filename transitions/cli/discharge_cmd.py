"""`transitions discharge VISIT_NUMBER --disposition CODE [--acknowledge ITEM=REASON ...]`: the
nurse's discharge sign-off, as the command-line user."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from transitions.cli.common import Context, add_database_option, add_json_option, print_json
from transitions.domain.codes import discharge_dispositions
from transitions.services import discharge, readiness
from transitions.services.discharge import DischargeBlockedError
from transitions.services.json_values import jsonable


def _acknowledgement(value: str) -> tuple[str, str]:
    item, sep, reason = value.partition("=")
    if not sep or not item.strip() or not reason.strip():
        raise argparse.ArgumentTypeError(f"'{value}' is not ITEM=REASON")
    return item.strip(), reason.strip()


def register(sub: Any) -> None:
    cmd = sub.add_parser(
        "discharge",
        help="sign the discharge off: disposition, checklist acknowledgements, stay discharged",
        description="Refused (exit 2, one line per item) while a checklist item blocks discharge "
        "under site policy, or is missing without an acknowledgement.",
    )
    cmd.add_argument("visit_number", metavar="VISIT_NUMBER")
    cmd.add_argument(
        "--disposition",
        required=True,
        metavar="CODE",
        help="FHIR discharge disposition: " + ", ".join(discharge_dispositions()),
    )
    cmd.add_argument(
        "--acknowledge",
        action="append",
        default=[],
        type=_acknowledgement,
        metavar="ITEM=REASON",
        help="accept a missing checklist item that does not block, with the reason (repeatable)",
    )
    add_json_option(cmd)
    add_database_option(cmd)
    cmd.set_defaults(func=_discharge)


def _discharge(args: argparse.Namespace) -> int:
    ctx = Context(args)
    try:
        with ctx.uow() as uow:
            encounter_id = readiness.encounter_id_of(uow, args.visit_number)
            record = discharge.discharge_patient(
                uow, ctx.actor, encounter_id, args.disposition, args.acknowledge
            )
    except DischargeBlockedError as blocked:
        for line in blocked.lines:
            print(f"transitions discharge: {line}", file=sys.stderr)
        return 2
    finally:
        ctx.close()
    if args.json:
        print_json(jsonable(record.to_json()))
        return 0
    when = record.discharge_time.isoformat(timespec="minutes")
    how = " (completing the ADT feed's discharge)" if record.completed_adt else ""
    print(f"stay {record.visit_number} discharged to {record.disposition_display} at {when}{how}")
    return 0
