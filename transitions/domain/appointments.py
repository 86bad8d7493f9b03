"""Follow-up appointments: types, statuses, clinic opening hours and the live warnings.

Pure rules (no database). Times here are *local* wall-clock times of the site (naive
``datetime``); the service converts stored UTC instants before calling in.

The warnings follow Project RED (Re-Engineered Discharge, AHRQ) components 2-4 — appointments
arranged before the patient leaves — and the CMS transitional care management visit deadline
(CPT 99496: 7 days for high complexity; CPT 99495: 14 days otherwise, MLN908628), or the
site's own deadline per risk tier: see ``VisitDeadlinePolicy`` in :mod:`transitions.domain.tcm`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from transitions.domain.calendar import HolidayCalendar
from transitions.domain.tcm import CMS_VISIT_DEADLINES, VisitDeadlinePolicy
from transitions.errors import ValidationError


class AppointmentType(StrEnum):
    PCP_FOLLOW_UP = "pcp_follow_up"
    SPECIALIST = "specialist"
    LAB = "lab"
    IMAGING = "imaging"
    HOME_HEALTH = "home_health"
    THERAPY = "therapy"
    OTHER = "other"


class AppointmentStatus(StrEnum):
    REQUESTED = "requested"
    BOOKED = "booked"
    CONFIRMED = "confirmed"
    COMPLETED = "completed"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"


#: Statuses of an appointment that is still going to happen (warnings look at these only).
OPEN_STATUSES = frozenset(
    {AppointmentStatus.REQUESTED, AppointmentStatus.BOOKED, AppointmentStatus.CONFIRMED}
)


class RiskTier(StrEnum):
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


class PatientNotification(StrEnum):
    """How the patient will be told a pending result."""

    PHONE = "phone"
    PORTAL = "portal"
    LETTER = "letter"
    AT_FOLLOW_UP = "at_follow_up"


class HomeServiceKind(StrEnum):
    HOME_HEALTH = "home_health"
    OXYGEN = "oxygen"
    DME = "dme"
    INFUSION = "infusion"
    OTHER = "other"


def visit_deadline(
    discharge_day: date, tier: RiskTier, policy: VisitDeadlinePolicy = CMS_VISIT_DEADLINES
) -> date:
    """Last day for the PCP follow-up of a ``tier`` stay under the site's deadline ``policy``
    (default the CMS windows: 7 days after discharge for high risk, else 14)."""
    return policy.due(discharge_day, tier)


# -- opening hours -------------------------------------------------------------------------------

_DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_TIME = r"(\d{1,2}):(\d{2})"
_RANGE = re.compile(rf"^{_TIME}\s*-\s*{_TIME}$")


@dataclass(frozen=True)
class OpeningHours:
    """Weekday (0 = Monday) -> the open intervals of that day.

    Written as in the directory: ``"Mon-Fri 08:00-17:00"``, ``"Mon-Thu 08:00-18:00; Fri
    08:00-12:00"``, ``"Mon, Wed, Fri 08:00-15:00"``; a part without days (``"Mon-Fri
    08:00-12:00; 13:00-16:30"``) adds an interval to the days of the part before it.
    """

    intervals: tuple[tuple[tuple[time, time], ...], ...]

    def is_open(self, start: datetime, end: datetime) -> bool:
        """True when the whole of ``[start, end]`` lies inside one open interval of its day."""
        if start.date() != end.date() and end != datetime.combine(start.date(), time.max):
            return False
        return any(
            opens <= start.time() and end.time() <= closes
            for opens, closes in self.intervals[start.weekday()]
        )

    def describe_day(self, weekday: int) -> str:
        parts = [f"{a:%H:%M}-{b:%H:%M}" for a, b in self.intervals[weekday]]
        return ", ".join(parts) if parts else "closed"


def _days(spec: str) -> list[int]:
    days: list[int] = []
    for chunk in spec.split(","):
        chunk = chunk.strip().lower()
        if "-" in chunk:
            first, _, last = (p.strip()[:3] for p in chunk.partition("-"))
            if first not in _DAY_NAMES or last not in _DAY_NAMES:
                raise ValidationError(f"unknown day in '{chunk}'", field="opening_hours")
            a, b = _DAY_NAMES.index(first), _DAY_NAMES.index(last)
            days.extend(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
        else:
            if chunk[:3] not in _DAY_NAMES:
                raise ValidationError(f"unknown day '{chunk}'", field="opening_hours")
            days.append(_DAY_NAMES.index(chunk[:3]))
    return days


def _interval(text: str) -> tuple[time, time]:
    match = _RANGE.match(text.strip())
    if not match:
        raise ValidationError(
            f"'{text.strip()}' is not a time range like 08:00-17:00", "opening_hours"
        )
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if h1 > 23 or h2 > 24 or m1 > 59 or m2 > 59:
        raise ValidationError(f"'{text.strip()}' is not a valid time range", "opening_hours")
    opens = time(h1, m1)
    closes = time.max if (h2, m2) == (24, 0) else time(h2, m2)
    if closes <= opens:
        raise ValidationError(f"'{text.strip()}' closes before it opens", "opening_hours")
    return opens, closes


_PART = re.compile(r"^(?P<days>[A-Za-z][A-Za-z ,\-]*?)\s+(?P<range>\d.*)$")


def parse_opening_hours(text: str) -> OpeningHours:
    """Parse the directory's opening-hours text; raises :class:`ValidationError` if malformed."""
    table: list[list[tuple[time, time]]] = [[] for _ in range(7)]
    previous: list[int] | None = None
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        match = _PART.match(part)
        if match:
            days = _days(match.group("days"))
            ranges = match.group("range")
        elif previous is not None:
            days, ranges = previous, part
        else:
            raise ValidationError(
                f"'{part}' should start with days, e.g. 'Mon-Fri 08:00-17:00'", "opening_hours"
            )
        for piece in ranges.split(","):
            interval = _interval(piece)
            for day in days:
                table[day].append(interval)
        previous = days
    return OpeningHours(tuple(tuple(sorted(day)) for day in table))


# -- warnings ------------------------------------------------------------------------------------


class WarningCode(StrEnum):
    NO_PCP_FOLLOW_UP = "no_pcp_follow_up"
    PCP_AFTER_DEADLINE = "pcp_after_deadline"
    BEFORE_DISCHARGE = "before_discharge"
    OUTSIDE_HOURS = "outside_hours"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"
    OVERLAP = "overlap"
    TRANSPORT_NOT_ARRANGED = "transport_not_arranged"
    INTERPRETER_NOT_ARRANGED = "interpreter_not_arranged"


@dataclass(frozen=True)
class PlannedAppointment:
    """What the rules need to know about one appointment (local times)."""

    id: int
    type: AppointmentType
    status: AppointmentStatus
    start: datetime
    duration_minutes: int
    where: str
    opening_hours: str | None = None
    transport_needed: bool = False
    transport_arranged: bool = False
    interpreter_needed: bool = False
    interpreter_arranged: bool = False

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.duration_minutes)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


@dataclass(frozen=True)
class AppointmentWarning:
    code: WarningCode
    message: str
    #: the appointment concerned (None for stay-wide warnings such as "no PCP follow-up")
    appointment_id: int | None = None
    #: values for the UI's translated message template
    params: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code.value,
            "message": self.message,
            "appointment_id": self.appointment_id,
        }


def _warn(
    code: WarningCode, message: str, appointment_id: int | None = None, **params: str
) -> AppointmentWarning:
    return AppointmentWarning(code, message, appointment_id, tuple(sorted(params.items())))


def appointment_warnings(
    appointments: Sequence[PlannedAppointment],
    *,
    discharge: datetime,
    tier: RiskTier,
    calendar: HolidayCalendar,
    travel_buffer_minutes: int,
    visit_deadlines: VisitDeadlinePolicy = CMS_VISIT_DEADLINES,
) -> list[AppointmentWarning]:
    """Every warning about a stay's follow-up plan, stay-wide ones first, then by appointment.

    ``discharge`` is the (planned or actual) local discharge time. Cancelled, completed and
    no-show appointments are history and raise no warnings.
    """
    active = sorted((a for a in appointments if a.is_open), key=lambda a: (a.start, a.id))
    warnings: list[AppointmentWarning] = []
    deadline = visit_deadline(discharge.date(), tier, visit_deadlines)
    pcp = [a for a in active if a.type is AppointmentType.PCP_FOLLOW_UP]
    if not pcp:
        warnings.append(
            _warn(
                WarningCode.NO_PCP_FOLLOW_UP,
                f"no PCP follow-up booked (due by {deadline:%a %d %b %Y}, {tier.value} risk)",
                deadline=deadline.isoformat(),
                tier=tier.value,
            )
        )
    elif all(a.start.date() > deadline for a in pcp):
        first = pcp[0]
        warnings.append(
            _warn(
                WarningCode.PCP_AFTER_DEADLINE,
                f"PCP follow-up on {first.start:%a %d %b} is after the {tier.value}-risk visit "
                f"deadline {deadline:%a %d %b %Y}",
                first.id,
                day=first.start.date().isoformat(),
                deadline=deadline.isoformat(),
                tier=tier.value,
            )
        )
    for appt in active:
        warnings.extend(_single_warnings(appt, discharge, calendar))
    buffer = timedelta(minutes=travel_buffer_minutes)
    for i, first in enumerate(active):
        for second in active[i + 1 :]:
            if second.start < first.end + buffer and first.start < second.end + buffer:
                warnings.append(
                    _warn(
                        WarningCode.OVERLAP,
                        f"{first.where} at {first.start:%a %d %b %H:%M} and {second.where} at "
                        f"{second.start:%H:%M} overlap or leave less than "
                        f"{travel_buffer_minutes} minutes to travel",
                        second.id,
                        other=str(first.id),
                        buffer=str(travel_buffer_minutes),
                    )
                )
    return warnings


def _single_warnings(
    appt: PlannedAppointment, discharge: datetime, calendar: HolidayCalendar
) -> list[AppointmentWarning]:
    found: list[AppointmentWarning] = []
    when = f"{appt.where} on {appt.start:%a %d %b %H:%M}"
    if appt.start < discharge:
        found.append(_warn(WarningCode.BEFORE_DISCHARGE, f"{when} is before discharge", appt.id))
    holiday = calendar.holiday_name(appt.start.date())
    if holiday:
        found.append(
            _warn(WarningCode.HOLIDAY, f"{when} falls on {holiday}", appt.id, holiday=holiday)
        )
    elif appt.start.weekday() >= 5:
        found.append(_warn(WarningCode.WEEKEND, f"{when} falls on a weekend", appt.id))
    if appt.opening_hours:
        try:
            hours = parse_opening_hours(appt.opening_hours)
        except ValidationError:
            hours = None
        if hours is not None and not hours.is_open(appt.start, appt.end):
            found.append(
                _warn(
                    WarningCode.OUTSIDE_HOURS,
                    f"{when} is outside the clinic's hours ({appt.opening_hours})",
                    appt.id,
                    hours=appt.opening_hours,
                )
            )
    if appt.transport_needed and not appt.transport_arranged:
        found.append(
            _warn(WarningCode.TRANSPORT_NOT_ARRANGED, f"{when}: transport not arranged", appt.id)
        )
    if appt.interpreter_needed and not appt.interpreter_arranged:
        found.append(
            _warn(
                WarningCode.INTERPRETER_NOT_ARRANGED,
                f"{when}: interpreter not arranged",
                appt.id,
            )
        )
    return found
