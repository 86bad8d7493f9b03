"""Care plan tables (issue 7, slice B): the community resource directory, referrals of a stay's
needs to those resources, and the goals made with the patient (with what serves each goal)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from transitions.db.assessment_models import Need
from transitions.db.base import Base, Tracked, UTCDateTime, str_enum
from transitions.domain.careplan import GoalLinkKind, GoalStatus, ReferralStatus


class CommunityResource(Tracked, Base):
    """A community programme a need can be referred to (food bank, medical transport, ...).

    ``category`` is a key of ``resources/careplan/community.toml`` (checked by the service, so a
    site can add categories without a migration). Imported rows are matched by name + address.
    """

    __tablename__ = "community_resource"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(160))
    category: Mapped[str] = mapped_column(String(40))
    phone: Mapped[str | None] = mapped_column(String(40))
    address: Mapped[str | None] = mapped_column(String(200))
    zip_code: Mapped[str | None] = mapped_column(String(10))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    hours: Mapped[str | None] = mapped_column(String(200))
    eligibility: Mapped[str | None] = mapped_column(Text)
    #: ISO 639 codes separated by ";" (e.g. "en;es")
    languages: Mapped[str] = mapped_column(String(80), default="en")
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    __table_args__ = (Index("ix_community_resource_category", "category", "active"),)


class Referral(Tracked, Base):
    """A need of a stay referred (or only suggested) to a community resource."""

    __tablename__ = "referral"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(ForeignKey("encounter.id", ondelete="CASCADE"))
    need_id: Mapped[int] = mapped_column(ForeignKey("need.id", ondelete="CASCADE"))
    resource_id: Mapped[int] = mapped_column(ForeignKey("community_resource.id"))
    status: Mapped[ReferralStatus] = mapped_column(str_enum(ReferralStatus, "referral_status"))
    referred_on: Mapped[date] = mapped_column(Date)
    follow_up_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    created_by_name: Mapped[str] = mapped_column(String(120))
    status_changed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status_changed_by: Mapped[str] = mapped_column(String(120))

    resource: Mapped[CommunityResource] = relationship()
    need: Mapped[Need] = relationship()

    __table_args__ = (
        Index("ix_referral_encounter", "encounter_id"),
        Index("ix_referral_need", "need_id"),
    )


class Goal(Tracked, Base):
    """A goal made with the patient: their own words, a measurable target and a date."""

    __tablename__ = "care_goal"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(ForeignKey("encounter.id", ondelete="CASCADE"))
    patient_words: Mapped[str] = mapped_column(Text)
    target: Mapped[str] = mapped_column(Text)
    target_date: Mapped[date] = mapped_column(Date)
    status: Mapped[GoalStatus] = mapped_column(str_enum(GoalStatus, "goal_status"))
    #: why the status is what it is (e.g. what the patient said on the follow-up call)
    status_note: Mapped[str | None] = mapped_column(Text)
    status_changed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status_changed_by: Mapped[str] = mapped_column(String(120))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    created_by_name: Mapped[str] = mapped_column(String(120))

    links: Mapped[list[GoalLink]] = relationship(
        back_populates="goal", order_by="GoalLink.id", cascade="all, delete-orphan"
    )

    __table_args__ = (Index("ix_care_goal_encounter", "encounter_id"),)


class GoalLink(Base):
    """What serves a goal: one need, education module, appointment or referral. Links are
    replaced as a set when the goal is edited (the goal's version guards that edit)."""

    __tablename__ = "care_goal_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("care_goal.id", ondelete="CASCADE"))
    kind: Mapped[GoalLinkKind] = mapped_column(str_enum(GoalLinkKind, "goal_link_kind"))
    need_id: Mapped[int | None] = mapped_column(ForeignKey("need.id", ondelete="CASCADE"))
    appointment_id: Mapped[int | None] = mapped_column(
        ForeignKey("appointment.id", ondelete="CASCADE")
    )
    referral_id: Mapped[int | None] = mapped_column(ForeignKey("referral.id", ondelete="CASCADE"))
    #: an education module id (``resources/education/modules``)
    module_id: Mapped[str | None] = mapped_column(String(40))

    goal: Mapped[Goal] = relationship(back_populates="links")

    __table_args__ = (
        Index("ix_care_goal_link_goal", "goal_id"),
        CheckConstraint(
            "(kind = 'need' AND need_id IS NOT NULL AND appointment_id IS NULL "
            "AND referral_id IS NULL AND module_id IS NULL) OR "
            "(kind = 'appointment' AND appointment_id IS NOT NULL AND need_id IS NULL "
            "AND referral_id IS NULL AND module_id IS NULL) OR "
            "(kind = 'referral' AND referral_id IS NOT NULL AND need_id IS NULL "
            "AND appointment_id IS NULL AND module_id IS NULL) OR "
            "(kind = 'education_module' AND module_id IS NOT NULL AND need_id IS NULL "
            "AND appointment_id IS NULL AND referral_id IS NULL)",
            name="one_target",
        ),
    )


__all__ = ["CommunityResource", "Goal", "GoalLink", "Referral"]
