"""What readiness looks at for one stay, loaded once through each area's own service.

The readiness steps and the RED checklist both read a :class:`StayFacts`; :func:`facts` loads
it on first use and keeps it in the session's ``info`` until :func:`forget` (called by
:func:`transitions.services.readiness.readiness_of` when it is done), so one readiness
computation loads every area once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import defer

from transitions.db.discharge_models import DischargeAcknowledgement
from transitions.db.followup_models import FollowupTask, RiskAssessment
from transitions.db.models import AuditEvent, Encounter
from transitions.db.packet_models import DischargePacket
from transitions.domain.followup import TaskStatus
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
    """The stay's packets: the latest one printed (or saved as PDF) and whether the stay changed
    since (its content fingerprint, recomputed now with the same options, differs)."""

    #: versions made (previewing makes one); 0 = none
    versions: int
    #: the latest version printed, exported or reprinted (None: made but never printed)
    printed_version: int | None = None
    printed_at: datetime | None = None
    printed_by: str | None = None
    stale: bool = False


@dataclass(frozen=True)
class StayFacts:
    encounter: Encounter
    medrec: ReconciliationView
    plan: FollowUpPlan
    pending: tuple[PendingTestView, ...]
    services: tuple[HomeServiceView, ...]
    education: EducationView
    packet: PacketState
    risk: RiskAssessment | None
    tasks: tuple[FollowupTask, ...]
    acknowledgements: dict[str, DischargeAcknowledgement]


#: audit actions that put a packet in the patient's hands (transitions.services.packets)
OUTPUT_ACTIONS = ("print", "export", "reprint")


def printed_versions(
    uow: UnitOfWork, patient_ids: Iterable[int]
) -> dict[str, dict[int, tuple[datetime, str]]]:
    """visit number -> {packet version: (last output time, by whom)} from the audit trail
    (printing, saving as PDF and reprinting are audited as ``visit#version``)."""
    found: dict[str, dict[int, tuple[datetime, str]]] = defaultdict(dict)
    rows = uow.session.execute(
        select(AuditEvent.entity_id, AuditEvent.occurred_at, AuditEvent.username)
        .where(
            AuditEvent.patient_id.in_(set(patient_ids)),
            AuditEvent.entity == "discharge_packet",
            AuditEvent.action.in_(OUTPUT_ACTIONS),
        )
        .order_by(AuditEvent.occurred_at, AuditEvent.id)
    )
    for entity_id, occurred_at, username in rows:
        visit, _, version = (entity_id or "").rpartition("#")
        if visit and version.isdigit():
            found[visit][int(version)] = (occurred_at, username)
    return found


def printed_packet(
    uow: UnitOfWork, encounter: Encounter, printed: dict[int, tuple[datetime, str]]
) -> tuple[int, DischargePacket | None]:
    """(how many versions were made, the latest printed one) of a stay, without PDF bytes."""
    rows = uow.session.scalars(
        select(DischargePacket)
        .where(DischargePacket.encounter_id == encounter.id)
        .options(defer(DischargePacket.pdf))
        .order_by(DischargePacket.version.desc())
    ).all()
    return len(rows), next((r for r in rows if r.version in printed), None)


def current_fingerprint(uow: UnitOfWork, encounter: Encounter, row: DischargePacket) -> str:
    """The packet fingerprint of the stay as it is now, with the printed packet's options."""
    from transitions.services.packets import plan_packet  # noqa: PLC0415 - heavy, rarely needed

    options = PacketOptions(language=row.language, large_print=row.large_print, paper=row.paper)
    return plan_packet(uow, encounter, options).content_sha256


def packet_state(uow: UnitOfWork, encounter: Encounter) -> PacketState:
    printed = printed_versions(uow, [encounter.patient_id]).get(encounter.visit_number, {})
    made, row = printed_packet(uow, encounter, printed)
    if row is None:
        return PacketState(versions=made)
    at, by = printed[row.version]
    return PacketState(
        versions=made,
        printed_version=row.version,
        printed_at=at,
        printed_by=by,
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
                # a cancelled discharge's cancelled tasks do not count (ADT A13)
                select(FollowupTask).where(
                    FollowupTask.encounter_id == encounter.id,
                    FollowupTask.status != TaskStatus.CANCELLED,
                )
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
