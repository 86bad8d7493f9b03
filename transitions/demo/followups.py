"""Demo follow-ups: some current inpatients already have their PCP visit booked (issue 5).

Deterministic: every third current inpatient stay with a planned discharge and a PCP (by stay
id) gets a booked PCP follow-up 5 days after the planned discharge at 10:00 local time, moved
to the Monday when that is a weekend; every ninth also a lab the weekday before at 08:30. Written
with the generator's bulk writer inside its transaction.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo

from sqlalchemy import select

from transitions.demo.timeline import at
from transitions.demo.writer import BulkWriter, table
from transitions.domain.appointments import AppointmentStatus, AppointmentType
from transitions.domain.encounter_status import ACTIVE_STATUSES


def _weekday(day: date) -> date:
    return day + timedelta(days=(7 - day.weekday()) % 7) if day.weekday() >= 5 else day


def add_demo_followups(writer: BulkWriter, today: date, tz: tzinfo) -> int:
    """Book the demo follow-ups; returns how many appointments were written."""
    enc, pat = table("encounter"), table("patient")
    stays = writer.connection.execute(
        select(enc.c.id, enc.c.planned_discharge_time, pat.c.pcp_id)
        .join(pat, enc.c.patient_id == pat.c.id)
        .where(
            enc.c.status.in_(sorted(s.value for s in ACTIVE_STATUSES)),
            enc.c.planned_discharge_time.is_not(None),
            pat.c.pcp_id.is_not(None),
        )
        .order_by(enc.c.id)
    ).all()
    booked = at(today, 9, 0, tz)
    rows = []
    for n, (stay_id, planned, pcp_id) in enumerate(stays):
        if n % 3:
            continue
        planned_day = _local_day(planned, tz)
        visit_day = _weekday(planned_day + timedelta(days=5))
        plans = [(AppointmentType.PCP_FOLLOW_UP, at(visit_day, 10, 0, tz))]
        if n % 9 == 0:
            lab_day = visit_day - timedelta(days=1)
            while lab_day.weekday() >= 5:
                lab_day -= timedelta(days=1)
            plans.append((AppointmentType.LAB, at(lab_day, 8, 30, tz)))
        for kind, start in plans:
            rows.append(
                {
                    "encounter_id": stay_id,
                    "type": kind.value,
                    "status": AppointmentStatus.BOOKED.value,
                    "provider_id": pcp_id,
                    "clinic_id": None,
                    "starts_at": start,
                    "duration_minutes": 30 if kind is AppointmentType.PCP_FOLLOW_UP else 15,
                    "transport_needed": False,
                    "transport_arranged": False,
                    "interpreter_needed": False,
                    "interpreter_arranged": False,
                    "patient_notes": None,
                    "booked_by": "demo",
                    "booked_at": booked,
                    "rebooked_from_id": None,
                    "created_at": booked,
                    "updated_at": booked,
                    "version_id": 1,
                }
            )
    if rows:
        first = writer.next_id("appointment", len(rows))
        for offset, row in enumerate(rows):
            row["id"] = first + offset
        writer.insert("appointment", rows)
    return len(rows)


def _local_day(moment: datetime, tz: tzinfo) -> date:
    if moment.tzinfo is None:  # defensive: stored times are UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(tz).date()
