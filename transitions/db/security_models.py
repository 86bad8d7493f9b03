"""Security tables: which wards a user works on (unit scoping of access)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from transitions.db.base import Base


class UserUnit(Base):
    """A user may see and work on stays of this unit. Rows are only added and removed (the
    owning user's ``version_id`` is bumped with every change, so edits still conflict)."""

    __tablename__ = "user_unit"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True
    )
    unit_id: Mapped[int] = mapped_column(
        ForeignKey("unit.id", ondelete="CASCADE"), primary_key=True
    )

    __table_args__ = (Index("ix_user_unit_unit", "unit_id"),)
