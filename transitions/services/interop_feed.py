"""The HL7 v2 ADT feed: every message stored raw first, then applied, a batch at a time.

:class:`AdtFeed` is made once per listener or file import (it keeps the unit/provider look-ups
and has loaded the ICD-10-CM code set) and takes messages one by one (the MLLP listener: each
is stored, applied and committed before its ACK) or as a stream (file import: up to
``batch_size`` messages per transaction).

How a batch keeps each message's guarantees:

1. The raw messages are inserted and committed first, in one transaction of their own: from
   then on none can be lost, whatever happens next (a crash leaves them ``received``).
2. They are then applied in one transaction: each message is decided on before anything is
   changed (:meth:`AdtApplier.plan`), so a message that cannot be applied is quarantined, with
   its reason and alone, and changes nothing; the others carry on and see each earlier one's
   effect, exactly as if each had been committed on its own.
3. If applying a planned message fails anyway (a bug: applying does not touch the database,
   the batch is written at its end), the whole transaction is rolled back, the messages before
   it are applied again and committed, the failing one is applied alone and quarantined as
   before, and the rest continue.
4. If writing or committing the batch fails (a record changed by another workstation meanwhile,
   a constraint), nothing of it is kept and every message of the batch is applied again on its
   own, in its own transaction, quarantined alone if it fails again.

So a result (AA, AE, AR) is only returned after the transaction holding it has committed, a
failing message never takes another with it, and a message's changes are all kept or none.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import cache
from typing import Any

from sqlalchemy import Insert, event, insert, select
from sqlalchemy.exc import SQLAlchemyError

from transitions.db.base import utcnow
from transitions.db.engine import Database
from transitions.db.interop_models import InboundMessage, MessageProtocol, MessageStatus
from transitions.db.models import AuditEvent
from transitions.domain.followup import PlannedTask
from transitions.errors import NotFoundError, TransitionsError
from transitions.interop import MessageError, where_it_failed
from transitions.interop.hl7v2 import (
    AdtMessage,
    control_id_of,
    decode,
    digest_normalised,
    msh_field,
    no_nul,
    normalise,
    read_adt_normalised,
)
from transitions.services.interop import IngestResult, quarantine_message
from transitions.services.interop_adt import AdtApplier
from transitions.services.interop_adt_rows import EntryRow, ReferenceData, StoredMessage, table_of
from transitions.services.interop_adt_state import BatchState
from transitions.services.uow import Actor, UnitOfWork

log = logging.getLogger(__name__)
UowFactory = Callable[[], UnitOfWork]

#: Messages per transaction when a stream is imported.
BATCH_SIZE = 500


class _ApplyFailed(Exception):
    def __init__(self, index: int, error: Exception) -> None:
        super().__init__(f"message {index} of the batch failed")
        self.index = index
        self.error = error


def classify(error: Exception, message_id: int) -> tuple[str, str]:
    """The ACK code and quarantine reason for why a message could not be applied (a reason may
    quote the message's own bytes; PostgreSQL text cannot hold NUL)."""
    if isinstance(error, MessageError):
        return error.ack_code, no_nul(str(error))
    if isinstance(error, TransitionsError):
        return "AE", no_nul(str(error))
    if isinstance(error, SQLAlchemyError):
        return "AE", f"database refused the change: {type(error).__name__}"
    # a bug must not lose the message: quarantine it, keep the trace (no patient data)
    log.error("internal error on interface message %s: %s", message_id, where_it_failed(error))
    return "AE", f"internal error: {type(error).__name__}"


@cache
def _insert_messages() -> Insert:
    table = table_of(InboundMessage)
    return insert(table).returning(table.c.id, sort_by_parameter_order=True)


@cache
def _insert_audits() -> Insert:
    return insert(table_of(AuditEvent))


def durable_commits(db: Database) -> None:
    """SQLite: every commit of this database is on disk before it returns (``synchronous=FULL``;
    the default WAL + NORMAL survives a crash of the program but may lose the last commits on a
    power cut). For processes that acknowledge messages, so that an AA never outlives its
    message: it costs an fsync per transaction (~2-3 ms: the listener's two per message; an
    import's two per batch of 500). PostgreSQL commits are durable already."""
    if db.is_sqlite and not event.contains(db.engine, "connect", _synchronous_full):
        event.listen(db.engine, "connect", _synchronous_full)
        db.engine.dispose()  # connections already open get it when they are reopened


def _synchronous_full(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _batches(items: Iterable[bytes], size: int) -> Iterator[list[bytes]]:
    batch: list[bytes] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class AdtFeed:
    """The ADT interface for one listener or import run (see the module docstring)."""

    def __init__(self, make_uow: UowFactory, actor: Actor, *, batch_size: int = BATCH_SIZE):
        # the ICD-10-CM code set (simple-icd-10-cm) takes ~3 s to load: pay it at start-up,
        # not on the first message that has a diagnosis (a sender may time out waiting)
        import simple_icd_10_cm  # noqa: F401

        self.make_uow = make_uow
        self.actor = actor
        self.batch_size = max(1, batch_size)
        self.refs = ReferenceData()
        self.task_plans: dict[tuple[Any, ...], list[PlannedTask]] = {}

    # -- entry points -----------------------------------------------------------------------------

    def receive(self, raw: bytes, source: str) -> IngestResult:
        """Store, then apply one message (its own two transactions). Never raises for a bad
        message."""
        return self.process(self.store([raw], source))[0]

    def receive_many(self, raws: Iterable[bytes], source: str) -> Iterator[IngestResult]:
        """Store and apply a stream, ``batch_size`` messages per transaction, results in order."""
        for batch in _batches(raws, self.batch_size):
            yield from self.process(self.store(batch, source))

    def process_ids(self, message_ids: list[int]) -> list[IngestResult]:
        """Apply messages stored earlier (reprocessing a quarantined one)."""
        table = table_of(InboundMessage)
        with self.make_uow() as uow:
            rows = {
                row.id: row
                for row in uow.session.connection().execute(
                    select(table).where(table.c.id.in_(message_ids))
                )
            }
        missing = [i for i in message_ids if i not in rows]
        if missing:
            raise NotFoundError(f"no interface message with id {missing[0]}")
        messages = []
        for message_id in message_ids:
            row = rows[message_id]
            messages.append(
                StoredMessage(
                    id=row.id,
                    body=normalise(decode(row.raw)),
                    digest=row.digest,
                    control_id=row.control_id,
                    message_type=row.message_type,
                    status=row.status,
                    version_id=row.version_id,
                    patient_id=row.patient_id,
                    encounter_id=row.encounter_id,
                    processed_at=row.processed_at,
                    warnings=row.warnings,
                )
            )
        return self.process(messages)

    # -- storing ----------------------------------------------------------------------------------

    def store(self, raws: list[bytes], source: str) -> list[StoredMessage]:
        """Keep the messages exactly as received (first thing, a transaction of their own)."""
        source = source[:200]
        now = utcnow()
        new = {"version_id": 1, "created_at": now, "updated_at": now}
        with self.make_uow() as uow:
            messages: list[StoredMessage] = []
            rows: list[dict[str, Any]] = []
            for raw in raws:
                body = normalise(decode(raw))
                message = StoredMessage(
                    id=0,
                    body=body,
                    digest=digest_normalised(body),
                    control_id=control_id_of(raw),
                    message_type=(msh_field(raw, 9) or "")[:40] or None,
                    status=MessageStatus.RECEIVED,
                    version_id=1,
                    entries=[],
                )
                messages.append(message)
                rows.append(
                    {
                        "protocol": MessageProtocol.HL7V2,
                        "received_at": uow.now(),
                        "source": source,
                        "raw": raw,
                        "digest": message.digest,
                        "control_id": message.control_id,
                        "message_type": message.message_type,
                        "status": MessageStatus.RECEIVED,
                        **new,
                    }
                )
            conn = uow.session.connection()
            ids = conn.execute(_insert_messages(), rows).scalars()
            details = json.dumps({"source": source, "protocol": MessageProtocol.HL7V2.value})
            audits = []
            for message, message_id in zip(messages, ids, strict=True):
                message.id = message_id
                row = uow.audit_row(self.actor, "receive", "interop_message", message_id)
                row["details"] = details
                audits.append(row)
            conn.execute(_insert_audits(), audits)
            uow.commit()
        return messages

    # -- applying ---------------------------------------------------------------------------------

    def process(self, messages: list[StoredMessage]) -> list[IngestResult]:
        """Apply stored messages in as few transactions as their outcome allows (module doc)."""
        results: list[IngestResult] = []
        rest = messages
        while rest:
            try:
                results += self._run(rest)
                break
            except _ApplyFailed as failed:
                results += self._run_or_each(rest[: failed.index])
                results.append(self._alone(rest[failed.index]))
                rest = rest[failed.index + 1 :]
            except Exception as exc:  # noqa: BLE001 - writing the batch failed: one at a time
                if len(rest) > 1:
                    log.warning(
                        "writing a batch of %d interface messages failed (%s); applying them "
                        "one at a time",
                        len(rest),
                        type(exc).__name__,
                    )
                results += [self._alone(message) for message in rest]
                break
        return results

    def _run_or_each(self, messages: list[StoredMessage]) -> list[IngestResult]:
        if not messages:
            return []
        try:
            return self._run(messages)
        except Exception:  # noqa: BLE001 - should not happen (they applied before): one by one
            return [self._alone(message) for message in messages]

    def _alone(self, message: StoredMessage) -> IngestResult:
        """One message in its own transaction; quarantined in another if that fails."""
        try:
            return self._run([message])[0]
        except _ApplyFailed as failed:
            error = failed.error
        except Exception as exc:  # noqa: BLE001 - classified and quarantined below
            error = exc
        code, reason = classify(error, message.id)
        return quarantine_message(
            self.make_uow, self.actor, message.id, code, reason, message.control_id
        )

    def _run(self, stored: list[StoredMessage]) -> list[IngestResult]:
        """Apply ``stored`` in one transaction; raises :class:`_ApplyFailed` when a planned
        message fails, anything else when the batch cannot be written."""
        # fresh copies: a failed attempt must leave nothing behind for the next one
        messages = [replace(m, entries=None if m.entries is None else []) for m in stored]
        with self.make_uow() as uow:
            conn = uow.session.connection()
            adts: list[AdtMessage | Exception] = []
            for message in messages:
                try:
                    adts.append(read_adt_normalised(message.body, uow.tz))
                except Exception as exc:  # noqa: BLE001 - quarantined with its reason below
                    adts.append(exc)
            parsed = [adt for adt in adts if isinstance(adt, AdtMessage)]
            self.refs.refresh(
                conn,
                (adt.visit.unit_code or "" for adt in parsed if adt.visit is not None),
                [
                    ref
                    for adt in parsed
                    for ref in (adt.visit.attending if adt.visit else None, adt.patient.pcp)
                    if ref is not None
                ],
            )
            state = BatchState()
            state.load(conn, parsed, (m.digest for m in messages))
            state.load_entries(conn, messages)
            applier = AdtApplier(uow, self.actor, state, self.refs, self.task_plans)
            results = [
                self._apply(applier, index, message, adt)
                for index, (message, adt) in enumerate(zip(messages, adts, strict=True))
            ]
            state.messages = messages
            state.flush(conn)
            uow.commit()
        return results

    def _apply(
        self,
        applier: AdtApplier,
        index: int,
        message: StoredMessage,
        adt: AdtMessage | Exception,
    ) -> IngestResult:
        state = applier.state
        duplicate = state.duplicate_of(message)
        if duplicate is not None:
            message.status = MessageStatus.DUPLICATE
            message.processed_at = applier.uow.now()
            message.warnings = f"identical to message {duplicate}; nothing changed"
            self._resolve(applier, message)
            return IngestResult(message.id, "AA", message.control_id, MessageStatus.DUPLICATE)
        try:
            if isinstance(adt, Exception):
                raise adt
            plan = applier.plan(adt)
        except Exception as exc:  # noqa: BLE001 - nothing was changed: quarantine it here
            code, reason = classify(exc, message.id)
            self._quarantine(applier, message, code, reason)
            return IngestResult(
                message.id, code, message.control_id, MessageStatus.QUARANTINED, reason
            )
        try:
            patient_id, encounter_id = applier.execute(adt, plan)
        except Exception as exc:
            raise _ApplyFailed(index, exc) from exc
        message.control_id = adt.control_id
        message.message_type = adt.message_type
        message.patient_id = patient_id
        message.encounter_id = encounter_id
        message.status = MessageStatus.PROCESSED
        message.processed_at = applier.uow.now()
        message.warnings = "\n".join(adt.warnings) or None
        state.processed.setdefault(message.digest, message.id)
        self._resolve(applier, message)
        return IngestResult(message.id, "AA", adt.control_id, MessageStatus.PROCESSED)

    def _resolve(self, applier: AdtApplier, message: StoredMessage) -> None:
        for entry in message.entries or ():
            if entry.resolved_at is None and entry.id is not None:
                entry.resolved_at = applier.uow.now()
                entry.resolved_by = self.actor.username[:64]
                applier.state.dirty_entries[entry.id] = entry
                applier.audit("resolve", "interop_quarantine", entry.id, message.patient_id, None)

    def _quarantine(
        self, applier: AdtApplier, message: StoredMessage, code: str, reason: str
    ) -> None:
        now = applier.uow.now()
        message.status = MessageStatus.QUARANTINED
        message.processed_at = now
        if message.entries:
            entry = message.entries[0]
            assert entry.id is not None
            applier.state.dirty_entries[entry.id] = entry
        else:
            entry = EntryRow(None, message.id, now)
            applier.state.new_entries.append(entry)
        entry.ack_code = code
        entry.reason = reason[:2000]
        applier.audit(
            "quarantine",
            "interop_message",
            message.id,
            None,
            {"ack": code, "reason": reason[:500]},
        )
