"""Patient education tables: module decisions, teaching records (append-only: re-teaching adds a
row, so history is kept), and one education plan per stay (BOOST 8P screen, packet text)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from transitions.db.base import Base, Tracked, UTCDateTime, str_enum
from transitions.domain.education.enums import Learner, Method, ModuleDecision, TeachBackResult


class EducationModuleDecision(Tracked, Base):
    """A module the nurse added to a stay, or removed from its suggestions (with the reason)."""

    __tablename__ = "education_module_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(ForeignKey("encounter.id", ondelete="CASCADE"))
    module_id: Mapped[str] = mapped_column(String(40))
    decision: Mapped[ModuleDecision] = mapped_column(str_enum(ModuleDecision, "module_decision"))
    reason: Mapped[str | None] = mapped_column(Text)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    decided_by_name: Mapped[str] = mapped_column(String(120))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (
        UniqueConstraint("encounter_id", "module_id", name="uq_education_module_decision"),
    )


class EducationRecord(Base):
    """One teaching of one item. Never updated: teaching again adds a record."""

    __tablename__ = "education_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(ForeignKey("encounter.id", ondelete="CASCADE"))
    module_id: Mapped[str] = mapped_column(String(40))
    item_id: Mapped[str] = mapped_column(String(40))
    learner: Mapped[Learner] = mapped_column(str_enum(Learner, "education_learner"))
    method: Mapped[Method] = mapped_column(str_enum(Method, "education_method"))
    result: Mapped[TeachBackResult] = mapped_column(str_enum(TeachBackResult, "teach_back_result"))
    #: the language the item was taught in (the patient's preferred language when available)
    language: Mapped[str] = mapped_column(String(8))
    #: None when the patient's language is English (not asked)
    interpreter_used: Mapped[bool | None] = mapped_column(Boolean)
    interpreter_id: Mapped[str | None] = mapped_column(String(40))
    notes: Mapped[str | None] = mapped_column(Text)
    taught_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    taught_by_name: Mapped[str] = mapped_column(String(120))
    taught_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_education_record_encounter", "encounter_id", "module_id"),)


class EducationPlan(Tracked, Base):
    """Per stay: the BOOST 8P screen (None = not answered) and free text for the packet."""

    __tablename__ = "education_plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(
        ForeignKey("encounter.id", ondelete="CASCADE"), unique=True
    )
    boost_problem_medications: Mapped[bool | None] = mapped_column(Boolean)
    boost_psychological: Mapped[bool | None] = mapped_column(Boolean)
    boost_principal_diagnosis: Mapped[bool | None] = mapped_column(Boolean)
    boost_polypharmacy: Mapped[bool | None] = mapped_column(Boolean)
    boost_poor_health_literacy: Mapped[bool | None] = mapped_column(Boolean)
    boost_patient_support: Mapped[bool | None] = mapped_column(Boolean)
    boost_prior_hospitalization: Mapped[bool | None] = mapped_column(Boolean)
    boost_palliative_care: Mapped[bool | None] = mapped_column(Boolean)
    boost_screened_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    boost_screened_by: Mapped[str | None] = mapped_column(String(120))
    instructions: Mapped[str | None] = mapped_column(Text)
    instructions_updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    instructions_updated_by: Mapped[str | None] = mapped_column(String(120))
