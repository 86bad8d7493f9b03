"""A cancelled discharge voids the nurse's sign-off and cancels its open follow-up tasks.

When the hospital's ADT system cancels a discharge (A13), the stay is admitted again and the
sign-off it had no longer stands: it is voided — kept on record (a legal record is never
deleted) with when, by whom and why — and the stay can be signed off again when it is
discharged again. Both ADT paths void the same way and write the same audit event: the record
path (:func:`transitions.services.interop_records.apply_adt_status`, through
:func:`void_signoff`) and the batch feed (:mod:`transitions.services.interop_adt`, which writes
its rows itself and uses :func:`void_details`).

The discharge's follow-up tasks still open (the contact call, the visit check, the 30-day
readmission check) are cancelled the same way (:func:`cancel_tasks`, the feed with
:func:`cancel_details`): kept with status ``cancelled``, the outcome :data:`A13_TASK_OUTCOME`,
when and by whom; closed ones (done, unable to reach) stay as they are. The next discharge gets
fresh tasks due from its own date (:func:`transitions.services.followup.create_followup_tasks`
counts the tasks that are not cancelled).

Kept small (no readiness or follow-up imports) so that the feed can import it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from transitions.db.discharge_models import DischargeSignoff
from transitions.db.followup_models import FollowupTask
from transitions.db.models import Encounter
from transitions.domain.followup import TaskKind, TaskStatus
from transitions.services.uow import Actor, UnitOfWork

#: the audit action of a voided sign-off (entity ``discharge``, id the visit number)
ACTION = "void_signoff"
#: why the feed voids it (stored with the sign-off; the UI translates this text)
A13_REASON = "discharge cancelled by the hospital's ADT feed (A13)"
#: the audit action of the cancelled discharge's open tasks (entity ``followup_task``, id the
#: visit number)
TASKS_ACTION = "cancel_tasks"
#: the outcome stored on each task the cancelled discharge cancels
A13_TASK_OUTCOME = "discharge cancelled (A13)"
#: the order the tasks are cancelled (and listed in the audit) in, on both paths
_KIND_ORDER = {kind: n for n, kind in enumerate(TaskKind)}


def void_details(
    signoff_id: int, signed_at: datetime, reason: str, *, source: str, event: str
) -> dict[str, Any]:
    """The audit details of a voiding (no patient data: ids, times, the reason)."""
    return {
        "signoff": signoff_id,
        "signed_at": signed_at,
        "reason": reason,
        "source": source,
        "event": event,
    }


def void_signoff(
    uow: UnitOfWork,
    actor: Actor,
    encounter: Encounter,
    reason: str,
    *,
    source: str,
    event: str,
) -> DischargeSignoff | None:
    """Void the stay's standing sign-off, if it has one, inside the caller's unit of work (no
    commit); audited. Returns the voided row (None: there was nothing to void)."""
    row = uow.session.scalar(
        select(DischargeSignoff).where(
            DischargeSignoff.encounter_id == encounter.id, DischargeSignoff.voided_at.is_(None)
        )
    )
    if row is None:
        return None
    row.voided_at = uow.now()
    row.voided_by_name = actor.display_name[:120]
    row.voided_reason = reason[:400]
    uow.audit(
        actor,
        ACTION,
        "discharge",
        encounter.visit_number,
        patient_id=encounter.patient_id,
        details=void_details(row.id, row.signed_at, row.voided_reason, source=source, event=event),
    )
    return row


def cancel_details(
    tasks: Iterable[tuple[TaskKind, date]], outcome: str, *, source: str, event: str
) -> dict[str, Any]:
    """The audit details of cancelled tasks: each kind with the due date it had (no patient
    data), the outcome, where from."""
    return {
        "before": {kind.value: due.isoformat() for kind, due in tasks},
        "outcome": outcome,
        "source": source,
        "event": event,
    }


def cancel_order(kind: TaskKind) -> int:
    return _KIND_ORDER[kind]


def cancel_tasks(
    uow: UnitOfWork, actor: Actor, encounter: Encounter, *, source: str, event: str
) -> list[FollowupTask]:
    """Cancel the stay's open follow-up tasks inside the caller's unit of work (no commit);
    audited. Returns the cancelled rows (none: nothing was open)."""
    rows = sorted(
        uow.session.scalars(
            select(FollowupTask).where(
                FollowupTask.encounter_id == encounter.id,
                FollowupTask.status == TaskStatus.OPEN,
            )
        ),
        key=lambda t: cancel_order(t.kind),
    )
    if not rows:
        return []
    now = uow.now()
    for row in rows:
        row.status = TaskStatus.CANCELLED
        row.outcome = A13_TASK_OUTCOME
        row.closed_at = now
        row.closed_by = actor.username
    uow.audit(
        actor,
        TASKS_ACTION,
        "followup_task",
        encounter.visit_number,
        patient_id=encounter.patient_id,
        details=cancel_details(
            ((t.kind, t.due_date) for t in rows), A13_TASK_OUTCOME, source=source, event=event
        ),
    )
    return rows
