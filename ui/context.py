"""What every screen needs: the database, the site, the task runner, the clock, who is signed in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import TypeVar

from transitions.config import SiteConfig
from transitions.db.base import utcnow
from transitions.db.engine import Database
from transitions.services.uow import Actor, UnitOfWork
from ui.tasks import TaskRunner

T = TypeVar("T")


@dataclass
class AppContext:
    db: Database
    site: SiteConfig
    runner: TaskRunner
    now: Callable[[], datetime] = utcnow
    actor: Actor | None = None

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

        def task() -> T:
            with self.uow() as uow:
                return work(uow)

        self.runner.run(task, on_success, on_error)
