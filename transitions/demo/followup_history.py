"""Believable follow-up history for the demo hospital's past discharges (deterministic).

After :func:`transitions.services.followup_list.backfill` has created the tasks, this plays the
last weeks forward: most contact calls reached on the 1st or 2nd business day, some late, some
"unable to reach" after two attempts, a few still open (overdue); most visits kept in time; most
30-day checks closed. Only times before ``today`` are written. Demo data only.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from random import Random

from sqlalchemy import select

from transitions.config import SiteConfig
from transitions.db.engine import Database
from transitions.db.followup_models import CallAttempt, FollowupTask
from transitions.db.models import Encounter, Patient
from transitions.domain.followup import TaskKind, TaskStatus
from transitions.services.uow import Actor, UnitOfWork

CALLERS = ("Nurse Rivera", "Nurse Okoye", "Case manager Lind")


def _at(uow: UnitOfWork, day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 15), tzinfo=uow.tz).astimezone(UTC)


class _Caller:
    def __init__(
        self, uow: UnitOfWork, task: FollowupTask, rng: Random, caller: str, number: str
    ) -> None:
        self.uow, self.task, self.rng, self.caller, self.number = uow, task, rng, caller, number

    def attempt(self, day: date, reached: bool) -> None:
        answers = None
        if reached:
            answers = json.dumps({"appointment": "booked", "ctm3": {"q1": 3, "q2": 3, "q3": 4}})
        self.uow.session.add(
            CallAttempt(
                task_id=self.task.id,
                called_at=_at(self.uow, day, self.rng.choice((9, 10, 11, 14, 15))),
                caller=self.caller,
                number=self.number,
                reached=reached,
                answers=answers,
            )
        )

    def close(self, status: TaskStatus, outcome: str, day: date | None, on: date) -> None:
        task = self.task
        task.status, task.outcome, task.event_date = status, outcome, day
        task.closed_at, task.closed_by = _at(self.uow, on, 16), self.caller


def simulate_followup_history(uow: UnitOfWork, actor: Actor, *, seed: int) -> int:
    """Close and log demo tasks due before today; returns how many tasks were touched."""
    today = uow.today()
    rows = uow.session.execute(
        select(FollowupTask, Encounter.discharge_time, Patient.phone)
        .join(Encounter, FollowupTask.encounter_id == Encounter.id)
        .join(Patient, Encounter.patient_id == Patient.id)
        .where(FollowupTask.status == TaskStatus.OPEN)
        .order_by(FollowupTask.id)
    ).all()
    touched = 0
    for task, discharge_time, phone in rows:
        rng = Random(f"demo-followup:{seed}:{task.encounter_id}:{task.kind.value}")
        if discharge_time is None:
            continue
        discharged = discharge_time.astimezone(uow.tz).date()

        call = _Caller(uow, task, rng, rng.choice(CALLERS), phone or "555-0100")
        attempt, close = call.attempt, call.close

        if task.kind is TaskKind.CONTACT:
            first = discharged + timedelta(days=1)
            if first >= today:
                continue
            draw = rng.random()
            if draw < 0.70:
                attempt(first, True)
                close(TaskStatus.DONE, "reached", first, first)
            elif draw < 0.82:
                attempt(first, False)
                if task.due_date < today:
                    attempt(task.due_date, True)
                    close(TaskStatus.DONE, "reached", task.due_date, task.due_date)
            elif draw < 0.87:
                late = task.due_date + timedelta(days=rng.randint(1, 3))
                attempt(first, False)
                if late < today:
                    attempt(late, True)
                    close(TaskStatus.DONE, "reached", late, late)
            elif draw < 0.92:
                attempt(first, False)
                if task.due_date < today:
                    attempt(task.due_date, False)
                    close(TaskStatus.UNABLE_TO_REACH, "2 attempts", None, task.due_date)
            else:
                if rng.random() < 0.5:
                    attempt(first, False)
        elif task.kind is TaskKind.VISIT:
            if task.due_date >= today:
                continue
            draw = rng.random()
            span = (task.due_date - discharged).days
            if draw < 0.72:
                day = discharged + timedelta(days=rng.randint(3, span))
                close(TaskStatus.DONE, "kept", day, day)
            elif draw < 0.82:
                day = task.due_date + timedelta(days=rng.randint(1, 6))
                if day < today:
                    close(TaskStatus.DONE, "kept", day, day)
            elif draw < 0.92:
                close(TaskStatus.DONE, "missed", None, task.due_date)
        elif task.due_date < today and rng.random() < 0.9:
            close(TaskStatus.DONE, "not readmitted", None, task.due_date)
        touched += 1
    uow.audit(actor, "demo_history", "followup_task", None, details={"tasks": touched})
    uow.commit()
    return touched


def seed_demo_followups(
    db: Database, site: SiteConfig, seed: int, now: Callable[[], datetime] | None = None
) -> None:
    """After the demo generator: scores, tasks, links and a call history for past discharges.

    ``now`` is the demo's clock (the generator's 'today'); the real clock when not given."""
    from transitions.services.followup_list import backfill

    actor = Actor.system("demo")
    clock = {"now": now} if now is not None else {}
    with UnitOfWork(db, site, **clock) as uow:
        backfill(uow, actor)
    with UnitOfWork(db, site, **clock) as uow:
        simulate_followup_history(uow, actor, seed=seed)
