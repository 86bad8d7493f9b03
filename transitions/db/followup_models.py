"""Follow-up after discharge: risk assessments, follow-up tasks, call attempts, readmission links.

- ``risk_assessment``: LACE and HOSPITAL of a stay at one stage (discharge planning, discharge),
  stored with the inputs and the item-by-item breakdown they were computed from (JSON text).
- ``followup_task``: the TCM contact call, the visit-kept check and the 30-day readmission check
  created at discharge; ``owner_id`` None means the unit's follow-up team (the unit default).
  When the hospital cancels the discharge (ADT A13) its open tasks are cancelled (kept, with
  who/when/why); a later discharge gets fresh ones. At most one task of a kind per stay is not
  cancelled (a partial unique index, both databases).
- ``call_attempt``: each call of a contact task (who, when, number, reached or not, answers).
- ``readmission_link``: an inpatient stay that began within 30 days of an index discharge.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from transitions.db.base import Base, Tracked, UTCDateTime, str_enum
from transitions.domain.followup import RiskStage, TaskKind, TaskStatus


class RiskAssessment(Tracked, Base):
    __tablename__ = "risk_assessment"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(ForeignKey("encounter.id", ondelete="CASCADE"))
    stage: Mapped[RiskStage] = mapped_column(str_enum(RiskStage, "risk_stage"))
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    lace_score: Mapped[int] = mapped_column(Integer)
    lace_tier: Mapped[str] = mapped_column(String(16))
    hospital_score: Mapped[int] = mapped_column(Integer)
    hospital_tier: Mapped[str] = mapped_column(String(16))
    #: keys of inputs that were not on file (scored 0, shown as missing)
    missing: Mapped[str] = mapped_column(String(200), default="")
    #: JSON: {"inputs": {...}, "lace": [items], "hospital": [items], "charlson": {...}}
    details: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        UniqueConstraint("encounter_id", "stage", name="uq_risk_assessment_encounter_stage"),
    )


#: the task counts (is not cancelled); the migration keeps its own copy of this text
ACTIVE_TASK = "status <> 'cancelled'"


class FollowupTask(Tracked, Base):
    __tablename__ = "followup_task"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(ForeignKey("encounter.id", ondelete="CASCADE"))
    kind: Mapped[TaskKind] = mapped_column(str_enum(TaskKind, "followup_task_kind"))
    status: Mapped[TaskStatus] = mapped_column(str_enum(TaskStatus, "followup_task_status"))
    due_date: Mapped[date] = mapped_column(Date)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_by: Mapped[str | None] = mapped_column(String(64))
    outcome: Mapped[str | None] = mapped_column(String(300))
    #: the day the thing checked happened (visit kept on, readmitted on)
    event_date: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (
        # a stay's tasks, cancelled or not (its history; the encounter's foreign key)
        Index("ix_followup_task_encounter", "encounter_id", "kind"),
        # at most one task of a kind per stay counts: a cancelled discharge's tasks are kept
        # cancelled and the next discharge gets its own (partial unique index, both databases)
        Index(
            "uq_followup_task_active",
            "encounter_id",
            "kind",
            unique=True,
            sqlite_where=text(ACTIVE_TASK),
            postgresql_where=text(ACTIVE_TASK),
        ),
        Index("ix_followup_task_due", "status", "due_date"),
    )


class CallAttempt(Tracked, Base):
    __tablename__ = "call_attempt"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("followup_task.id", ondelete="CASCADE"))
    called_at: Mapped[datetime] = mapped_column(UTCDateTime())
    caller: Mapped[str] = mapped_column(String(120))
    caller_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    number: Mapped[str] = mapped_column(String(40))
    reached: Mapped[bool] = mapped_column(Boolean)
    #: JSON of the conversation when reached (symptoms, medication problems, CTM-3, escalation)
    answers: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(String(500))

    __table_args__ = (Index("ix_call_attempt_task", "task_id"),)


class ReadmissionLink(Tracked, Base):
    __tablename__ = "readmission_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(
        ForeignKey("encounter.id", ondelete="CASCADE"), unique=True
    )
    index_encounter_id: Mapped[int] = mapped_column(ForeignKey("encounter.id", ondelete="CASCADE"))
    planned: Mapped[bool] = mapped_column(Boolean)
    days_after: Mapped[int] = mapped_column(Integer)

    __table_args__ = (Index("ix_readmission_link_index", "index_encounter_id"),)
