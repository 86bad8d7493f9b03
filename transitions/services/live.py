"""Hearing that another workstation changed something (no Qt here; ``ui.live_refresh`` polls it).

Every change to a patient's record writes an audit event in the same transaction, so the audit
trail is the change feed:

* PostgreSQL: the ``audit_event_notify`` trigger sends ``NOTIFY transitions_change`` on commit;
  :class:`PgChangeFeed` LISTENs on a dedicated autocommit connection and drains notifications
  without blocking (``consume_input`` + ``pgconn.notifies()``).
* SQLite: :class:`SqliteChangeFeed` asks for audit events newer than the last one seen (a primary
  key range read, microseconds), leaving out views, sign-ins, prints and exports.

``poll()`` returns the patient ids that changed (``None`` in the set: a change not tied to one
patient). It never raises: a lost connection is closed and reopened at the next poll.
"""

from __future__ import annotations

import contextlib
import json
import logging
from typing import Any, Protocol

from sqlalchemy import func, select

from transitions.db.engine import Database
from transitions.db.models import AuditEvent, Encounter
from transitions.logging_setup import where_it_failed

log = logging.getLogger(__name__)

CHANNEL = "transitions_change"
#: audit actions that are not changes (the PostgreSQL trigger leaves out the same ones)
NOT_CHANGES = ("view", "sign_in", "sign_out", "sign_in_failed", "export", "print")


class ChangeFeed(Protocol):
    def poll(self) -> set[int | None]: ...

    def close(self) -> None: ...


class SqliteChangeFeed:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.last_id = self._max_id()

    def _max_id(self) -> int:
        with self.db.engine.connect() as connection:
            return int(connection.scalar(select(func.max(AuditEvent.id))) or 0)

    def poll(self) -> set[int | None]:
        try:
            with self.db.engine.connect() as connection:
                rows = connection.execute(
                    select(AuditEvent.id, AuditEvent.patient_id, AuditEvent.action)
                    .where(AuditEvent.id > self.last_id)
                    .order_by(AuditEvent.id)
                ).all()
        except Exception as exc:  # the next poll tries again
            log.warning("change poll failed: %s", where_it_failed(exc))
            return set()
        if rows:
            self.last_id = rows[-1].id
        return {row.patient_id for row in rows if row.action not in NOT_CHANGES}

    def close(self) -> None:
        pass


class PgChangeFeed:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._connection: Any = None
        self._schema: str | None = None
        self._open()

    def _open(self) -> None:
        dialect = self.db.engine.dialect
        cargs, cparams = dialect.create_connect_args(self.db.engine.url)
        # a cut network (no goodbye from the server) is noticed by TCP keepalives
        cparams = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, **cparams}
        try:
            connection = dialect.connect(*cargs, **cparams)
            connection.autocommit = True
            connection.execute(f"LISTEN {CHANNEL}")
            self._schema = connection.execute("SELECT current_schema()").fetchone()[0]
        except Exception as exc:
            log.warning("cannot listen for changes: %s", where_it_failed(exc))
            return
        self._connection = connection

    def poll(self) -> set[int | None]:
        if self._connection is None or self._connection.closed:
            self._open()
            # notifications sent while we were away are lost: tell the caller to reload all
            return {None} if self._connection is not None else set()
        changed: set[int | None] = set()
        try:
            # read what the server sent, without blocking: a terminated backend's goodbye or a
            # closed socket shows up here (draining notifications alone would not notice)
            from psycopg.pq import ConnStatus  # PostgreSQL sites only

            pgconn = self._connection.pgconn
            pgconn.consume_input()  # the first read takes a terminated backend's last words,
            pgconn.consume_input()  # the second finds the closed socket and raises
            if pgconn.status != ConnStatus.OK:
                raise ConnectionError("listener connection is gone")
            while (notify := pgconn.notifies()) is not None:
                try:
                    payload = json.loads(notify.extra.decode())
                except ValueError:
                    continue  # not one of ours
                # one database may hold several schemas (training, tests): only ours counts
                if isinstance(payload, dict) and payload.get("schema") == self._schema:
                    changed.add(payload.get("patient_id"))
        except Exception as exc:
            log.warning("change listener lost its connection: %s", where_it_failed(exc))
            self.close()
            return {None}
        return changed

    def close(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(Exception):  # already gone
                self._connection.close()
            self._connection = None


def open_change_feed(db: Database) -> ChangeFeed:
    return SqliteChangeFeed(db) if db.is_sqlite else PgChangeFeed(db)


def patients_of_stays(db: Database, encounter_ids: list[int]) -> dict[int, int]:
    """encounter id -> patient id (ids only: which open workspaces a change concerns)."""
    if not encounter_ids:
        return {}
    with db.engine.connect() as connection:
        rows = connection.execute(
            select(Encounter.id, Encounter.patient_id).where(Encounter.id.in_(encounter_ids))
        ).all()
    return {row.id: row.patient_id for row in rows}
