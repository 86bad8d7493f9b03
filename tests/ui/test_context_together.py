"""AppContext.together: several loads in one task and one transaction, on both databases."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from sqlalchemy import event, func, select

from transitions.db.models import AuditEvent
from transitions.errors import ValidationError
from transitions.services.uow import Actor, UnitOfWork
from ui.context import AppContext
from ui.tasks import SynchronousRunner


class CountingRunner(SynchronousRunner):
    def __init__(self) -> None:
        self.tasks = 0

    def run(self, fn: Callable[[], Any], on_success: Any, on_error: Any) -> None:
        self.tasks += 1
        super().run(fn, on_success, on_error)


def viewing(actor: Actor, entity: str, fail: bool = False) -> Callable[[UnitOfWork], str]:
    """A load like a step's: records a 'view' and commits (or fails after recording it)."""

    def work(uow: UnitOfWork) -> str:
        uow.audit(actor, "view", entity, "V1")
        if fail:
            raise ValidationError(f"{entity} cannot load")
        uow.commit()
        return entity

    return work


def views(ctx: AppContext) -> list[str]:
    with ctx.uow() as uow:
        return sorted(
            uow.session.scalars(select(AuditEvent.entity).where(AuditEvent.action == "view"))
        )


def test_tasks_run_as_one_with_one_commit(ctx: AppContext, admin: Actor) -> None:
    runner = CountingRunner()
    ctx = replace(ctx, runner=runner)
    got: list[str] = []
    with ctx.uow() as uow:
        before = uow.session.scalar(select(func.count()).select_from(AuditEvent))
    commits: list[bool] = []

    def committed(_connection: object) -> None:
        commits.append(True)

    event.listen(ctx.db.engine, "commit", committed)
    try:
        with ctx.together():
            for entity in ("medrec", "appointments", "education"):
                ctx.submit(viewing(admin, entity), got.append, lambda exc: got.append(str(exc)))
            assert runner.tasks == 0  # nothing runs before the block ends
    finally:
        event.remove(ctx.db.engine, "commit", committed)
    assert runner.tasks == 1 and len(commits) == 1
    assert got == ["medrec", "appointments", "education"]  # callbacks in submission order
    assert views(ctx) == ["appointments", "education", "medrec"]
    with ctx.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(AuditEvent)) == before + 3
    ctx.submit(viewing(admin, "packet"), got.append, lambda exc: got.append(str(exc)))
    assert runner.tasks == 2 and got[-1] == "packet"  # outside the block: one task each again


def test_one_failure_runs_each_alone_and_keeps_the_others(ctx: AppContext, admin: Actor) -> None:
    got: list[str] = []
    errors: list[Exception] = []
    with ctx.together():
        ctx.submit(viewing(admin, "medrec"), got.append, errors.append)
        ctx.submit(viewing(admin, "appointments", fail=True), got.append, errors.append)
        ctx.submit(viewing(admin, "education"), got.append, errors.append)
    assert got == ["medrec", "education"]
    assert [str(e) for e in errors] == ["appointments cannot load"]
    # the shared transaction was rolled back: each successful load recorded once, not twice
    assert views(ctx) == ["education", "medrec"]
