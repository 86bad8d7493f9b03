"""Unit of work: one database transaction per user action, committed once by the service.

    with UnitOfWork(db, site) as uow:
        encounters.change_status(uow, actor, ...)   # validates, audits, commits

Leaving the block without a commit rolls back. Lost updates (another workstation saved a newer
version) surface as :class:`ConflictError`; a dropped connection as
:class:`DatabaseUnavailableError` — both with a message fit for the user.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from types import TracebackType
from typing import Any

from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from transitions.config import SiteConfig
from transitions.db.base import utcnow
from transitions.db.engine import Database
from transitions.db.models import AuditEvent
from transitions.errors import ConflictError, DatabaseUnavailableError


def workstation_name() -> str:
    return socket.gethostname() or "unknown-workstation"


@dataclass(frozen=True)
class Actor:
    """Who is acting: a signed-in user, or the command line / an interface (user_id None)."""

    user_id: int | None
    username: str
    display_name: str
    roles: frozenset[str] = field(default_factory=frozenset)
    workstation: str = field(default_factory=workstation_name)
    #: ids of the units (wards) whose stays this user may see; None = every unit
    units: frozenset[int] | None = None
    #: an administrator reset the password: choose a new one before doing anything else
    must_change_password: bool = False

    @classmethod
    def system(cls, name: str) -> Actor:
        return cls(user_id=None, username=name, display_name=name, roles=frozenset({"system"}))


class UnitOfWork:
    def __init__(
        self,
        db: Database,
        site: SiteConfig,
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        self.db = db
        self.site = site
        self._now = now
        self._session: Session | None = None
        self._deferred = False

    # -- context management -------------------------------------------------------------
    def __enter__(self) -> UnitOfWork:
        self._session = self.db.session_factory()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._session is not None
        lost = isinstance(exc, DBAPIError) and (
            exc.connection_invalidated
            or (isinstance(exc, OperationalError) and not self.db.is_sqlite)
        )
        try:
            self._session.rollback()
        except DBAPIError:
            pass  # the connection is already gone; nothing left to undo
        finally:
            self._session.close()
            self._session = None
        if lost:
            # A dropped connection (server restarted, network cut) mid-action: say so plainly.
            # The pool has thrown the dead connection away; the next action reconnects.
            raise DatabaseUnavailableError(
                f"the database stopped answering ({self.db.display_url}); "
                "nothing was saved — check the network and try again"
            ) from exc

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("use the unit of work inside a 'with' block")
        return self._session

    # -- time -------------------------------------------------------------------------------
    def now(self) -> datetime:
        """Current time, UTC (injectable for tests)."""
        return self._now()

    @property
    def tz(self) -> tzinfo:
        return self.site.timezone

    def today(self) -> date:
        """Today's date where the hospital is."""
        return self.now().astimezone(self.tz).date()

    # -- writing ----------------------------------------------------------------------------
    def audit(
        self,
        actor: Actor,
        action: str,
        entity: str,
        entity_id: object | None = None,
        patient_id: int | None = None,
        details: dict[str, Any] | None = None,
    ) -> None:
        """Add an audit event to this transaction (it commits, or not, with the change)."""
        self.session.add(
            AuditEvent(**self.audit_row(actor, action, entity, entity_id, patient_id, details))
        )

    def audit_row(
        self,
        actor: Actor,
        action: str,
        entity: str,
        entity_id: object | None = None,
        patient_id: int | None = None,
        details: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """The ``audit_event`` row :meth:`audit` adds, as column values (for services that
        insert their audit rows in bulk, in the same transaction as the change)."""
        return {
            "occurred_at": self.now(),
            "user_id": actor.user_id,
            "username": actor.username,
            "workstation": actor.workstation,
            "patient_id": patient_id,
            "entity": entity,
            "entity_id": None if entity_id is None else str(entity_id),
            "action": action,
            "details": None if details is None else json.dumps(details, default=str),
        }

    @contextmanager
    def one_commit(self) -> Iterator[None]:
        """Inside the block :meth:`commit` only flushes; the caller commits once after it. For
        several views of one stay loaded together (their 'view' audit events, one commit)."""
        self._deferred = True
        try:
            yield
        finally:
            self._deferred = False

    def commit(self) -> None:
        try:
            if self._deferred:
                self.session.flush()
                return
            self.session.commit()
        except StaleDataError as exc:
            self.session.rollback()
            raise ConflictError(
                "someone else saved a newer version of this record; reload it and apply "
                "your change again"
            ) from exc
        except OperationalError as exc:
            self.session.rollback()
            raise DatabaseUnavailableError(
                f"the database stopped answering ({self.db.display_url}); "
                "your change was not saved — try again"
            ) from exc
