"""Follow-up after discharge: tasks created at discharge, the call log view, readmission linking
(the user actions on tasks are in :mod:`transitions.services.followup_calls`).

Hooks called inside another service's unit of work (they audit but do not commit):
:func:`create_followup_tasks` (a stay became discharged), :func:`assess_at_planning` (a stay
entered discharge planning) and :func:`link_readmission` (a new inpatient stay was recorded, by
hand or by an ADT/FHIR import).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from transitions.db.followup_models import CallAttempt, FollowupTask, ReadmissionLink
from transitions.db.models import Encounter, Patient, Unit, User
from transitions.domain.encounter_status import EncounterStatus
from transitions.domain.enums import AdmissionType, EncounterClass
from transitions.domain.followup import (
    READMISSION_WINDOW_DAYS,
    RiskStage,
    TaskKind,
    TaskStatus,
    combined_tier,
    plan_tasks,
)
from transitions.errors import NotFoundError, ValidationError
from transitions.services.encounters import register_stay_section
from transitions.services.followup_risk import (
    RiskView,
    assess_stay,
    latest_assessment,
    risk_section,
    view_of,
)
from transitions.services.permissions import require
from transitions.services.uow import Actor, UnitOfWork

#: a task that counts: not cancelled with a cancelled discharge (ADT A13; kept as history)
ACTIVE_TASK = FollowupTask.status != TaskStatus.CANCELLED


def _local_date(uow: UnitOfWork, moment: datetime) -> date:
    return moment.astimezone(uow.tz).date()


# -- hooks ------------------------------------------------------------------------------------


def assess_at_planning(uow: UnitOfWork, actor: Actor, encounter: Encounter) -> None:
    """Scores at discharge planning (LOS to the planned discharge); the caller commits."""
    assess_stay(uow, actor, encounter, RiskStage.PLANNING)


def create_followup_tasks(
    uow: UnitOfWork, actor: Actor, encounter: Encounter
) -> list[FollowupTask]:
    """At discharge: score the stay and create its contact, visit and readmission tasks.

    Idempotent (a kind that already exists is kept; tasks cancelled with a cancelled discharge,
    ADT A13, do not count: the new discharge gets fresh ones due from its own date). Audited;
    the caller commits.
    """
    if encounter.discharge_time is None:
        raise ValidationError("the stay has no discharge time", field="discharge_time")
    risk = view_of(assess_stay(uow, actor, encounter, RiskStage.DISCHARGE))
    existing = set(
        uow.session.scalars(
            select(FollowupTask.kind).where(FollowupTask.encounter_id == encounter.id, ACTIVE_TASK)
        )
    )
    planned = plan_tasks(
        _local_date(uow, encounter.discharge_time),
        tier=risk.tier,
        calendar=uow.site.holiday_calendar,
        visit_deadlines=uow.site.visit_deadline_days,
    )
    created = []
    for task in planned:
        if task.kind in existing:
            continue
        row = FollowupTask(
            encounter_id=encounter.id, kind=task.kind, status=TaskStatus.OPEN, due_date=task.due
        )
        uow.session.add(row)
        created.append(row)
    if created:
        uow.audit(
            actor,
            "create_tasks",
            "followup_task",
            encounter.visit_number,
            patient_id=encounter.patient_id,
            details={"after": {t.kind.value: t.due_date.isoformat() for t in created}},
        )
    uow.session.flush()
    return created


def find_index_stay(uow: UnitOfWork, encounter: Encounter) -> Encounter | None:
    """The patient's latest discharged inpatient stay ending 0-30 days before this admission."""
    if encounter.encounter_class is not EncounterClass.INPATIENT:
        return None
    earliest = encounter.admit_time - timedelta(days=READMISSION_WINDOW_DAYS + 1)
    candidates = uow.session.scalars(
        select(Encounter)
        .where(
            Encounter.patient_id == encounter.patient_id,
            Encounter.id != encounter.id,
            Encounter.encounter_class == EncounterClass.INPATIENT,
            Encounter.status == EncounterStatus.DISCHARGED,
            Encounter.discharge_time.is_not(None),
            Encounter.discharge_time <= encounter.admit_time,
            Encounter.discharge_time >= earliest,
        )
        .order_by(Encounter.discharge_time.desc())
    ).all()
    admit_day = _local_date(uow, encounter.admit_time)
    for candidate in candidates:
        assert candidate.discharge_time is not None
        days = (admit_day - _local_date(uow, candidate.discharge_time)).days
        if 0 <= days <= READMISSION_WINDOW_DAYS:
            return candidate
    return None


def link_readmission(
    uow: UnitOfWork, actor: Actor, encounter: Encounter, *, planned: bool | None = None
) -> ReadmissionLink | None:
    """Link a new inpatient stay to the index discharge it follows within 30 days, if any.

    ``planned`` defaults to the admission type (elective = planned). Marks the index stay's
    readmission check done ("readmitted"). Audited; the caller commits. Idempotent.
    """
    existing = uow.session.scalar(
        select(ReadmissionLink).where(ReadmissionLink.encounter_id == encounter.id)
    )
    if existing is not None:
        return existing
    index = find_index_stay(uow, encounter)
    if index is None:
        return None
    assert index.discharge_time is not None
    if planned is None:
        planned = encounter.admission_type is AdmissionType.ELECTIVE
    admit_day = _local_date(uow, encounter.admit_time)
    link = ReadmissionLink(
        encounter_id=encounter.id,
        index_encounter_id=index.id,
        planned=planned,
        days_after=(admit_day - _local_date(uow, index.discharge_time)).days,
    )
    uow.session.add(link)
    encounter.readmission_of_id = index.id
    check = uow.session.scalar(
        select(FollowupTask).where(
            FollowupTask.encounter_id == index.id,
            FollowupTask.kind == TaskKind.READMISSION,
            ACTIVE_TASK,
        )
    )
    if check is not None and check.status is TaskStatus.OPEN:
        _close(uow, actor, check, TaskStatus.DONE, "readmitted", admit_day)
    uow.audit(
        actor,
        "link_readmission",
        "encounter",
        encounter.visit_number,
        patient_id=encounter.patient_id,
        details={
            "after": {
                "index": index.visit_number,
                "planned": planned,
                "days_after": link.days_after,
            }
        },
    )
    uow.session.flush()
    return link


def _close(
    uow: UnitOfWork,
    actor: Actor,
    task: FollowupTask,
    status: TaskStatus,
    outcome: str,
    event_date: date | None,
) -> None:
    task.status = status
    task.outcome = outcome
    task.event_date = event_date
    task.closed_at = uow.now()
    task.closed_by = actor.username


# -- views ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TaskView:
    task_id: int
    version_id: int
    kind: TaskKind
    status: TaskStatus
    due_date: date
    owner: str
    owner_username: str | None
    outcome: str | None
    event_date: date | None
    closed_at: datetime | None
    overdue: bool


@dataclass(frozen=True)
class AttemptView:
    called_at: datetime
    caller: str
    number: str
    reached: bool
    note: str | None
    answers: dict[str, Any] | None


@dataclass(frozen=True)
class CallLog:
    """One discharge's follow-up: who to call, the tasks, every attempt, the risk."""

    encounter_id: int
    visit_number: str
    patient_name: str
    mrn: str
    unit_code: str | None
    discharged: date
    numbers: tuple[tuple[str, str], ...]  # (label, number)
    tasks: tuple[TaskView, ...]
    attempts: tuple[AttemptView, ...]
    risk: RiskView | None
    readmitted_as: str | None
    readmission_of: str | None

    def task(self, kind: TaskKind) -> TaskView | None:
        return next((t for t in self.tasks if t.kind is kind), None)

    @property
    def unsuccessful_attempts(self) -> int:
        return sum(1 for a in self.attempts if not a.reached)


def owner_names(uow: UnitOfWork, ids: set[int]) -> dict[int, tuple[str, str]]:
    """(display name, user name) of task owners, by user id: one query for any number."""
    if not ids:
        return {}
    rows = uow.session.execute(
        select(User.id, User.display_name, User.username).where(User.id.in_(sorted(ids)))
    )
    return {uid: (name, username) for uid, name, username in rows}


#: Order of a stay's tasks (and of open tasks due the same day).
KIND_ORDER = {TaskKind.CONTACT: 0, TaskKind.VISIT: 1, TaskKind.READMISSION: 2}


def owner_label(owner: tuple[str, str] | None, unit_code: str | None) -> tuple[str, str | None]:
    """(name shown, user name) of a task's owner; nobody assigned: the unit's team."""
    return (owner[0], owner[1]) if owner else (f"{unit_code or 'Unit'} team", None)


def task_views(
    uow: UnitOfWork,
    tasks: Sequence[FollowupTask],
    unit_code: str | None,
    today: date,
    owners: Mapping[int, tuple[str, str]] | None = None,
) -> list[TaskView]:
    """``tasks``: task rows (ORM objects or rows with the same columns); ``owners``: from
    :func:`owner_names` when the caller loaded them for many stays at once (a list), else
    looked up here."""
    if owners is None:
        owners = owner_names(uow, {t.owner_id for t in tasks if t.owner_id is not None})
    views = []
    for t in sorted(tasks, key=lambda t: KIND_ORDER[t.kind]):
        owner, owner_username = owner_label(
            owners.get(t.owner_id) if t.owner_id is not None else None, unit_code
        )
        views.append(
            TaskView(
                task_id=t.id,
                version_id=t.version_id,
                kind=t.kind,
                status=t.status,
                due_date=t.due_date,
                owner=owner,
                owner_username=owner_username,
                outcome=t.outcome,
                event_date=t.event_date,
                closed_at=t.closed_at,
                overdue=t.status is TaskStatus.OPEN and t.due_date < today,
            )
        )
    return views


def _attempt_view(a: CallAttempt) -> AttemptView:
    return AttemptView(
        a.called_at, a.caller, a.number, a.reached, a.note, json.loads(a.answers or "null")
    )


def _call_log(uow: UnitOfWork, encounter_id: int) -> CallLog:
    row = uow.session.execute(
        select(Encounter, Patient, Unit.code)
        .join(Patient, Encounter.patient_id == Patient.id)
        .outerjoin(Unit, Encounter.unit_id == Unit.id)
        .where(Encounter.id == encounter_id)
    ).first()
    if row is None:
        raise NotFoundError(f"no stay with id {encounter_id}")
    encounter, patient, unit_code = row
    if encounter.discharge_time is None:
        raise ValidationError(f"stay {encounter.visit_number} is not discharged")
    tasks = list(  # a cancelled discharge's cancelled tasks are not this discharge's
        uow.session.scalars(
            select(FollowupTask).where(FollowupTask.encounter_id == encounter_id, ACTIVE_TASK)
        )
    )
    attempts = uow.session.scalars(
        select(CallAttempt)
        .where(CallAttempt.task_id.in_([t.id for t in tasks] or [-1]))
        .order_by(CallAttempt.called_at, CallAttempt.id)
    ).all()
    numbers = []
    if patient.phone:
        numbers.append(("patient", patient.phone))
    if patient.caregiver_phone:
        numbers.append(
            (f"caregiver {patient.caregiver_name or ''}".strip(), patient.caregiver_phone)
        )
    assessment = latest_assessment(uow, encounter_id)
    readmitted_as = uow.session.scalar(
        select(Encounter.visit_number)
        .where(Encounter.readmission_of_id == encounter_id)
        .order_by(Encounter.admit_time)
        .limit(1)
    )
    readmission_of = None
    if encounter.readmission_of_id is not None:
        readmission_of = uow.session.scalar(
            select(Encounter.visit_number).where(Encounter.id == encounter.readmission_of_id)
        )
    return CallLog(
        encounter_id=encounter.id,
        visit_number=encounter.visit_number,
        patient_name=patient.display_name,
        mrn=patient.mrn,
        unit_code=unit_code,
        discharged=_local_date(uow, encounter.discharge_time),
        numbers=tuple(numbers),
        tasks=tuple(task_views(uow, tasks, unit_code, uow.today())),
        attempts=tuple(_attempt_view(a) for a in attempts),
        risk=view_of(assessment) if assessment else None,
        readmitted_as=readmitted_as,
        readmission_of=readmission_of,
    )


def get_call_log_of(uow: UnitOfWork, encounter: Encounter) -> CallLog:
    """The call log for other services (the FHIR export): no permission check, no audit."""
    return _call_log(uow, encounter.id)


def get_call_log(uow: UnitOfWork, actor: Actor, encounter_id: int) -> CallLog:
    require(actor, "followup.view")
    log = _call_log(uow, encounter_id)
    patient_id = uow.session.scalar(
        select(Encounter.patient_id).where(Encounter.id == encounter_id)
    )
    uow.audit(actor, "view", "followup", log.visit_number, patient_id=patient_id)
    uow.commit()
    return log


def list_owners(uow: UnitOfWork) -> list[tuple[str, str]]:
    """(username, display name) of active users, for the reassign and owner filter lists."""
    rows = uow.session.execute(
        select(User.username, User.display_name).where(User.active).order_by(User.display_name)
    )
    return [(u, n) for u, n in rows]


# -- encounter show --json ---------------------------------------------------------------------


def followup_section(uow: UnitOfWork, encounter: Encounter) -> dict[str, Any]:
    link = uow.session.scalar(
        select(ReadmissionLink).where(ReadmissionLink.encounter_id == encounter.id)
    )
    readmissions = uow.session.execute(
        select(Encounter.visit_number, Encounter.admit_time, ReadmissionLink.planned)
        .outerjoin(ReadmissionLink, ReadmissionLink.encounter_id == Encounter.id)
        .where(Encounter.readmission_of_id == encounter.id)
        .order_by(Encounter.admit_time)
    ).all()
    section: dict[str, Any] = {
        "tasks": [],
        "calls": [],
        "readmission_of": None,
        "readmitted": [
            {
                "visit_number": vn,
                "admitted": admit,
                "planned": bool(planned) if planned is not None else None,
            }
            for vn, admit, planned in readmissions
        ],
    }
    if encounter.readmission_of_id is not None:
        index_vn = uow.session.scalar(
            select(Encounter.visit_number).where(Encounter.id == encounter.readmission_of_id)
        )
        section["readmission_of"] = {
            "visit_number": index_vn,
            "planned": link.planned if link else None,
            "days_after": link.days_after if link else None,
        }
    if encounter.discharge_time is not None:
        log = _call_log(uow, encounter.id)
        section["tasks"] = list(log.tasks)
        section["calls"] = list(log.attempts)
    # the tasks of discharges the hospital cancelled (A13), kept as history
    cancelled = uow.session.scalars(
        select(FollowupTask).where(
            FollowupTask.encounter_id == encounter.id,
            FollowupTask.status == TaskStatus.CANCELLED,
        )
    ).all()
    section["cancelled_tasks"] = [
        {
            "kind": t.kind.value,
            "due_date": t.due_date,
            "outcome": t.outcome,
            "closed_at": t.closed_at,
            "closed_by": t.closed_by,
        }
        for t in sorted(cancelled, key=lambda t: (t.closed_at or t.created_at, t.id))
    ]
    return section


register_stay_section("risk", risk_section)
register_stay_section("followup", followup_section)


def tier_of(risk: RiskView | None) -> str | None:
    return combined_tier(risk.lace_tier, risk.hospital_tier) if risk else None


def on_status_changed(
    uow: UnitOfWork, actor: Actor, encounter: Encounter, target: EncounterStatus
) -> None:
    """Called by ``change_status``: scores at planning, tasks at discharge (caller commits)."""
    if encounter.encounter_class is not EncounterClass.INPATIENT:
        return
    if target is EncounterStatus.DISCHARGE_PLANNED:
        assess_at_planning(uow, actor, encounter)
    elif target is EncounterStatus.DISCHARGED:
        create_followup_tasks(uow, actor, encounter)
