"""Follow-up user actions: log a call, close as unable to reach, record the visit, close the
30-day check, reassign, mark a readmission planned. Each commits once and is audited."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import func, select

from transitions.db.followup_models import CallAttempt, FollowupTask, ReadmissionLink
from transitions.db.models import Encounter, User
from transitions.domain.followup import (
    CallAnswers,
    TaskKind,
    TaskStatus,
    VisitOutcome,
    check_unable_to_reach,
)
from transitions.errors import ConflictError, NotFoundError, ValidationError
from transitions.services.followup import CallLog, _call_log, _close, _local_date
from transitions.services.permissions import require
from transitions.services.uow import Actor, UnitOfWork


def _task_for_update(uow: UnitOfWork, task_id: int, expected_version: int) -> FollowupTask:
    task = uow.session.get(FollowupTask, task_id)
    if task is None:
        raise NotFoundError(f"no follow-up task with id {task_id}")
    if task.version_id != expected_version:
        raise ConflictError(
            "this follow-up task was changed by someone else since you opened it; "
            "reload it and try again"
        )
    return task


def _encounter_of(uow: UnitOfWork, task: FollowupTask) -> Encounter:
    encounter = uow.session.get(Encounter, task.encounter_id)
    assert encounter is not None
    return encounter


def log_call(
    uow: UnitOfWork,
    actor: Actor,
    task_id: int,
    *,
    expected_version: int,
    number: str,
    reached: bool,
    answers: CallAnswers | None = None,
    note: str = "",
) -> CallLog:
    """Record one call attempt of a contact task; a reached call completes the task."""
    require(actor, "followup.call")
    task = _task_for_update(uow, task_id, expected_version)
    if task.kind is not TaskKind.CONTACT:
        raise ValidationError("calls are logged on the contact task", field="task")
    if not task.status.is_open:
        raise ValidationError("this contact task is already closed", field="task")
    if not number.strip():
        raise ValidationError("enter the number you called", field="number")
    if answers is not None:
        if not reached:
            raise ValidationError("answers are recorded only when the call reached someone")
        answers.check()
    encounter = _encounter_of(uow, task)
    attempt = CallAttempt(
        task_id=task.id,
        called_at=uow.now(),
        caller=actor.display_name,
        caller_id=actor.user_id,
        number=number.strip(),
        reached=reached,
        answers=json.dumps(answers.to_json()) if answers is not None else None,
        note=note.strip() or None,
    )
    uow.session.add(attempt)
    before = task.status.value
    if reached:
        outcome = "reached"
        if answers is not None and answers.escalate:
            outcome = f"reached; escalated: {answers.escalation_reason.strip()}"[:300]
        _close(uow, actor, task, TaskStatus.DONE, outcome, uow.today())
    else:
        task.updated_at = uow.now()  # bump the version: two callers cannot both log blind
    uow.audit(
        actor,
        "log_call",
        "followup_task",
        task.id,
        patient_id=encounter.patient_id,
        details={
            "before": before,
            "after": {"status": task.status.value, "reached": reached, "number": number.strip()},
        },
    )
    uow.session.flush()
    log = _call_log(uow, task.encounter_id)
    uow.commit()
    return log


def close_unable_to_reach(
    uow: UnitOfWork, actor: Actor, task_id: int, *, expected_version: int
) -> CallLog:
    """Close a contact task as unable to reach (needs 2 documented unsuccessful attempts)."""
    require(actor, "followup.call")
    task = _task_for_update(uow, task_id, expected_version)
    if task.kind is not TaskKind.CONTACT or not task.status.is_open:
        raise ValidationError("only an open contact task can be closed as unable to reach")
    failed = uow.session.scalar(
        select(func.count())
        .select_from(CallAttempt)
        .where(CallAttempt.task_id == task.id, CallAttempt.reached.is_(False))
    )
    check_unable_to_reach(failed or 0)
    _close(uow, actor, task, TaskStatus.UNABLE_TO_REACH, f"{failed} attempts", None)
    encounter = _encounter_of(uow, task)
    uow.audit(
        actor,
        "close_task",
        "followup_task",
        task.id,
        patient_id=encounter.patient_id,
        details={"before": "open", "after": TaskStatus.UNABLE_TO_REACH.value},
    )
    uow.session.flush()
    log = _call_log(uow, task.encounter_id)
    uow.commit()
    return log


def record_visit(
    uow: UnitOfWork,
    actor: Actor,
    task_id: int,
    *,
    expected_version: int,
    outcome: VisitOutcome,
    visit_date: date | None = None,
) -> CallLog:
    """Close the visit-kept check: kept (on ``visit_date``) or missed."""
    require(actor, "followup.call")
    task = _task_for_update(uow, task_id, expected_version)
    if task.kind is not TaskKind.VISIT or not task.status.is_open:
        raise ValidationError("only an open visit check can be recorded")
    encounter = _encounter_of(uow, task)
    if outcome is VisitOutcome.KEPT:
        if visit_date is None:
            raise ValidationError("enter the date of the visit", field="visit_date")
        assert encounter.discharge_time is not None
        if visit_date < _local_date(uow, encounter.discharge_time) or visit_date > uow.today():
            raise ValidationError(
                "the visit date must be between discharge and today", field="visit_date"
            )
    _close(uow, actor, task, TaskStatus.DONE, outcome.value, visit_date)
    uow.audit(
        actor,
        "close_task",
        "followup_task",
        task.id,
        patient_id=encounter.patient_id,
        details={"before": "open", "after": {"visit": outcome.value, "date": str(visit_date)}},
    )
    uow.session.flush()
    log = _call_log(uow, task.encounter_id)
    uow.commit()
    return log


def close_readmission_check(
    uow: UnitOfWork, actor: Actor, task_id: int, *, expected_version: int
) -> CallLog:
    """Close the 30-day check as 'not readmitted' (from its due day on)."""
    require(actor, "followup.call")
    task = _task_for_update(uow, task_id, expected_version)
    if task.kind is not TaskKind.READMISSION or not task.status.is_open:
        raise ValidationError("only an open readmission check can be closed")
    if uow.today() < task.due_date:
        raise ValidationError(
            f"the 30-day window is not over until {task.due_date.isoformat()}", field="task"
        )
    _close(uow, actor, task, TaskStatus.DONE, "not readmitted", None)
    encounter = _encounter_of(uow, task)
    uow.audit(
        actor,
        "close_task",
        "followup_task",
        task.id,
        patient_id=encounter.patient_id,
        details={"before": "open", "after": "not readmitted"},
    )
    uow.session.flush()
    log = _call_log(uow, task.encounter_id)
    uow.commit()
    return log


def reassign_task(
    uow: UnitOfWork,
    actor: Actor,
    task_id: int,
    *,
    expected_version: int,
    owner_username: str | None,
) -> CallLog:
    """Give a task to a user, or back to the unit's team (``owner_username`` None)."""
    require(actor, "followup.reassign")
    task = _task_for_update(uow, task_id, expected_version)
    owner_id = None
    if owner_username:
        owner_id = uow.session.scalar(
            select(User.id).where(User.username == owner_username, User.active)
        )
        if owner_id is None:
            raise ValidationError(f"no active user '{owner_username}'", field="owner")
    before = task.owner_id
    task.owner_id = owner_id
    encounter = _encounter_of(uow, task)
    uow.audit(
        actor,
        "reassign_task",
        "followup_task",
        task.id,
        patient_id=encounter.patient_id,
        details={"before": before, "after": owner_username},
    )
    uow.session.flush()
    log = _call_log(uow, task.encounter_id)
    uow.commit()
    return log


def reassign_open_tasks(
    uow: UnitOfWork,
    actor: Actor,
    encounter_id: int,
    *,
    expected_versions: dict[int, int],
    owner_username: str | None,
) -> CallLog:
    """Give every open task of a discharge to a user, or back to the unit team; one commit."""
    require(actor, "followup.reassign")
    owner_id = None
    if owner_username:
        owner_id = uow.session.scalar(
            select(User.id).where(User.username == owner_username, User.active)
        )
        if owner_id is None:
            raise ValidationError(f"no active user '{owner_username}'", field="owner")
    tasks = uow.session.scalars(
        select(FollowupTask).where(
            FollowupTask.encounter_id == encounter_id, FollowupTask.status == TaskStatus.OPEN
        )
    ).all()
    if {t.id: t.version_id for t in tasks} != expected_versions:
        raise ConflictError(
            "these follow-up tasks were changed by someone else since you opened them; "
            "reload and try again"
        )
    encounter = uow.session.get(Encounter, encounter_id)
    if encounter is None:
        raise NotFoundError(f"no stay with id {encounter_id}")
    for task in tasks:
        before = task.owner_id
        task.owner_id = owner_id
        uow.audit(
            actor,
            "reassign_task",
            "followup_task",
            task.id,
            patient_id=encounter.patient_id,
            details={"before": before, "after": owner_username},
        )
    uow.session.flush()
    log = _call_log(uow, encounter_id)
    uow.commit()
    return log


def set_readmission_planned(
    uow: UnitOfWork, actor: Actor, encounter_id: int, *, planned: bool, expected_version: int
) -> None:
    """Correct whether a linked readmission was planned (it counts in the rate if unplanned)."""
    require(actor, "followup.call")
    link = uow.session.scalar(
        select(ReadmissionLink).where(ReadmissionLink.encounter_id == encounter_id)
    )
    if link is None:
        raise NotFoundError("this stay is not linked as a readmission")
    if link.version_id != expected_version:
        raise ConflictError("the readmission link was changed by someone else; reload it")
    encounter = uow.session.get(Encounter, encounter_id)
    assert encounter is not None
    before = link.planned
    link.planned = planned
    uow.audit(
        actor,
        "set_planned",
        "readmission_link",
        encounter.visit_number,
        patient_id=encounter.patient_id,
        details={"before": before, "after": planned},
    )
    uow.commit()
