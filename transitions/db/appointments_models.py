"""Tables of the follow-up plan: appointments (with their change history), pending tests at
discharge, and home services and equipment (Project RED components 2-4)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from transitions.db.base import Base, Tracked, UTCDateTime, str_enum, utcnow
from transitions.db.models import Clinic, Encounter, Provider
from transitions.domain.appointments import (
    AppointmentStatus,
    AppointmentType,
    HomeServiceKind,
    PatientNotification,
)


class Appointment(Tracked, Base):
    """A follow-up appointment of a stay. Rebooking cancels this row and starts a new one that
    points back at it (``rebooked_from_id``); every change leaves an :class:`AppointmentChange`."""

    __tablename__ = "appointment"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(ForeignKey("encounter.id", ondelete="CASCADE"))
    type: Mapped[AppointmentType] = mapped_column(str_enum(AppointmentType, "appointment_type"))
    status: Mapped[AppointmentStatus] = mapped_column(
        str_enum(AppointmentStatus, "appointment_status")
    )
    provider_id: Mapped[int | None] = mapped_column(ForeignKey("provider.id"))
    clinic_id: Mapped[int | None] = mapped_column(ForeignKey("clinic.id"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    duration_minutes: Mapped[int] = mapped_column(Integer, default=30)
    transport_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    transport_arranged: Mapped[bool] = mapped_column(Boolean, default=False)
    interpreter_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    interpreter_arranged: Mapped[bool] = mapped_column(Boolean, default=False)
    patient_notes: Mapped[str | None] = mapped_column(Text)
    booked_by: Mapped[str] = mapped_column(String(64))
    booked_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    rebooked_from_id: Mapped[int | None] = mapped_column(ForeignKey("appointment.id"))

    encounter: Mapped[Encounter] = relationship()
    provider: Mapped[Provider | None] = relationship()
    clinic: Mapped[Clinic | None] = relationship()
    changes: Mapped[list[AppointmentChange]] = relationship(
        back_populates="appointment", order_by="AppointmentChange.id", cascade="all, delete-orphan"
    )

    __table_args__ = (Index("ix_appointment_encounter", "encounter_id", "starts_at"),)


class AppointmentChange(Base):
    """Append-only history of one appointment: what changed, who changed it, when."""

    __tablename__ = "appointment_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    appointment_id: Mapped[int] = mapped_column(ForeignKey("appointment.id", ondelete="CASCADE"))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    changed_by: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(24))
    #: JSON of {"field": [before, after], ...} or a reason
    details: Mapped[str | None] = mapped_column(Text)

    appointment: Mapped[Appointment] = relationship(back_populates="changes")

    __table_args__ = (Index("ix_appointment_change_appointment", "appointment_id"),)


class PendingTest(Tracked, Base):
    """A test whose result is still outstanding when the patient leaves."""

    __tablename__ = "pending_test"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(ForeignKey("encounter.id", ondelete="CASCADE"))
    test_name: Mapped[str] = mapped_column(String(160))
    ordered_by: Mapped[str | None] = mapped_column(String(120))
    expected_on: Mapped[date | None] = mapped_column(Date)
    responsible_id: Mapped[int | None] = mapped_column(ForeignKey("provider.id"))
    notify_by: Mapped[PatientNotification] = mapped_column(
        str_enum(PatientNotification, "patient_notification")
    )
    recorded_by: Mapped[str] = mapped_column(String(64))

    responsible: Mapped[Provider | None] = relationship()

    __table_args__ = (Index("ix_pending_test_encounter", "encounter_id"),)


class HomeService(Tracked, Base):
    """Home health, oxygen, durable medical equipment and the like, arranged for discharge."""

    __tablename__ = "home_service"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(ForeignKey("encounter.id", ondelete="CASCADE"))
    kind: Mapped[HomeServiceKind] = mapped_column(str_enum(HomeServiceKind, "home_service_kind"))
    description: Mapped[str] = mapped_column(String(200))
    vendor: Mapped[str | None] = mapped_column(String(160))
    vendor_phone: Mapped[str | None] = mapped_column(String(40))
    starts_on: Mapped[date | None] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_home_service_encounter", "encounter_id"),)


__all__ = ["Appointment", "AppointmentChange", "HomeService", "PendingTest"]
