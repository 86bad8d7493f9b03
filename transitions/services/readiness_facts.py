"""What readiness looks at for one stay, loaded once through each area's own service.

The readiness steps and the RED checklist both read a :class:`StayFacts`; :func:`facts` loads
it on first use and keeps it in the session's ``info`` until :func:`forget` (called by
:func:`transitions.services.readiness.readiness_of` when it is done), so one readiness
computation loads every area once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from transitions.db.discharge_models import DischargeAcknowledgement
from transitions.db.followup_models import FollowupTask, RiskAssessment
from transitions.db.models import Encounter
from transitions.db.packet_models import DischargePacket
from transitions.packet.content import PacketOptions
from transitions.services.appointments import FollowUpPlan, follow_up_plan_of
from transitions.services.education import EducationView, plan_view
from transitions.services.encounters import load_encounter
from transitions.services.followup_items import (
    HomeServiceView,
    PendingTestView,
    home_services,
    pending_tests,
)
from transitions.services.followup_risk import latest_assessment
from transitions.services.medrec_view import ReconciliationView, build_view
from transitions.services.uow import UnitOfWork

_KEY = "transitions.readiness_facts"


@dataclass(frozen=True)
class PacketState:
    """The latest printed packet and whether the stay changed since (its content fingerprint,
    recomputed now with the same options, differs from the printed one)."""

    version: int
    printed_at: datetime
    printed_by: str
    stale: bool


@dataclass(frozen=True)
class StayFacts:
    encounter: Encounter
    medrec: ReconciliationView
    plan: FollowUpPlan
    pending: tuple[PendingTestView, ...]
    services: tuple[HomeServiceView, ...]
    education: EducationView
    packet: PacketState | None
    risk: RiskAssessment | None
    tasks: tuple[FollowupTask, ...]
    acknowledgements: dict[str, DischargeAcknowledgement]


def latest_packet(uow: UnitOfWork, encounter_id: int) -> DischargePacket | None:
    return uow.session.scalar(
        select(DischargePacket)
        .where(DischargePacket.encounter_id == encounter_id)
        .order_by(DischargePacket.version.desc())
        .limit(1)
    )


def current_fingerprint(uow: UnitOfWork, encounter: Encounter, row: DischargePacket) -> str:
    """The packet fingerprint of the stay as it is now, with the printed packet's options."""
    from transitions.services.packets import plan_packet  # noqa: PLC0415 - heavy, rarely needed

    options = PacketOptions(language=row.language, large_print=row.large_print, paper=row.paper)
    return plan_packet(uow, encounter, options).content_sha256


def packet_state(uow: UnitOfWork, encounter: Encounter) -> PacketState | None:
    row = latest_packet(uow, encounter.id)
    if row is None:
        return None
    return PacketState(
        version=row.version,
        printed_at=row.created_at,
        printed_by=row.created_by,
        stale=current_fingerprint(uow, encounter, row) != row.content_sha256,
    )


def _load(uow: UnitOfWork, encounter_id: int) -> StayFacts:
    encounter = load_encounter(uow, encounter_id=encounter_id, visit_number=None)
    return StayFacts(
        encounter=encounter,
        medrec=build_view(uow, encounter),
        plan=follow_up_plan_of(uow, encounter),
        pending=tuple(pending_tests(uow, encounter.id)),
        services=tuple(home_services(uow, encounter.id)),
        education=plan_view(uow, encounter),
        packet=packet_state(uow, encounter),
        risk=latest_assessment(uow, encounter.id),
        tasks=tuple(
            uow.session.scalars(
                select(FollowupTask).where(FollowupTask.encounter_id == encounter.id)
            )
        ),
        acknowledgements={
            a.item: a
            for a in uow.session.scalars(
                select(DischargeAcknowledgement).where(
                    DischargeAcknowledgement.encounter_id == encounter.id
                )
            )
        },
    )


def facts(uow: UnitOfWork, encounter: Encounter) -> StayFacts:
    """The stay's facts, loaded on first use within one readiness computation."""
    cache: dict[int, Any] = uow.session.info.setdefault(_KEY, {})
    if encounter.id not in cache:
        cache[encounter.id] = _load(uow, encounter.id)
    found: StayFacts = cache[encounter.id]
    return found


def forget(uow: UnitOfWork, encounter_id: int) -> None:
    uow.session.info.get(_KEY, {}).pop(encounter_id, None)
