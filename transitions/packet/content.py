"""What a discharge packet says: plain frozen dataclasses, no database, no layout.

The service (:mod:`transitions.services.packets`) builds a :class:`PacketContent` from a stay,
one builder function per section; the renderer (:mod:`transitions.packet.render`) turns it into
a PDF. Every section is optional: an empty tuple or ``None`` means "the stay has nothing here"
and the renderer prints no heading for it. Free text (drug names, reasons, instructions) is
printed as given; fixed wording comes from the message catalog (:mod:`transitions.packet.i18n`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta
from enum import StrEnum

from transitions.domain.calendar import HolidayCalendar

#: The times-of-day columns of the schedule grid (AHRQ pill card), in order.
SLOTS = ("morning", "noon", "evening", "bedtime")


class MedicineGroup(StrEnum):
    """Project RED / AHRQ pill card groups, in the order they are printed."""

    NEW = "new"
    CHANGED = "changed"
    KEEP = "keep"
    STOP = "stop"


@dataclass(frozen=True)
class CoverInfo:
    patient_name: str
    mrn: str
    visit_number: str
    birth_date: date | None = None
    discharge_date: date | None = None
    hospital_name: str = ""
    unit_name: str | None = None
    unit_phone: str | None = None
    #: 24/7 "Questions? Call" number (site configuration)
    callback_phone: str | None = None
    discharge_clinician: str | None = None
    pcp_name: str | None = None
    pcp_phone: str | None = None
    #: why the patient was in hospital, as recorded (principal diagnosis first)
    reasons_for_stay: tuple[str, ...] = ()


@dataclass(frozen=True)
class Medicine:
    group: MedicineGroup
    name: str
    #: what it is for, in plain words
    purpose: str | None = None
    dose: str | None = None
    #: how and when, e.g. "by mouth, twice a day"
    how: str | None = None
    #: schedule grid slots (subset of :data:`SLOTS`); empty for "when needed" or irregular
    times: tuple[str, ...] = ()
    prn: bool = False
    #: when needed for ...
    prn_reason: str | None = None
    #: CHANGED: how it was taken before ("20 mg once a day")
    previous: str | None = None
    #: CHANGED / STOP: why
    why: str | None = None
    #: a short safety line for ISMP high-alert medicines
    safety_line: str | None = None


@dataclass(frozen=True)
class MedicinesSection:
    """The medicines of the packet.

    ``final`` is False when no reconciliation has been completed: ``medicines`` then holds the
    home list *as recorded* (group KEEP is not claimed: they are shown under "medicines you told
    us you take") and the packet says plainly that the list is not final. No schedule grid is
    printed for a list that is not final.
    """

    final: bool
    medicines: tuple[Medicine, ...] = ()

    def group(self, group: MedicineGroup) -> tuple[Medicine, ...]:
        return tuple(m for m in self.medicines if m.group is group)

    @property
    def scheduled(self) -> tuple[Medicine, ...]:
        """Medicines on the schedule grid: taken regularly (not stopped, not only when needed)."""
        return tuple(
            m for m in self.medicines if m.group is not MedicineGroup.STOP and m.times and not m.prn
        )


@dataclass(frozen=True)
class Appointment:
    day: date
    time: time | None
    with_whom: str
    purpose: str | None = None
    place: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class CalendarDay:
    day: date
    #: (time or None, what) in time order
    events: tuple[tuple[time | None, str], ...] = ()
    holiday: str | None = None
    #: the hospital's follow-up phone call (TCM interactive contact) is due this day
    call_day: bool = False


@dataclass(frozen=True)
class Calendar30:
    """The 30 days from discharge (TCM period: discharge day + 29), with what happens when."""

    start: date
    days: tuple[CalendarDay, ...]


@dataclass(frozen=True)
class PendingResult:
    test: str
    expected: str | None = None
    #: who will tell the patient the result
    who_tells: str | None = None


@dataclass(frozen=True)
class HomeService:
    service: str
    provider: str | None = None
    phone: str | None = None
    start: date | None = None
    notes: str | None = None


@dataclass(frozen=True)
class EducationModule:
    title: str
    key_points: tuple[str, ...] = ()
    call_doctor_if: tuple[str, ...] = ()
    call_911_if: tuple[str, ...] = ()


@dataclass(frozen=True)
class AllergyLine:
    substance: str
    reaction: str | None = None
    severity: str | None = None


@dataclass(frozen=True)
class GoalLine:
    """A goal made with the patient: in their own words, the measurable target, by when."""

    words: str
    target: str
    by: date


@dataclass(frozen=True)
class PacketContent:
    cover: CoverInfo
    medicines: MedicinesSection | None = None
    appointments: tuple[Appointment, ...] = ()
    calendar: Calendar30 | None = None
    pending_results: tuple[PendingResult, ...] = ()
    home_services: tuple[HomeService, ...] = ()
    education: tuple[EducationModule, ...] = ()
    allergies: tuple[AllergyLine, ...] = ()
    #: None = allergies were never recorded; () with this True = "no known allergies" recorded
    no_known_allergies: bool = False
    diet: tuple[str, ...] = ()
    activity: tuple[str, ...] = ()
    nurse_instructions: str | None = None
    goals: tuple[GoalLine, ...] = ()
    #: print the "my questions" page (lined space to write)
    questions_space: bool = True


@dataclass(frozen=True)
class PacketOptions:
    language: str = "en"
    large_print: bool = False
    paper: str = "letter"

    def to_json(self) -> dict[str, object]:
        return {"language": self.language, "large_print": self.large_print, "paper": self.paper}


@dataclass(frozen=True)
class Branding:
    hospital_name: str
    callback_phone: str | None = None
    logo_path: str | None = None
    primary_colour: str = "#1f4e79"
    accent_colour: str = "#b35900"


@dataclass(frozen=True)
class CalendarInputs:
    start: date
    appointments: tuple[Appointment, ...] = ()
    call_day: date | None = None
    extra_events: tuple[tuple[date, str], ...] = field(default_factory=tuple)


def build_calendar(inputs: CalendarInputs, holidays: HolidayCalendar, days: int = 30) -> Calendar30:
    """The 30-day calendar: appointments, holidays and the follow-up call on their days."""
    end = inputs.start + timedelta(days=days - 1)
    holiday_names = {h.day: h.name for h in holidays.holidays_between(inputs.start, end)}
    events: dict[date, list[tuple[time | None, str]]] = {}
    for appt in sorted(inputs.appointments, key=lambda a: (a.day, a.time or time.min)):
        events.setdefault(appt.day, []).append((appt.time, appt.with_whom))
    for day, text in inputs.extra_events:
        events.setdefault(day, []).append((None, text))
    result = []
    for offset in range(days):
        day = inputs.start + timedelta(days=offset)
        result.append(
            CalendarDay(
                day=day,
                events=tuple(events.get(day, ())),
                holiday=holiday_names.get(day),
                call_day=day == inputs.call_day,
            )
        )
    return Calendar30(start=inputs.start, days=tuple(result))
