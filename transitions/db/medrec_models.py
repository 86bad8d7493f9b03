"""Tables of medication reconciliation: decisions, acknowledgements, sign-offs, site drugs.

The home list and inpatient orders are :class:`~transitions.db.models.MedicationEntry` rows
(``list_kind`` home / inpatient). The discharge list is *derived*: one
:class:`MedrecDecision` per home or inpatient entry the nurse decided on (continue, change, stop,
new at discharge) plus decisions of kind ``added`` for medicines added straight to the list.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from transitions.db.base import Base, Tracked, UTCDateTime, str_enum
from transitions.domain.medrec.workflow import DecisionKind, ReconciliationStatus


class MedrecReconciliation(Tracked, Base):
    """The state of one stay's reconciliation (one row per stay, created on the first change)."""

    __tablename__ = "medrec_reconciliation"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(
        ForeignKey("encounter.id", ondelete="CASCADE"), unique=True
    )
    status: Mapped[ReconciliationStatus] = mapped_column(
        str_enum(ReconciliationStatus, "medrec_status"), default=ReconciliationStatus.DRAFT
    )
    #: how many times it has been signed (1 for the first signature; reopening keeps the rest)
    revision: Mapped[int] = mapped_column(Integer, default=0)
    signed_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    signed_by_name: Mapped[str | None] = mapped_column(String(120))
    signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    second_signed_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    second_signed_by_name: Mapped[str | None] = mapped_column(String(120))
    second_signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class MedrecDecision(Tracked, Base):
    """A decision on one home/inpatient entry, or a medicine added at discharge.

    For every kind but ``stop`` the row carries the discharge medicine (copied from the source
    for 'continue', edited for 'change'); the structured sig plus the free text it came from.
    """

    __tablename__ = "medrec_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(ForeignKey("encounter.id", ondelete="CASCADE"))
    #: the home or inpatient entry decided on; None for a medicine added at discharge
    source_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("medication_entry.id", ondelete="CASCADE"), unique=True
    )
    kind: Mapped[DecisionKind] = mapped_column(str_enum(DecisionKind, "medrec_decision_kind"))
    drug_name: Mapped[str | None] = mapped_column(String(200))
    dose: Mapped[str | None] = mapped_column(String(40))
    route: Mapped[str | None] = mapped_column(String(40))
    frequency: Mapped[str | None] = mapped_column(String(60))
    form: Mapped[str | None] = mapped_column(String(40))
    prn: Mapped[bool] = mapped_column(Boolean, default=False)
    indication: Mapped[str | None] = mapped_column(String(200))
    duration_days: Mapped[int | None] = mapped_column(Integer)
    instructions: Mapped[str | None] = mapped_column(String(300))
    #: the free-text directions as typed, and the part of it that was not understood
    sig_text: Mapped[str | None] = mapped_column(String(300))
    sig_unparsed: Mapped[str | None] = mapped_column(String(300))
    reason_code: Mapped[str | None] = mapped_column(String(40))
    reason: Mapped[str | None] = mapped_column(String(400))
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    decided_by_name: Mapped[str] = mapped_column(String(120))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_medrec_decision_encounter", "encounter_id"),)


class MedrecAcknowledgement(Tracked, Base):
    """A problem the nurse accepted, with why (``problem_key``: kind and items)."""

    __tablename__ = "medrec_acknowledgement"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(ForeignKey("encounter.id", ondelete="CASCADE"))
    problem_key: Mapped[str] = mapped_column(String(200))
    message: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(String(400))
    acknowledged_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    acknowledged_by_name: Mapped[str] = mapped_column(String(120))
    acknowledged_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (UniqueConstraint("encounter_id", "problem_key"),)


class MedrecSignedVersion(Tracked, Base):
    """What was signed, frozen as JSON; kept when the reconciliation is reopened."""

    __tablename__ = "medrec_signed_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(ForeignKey("encounter.id", ondelete="CASCADE"))
    revision: Mapped[int] = mapped_column(Integer)
    document: Mapped[str] = mapped_column(Text)
    signed_by_name: Mapped[str] = mapped_column(String(120))
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    second_signed_by_name: Mapped[str | None] = mapped_column(String(120))
    second_signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reopened_by_name: Mapped[str | None] = mapped_column(String(120))
    reopened_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reopen_reason: Mapped[str | None] = mapped_column(String(400))

    __table_args__ = (UniqueConstraint("encounter_id", "revision"),)


class SiteDrug(Tracked, Base):
    """A drug the site added to the shipped vocabulary (``transitions drugs import``).

    Kept in the database, not a per-workstation file, so every workstation and the command line
    run the same checks against the same vocabulary, and imports are audited.
    """

    __tablename__ = "site_drug"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: name_key() of the generic name: an import replaces the row with the same key
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    generic: Mapped[str] = mapped_column(String(200))
    ingredients: Mapped[str] = mapped_column(String(400))
    brands: Mapped[str] = mapped_column(String(400), default="")
    synonyms: Mapped[str] = mapped_column(String(400), default="")
    rxcui: Mapped[str] = mapped_column(String(200), default="")
    classes: Mapped[str] = mapped_column(String(400), default="")
    source: Mapped[str] = mapped_column(String(40), default="site")
