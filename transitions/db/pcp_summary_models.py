"""The summary to the primary care provider: the hospital course written for it (one row per
stay, editable) and every delivery (append-only: the exact PDF that was sent or printed)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from transitions.db.base import Base, Tracked, UTCDateTime, str_enum
from transitions.domain.pcp_summary import DeliveryMethod


class PcpSummary(Tracked, Base):
    """What the nurse or physician wrote for the summary: the hospital course."""

    __tablename__ = "pcp_summary"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(
        ForeignKey("encounter.id", ondelete="CASCADE"), unique=True
    )
    hospital_course: Mapped[str] = mapped_column(Text, default="")
    course_updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    course_updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    course_updated_by: Mapped[str | None] = mapped_column(String(120))


class PcpSummaryDelivery(Base):
    """One sending (outbox) or printing (fax cover + summary): never changed afterwards."""

    __tablename__ = "pcp_summary_delivery"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(ForeignKey("encounter.id", ondelete="CASCADE"))
    #: 1, 2, 3... per stay
    sequence: Mapped[int] = mapped_column(Integer)
    method: Mapped[DeliveryMethod] = mapped_column(str_enum(DeliveryMethod, "pcp_summary_method"))
    recipient: Mapped[str] = mapped_column(String(160))
    fax_number: Mapped[str | None] = mapped_column(String(40))
    #: outbox deliveries: the files' common name (no folder, no extension)
    file_name: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(8))
    #: SHA-256 of the summary's content: a later change to the stay shows as "changed since sent"
    content_sha256: Mapped[str] = mapped_column(String(64))
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    page_count: Mapped[int] = mapped_column(Integer)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime())
    sent_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    sent_by: Mapped[str] = mapped_column(String(120))

    __table_args__ = (
        UniqueConstraint("encounter_id", "sequence", name="uq_pcp_summary_delivery_sequence"),
    )
