"""Stored discharge packets: the exact PDF bytes each patient received, one version per print run.

A packet row is written once and never changed (append-only, like the audit table): a reprint
returns these bytes, byte for byte. Regenerating after the stay changed adds the next version.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from transitions.db.base import Base, UTCDateTime, utcnow


class DischargePacket(Base):
    __tablename__ = "discharge_packet"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(ForeignKey("encounter.id", ondelete="CASCADE"))
    #: 1, 2, 3... per stay
    version: Mapped[int] = mapped_column(Integer)
    language: Mapped[str] = mapped_column(String(8))
    large_print: Mapped[bool] = mapped_column(Boolean, default=False)
    paper: Mapped[str] = mapped_column(String(8))
    #: every rendering option as JSON (language, large print, paper, branding)
    options: Mapped[str] = mapped_column(Text)
    #: SHA-256 of the packet's content and options: an unchanged stay reuses its latest version
    content_sha256: Mapped[str] = mapped_column(String(64))
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int] = mapped_column(Integer)
    page_count: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    created_by: Mapped[str] = mapped_column(String(120))

    __table_args__ = (
        # also the index of "this stay's packets" (encounter_id is its first column)
        UniqueConstraint("encounter_id", "version", name="uq_discharge_packet_encounter_version"),
    )
