"""Batch printing of discharge packets: which stays leave a unit on a day, and their jobs.

The jobs are rendered elsewhere (worker processes in the CLI, the GUI's worker thread) and
stored with :func:`transitions.services.packets.store_rendered`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select

from transitions.db.models import Encounter, Patient, Unit
from transitions.domain.encounter_status import EncounterStatus
from transitions.errors import NotFoundError
from transitions.services.encounters import load_encounter, local_day_bounds
from transitions.services.packets import (
    PacketJob,
    packet_language,
    plan_packet,
    resolve_options,
)
from transitions.services.permissions import require
from transitions.services.uow import Actor, UnitOfWork


@dataclass(frozen=True)
class DischargeRow:
    encounter_id: int
    visit_number: str
    patient_name: str
    language: str


def _unit(uow: UnitOfWork, unit_code: str) -> Unit:
    unit = uow.session.scalar(select(Unit).where(func.upper(Unit.code) == unit_code.upper()))
    if unit is None:
        raise NotFoundError(f"no unit with code '{unit_code}'")
    return unit


def discharges_on(uow: UnitOfWork, actor: Actor, unit_code: str, day: date) -> list[DischargeRow]:
    """A unit's stays leaving on ``day`` (site time): discharged that day, or planned for that
    day and not discharged yet. Cancelled stays are left out."""
    require(actor, "packet.batch_print")
    unit = _unit(uow, unit_code)
    start, end = local_day_bounds(day, uow.tz)
    rows = uow.session.execute(
        select(
            Encounter.id,
            Encounter.visit_number,
            Patient.given_name,
            Patient.family_name,
            Patient.preferred_language,
        )
        .join(Patient, Patient.id == Encounter.patient_id)
        .where(
            Encounter.unit_id == unit.id,
            Encounter.status != EncounterStatus.CANCELLED,
            or_(
                (Encounter.discharge_time >= start) & (Encounter.discharge_time < end),
                Encounter.discharge_time.is_(None)
                & (Encounter.planned_discharge_time >= start)
                & (Encounter.planned_discharge_time < end),
            ),
        )
        .order_by(Patient.family_name, Patient.given_name, Encounter.visit_number)
    ).all()
    return [
        DischargeRow(r.id, r.visit_number, f"{r.family_name}, {r.given_name}",
                     packet_language(r.preferred_language))
        for r in rows
    ]  # fmt: skip


def plan_batch(
    uow: UnitOfWork, actor: Actor, encounter_ids: list[int], *, large_print: bool = False
) -> list[PacketJob]:
    """Jobs for several stays, each in its patient's language."""
    require(actor, "packet.batch_print")
    jobs = []
    for encounter_id in encounter_ids:
        encounter = load_encounter(uow, encounter_id=encounter_id, visit_number=None)
        options = resolve_options(
            uow.site, language=None, large_print=large_print,
            preferred=encounter.patient.preferred_language,
        )  # fmt: skip
        jobs.append(plan_packet(uow, encounter, options))
    return jobs
