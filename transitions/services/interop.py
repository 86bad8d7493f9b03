"""Interfaces: the HL7 v2 ADT feed (from MLLP or files; :mod:`transitions.services.interop_feed`),
the quarantine, and FHIR bundle import/export (:mod:`transitions.services.interop_fhir`).

Each inbound message is first stored raw in its own transaction, then processed; when processing
fails the message is quarantined with the reason. The return value carries the HL7
acknowledgement code: AA accepted, AE error, AR rejected.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from transitions.db.interop_models import (
    InboundMessage,
    MessageProtocol,
    MessageStatus,
    QuarantineEntry,
)
from transitions.db.models import Encounter
from transitions.errors import NotFoundError
from transitions.interop import MessageError
from transitions.interop.hl7v2 import (
    control_id_of,
    decode,
    digest,
    msh_field,
)
from transitions.services.encounters import register_stay_section
from transitions.services.permissions import require
from transitions.services.uow import Actor, UnitOfWork

log = logging.getLogger(__name__)
UowFactory = Callable[[], UnitOfWork]
SOURCE = "adt"


def adt_actor() -> Actor:
    """Who the feed acts as in the audit trail."""
    return Actor.system("adt")


@dataclass(frozen=True)
class IngestResult:
    message_id: int
    ack_code: str  # AA, AE, AR
    control_id: str | None
    status: MessageStatus
    reason: str | None = None

    @property
    def accepted(self) -> bool:
        return self.ack_code == "AA"


# -- ingest ---------------------------------------------------------------------------------------


def store_raw(
    uow: UnitOfWork, actor: Actor, raw: bytes, source: str, protocol: MessageProtocol
) -> int:
    """Keep the message exactly as received (first thing, own transaction)."""
    is_hl7 = protocol is MessageProtocol.HL7V2
    message = InboundMessage(
        protocol=protocol,
        received_at=uow.now(),
        source=source[:200],
        raw=raw,
        digest=digest(raw) if is_hl7 else _sha(raw),
        control_id=control_id_of(raw) if is_hl7 else None,
        message_type=(msh_field(raw, 9) or "")[:40] or None if is_hl7 else None,
        status=MessageStatus.RECEIVED,
    )
    uow.session.add(message)
    uow.session.flush()
    uow.audit(
        actor,
        "receive",
        "interop_message",
        message.id,
        details={"source": source[:200], "protocol": protocol.value},
    )
    uow.commit()
    return message.id


def _sha(raw: bytes) -> str:
    import hashlib

    return hashlib.sha256(raw).hexdigest()


def receive_hl7(make_uow: UowFactory, actor: Actor, raw: bytes, source: str) -> IngestResult:
    """Store, then process one HL7 v2 message. Never raises for a bad message. (A listener or
    an import makes one :class:`~transitions.services.interop_feed.AdtFeed` and reuses it.)"""
    from transitions.services.interop_feed import AdtFeed

    return AdtFeed(make_uow, actor).receive(raw, source)


def ingest_hl7(
    make_uow: UowFactory, actor: Actor, raws: Iterable[bytes], source: str, *, batch_size: int = 500
) -> Iterator[IngestResult]:
    """Store and process a stream of HL7 v2 messages, ``batch_size`` per transaction."""
    from transitions.services.interop_feed import AdtFeed

    return AdtFeed(make_uow, actor, batch_size=batch_size).receive_many(raws, source)


def process_hl7(make_uow: UowFactory, actor: Actor, message_id: int) -> IngestResult:
    """Apply a stored message in one transaction; on failure, quarantine it with the reason."""
    from transitions.services.interop_feed import AdtFeed

    return AdtFeed(make_uow, actor).process_ids([message_id])[0]


def resolve_quarantine(uow: UnitOfWork, actor: Actor, message: InboundMessage) -> None:
    for entry in uow.session.scalars(
        select(QuarantineEntry).where(
            QuarantineEntry.message_id == message.id, QuarantineEntry.resolved_at.is_(None)
        )
    ):
        entry.resolved_at = uow.now()
        entry.resolved_by = actor.username[:64]
        uow.audit(actor, "resolve", "interop_quarantine", entry.id, patient_id=message.patient_id)


def quarantine_message(
    make_uow: UowFactory,
    actor: Actor,
    message_id: int,
    code: str,
    reason: str,
    control_id: str | None,
) -> IngestResult:
    # a reason may quote the message's own bytes; PostgreSQL text cannot hold NUL
    reason = reason.replace("\x00", "\\x00")
    with make_uow() as uow:
        message = uow.session.get(InboundMessage, message_id)
        assert message is not None
        message.status = MessageStatus.QUARANTINED
        message.processed_at = uow.now()
        entry = uow.session.scalar(
            select(QuarantineEntry).where(
                QuarantineEntry.message_id == message_id, QuarantineEntry.resolved_at.is_(None)
            )
        )
        if entry is None:
            entry = QuarantineEntry(message_id=message_id, quarantined_at=uow.now())
            uow.session.add(entry)
        entry.ack_code = code
        entry.reason = reason[:2000]
        uow.session.flush()
        uow.audit(
            actor,
            "quarantine",
            "interop_message",
            message_id,
            details={"ack": code, "reason": reason[:500]},
        )
        uow.commit()
    return IngestResult(message_id, code, control_id, MessageStatus.QUARANTINED, reason)


# -- the quarantine (admin) -----------------------------------------------------------------------


@dataclass(frozen=True)
class QuarantineRow:
    entry_id: int
    message_id: int
    version_id: int
    quarantined_at: datetime
    protocol: str
    source: str
    control_id: str | None
    message_type: str | None
    ack_code: str
    reason: str
    raw_text: str


def list_quarantine(uow: UnitOfWork, actor: Actor, *, limit: int = 500) -> list[QuarantineRow]:
    """Open quarantine entries, newest first (raw text included: the admin must see it)."""
    require(actor, "interop.quarantine")
    rows = uow.session.execute(
        select(QuarantineEntry, InboundMessage)
        .join(InboundMessage, QuarantineEntry.message_id == InboundMessage.id)
        .where(QuarantineEntry.resolved_at.is_(None))
        .order_by(QuarantineEntry.quarantined_at.desc(), QuarantineEntry.id.desc())
        .limit(limit)
    )
    result = [
        QuarantineRow(
            entry_id=entry.id,
            message_id=message.id,
            version_id=entry.version_id,
            quarantined_at=entry.quarantined_at,
            protocol=message.protocol.value,
            source=message.source,
            control_id=message.control_id,
            message_type=message.message_type,
            ack_code=entry.ack_code,
            reason=entry.reason,
            raw_text=decode(message.raw).replace("\r", "\n"),
        )
        for entry, message in rows
    ]
    uow.audit(actor, "view", "interop_quarantine", None, details={"count": len(result)})
    uow.commit()
    return result


def reprocess(make_uow: UowFactory, actor: Actor, message_id: int) -> IngestResult:
    """Try a quarantined message again (after reference data was fixed)."""
    with make_uow() as uow:
        require(actor, "interop.quarantine")
        message = uow.session.get(InboundMessage, message_id)
        if message is None:
            raise NotFoundError(f"no interface message with id {message_id}")
        if message.status is not MessageStatus.QUARANTINED:
            raise MessageError(f"message {message_id} is {message.status.value}, not quarantined")
        protocol = message.protocol
        uow.audit(actor, "reprocess", "interop_message", message_id)
        uow.commit()
    if protocol is MessageProtocol.FHIR:
        from transitions.services import interop_fhir

        return interop_fhir.process_bundle(make_uow, actor, message_id)
    return process_hl7(make_uow, actor, message_id)


# -- encounter show ------------------------------------------------------------------------


def _section(uow: UnitOfWork, encounter: Encounter) -> dict[str, Any]:
    rows = uow.session.execute(
        select(InboundMessage.status, func.count())
        .where(InboundMessage.encounter_id == encounter.id)
        .group_by(InboundMessage.status)
    )
    counts = {status.value: count for status, count in rows}
    return {"messages": sum(counts.values()), "by_status": counts}


register_stay_section("interop", _section)
