"""Interoperability tables: every inbound message kept raw, its quarantine, external identifiers.

A message is stored (raw bytes, exactly as received) before anything else happens, then processed
in its own transaction. A message that cannot be processed gets a :class:`QuarantineEntry` with the
reason; an administrator can reprocess it later. Nothing is deleted.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from transitions.db.base import Base, Tracked, UTCDateTime, str_enum, utcnow
from transitions.db.models import Encounter, Patient


class MessageProtocol(StrEnum):
    HL7V2 = "hl7v2"
    FHIR = "fhir"


class MessageStatus(StrEnum):
    RECEIVED = "received"  # stored, not processed yet
    PROCESSED = "processed"  # applied
    DUPLICATE = "duplicate"  # identical to an earlier processed message: nothing changed
    IGNORED = "ignored"  # understood but not for us (e.g. an order message on the ADT port)
    QUARANTINED = "quarantined"  # could not be applied; see its quarantine entry


class InboundMessage(Tracked, Base):
    """One message as received (HL7 v2 message or FHIR bundle), with what became of it."""

    __tablename__ = "interop_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    protocol: Mapped[MessageProtocol] = mapped_column(str_enum(MessageProtocol, "message_protocol"))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: where it came from: "mllp:<peer>", "file:<name>"
    source: Mapped[str] = mapped_column(String(200))
    #: raw bytes, unaltered (may be any encoding, even invalid)
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    #: SHA-256 of the normalised message (line endings unified): finds exact duplicates
    digest: Mapped[str] = mapped_column(String(64))
    control_id: Mapped[str | None] = mapped_column(String(64))
    message_type: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[MessageStatus] = mapped_column(str_enum(MessageStatus, "message_status"))
    processed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: what was stored with reservations (skipped codes, unknown units), one per line
    warnings: Mapped[str | None] = mapped_column(Text)
    patient_id: Mapped[int | None] = mapped_column(ForeignKey("patient.id"))
    encounter_id: Mapped[int | None] = mapped_column(ForeignKey("encounter.id"))

    patient: Mapped[Patient | None] = relationship()
    encounter: Mapped[Encounter | None] = relationship()

    __table_args__ = (
        Index("ix_interop_message_digest", "digest"),
        Index("ix_interop_message_encounter", "encounter_id"),
        Index("ix_interop_message_status", "status"),
    )


class QuarantineEntry(Tracked, Base):
    """A message that was rejected or failed; open until reprocessed successfully."""

    __tablename__ = "interop_quarantine"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("interop_message.id"))
    quarantined_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: AR (rejected: not a message we can read) or AE (error while applying it)
    ack_code: Mapped[str] = mapped_column(String(2))
    reason: Mapped[str] = mapped_column(Text)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    resolved_by: Mapped[str | None] = mapped_column(String(64))

    message: Mapped[InboundMessage] = relationship()

    __table_args__ = (Index("ix_interop_quarantine_open", "resolved_at"),)


class PatientIdentifier(Tracked, Base):
    """A patient's medical record number as issued by an assigning authority (PID-3 type MR,
    FHIR Patient.identifier type MR). Matching is always by (authority, value)."""

    __tablename__ = "interop_patient_identifier"

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id", ondelete="CASCADE"))
    authority: Mapped[str] = mapped_column(String(200))
    value: Mapped[str] = mapped_column(String(80))

    patient: Mapped[Patient] = relationship()

    __table_args__ = (
        UniqueConstraint("authority", "value", name="uq_interop_patient_identifier_authority"),
        Index("ix_interop_patient_identifier_patient", "patient_id"),
    )


class VisitIdentifier(Tracked, Base):
    """A stay's visit number as issued by an assigning authority (PV1-19, FHIR Encounter.identifier
    or id). The local ``Encounter.visit_number`` is the same value unless another authority's
    stay already uses it."""

    __tablename__ = "interop_visit_identifier"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(ForeignKey("encounter.id", ondelete="CASCADE"))
    authority: Mapped[str] = mapped_column(String(200))
    value: Mapped[str] = mapped_column(String(80))

    encounter: Mapped[Encounter] = relationship()

    __table_args__ = (
        UniqueConstraint("authority", "value", name="uq_interop_visit_identifier_authority"),
        Index("ix_interop_visit_identifier_encounter", "encounter_id"),
    )
