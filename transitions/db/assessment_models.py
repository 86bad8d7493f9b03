"""Discharge assessment tables (issue 7): one assessment per stay (its version is the optimistic
lock for saving answers), the answers (append-only: changing an answer adds a row, so who said
what, when and from which source is kept), and the needs the answers produce.

``need`` is referenced by other areas (referrals, goals) by foreign key: keep its columns.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql.expression import false

from transitions.db.base import Base, Tracked, UTCDateTime, str_enum
from transitions.domain.assessment import AnswerSource, NeedDomain, NeedStatus


class Assessment(Tracked, Base):
    """The assessment of one stay: who saved it last. Its ``version_id`` guards concurrent saves."""

    __tablename__ = "assessment"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(
        ForeignKey("encounter.id", ondelete="CASCADE"), unique=True
    )
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    updated_by_name: Mapped[str] = mapped_column(String(120))


class AssessmentAnswer(Base):
    """One answer to one question, never updated: the newest row per question is current.

    ``value`` is the choice key (several keys joined by ``,`` for multiple choice) or free text
    (caregiver name, phone). ``declined`` = the patient declined to answer (value is then None);
    value None and not declined = the answer was cleared.
    """

    __tablename__ = "assessment_answer"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(ForeignKey("encounter.id", ondelete="CASCADE"))
    question_key: Mapped[str] = mapped_column(String(64))
    value: Mapped[str | None] = mapped_column(String(400))
    declined: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    source: Mapped[AnswerSource] = mapped_column(str_enum(AnswerSource, "answer_source"))
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    recorded_by_name: Mapped[str] = mapped_column(String(120))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (
        Index("ix_assessment_answer_encounter", "encounter_id", "question_key"),
        CheckConstraint("NOT declined OR value IS NULL", name="declined_has_no_value"),
    )


class Need(Tracked, Base):
    """A need of the patient for this stay (housing, food, ...), opened by a positive screen or
    a barrier. ``source_question`` is the question key that made it positive."""

    __tablename__ = "need"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(
        ForeignKey("encounter.id", ondelete="CASCADE"), index=True
    )
    domain: Mapped[NeedDomain] = mapped_column(str_enum(NeedDomain, "need_domain"))
    source_question: Mapped[str] = mapped_column(String(64))
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[NeedStatus] = mapped_column(str_enum(NeedStatus, "need_status"))
    identified_at: Mapped[datetime] = mapped_column(UTCDateTime())
    identified_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
