"""Interfaces: the HL7 v2 ADT feed (one message at a time, from MLLP or files), the quarantine,
and FHIR bundle import/export (in :mod:`transitions.services.interop_fhir`).

Each inbound message is first stored raw in its own transaction, then processed in a second one;
when processing fails the message is quarantined (a third) with the reason. The return value
carries the HL7 acknowledgement code: AA accepted, AE error, AR rejected.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from transitions.db.interop_models import (
    InboundMessage,
    MessageProtocol,
    MessageStatus,
    QuarantineEntry,
)
from transitions.db.models import Encounter
from transitions.domain.encounter_status import EncounterStatus
from transitions.domain.enums import AdmissionType, EncounterClass
from transitions.errors import NotFoundError, TransitionsError
from transitions.interop import MessageError, where_it_failed
from transitions.interop.hl7v2 import (
    AdtMessage,
    control_id_of,
    decode,
    digest,
    msh_field,
    read_adt,
)
from transitions.services import interop_records as records
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
    """Store, then process one HL7 v2 message. Never raises for a bad message."""
    with make_uow() as uow:
        message_id = store_raw(uow, actor, raw, source, MessageProtocol.HL7V2)
    return process_hl7(make_uow, actor, message_id)


def process_hl7(make_uow: UowFactory, actor: Actor, message_id: int) -> IngestResult:
    """Apply a stored message in one transaction; on failure, quarantine it with the reason."""
    control_id: str | None = None
    try:
        with make_uow() as uow:
            message = uow.session.get(InboundMessage, message_id)
            if message is None:
                raise NotFoundError(f"no interface message with id {message_id}")
            control_id = message.control_id
            duplicate = uow.session.scalar(
                select(InboundMessage.id)
                .where(
                    InboundMessage.digest == message.digest,
                    InboundMessage.status == MessageStatus.PROCESSED,
                    InboundMessage.id != message.id,
                )
                .limit(1)
            )
            if duplicate is not None:
                message.status = MessageStatus.DUPLICATE
                message.processed_at = uow.now()
                message.warnings = f"identical to message {duplicate}; nothing changed"
                resolve_quarantine(uow, actor, message)
                uow.commit()
                return IngestResult(message_id, "AA", control_id, MessageStatus.DUPLICATE)
            adt = read_adt(message.raw, uow.tz)
            message.control_id = adt.control_id
            message.message_type = adt.message_type
            patient_id, encounter_id = apply_adt(uow, actor, adt)
            message.patient_id = patient_id
            message.encounter_id = encounter_id
            message.status = MessageStatus.PROCESSED
            message.processed_at = uow.now()
            message.warnings = "\n".join(adt.warnings) or None
            resolve_quarantine(uow, actor, message)
            uow.commit()
            return IngestResult(message_id, "AA", adt.control_id, MessageStatus.PROCESSED)
    except MessageError as exc:
        code, reason = exc.ack_code, str(exc)
    except TransitionsError as exc:
        code, reason = "AE", str(exc)
    except SQLAlchemyError as exc:
        code, reason = "AE", f"database refused the change: {type(exc).__name__}"
    except Exception as exc:  # a bug must not lose the message: quarantine it, keep the trace
        log.error("internal error on interface message %s: %s", message_id, where_it_failed(exc))
        code, reason = "AE", f"internal error: {type(exc).__name__}"
    return quarantine_message(make_uow, actor, message_id, code, reason, control_id)


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


# -- applying an ADT message ----------------------------------------------------------------------


_DEFAULT_CLASS = {"A01": EncounterClass.INPATIENT, "A04": EncounterClass.AMBULATORY}


def apply_adt(uow: UnitOfWork, actor: Actor, adt: AdtMessage) -> tuple[int, int | None]:
    """Apply one parsed ADT message (inside the caller's transaction). Idempotent: applying the
    same message again changes nothing; an update (A08) never reopens a discharged stay."""
    patient = records.upsert_patient(uow, actor, adt.patient, SOURCE)
    records.add_allergies(uow, actor, patient, adt.allergies, SOURCE)
    visit = adt.visit
    if visit is None:  # A28 / A31: the person only
        return patient.id, None
    event = adt.event
    encounter = records.find_visit(uow, visit.authority, visit.visit_number)
    if encounter is not None and encounter.patient_id != patient.id:
        raise MessageError(
            f"visit {visit.visit_number} ({visit.authority}) belongs to another patient"
        )
    unit = records.find_unit(uow, visit.unit_code)
    if visit.unit_code and unit is None:
        adt.warnings.append(f"PV1-3 unit '{visit.unit_code}' is not a known unit; ward not set")
    attending = records.find_provider(uow, visit.attending) if visit.attending else None
    if visit.attending and attending is None:
        adt.warnings.append("PV1-7 attending doctor is not in the provider directory")
    location: dict[str, Any] = {
        "unit_id": unit.id if unit else None,
        "room": visit.room if unit else None,
        "bed": visit.bed if unit else None,
    }
    values: dict[str, Any] = {
        **location,
        "hospital_service": visit.hospital_service,
        "attending_id": attending.id if attending else None,
        "planned_discharge_time": visit.expected_discharge,
    }
    if encounter is None:
        if event not in {"A01", "A04"}:
            raise MessageError(
                f"{event} for visit {visit.visit_number} ({visit.authority}), which has not "
                "been admitted or registered here; reprocess after the A01/A04 arrives"
            )
        klass = visit.patient_class or _DEFAULT_CLASS[event]
        if event == "A04" and klass is EncounterClass.INPATIENT:
            klass = EncounterClass.AMBULATORY
        admission_type = visit.admission_type or (
            AdmissionType.EMERGENCY if klass is EncounterClass.EMERGENCY else AdmissionType.ELECTIVE
        )
        encounter = records.create_visit(
            uow,
            actor,
            patient,
            authority=visit.authority,
            value=visit.visit_number,
            encounter_class=klass,
            admit_time=visit.admit_time or adt.event_time or uow.now(),
            admission_type=admission_type,
            status=EncounterStatus.ADMITTED,
            source=SOURCE,
            **{k: v for k, v in values.items() if v is not None},
        )
    else:
        status = encounter.status
        if event in {"A01", "A04"} and status is EncounterStatus.CANCELLED:
            records.apply_adt_status(
                uow, actor, encounter, EncounterStatus.ADMITTED, source=SOURCE, event=event
            )
        elif event in {"A01", "A04", "A02"} and status is EncounterStatus.DISCHARGED:
            adt.warnings.append(f"{event}: stay already discharged; it was not reopened")
            values = {k: v for k, v in values.items() if k not in location}
        elif event == "A03":
            if status.is_active:
                records.apply_adt_status(
                    uow,
                    actor,
                    encounter,
                    EncounterStatus.DISCHARGED,
                    source=SOURCE,
                    event=event,
                    when=visit.discharge_time or adt.event_time,
                    disposition=visit.disposition,
                )
            elif status is EncounterStatus.CANCELLED:
                raise MessageError(f"A03 for cancelled stay {encounter.visit_number}")
        elif event == "A11":
            if status.is_active:
                records.apply_adt_status(
                    uow, actor, encounter, EncounterStatus.CANCELLED, source=SOURCE, event=event
                )
            elif status is EncounterStatus.DISCHARGED:
                raise MessageError(
                    f"A11 cancel admit for stay {encounter.visit_number}, which is discharged "
                    "(the discharge must be cancelled first, A13)"
                )
        elif event == "A13":
            if status is EncounterStatus.DISCHARGED:
                records.apply_adt_status(
                    uow, actor, encounter, EncounterStatus.ADMITTED, source=SOURCE, event=event
                )
            elif status is EncounterStatus.CANCELLED:
                raise MessageError(f"A13 for cancelled stay {encounter.visit_number}")
        if event in {"A01", "A04", "A08"} and visit.admit_time is not None:
            values["admit_time"] = visit.admit_time
        if event in {"A01", "A04", "A08"} and visit.admission_type is not None:
            values["admission_type"] = visit.admission_type
        records.update_visit(uow, actor, encounter, SOURCE, **values)
    uow.session.flush()
    records.add_diagnoses(uow, actor, encounter, adt.diagnoses, SOURCE)
    records.add_labs(uow, actor, encounter, adt.labs, SOURCE)
    if encounter.encounter_class is EncounterClass.INPATIENT and event in {
        "A01",
        "A03",
        "A08",
        "A11",
        "A13",
    }:
        uow.session.flush()
        records.link_readmissions(uow, actor, patient.id, SOURCE)
    return patient.id, encounter.id


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
