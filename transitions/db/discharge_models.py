"""The discharge sign-off (issue 13): acknowledged checklist items, the frozen sign-off record
and the addenda written after it.

- ``discharge_acknowledgement``: a Project RED item that site policy lets go with a reason
  (one per item and stay; acknowledging again replaces the reason, audited).
- ``discharge_signoff``: the nurse's sign-off: disposition, discharge time, who and when, and
  the readiness as it stood (JSON) — frozen. When the hospital cancels the discharge (ADT A13)
  the sign-off is voided, not deleted (it is a legal record): ``voided_at``, ``voided_by_name``
  and ``voided_reason`` are set once, and the stay may be signed off again when it is discharged
  again. At most one sign-off per stay is not voided (a partial unique index, both databases).
- ``discharge_addendum``: a later note on a signed discharge (written once, never changed).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from transitions.db.base import Base, Tracked, UTCDateTime


class DischargeAcknowledgement(Tracked, Base):
    __tablename__ = "discharge_acknowledgement"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(ForeignKey("encounter.id", ondelete="CASCADE"))
    #: the RED checklist item key (resources/discharge/red_checklist.toml)
    item: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(String(400))
    acknowledged_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    acknowledged_by_name: Mapped[str] = mapped_column(String(120))
    acknowledged_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (UniqueConstraint("encounter_id", "item"),)


#: the sign-off stands (is not voided); the migration keeps its own copy of this text
ACTIVE_SIGNOFF = "voided_at IS NULL"


class DischargeSignoff(Tracked, Base):
    __tablename__ = "discharge_signoff"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(ForeignKey("encounter.id", ondelete="CASCADE"))
    #: FHIR discharge-disposition code (resources/vocab/discharge-disposition.json)
    disposition: Mapped[str] = mapped_column(String(16))
    #: the stay's discharge time (the sign-off's, or the ADT feed's when it came first)
    discharge_time: Mapped[datetime] = mapped_column(UTCDateTime())
    signed_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    signed_by_name: Mapped[str] = mapped_column(String(120))
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    #: the ADT feed had already discharged the stay: this sign-off completed its record
    completed_adt: Mapped[bool] = mapped_column(Boolean, default=False)
    #: JSON: the readiness (steps and RED checklist) at sign-off
    record: Mapped[str] = mapped_column(Text)
    #: the discharge was cancelled (ADT A13): this sign-off no longer stands (kept on record)
    voided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: who voided it: the interface (e.g. ``adt``) or the user
    voided_by_name: Mapped[str | None] = mapped_column(String(120))
    voided_reason: Mapped[str | None] = mapped_column(String(400))

    __table_args__ = (
        # a stay's sign-offs, voided or not (its history; the encounter's foreign key)
        Index("ix_discharge_signoff_encounter", "encounter_id"),
        # at most one sign-off per stay stands: partial unique indexes exist on both databases
        # (SQLite >= 3.8), so two workstations cannot both sign off the same discharge
        Index(
            "uq_discharge_signoff_active",
            "encounter_id",
            unique=True,
            sqlite_where=text(ACTIVE_SIGNOFF),
            postgresql_where=text(ACTIVE_SIGNOFF),
        ),
    )


class DischargeAddendum(Base):
    __tablename__ = "discharge_addendum"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(ForeignKey("encounter.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    added_by_name: Mapped[str] = mapped_column(String(120))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_discharge_addendum_encounter", "encounter_id"),)
