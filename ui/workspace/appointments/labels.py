"""Translated names of appointment types, statuses and the warnings' sentences."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, tzinfo

from PySide6.QtCore import QCoreApplication, QLocale, QTime

from transitions.domain.appointments import (
    AppointmentStatus,
    AppointmentType,
    AppointmentWarning,
    HomeServiceKind,
    PatientNotification,
    WarningCode,
)
from transitions.services.appointments import AppointmentView
from ui import formatting as fmt
from ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "Appointments"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


TYPES = {
    AppointmentType.PCP_FOLLOW_UP: QT_TRANSLATE_NOOP("Appointments", "PCP follow-up"),
    AppointmentType.SPECIALIST: QT_TRANSLATE_NOOP("Appointments", "Specialist"),
    AppointmentType.LAB: QT_TRANSLATE_NOOP("Appointments", "Lab"),
    AppointmentType.IMAGING: QT_TRANSLATE_NOOP("Appointments", "Imaging"),
    AppointmentType.HOME_HEALTH: QT_TRANSLATE_NOOP("Appointments", "Home-health visit"),
    AppointmentType.THERAPY: QT_TRANSLATE_NOOP("Appointments", "Therapy"),
    AppointmentType.OTHER: QT_TRANSLATE_NOOP("Appointments", "Other"),
}
STATUSES = {
    AppointmentStatus.REQUESTED: QT_TRANSLATE_NOOP("Appointments", "Requested"),
    AppointmentStatus.BOOKED: QT_TRANSLATE_NOOP("Appointments", "Booked"),
    AppointmentStatus.CONFIRMED: QT_TRANSLATE_NOOP("Appointments", "Confirmed"),
    AppointmentStatus.COMPLETED: QT_TRANSLATE_NOOP("Appointments", "Completed"),
    AppointmentStatus.NO_SHOW: QT_TRANSLATE_NOOP("Appointments", "No-show"),
    AppointmentStatus.CANCELLED: QT_TRANSLATE_NOOP("Appointments", "Cancelled"),
}
NOTIFY = {
    PatientNotification.PHONE: QT_TRANSLATE_NOOP("Appointments", "Phone call"),
    PatientNotification.PORTAL: QT_TRANSLATE_NOOP("Appointments", "Patient portal"),
    PatientNotification.LETTER: QT_TRANSLATE_NOOP("Appointments", "Letter"),
    PatientNotification.AT_FOLLOW_UP: QT_TRANSLATE_NOOP("Appointments", "At the follow-up visit"),
}
SERVICES = {
    HomeServiceKind.HOME_HEALTH: QT_TRANSLATE_NOOP("Appointments", "Home health"),
    HomeServiceKind.OXYGEN: QT_TRANSLATE_NOOP("Appointments", "Oxygen"),
    HomeServiceKind.DME: QT_TRANSLATE_NOOP("Appointments", "Durable medical equipment"),
    HomeServiceKind.INFUSION: QT_TRANSLATE_NOOP("Appointments", "Home infusion"),
    HomeServiceKind.OTHER: QT_TRANSLATE_NOOP("Appointments", "Other"),
}
TIERS = {
    "low": QT_TRANSLATE_NOOP("Appointments", "low"),
    "moderate": QT_TRANSLATE_NOOP("Appointments", "moderate"),
    "high": QT_TRANSLATE_NOOP("Appointments", "high"),
}
_WARNINGS = {
    WarningCode.NO_PCP_FOLLOW_UP: QT_TRANSLATE_NOOP(
        "Appointments", "No PCP follow-up booked: due by {deadline} ({tier} risk)."
    ),
    WarningCode.PCP_AFTER_DEADLINE: QT_TRANSLATE_NOOP(
        "Appointments",
        "PCP follow-up on {day} is after the visit deadline {deadline} ({tier} risk).",
    ),
    WarningCode.BEFORE_DISCHARGE: QT_TRANSLATE_NOOP("Appointments", "{what}: before discharge."),
    WarningCode.OUTSIDE_HOURS: QT_TRANSLATE_NOOP(
        "Appointments", "{what}: outside the clinic's hours ({hours})."
    ),
    WarningCode.WEEKEND: QT_TRANSLATE_NOOP("Appointments", "{what}: on a weekend."),
    WarningCode.HOLIDAY: QT_TRANSLATE_NOOP("Appointments", "{what}: on a holiday ({holiday})."),
    WarningCode.OVERLAP: QT_TRANSLATE_NOOP(
        "Appointments",
        "{what}: overlaps another appointment or leaves less than {buffer} min to travel.",
    ),
    WarningCode.TRANSPORT_NOT_ARRANGED: QT_TRANSLATE_NOOP(
        "Appointments", "{what}: transport needed but not arranged."
    ),
    WarningCode.INTERPRETER_NOT_ARRANGED: QT_TRANSLATE_NOOP(
        "Appointments", "{what}: interpreter needed but not arranged."
    ),
}


def type_label(kind: AppointmentType) -> str:
    return _tr(TYPES[kind])


def status_label(status: AppointmentStatus) -> str:
    return _tr(STATUSES[status])


def short_date(day: date) -> str:
    return QLocale().toString(fmt.qdate(day), "ddd d MMM")


def appointment_what(kind: AppointmentType, where: str, start: datetime) -> str:
    """'PCP follow-up, Riverside Primary Care, Tue 1 Dec 10:00' (``start`` in local time)."""
    clock = QLocale().toString(QTime(start.hour, start.minute), "HH:mm")
    return f"{type_label(kind)}, {where}, {short_date(start.date())} {clock}"


def warning_sentence(code: str, params: Mapping[str, str], what: str | None, fallback: str) -> str:
    """A warning (its code and values) as a translated sentence; ``what`` names the appointment.
    ``fallback`` (the English message) when the code or a value is unknown."""
    values = dict(params)
    try:
        if "deadline" in values:
            values["deadline"] = short_date(date.fromisoformat(values["deadline"]))
        if "day" in values:
            values["day"] = short_date(date.fromisoformat(values["day"]))
        if "tier" in values:
            values["tier"] = _tr(TIERS.get(values["tier"], values["tier"]))
        if what is not None:
            values["what"] = what
        return _tr(_WARNINGS[WarningCode(code)]).format(**values)
    except (KeyError, IndexError, ValueError):
        return fallback


def warning_text(
    warning: AppointmentWarning, appointments: dict[int, AppointmentView], tz: tzinfo
) -> str:
    """The warning as a translated sentence naming the appointment."""
    appt = appointments.get(warning.appointment_id or -1)
    what = None
    if appt is not None:
        what = appointment_what(appt.type, appt.where, appt.starts_at.astimezone(tz))
    return warning_sentence(warning.code.value, dict(warning.params), what, warning.message)
