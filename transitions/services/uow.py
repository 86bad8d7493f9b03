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
from typing import Any, TypeVar

from sqlalchemy import Select, event, insert
from sqlalchemy.engine import FrozenResult, Result
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import ORMExecuteState, Session
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.sql.util import find_tables

from transitions.config import SiteConfig
from transitions.db.base import utcnow
from transitions.db.engine import Database
from transitions.db.models import AuditEvent
from transitions.errors import ConflictError, DatabaseUnavailableError

T = TypeVar("T")


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
        #: audit rows held back inside :meth:`one_commit` (inserted together at its end)
        self._audits: list[dict[str, Any]] | None = None
        self._cache: ReadCache | None = None

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
        row = self.audit_row(actor, action, entity, entity_id, patient_id, details)
        if self._audits is not None:
            self._audits.append(row)
        else:
            self.session.add(AuditEvent(**row))

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
        several views of one stay loaded together (their 'view' audit events, one commit).

        Inside the block the unit of work also remembers what it read (:class:`ReadCache`):
        the views' services read the same rows of the stay again and again (the stay, its
        medicines, needs, education plan...), and a repeated SELECT returns the rows it already
        returned, without a round trip, until something other than an audit event is written.
        The views' audit events are inserted together at the end of the block (one statement
        instead of one per view), in the same transaction."""
        self._deferred = True
        self._audits = []
        self._cache = ReadCache(self.session)
        try:
            yield
            if self._audits:
                self.session.execute(insert(AuditEvent), self._audits)
        finally:
            self._cache.close()
            self._cache = None
            self._deferred = False
            self._audits = None

    def remembered(self, key: tuple[Any, ...]) -> Any | None:
        """What :meth:`reuse` remembers for ``key`` (None outside :meth:`one_commit`, or if
        nothing is): for a service that needs part of a view another step builds anyway."""
        return None if self._cache is None else self._cache.remembered(key)

    def reuse(self, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        """``compute()``; inside :meth:`one_commit`, what it returned for the same ``key``
        earlier in the block, if nothing but audit events was written since (for the views
        several steps build from the same rows: they are immutable)."""
        if self._cache is None:
            return compute()
        return self._cache.reuse(key, compute)

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


_Key = tuple[Any, ...]


def _frozen(value: Any) -> Any:
    """A hashable stand-in for a bound value (IN lists become tuples)."""
    if isinstance(value, list | tuple | set | frozenset):
        return tuple(_frozen(item) for item in value)
    if isinstance(value, dict):
        return tuple(sorted((key, _frozen(item)) for key, item in value.items()))
    hash(value)  # TypeError: not cached
    return value


class ReadCache:
    """A session's SELECTs remembered while it only reads (and writes audit events).

    A statement run again with the same parameters returns the rows (the same ORM objects,
    which the cache also keeps in the session's identity map, so ``session.get`` and many-to-one
    lazy loads find them without SQL) instead of asking the database. Not remembered: locking
    reads, ``populate_existing``, refreshes of expired attributes, streamed results, results
    with joined eager loaded collections and reads of the audit table. Everything is forgotten
    when the session flushes anything but new audit events, runs anything but a SELECT, commits
    or rolls back; the session's autoflush still runs before a remembered statement, as before
    a real one. Views built from the rows are remembered by :meth:`reuse` under the same
    rules."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.results: dict[_Key, FrozenResult[Any]] = {}
        self.values: dict[_Key, Any] = {}
        #: bumped each time everything is forgotten
        self.generation = 0
        self.hits = 0
        self._listeners: list[tuple[str, Callable[..., Any]]] = [
            ("do_orm_execute", self._execute),
            ("after_flush", self._flushed),
            ("after_commit", self._forget),
            ("after_soft_rollback", self._forget),
        ]
        for name, listener in self._listeners:
            event.listen(session, name, listener)

    def close(self) -> None:
        for name, listener in self._listeners:
            event.remove(self.session, name, listener)
        self._forget()

    def remembered(self, key: _Key) -> Any | None:
        session = self.session
        session._autoflush()  # noqa: SLF001 - as in reuse()
        if session.new or session.dirty or session.deleted:
            return None
        return self.values.get(key)

    def reuse(self, key: _Key, compute: Callable[[], T]) -> T:
        session = self.session
        # as a query would: pending changes may change what compute() sees
        session._autoflush()  # noqa: SLF001 - SQLAlchemy's own (guards a flush under way)
        if session.new or session.dirty or session.deleted:  # not flushed (no_autoflush)
            return compute()
        if key in self.values:
            self.hits += 1
            found: T = self.values[key]
            return found
        generation = self.generation
        value = compute()
        if generation == self.generation:  # nothing was written meanwhile
            self.values[key] = value
        return value

    def _forget(self, *_args: Any) -> None:
        self.results.clear()
        self.values.clear()
        self.generation += 1

    def _flushed(self, session: Session, _context: Any) -> None:
        if (
            session.dirty
            or session.deleted
            or any(not isinstance(obj, AuditEvent) for obj in session.new)
        ):
            self._forget()

    def _key(self, state: ORMExecuteState) -> _Key | None:
        statement = state.statement
        if not isinstance(statement, Select) or state.is_column_load:
            return None
        if statement._for_update_arg is not None:  # noqa: SLF001 - locking reads go through
            return None
        options = state.load_options
        if options._populate_existing or options._yield_per:  # noqa: SLF001
            return None
        if state.execution_options.get("stream_results") or state.execution_options.get(
            "yield_per"
        ):
            return None
        cache_key = statement._generate_cache_key()  # noqa: SLF001 - SQLAlchemy's own key
        if cache_key is None:
            return None
        try:
            return (
                cache_key.key,
                tuple(_frozen(bind.effective_value) for bind in cache_key.bindparams),
                _frozen(state.parameters),
            )
        except TypeError:
            return None

    def _execute(self, state: ORMExecuteState) -> Result[Any] | None:
        if not state.is_select:
            self._forget()  # an INSERT, UPDATE, DELETE or text(): anything may change
            return None
        key = self._key(state)
        if key is None:
            return None
        frozen = self.results.get(key)
        if frozen is not None and state.load_options._autoflush:  # noqa: SLF001
            # as the statement would have (SQLAlchemy autoflushes when it runs it): a pending
            # change is written and, if it is not an audit event, everything is forgotten
            state.session._autoflush()  # noqa: SLF001
            frozen = self.results.get(key)
        if frozen is not None:
            self.hits += 1
            return frozen()
        statement = state.statement
        assert isinstance(statement, Select)  # _key() returns None for anything else
        if any(table.name == AuditEvent.__tablename__ for table in find_tables(statement)):
            return None
        result = state.invoke_statement()
        if result._unique_filter_state is not None:  # noqa: SLF001
            return result  # joined eager collections: the caller must call unique() on it
        frozen = result.freeze()
        self.results[key] = frozen
        return frozen()
