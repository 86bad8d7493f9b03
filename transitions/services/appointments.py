"""Follow-up appointments of a stay: book, edit, cancel, rebook (history kept), the live
warnings, and the 30-day TCM calendar. Pending tests and home services: see
:mod:`transitions.services.followup_items`. The provider directory: :mod:`.directory`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from transitions.db.appointments_models import Appointment, AppointmentChange
from transitions.db.models import Clinic, Encounter, Provider
from transitions.domain.appointments import (
    OPEN_STATUSES,
    AppointmentStatus,
    AppointmentType,
    AppointmentWarning,
    PlannedAppointment,
    RiskTier,
    appointment_warnings,
    visit_deadline,
)
from transitions.domain.calendar import Holiday
from transitions.domain.tcm import PERIOD_DAYS, TcmDeadlines, tcm_deadlines
from transitions.errors import ConflictError, NotFoundError, ValidationError
from transitions.services import followup_items  # noqa: F401 - registers its stay sections
from transitions.services.encounters import register_stay_section
from transitions.services.permissions import require
from transitions.services.uow import Actor, UnitOfWork

MIN_DURATION, MAX_DURATION = 5, 480
#: Fields compared (and recorded in the history) when an appointment is edited.
_TRACKED_FIELDS = (
    "type",
    "status",
    "provider_id",
    "clinic_id",
    "starts_at",
    "duration_minutes",
    "transport_needed",
    "transport_arranged",
    "interpreter_needed",
    "interpreter_arranged",
    "patient_notes",
)


@dataclass(frozen=True)
class AppointmentInput:
    """What the user enters for an appointment. ``starts_at`` is time-zone aware."""

    type: AppointmentType
    starts_at: datetime
    provider_id: int | None = None
    clinic_id: int | None = None
    duration_minutes: int = 30
    status: AppointmentStatus = AppointmentStatus.BOOKED
    transport_needed: bool = False
    transport_arranged: bool = False
    interpreter_needed: bool = False
    interpreter_arranged: bool = False
    patient_notes: str | None = None


@dataclass(frozen=True)
class ChangeView:
    changed_at: datetime
    changed_by: str
    action: str
    details: dict[str, Any] | None


@dataclass(frozen=True)
class AppointmentView:
    id: int
    version_id: int
    type: AppointmentType
    status: AppointmentStatus
    starts_at: datetime
    duration_minutes: int
    provider_id: int | None
    provider: str | None
    clinic_id: int | None
    clinic: str | None
    clinic_phone: str | None
    opening_hours: str | None
    transport_needed: bool
    transport_arranged: bool
    interpreter_needed: bool
    interpreter_arranged: bool
    patient_notes: str | None
    booked_by: str
    booked_at: datetime
    rebooked_from_id: int | None
    history: tuple[ChangeView, ...] = ()
    warnings: tuple[AppointmentWarning, ...] = ()

    @property
    def where(self) -> str:
        return self.provider or self.clinic or self.type.value.replace("_", " ")

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["warnings"] = [w.to_json() for w in self.warnings]
        return data


@dataclass(frozen=True)
class CalendarDay:
    """One day of the 30-day TCM calendar (day 0 = discharge day)."""

    day: date
    offset: int
    holiday: str | None
    weekend: bool
    contact_due: bool
    visit_due: bool
    appointments: tuple[AppointmentView, ...] = ()


@dataclass(frozen=True)
class FollowUpPlan:
    """A stay's appointments with their warnings, the TCM deadlines and the calendar."""

    encounter_id: int
    visit_number: str
    patient_id: int
    discharge: datetime
    discharged: bool
    risk_tier: RiskTier
    deadlines: TcmDeadlines
    visit_due: date
    pcp_id: int | None
    patient_interpreter_needed: bool
    appointments: tuple[AppointmentView, ...]
    warnings: tuple[AppointmentWarning, ...]
    holidays: tuple[Holiday, ...] = field(default_factory=tuple)

    def calendar(self, tz: Any) -> list[CalendarDay]:
        first = self.discharge.astimezone(tz).date()
        holidays = {h.day: h.name for h in self.holidays}
        by_day: dict[date, list[AppointmentView]] = {}
        for appt in self.appointments:
            if appt.status is not AppointmentStatus.CANCELLED:
                by_day.setdefault(appt.starts_at.astimezone(tz).date(), []).append(appt)
        days = []
        for offset in range(PERIOD_DAYS):
            day = first + timedelta(days=offset)
            days.append(
                CalendarDay(
                    day=day,
                    offset=offset,
                    holiday=holidays.get(day),
                    weekend=day.weekday() >= 5,
                    contact_due=day == self.deadlines.contact_due,
                    visit_due=day == self.visit_due,
                    appointments=tuple(by_day.get(day, [])),
                )
            )
        return days

    def to_json(self) -> dict[str, Any]:
        return {
            "visit_number": self.visit_number,
            "discharge": self.discharge,
            "discharged": self.discharged,
            "risk_tier": self.risk_tier.value,
            "deadlines": {**self.deadlines.to_json(), "visit_due": self.visit_due.isoformat()},
            "appointments": [a.to_json() for a in self.appointments],
            "warnings": [w.to_json() for w in self.warnings],
            "holidays": [h.to_json() for h in self.holidays],
        }


# -- loading ---------------------------------------------------------------------------------


def _encounter(uow: UnitOfWork, encounter_id: int | None, visit_number: str | None) -> Encounter:
    encounter: Encounter | None
    if encounter_id is not None:
        encounter = uow.session.get(Encounter, encounter_id)
    else:
        encounter = uow.session.scalar(
            select(Encounter).where(Encounter.visit_number == visit_number)
        )
    if encounter is None:
        what = f"visit number '{visit_number}'" if visit_number else f"id {encounter_id}"
        raise NotFoundError(f"no stay with {what}")
    return encounter


def _appointment(uow: UnitOfWork, appointment_id: int, expected_version: int) -> Appointment:
    appt = uow.session.get(Appointment, appointment_id)
    if appt is None:
        raise NotFoundError(f"no appointment with id {appointment_id}")
    if appt.version_id != expected_version:
        raise ConflictError(
            "this appointment was changed by someone else since you opened it; reload it and "
            "try again"
        )
    return appt


def discharge_reference(uow: UnitOfWork, encounter: Encounter) -> datetime:
    """The discharge the clock runs from: actual, else planned, else now."""
    return encounter.discharge_time or encounter.planned_discharge_time or uow.now()


def site_risk_tier(uow: UnitOfWork, encounter: Encounter) -> RiskTier:
    """The stay's readmission-risk tier (latest stored LACE/HOSPITAL assessment: high if either
    score is high), or the site default while the stay has not been scored."""
    from transitions.services.followup_risk import latest_assessment, view_of

    row = latest_assessment(uow, encounter.id)
    if row is None:
        return RiskTier(uow.site.default_risk_tier)
    return RiskTier(view_of(row).tier)


def _view(appt: Appointment, warnings: tuple[AppointmentWarning, ...] = ()) -> AppointmentView:
    clinic = appt.clinic or (appt.provider.clinic if appt.provider else None)
    return AppointmentView(
        id=appt.id,
        version_id=appt.version_id,
        type=appt.type,
        status=appt.status,
        starts_at=appt.starts_at,
        duration_minutes=appt.duration_minutes,
        provider_id=appt.provider_id,
        provider=appt.provider.display_name if appt.provider else None,
        clinic_id=clinic.id if clinic else None,
        clinic=clinic.name if clinic else None,
        clinic_phone=clinic.phone if clinic else None,
        opening_hours=clinic.opening_hours if clinic else None,
        transport_needed=appt.transport_needed,
        transport_arranged=appt.transport_arranged,
        interpreter_needed=appt.interpreter_needed,
        interpreter_arranged=appt.interpreter_arranged,
        patient_notes=appt.patient_notes,
        booked_by=appt.booked_by,
        booked_at=appt.booked_at,
        rebooked_from_id=appt.rebooked_from_id,
        history=tuple(
            ChangeView(
                c.changed_at,
                c.changed_by,
                c.action,
                json.loads(c.details) if c.details else None,
            )
            for c in appt.changes
        ),
        warnings=warnings,
    )


def _plan(uow: UnitOfWork, encounter: Encounter) -> FollowUpPlan:
    # built once for the steps loaded together (UnitOfWork.reuse)
    return uow.reuse(("follow_up_plan", encounter.id), lambda: _built_plan(uow, encounter))


def appointment_rows(uow: UnitOfWork, encounter_id: int) -> list[Appointment]:
    """The stay's appointments by start, with provider, clinic and history (for other
    services too: the care plan's goal links read the same rows)."""
    return list(
        uow.session.scalars(
            select(Appointment)
            .where(Appointment.encounter_id == encounter_id)
            .options(
                selectinload(Appointment.provider).selectinload(Provider.clinic),
                selectinload(Appointment.clinic),
                selectinload(Appointment.changes),
            )
            .order_by(Appointment.starts_at, Appointment.id)
        )
    )


def _built_plan(uow: UnitOfWork, encounter: Encounter) -> FollowUpPlan:
    tz = uow.tz
    rows = appointment_rows(uow, encounter.id)
    discharge = discharge_reference(uow, encounter)
    tier = site_risk_tier(uow, encounter)
    calendar = uow.site.holiday_calendar
    views = [_view(a) for a in rows]
    planned = [
        PlannedAppointment(
            id=v.id,
            type=v.type,
            status=v.status,
            start=v.starts_at.astimezone(tz).replace(tzinfo=None),
            duration_minutes=v.duration_minutes,
            where=v.where,
            opening_hours=v.opening_hours,
            transport_needed=v.transport_needed,
            transport_arranged=v.transport_arranged,
            interpreter_needed=v.interpreter_needed,
            interpreter_arranged=v.interpreter_arranged,
        )
        for v in views
    ]
    local_discharge = discharge.astimezone(tz).replace(tzinfo=None)
    warnings = appointment_warnings(
        planned,
        discharge=local_discharge,
        tier=tier,
        calendar=calendar,
        travel_buffer_minutes=uow.site.travel_buffer_minutes,
        visit_deadlines=uow.site.visit_deadline_days,
    )
    views = [
        replace(v, warnings=tuple(w for w in warnings if w.appointment_id == v.id)) for v in views
    ]
    deadlines = tcm_deadlines(local_discharge.date(), calendar)
    return FollowUpPlan(
        encounter_id=encounter.id,
        visit_number=encounter.visit_number,
        patient_id=encounter.patient_id,
        discharge=discharge,
        discharged=encounter.discharge_time is not None,
        risk_tier=tier,
        deadlines=deadlines,
        visit_due=visit_deadline(local_discharge.date(), tier, uow.site.visit_deadline_days),
        pcp_id=encounter.patient.pcp_id,
        patient_interpreter_needed=encounter.patient.interpreter_needed,
        appointments=tuple(views),
        warnings=tuple(warnings),
        holidays=tuple(calendar.holidays_between(local_discharge.date(), deadlines.period_end)),
    )


def follow_up_plan_of(uow: UnitOfWork, encounter: Encounter) -> FollowUpPlan:
    """The plan for other services (the packet, the FHIR export): no permission check and no
    audit of its own; the caller checks and audits."""
    return _plan(uow, encounter)


def follow_up_plan(
    uow: UnitOfWork,
    actor: Actor,
    *,
    encounter_id: int | None = None,
    visit_number: str | None = None,
) -> FollowUpPlan:
    """A stay's follow-up plan (records a 'view' audit event)."""
    require(actor, "stay.view")
    encounter = _encounter(uow, encounter_id, visit_number)
    plan = _plan(uow, encounter)
    uow.audit(
        actor, "view", "appointments", encounter.visit_number, patient_id=encounter.patient_id
    )
    uow.commit()
    return plan


# -- changing --------------------------------------------------------------------------------


def _check(uow: UnitOfWork, data: AppointmentInput) -> AppointmentInput:
    if data.starts_at.tzinfo is None:
        raise ValidationError("the appointment time needs a time zone", field="starts_at")
    if not MIN_DURATION <= data.duration_minutes <= MAX_DURATION:
        raise ValidationError(
            f"the duration must be {MIN_DURATION} to {MAX_DURATION} minutes", field="duration"
        )
    if data.status is AppointmentStatus.CANCELLED:
        raise ValidationError("use Cancel to cancel an appointment", field="status")
    no_place = data.provider_id is None and data.clinic_id is None
    if no_place and data.type is not AppointmentType.HOME_HEALTH:
        raise ValidationError("choose a provider or a clinic", field="provider")
    if data.provider_id is not None and uow.session.get(Provider, data.provider_id) is None:
        raise ValidationError("the chosen provider is not in the directory", field="provider")
    if data.clinic_id is not None and uow.session.get(Clinic, data.clinic_id) is None:
        raise ValidationError("the chosen clinic is not in the directory", field="provider")
    if data.transport_arranged and not data.transport_needed:
        data = replace(data, transport_arranged=False)
    if data.interpreter_arranged and not data.interpreter_needed:
        data = replace(data, interpreter_arranged=False)
    notes = (data.patient_notes or "").strip() or None
    return replace(data, patient_notes=notes)


def _snapshot(appt: Appointment) -> dict[str, Any]:
    return {name: _plain(getattr(appt, name)) for name in _TRACKED_FIELDS}


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, AppointmentType | AppointmentStatus):
        return value.value
    return value


def _record(
    uow: UnitOfWork,
    actor: Actor,
    appt: Appointment,
    action: str,
    details: dict[str, Any],
    patient_id: int,
) -> None:
    appt.changes.append(
        AppointmentChange(
            changed_at=uow.now(),
            changed_by=actor.username,
            action=action,
            details=json.dumps(details, default=str),
        )
    )
    uow.audit(actor, action, "appointment", appt.id, patient_id=patient_id, details=details)


def _apply(appt: Appointment, data: AppointmentInput) -> None:
    for name in _TRACKED_FIELDS:
        setattr(appt, name, getattr(data, name))


def book_appointment(
    uow: UnitOfWork, actor: Actor, encounter_id: int, data: AppointmentInput
) -> int:
    """Book a follow-up for the stay; returns the new appointment's id."""
    require(actor, "appointments.edit")
    encounter = _encounter(uow, encounter_id, None)
    data = _check(uow, data)
    appt = Appointment(encounter_id=encounter.id, booked_by=actor.username, booked_at=uow.now())
    _apply(appt, data)
    uow.session.add(appt)
    uow.session.flush()
    _record(uow, actor, appt, "book", {"after": _snapshot(appt)}, encounter.patient_id)
    uow.commit()
    return appt.id


def edit_appointment(
    uow: UnitOfWork,
    actor: Actor,
    appointment_id: int,
    data: AppointmentInput,
    *,
    expected_version: int,
) -> None:
    """Change an open or completed appointment (cancelled ones are rebooked instead)."""
    require(actor, "appointments.edit")
    appt = _appointment(uow, appointment_id, expected_version)
    if appt.status is AppointmentStatus.CANCELLED:
        raise ValidationError("a cancelled appointment cannot be edited; rebook it", "status")
    data = _check(uow, data)
    before = _snapshot(appt)
    _apply(appt, data)
    after = _snapshot(appt)
    changed = {k: [before[k], after[k]] for k in _TRACKED_FIELDS if before[k] != after[k]}
    if not changed:
        return
    _record(
        uow,
        actor,
        appt,
        "edit",
        {"before": before, "after": after, "changed": changed},
        appt.encounter.patient_id,
    )
    uow.commit()


def cancel_appointment(
    uow: UnitOfWork,
    actor: Actor,
    appointment_id: int,
    *,
    reason: str,
    expected_version: int,
) -> None:
    require(actor, "appointments.edit")
    appt = _appointment(uow, appointment_id, expected_version)
    if appt.status is AppointmentStatus.CANCELLED:
        raise ValidationError("this appointment is already cancelled", field="status")
    reason = reason.strip()
    if not reason:
        raise ValidationError("say why the appointment is cancelled", field="reason")
    before = appt.status.value
    appt.status = AppointmentStatus.CANCELLED
    details = {"before": {"status": before}, "after": {"status": "cancelled"}, "reason": reason}
    _record(uow, actor, appt, "cancel", details, appt.encounter.patient_id)
    uow.commit()


def rebook_appointment(
    uow: UnitOfWork,
    actor: Actor,
    appointment_id: int,
    data: AppointmentInput,
    *,
    expected_version: int,
    reason: str = "rebooked",
) -> int:
    """Cancel the appointment and book its replacement (which points back at it)."""
    require(actor, "appointments.edit")
    old = _appointment(uow, appointment_id, expected_version)
    data = _check(uow, data)
    patient_id = old.encounter.patient_id
    new = Appointment(
        encounter_id=old.encounter_id,
        booked_by=actor.username,
        booked_at=uow.now(),
        rebooked_from_id=old.id,
    )
    _apply(new, data)
    uow.session.add(new)
    uow.session.flush()
    if old.status is not AppointmentStatus.CANCELLED:
        before = old.status.value
        old.status = AppointmentStatus.CANCELLED
        _record(
            uow,
            actor,
            old,
            "cancel",
            {
                "before": {"status": before},
                "after": {"status": "cancelled"},
                "reason": reason,
                "rebooked_as": new.id,
            },
            patient_id,
        )
    _record(
        uow, actor, new, "rebook", {"after": _snapshot(new), "rebooked_from": old.id}, patient_id
    )
    uow.commit()
    return new.id


# -- encounter show ------------------------------------------------------------------------


def _section(uow: UnitOfWork, encounter: Encounter) -> list[dict[str, Any]]:
    return [a.to_json() for a in _plan(uow, encounter).appointments]


register_stay_section("appointments", _section)
