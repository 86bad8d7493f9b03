"""What every screen needs: the database, the site, the task runner, the clock, who is signed in."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import Any, TypeVar

from transitions.config import SiteConfig
from transitions.db.base import utcnow
from transitions.db.engine import Database
from transitions.services.uow import Actor, UnitOfWork
from ui.tasks import TaskRunner, deliver

T = TypeVar("T")


@dataclass
class AppContext:
    db: Database
    site: SiteConfig
    runner: TaskRunner
    now: Callable[[], datetime] = utcnow
    actor: Actor | None = None
    # tasks collected by :meth:`together`
    _batch: list[_Task] | None = field(default=None, init=False, repr=False)

    @property
    def tz(self) -> tzinfo:
        return self.site.timezone

    def today(self) -> date:
        """Today where the hospital is (the clock is injectable for tests)."""
        return self.now().astimezone(self.tz).date()

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.db, self.site, now=self.now)

    def require_actor(self) -> Actor:
        if self.actor is None:
            raise RuntimeError("no user is signed in")
        return self.actor

    def submit(
        self,
        work: Callable[[UnitOfWork], T],
        on_success: Callable[[T], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        """Run ``work`` in its own unit of work on the worker; callbacks on the GUI thread."""
        if self._batch is not None:
            self._batch.append((work, on_success, on_error))
            return

        def task() -> T:
            with self.uow() as uow:
                return work(uow)

        self.runner.run(task, on_success, on_error)

    @contextmanager
    def together(self) -> Iterator[None]:
        """Tasks submitted inside the block run as ONE task on the worker, in one unit of work
        that commits once (opening a workspace: every step's data in one transaction, not one
        per step). Callbacks follow in submission order. If any task fails, that transaction is
        rolled back and each task runs again on its own, exactly as :meth:`submit` runs it."""
        if self._batch is not None:  # nested: the outer block runs them
            yield
            return
        batch: list[_Task] = []
        self._batch = batch
        try:
            yield
        finally:
            self._batch = None
        if batch:
            self._run_together(batch)

    def _run_together(self, batch: list[_Task]) -> None:
        works = [work for work, _, _ in batch]

        def task() -> list[tuple[Any, Exception | None]]:
            try:
                with self.uow() as uow:
                    with uow.one_commit():
                        results = [work(uow) for work in works]
                    uow.commit()
                return [(result, None) for result in results]
            except Exception:  # noqa: BLE001 - each again alone; its own error to its callback
                outcomes: list[tuple[Any, Exception | None]] = []
                for work in works:
                    try:
                        with self.uow() as uow:
                            outcomes.append((work(uow), None))
                    except Exception as exc:  # noqa: BLE001 - delivered to the task's on_error
                        outcomes.append((None, exc))
                return outcomes

        def done(outcomes: list[tuple[Any, Exception | None]]) -> None:
            for (result, error), (_, on_success, on_error) in zip(outcomes, batch, strict=True):
                deliver(result, error, on_success, on_error)

        def failed(exc: Exception) -> None:
            for _, _, on_error in batch:
                deliver(None, exc, lambda _result: None, on_error)

        self.runner.run(task, done, failed)


_Task = tuple[Callable[[UnitOfWork], Any], Callable[[Any], None], Callable[[Exception], None]]
