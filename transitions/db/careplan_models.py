"""Care plan tables (issue 7, slice B): the community resource directory, referrals of a stay's
needs to those resources, and the goals made with the patient (with what serves each goal)."""

from __future__ import annotations

from sqlalchemy import Boolean, Float, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from transitions.db.base import Base, Tracked


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


__all__ = ["CommunityResource"]
