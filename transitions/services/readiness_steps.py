"""The readiness steps of the discharge workspace: medications, appointments, education, packet,
risk. Each has a rule (a pure function of a few numbers), the one-stay function that spells out
the problems from the area's own service (:mod:`transitions.services.readiness_facts`), and a
bulk function for the worklist that feeds the same rule from a few queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime, tzinfo

from sqlalchemy import Select, func, select
from sqlalchemy.orm import aliased, defer

from transitions.db.appointments_models import Appointment, HomeService, PendingTest
from transitions.db.education_models import EducationRecord
from transitions.db.followup_models import RiskAssessment
from transitions.db.medrec_models import MedrecDecision, MedrecReconciliation
from transitions.db.models import AuditEvent, Clinic, Encounter, Provider
from transitions.db.packet_models import DischargePacket
from transitions.domain.appointments import (
    AppointmentWarning,
    PlannedAppointment,
    RiskTier,
    WarningCode,
    appointment_warnings,
)
from transitions.domain.education.catalog import load_catalog
from transitions.domain.education.progress import OPEN_RESULTS
from transitions.domain.followup import RiskStage, combined_tier
from transitions.domain.medrec.workflow import ReconciliationStatus
from transitions.services import education
from transitions.services.appointments import FollowUpPlan
from transitions.services.encounters import load_encounter
from transitions.services.readiness import (
    DONE,
    IN_PROGRESS,
    MISSING,
    WARNING,
    StepReadiness,
    register_readiness_step,
)
from transitions.services.readiness_facts import (
    OUTPUT_ACTIONS,
    PacketState,
    current_fingerprint,
    facts,
    printed_versions,
)
from transitions.services.readiness_messages import Message, MessageKey, say
from transitions.services.uow import Actor, UnitOfWork

# -- medications ---------------------------------------------------------------------------------


def medrec_status(status: str | None, decided: bool, second_required: bool) -> str:
    """Signed (and verified when the site asks for a second sign-off) = done."""
    if status == ReconciliationStatus.VERIFIED:
        return DONE
    if status == ReconciliationStatus.SIGNED:
        return IN_PROGRESS if second_required else DONE
    return IN_PROGRESS if decided else MISSING


def medications_step(uow: UnitOfWork, encounter: Encounter) -> StepReadiness:
    view = facts(uow, encounter).medrec
    decided = bool(view.discharge) or any(line.decision for line in view.home + view.inpatient)
    status = medrec_status(view.status, decided, view.second_signoff_required)
    problems: list[Message] = []
    if view.status == ReconciliationStatus.DRAFT:
        undecided = sum(1 for line in view.home if line.decision is None)
        if undecided:
            problems.append(say(MessageKey.MEDS_UNDECIDED, n=undecided))
        if view.open_problems:
            problems.append(say(MessageKey.MEDS_SAFETY_OPEN, n=len(view.open_problems)))
        problems.append(say(MessageKey.MEDS_NOT_SIGNED))
    elif view.awaiting_second_signoff:
        problems.append(say(MessageKey.MEDS_AWAITING_SECOND))
    return StepReadiness("medications", status, tuple(problems))


def _medications_bulk(uow: UnitOfWork, actor: Actor, ids: Sequence[int]) -> dict[int, str]:
    states = {
        encounter_id: status
        for encounter_id, status in uow.session.execute(
            select(MedrecReconciliation.encounter_id, MedrecReconciliation.status).where(
                MedrecReconciliation.encounter_id.in_(ids)
            )
        )
    }
    decided = set(
        uow.session.scalars(
            select(MedrecDecision.encounter_id)
            .where(MedrecDecision.encounter_id.in_(ids))
            .group_by(MedrecDecision.encounter_id)
        )
    )
    second = uow.site.medrec_second_signoff
    return {i: medrec_status(states.get(i), i in decided, second) for i in ids}


# -- appointments --------------------------------------------------------------------------------

_NO_PCP = {WarningCode.NO_PCP_FOLLOW_UP}


def appointments_status(
    codes: Iterable[WarningCode], unowned_tests: int, unscheduled_services: int
) -> str:
    """No PCP follow-up booked = missing; any warning, a pending test nobody owns or a home
    service without a start date = warning."""
    found = set(codes)
    if found & _NO_PCP:
        return MISSING
    return WARNING if found or unowned_tests or unscheduled_services else DONE


def warning_message(warning: AppointmentWarning, plan: FollowUpPlan, tz: tzinfo) -> Message:
    """A follow-up plan warning as a keyed message: its code and values, and what the UI needs
    to name the appointment (type, place, start in the hospital's time zone)."""
    params: dict[str, str] = {"code": warning.code.value, **dict(warning.params)}
    appt = next((a for a in plan.appointments if a.id == warning.appointment_id), None)
    if appt is not None:
        start = appt.starts_at.astimezone(tz).isoformat()
        params.update(type=appt.type.value, where=appt.where, starts_at=start)
    return say(MessageKey.APPOINTMENT_WARNING, message=warning.message, **params)


def appointments_step(uow: UnitOfWork, encounter: Encounter) -> StepReadiness:
    data = facts(uow, encounter)
    unowned = [t for t in data.pending if t.responsible_id is None]
    unscheduled = [s for s in data.services if s.starts_on is None]
    problems = [warning_message(w, data.plan, uow.tz) for w in data.plan.warnings]
    problems += [say(MessageKey.PENDING_UNOWNED, test=t.test_name) for t in unowned]
    problems += [say(MessageKey.SERVICE_NO_START, service=s.description) for s in unscheduled]
    status = appointments_status(
        (w.code for w in data.plan.warnings), len(unowned), len(unscheduled)
    )
    return StepReadiness("appointments", status, tuple(problems))


def _latest_tiers(uow: UnitOfWork, ids: Sequence[int]) -> dict[int, RiskAssessment]:
    """The latest risk assessment per stay (discharge stage first), as ``latest_assessment``."""
    best: dict[int, RiskAssessment] = {}
    for row in uow.session.scalars(
        select(RiskAssessment).where(RiskAssessment.encounter_id.in_(ids))
    ):
        current = best.get(row.encounter_id)
        key = (row.stage is RiskStage.DISCHARGE, row.computed_at)
        if current is None or key > (current.stage is RiskStage.DISCHARGE, current.computed_at):
            best[row.encounter_id] = row
    return best


def _appointments_bulk(uow: UnitOfWork, actor: Actor, ids: Sequence[int]) -> dict[int, str]:
    tz = uow.tz
    now = uow.now()
    stays = {
        row.id: row.discharge_time or row.planned_discharge_time or now
        for row in uow.session.execute(
            select(Encounter.id, Encounter.discharge_time, Encounter.planned_discharge_time).where(
                Encounter.id.in_(ids)
            )
        )
    }
    own, prov, prov_clinic = aliased(Clinic), aliased(Provider), aliased(Clinic)
    planned: dict[int, list[PlannedAppointment]] = defaultdict(list)
    for appt, own_id, own_hours, prov_hours in uow.session.execute(
        select(Appointment, own.id, own.opening_hours, prov_clinic.opening_hours)
        .outerjoin(own, Appointment.clinic_id == own.id)
        .outerjoin(prov, Appointment.provider_id == prov.id)
        .outerjoin(prov_clinic, prov.clinic_id == prov_clinic.id)
        .where(Appointment.encounter_id.in_(ids))
    ):
        planned[appt.encounter_id].append(
            PlannedAppointment(
                id=appt.id,
                type=appt.type,
                status=appt.status,
                start=appt.starts_at.astimezone(tz).replace(tzinfo=None),
                duration_minutes=appt.duration_minutes,
                where="",
                opening_hours=own_hours if own_id is not None else prov_hours,
                transport_needed=appt.transport_needed,
                transport_arranged=appt.transport_arranged,
                interpreter_needed=appt.interpreter_needed,
                interpreter_arranged=appt.interpreter_arranged,
            )
        )
    unowned = _counts(
        uow,
        select(PendingTest.encounter_id, func.count())
        .where(PendingTest.encounter_id.in_(ids), PendingTest.responsible_id.is_(None))
        .group_by(PendingTest.encounter_id),
    )
    unscheduled = _counts(
        uow,
        select(HomeService.encounter_id, func.count())
        .where(HomeService.encounter_id.in_(ids), HomeService.starts_on.is_(None))
        .group_by(HomeService.encounter_id),
    )
    tiers = {
        i: RiskTier(combined_tier(r.lace_tier, r.hospital_tier))
        for i, r in _latest_tiers(uow, ids).items()
    }
    default = RiskTier(uow.site.default_risk_tier)
    result = {}
    for i in ids:
        reference: datetime | None = stays.get(i)
        if reference is None:
            continue
        warnings = appointment_warnings(
            planned.get(i, []),
            discharge=reference.astimezone(tz).replace(tzinfo=None),
            tier=tiers.get(i, default),
            calendar=uow.site.holiday_calendar,
            travel_buffer_minutes=uow.site.travel_buffer_minutes,
        )
        result[i] = appointments_status(
            (w.code for w in warnings), unowned.get(i, 0), unscheduled.get(i, 0)
        )
    return result


def _counts(uow: UnitOfWork, query: Select[int, int]) -> dict[int, int]:
    return {encounter_id: n for encounter_id, n in uow.session.execute(query)}


# -- education -----------------------------------------------------------------------------------


def education_status(done: int, required: int, reinforce: int, unplanned: int) -> str:
    """Every item understood, or at "needs reinforcement" with a plan = done; an item left to
    reinforce without a plan = warning; nothing taught = missing."""
    if done >= required:
        return DONE
    if unplanned:
        return WARNING
    if done == 0 and reinforce == 0:
        return MISSING
    return DONE if done + reinforce >= required else IN_PROGRESS


def has_plan(notes: str | None) -> bool:
    """A needs-reinforcement result has a plan when its notes say how it will be reinforced."""
    return bool((notes or "").strip())


def module_title_es(module_id: str) -> str:
    """The module's Spanish title ("" when the catalog no longer has it)."""
    catalog = load_catalog()
    return catalog.get(module_id).title.es if module_id in catalog else ""


def item_title_es(module_id: str, item_id: str) -> str:
    catalog = load_catalog()
    try:
        return catalog.get(module_id).item(item_id).title.es if module_id in catalog else ""
    except KeyError:
        return ""


def education_step(uow: UnitOfWork, encounter: Encounter) -> StepReadiness:
    view = facts(uow, encounter).education
    progress = view.progress
    open_items = [
        (module, item)
        for module in view.modules
        for item in module.items
        if not item.done and item.latest is not None and item.latest.result in OPEN_RESULTS
    ]
    unplanned = [
        (m, i) for m, i in open_items if not has_plan(i.latest.notes if i.latest else None)
    ]
    status = education_status(
        progress.done, progress.required, progress.needs_reinforcement, len(unplanned)
    )
    problems = [
        say(
            MessageKey.EDUCATION_UNPLANNED,
            module=m.title_en,
            item=i.title_en,
            module_es=module_title_es(m.module_id),
            item_es=item_title_es(m.module_id, i.item_id),
        )
        for m, i in unplanned
    ]
    untaught = progress.required - progress.done - len(open_items)
    if untaught > 0:
        problems.append(say(MessageKey.EDUCATION_UNTAUGHT, n=untaught, total=progress.required))
    return StepReadiness("education", status, tuple(problems))


def _education_bulk(uow: UnitOfWork, actor: Actor, ids: Sequence[int]) -> dict[int, str]:
    progress = education.education_progress(uow, actor, ids)
    latest: dict[int, dict[tuple[str, str], tuple[str, str | None]]] = defaultdict(dict)
    for row in uow.session.execute(
        select(
            EducationRecord.encounter_id,
            EducationRecord.module_id,
            EducationRecord.item_id,
            EducationRecord.result,
            EducationRecord.notes,
        )
        .where(EducationRecord.encounter_id.in_(ids))
        .order_by(EducationRecord.taught_at, EducationRecord.id)
    ):
        latest[row.encounter_id][(row.module_id, row.item_id)] = (row.result, row.notes)
    result = {}
    for i, p in progress.items():
        unplanned = sum(
            1 for res, notes in latest[i].values() if res in OPEN_RESULTS and not has_plan(notes)
        )
        # records of a module the nurse removed since do not count against the stay
        unplanned = min(unplanned, p.needs_reinforcement)
        result[i] = education_status(p.done, p.required, p.needs_reinforcement, unplanned)
    return result


# -- packet --------------------------------------------------------------------------------------


def packet_status(state: PacketState) -> tuple[str, Message | None]:
    """(status, problem) of the packet: printed after the last change = done."""
    if state.printed_version is None:
        if state.versions:
            return MISSING, say(MessageKey.PACKET_PREVIEWED)
        return MISSING, say(MessageKey.PACKET_NONE)
    if state.stale:
        return WARNING, say(MessageKey.PACKET_STALE, version=state.printed_version)
    return DONE, None


def packet_step(uow: UnitOfWork, encounter: Encounter) -> StepReadiness:
    status, problem = packet_status(facts(uow, encounter).packet)
    return StepReadiness("packet", status, (problem,) if problem else ())


#: audit actions that change nothing a packet prints
_NOT_CHANGES = ("view", "generate", *OUTPUT_ACTIONS)


def _packet_bulk(uow: UnitOfWork, actor: Actor, ids: Sequence[int]) -> dict[int, str]:
    """Three queries: the stays' packets, their printing (audit), the patients' latest audited
    change (every change is audited). A packet with no change recorded since it was made is
    current; only the others have their content rebuilt to compare fingerprints, as
    :func:`packet_step` does."""
    rows = uow.session.execute(
        select(DischargePacket, Encounter.patient_id, Encounter.visit_number)
        .join(Encounter, Encounter.id == DischargePacket.encounter_id)
        .where(DischargePacket.encounter_id.in_(ids))
        .options(defer(DischargePacket.pdf))
        .order_by(DischargePacket.version.desc())
    ).all()
    result = dict.fromkeys(ids, MISSING)
    if not rows:
        return result
    printed = printed_versions(uow, {patient_id for _, patient_id, _ in rows})
    latest: dict[int, tuple[DischargePacket, int]] = {}
    for row, patient_id, visit in rows:
        if row.encounter_id not in latest and row.version in printed.get(visit, {}):
            latest[row.encounter_id] = (row, patient_id)
    if not latest:
        return result
    changed = {
        patient_id: last
        for patient_id, last in uow.session.execute(
            select(AuditEvent.patient_id, func.max(AuditEvent.occurred_at))
            .where(
                AuditEvent.patient_id.in_({p for _, p in latest.values()}),
                AuditEvent.occurred_at >= min(row.created_at for row, _ in latest.values()),
                AuditEvent.action.not_in(_NOT_CHANGES),
            )
            .group_by(AuditEvent.patient_id)
        )
    }
    for encounter_id, (row, patient_id) in latest.items():
        last = changed.get(patient_id)
        stale = False
        if last is not None and last >= row.created_at:
            encounter = load_encounter(uow, encounter_id=encounter_id, visit_number=None)
            stale = current_fingerprint(uow, encounter, row) != row.content_sha256
        result[encounter_id] = WARNING if stale else DONE
    return result


# -- risk ----------------------------------------------------------------------------------------


def risk_step(uow: UnitOfWork, encounter: Encounter) -> StepReadiness:
    """Scored (LACE and HOSPITAL stored) = done. Inputs not on file are scored 0 and listed
    with the scores; the procedure input is never on file, so they do not make a warning."""
    if facts(uow, encounter).risk is None:
        return StepReadiness("risk", MISSING, (say(MessageKey.RISK_NOT_SCORED),))
    return StepReadiness("risk", DONE)


def _risk_bulk(uow: UnitOfWork, actor: Actor, ids: Sequence[int]) -> dict[int, str]:
    latest = _latest_tiers(uow, ids)
    return {i: DONE if i in latest else MISSING for i in ids}


register_readiness_step("medications", medications_step, bulk=_medications_bulk)
register_readiness_step("appointments", appointments_step, bulk=_appointments_bulk)
register_readiness_step("education", education_step, bulk=_education_bulk)
register_readiness_step("packet", packet_step, bulk=_packet_bulk)
register_readiness_step("risk", risk_step, bulk=_risk_bulk)
