"""Follow-up warnings and clinic opening hours: pure rules, no database."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from transitions.domain.appointments import (
    AppointmentStatus,
    AppointmentType,
    PlannedAppointment,
    RiskTier,
    WarningCode,
    appointment_warnings,
    parse_opening_hours,
    visit_deadline,
)
from transitions.domain.calendar import HolidayCalendar
from transitions.errors import ValidationError

US = HolidayCalendar("US")
#: Wednesday 25 November 2026, 14:00 (Thanksgiving is Thursday 26 November).
DISCHARGE = datetime(2026, 11, 25, 14, 0)
HOURS = "Mon-Fri 08:00-17:00"


def appt(
    n: int,
    start: datetime,
    *,
    kind: AppointmentType = AppointmentType.PCP_FOLLOW_UP,
    status: AppointmentStatus = AppointmentStatus.BOOKED,
    minutes: int = 30,
    hours: str | None = HOURS,
    **flags: bool,
) -> PlannedAppointment:
    return PlannedAppointment(
        id=n,
        type=kind,
        status=status,
        start=start,
        duration_minutes=minutes,
        where=f"Clinic {n}",
        opening_hours=hours,
        **flags,
    )


def codes(appointments: list[PlannedAppointment], tier: RiskTier = RiskTier.MODERATE) -> list:
    found = appointment_warnings(
        appointments, discharge=DISCHARGE, tier=tier, calendar=US, travel_buffer_minutes=30
    )
    return [(w.code, w.appointment_id) for w in found]


def test_a_good_plan_has_no_warnings() -> None:
    assert codes([appt(1, datetime(2026, 12, 1, 10, 0))]) == []


def test_no_pcp_follow_up() -> None:
    specialist = appt(1, datetime(2026, 12, 1, 10, 0), kind=AppointmentType.SPECIALIST)
    assert codes([specialist]) == [(WarningCode.NO_PCP_FOLLOW_UP, None)]
    assert codes([]) == [(WarningCode.NO_PCP_FOLLOW_UP, None)]


def test_cancelled_pcp_follow_up_does_not_count() -> None:
    cancelled = appt(1, datetime(2026, 12, 1, 10, 0), status=AppointmentStatus.CANCELLED)
    assert codes([cancelled]) == [(WarningCode.NO_PCP_FOLLOW_UP, None)]


def test_pcp_deadline_depends_on_risk_tier() -> None:
    # Tuesday 8 December = discharge + 13 days: inside 14 (moderate), after 7 (high).
    visit = appt(1, datetime(2026, 12, 8, 10, 0))
    assert codes([visit], RiskTier.MODERATE) == []
    assert codes([visit], RiskTier.HIGH) == [(WarningCode.PCP_AFTER_DEADLINE, 1)]
    assert visit_deadline(date(2026, 11, 25), RiskTier.HIGH) == date(2026, 12, 2)
    assert visit_deadline(date(2026, 11, 25), RiskTier.LOW) == date(2026, 12, 9)


def test_deadline_day_itself_is_in_time() -> None:
    on_deadline = appt(1, datetime(2026, 12, 9, 9, 0))  # Wednesday, discharge + 14
    assert codes([on_deadline]) == []
    day_after = appt(1, datetime(2026, 12, 10, 9, 0))
    assert codes([day_after]) == [(WarningCode.PCP_AFTER_DEADLINE, 1)]


def test_before_discharge() -> None:
    early = appt(1, datetime(2026, 11, 25, 9, 0))
    assert (WarningCode.BEFORE_DISCHARGE, 1) in codes([early])


def test_holiday_and_weekend() -> None:
    thanksgiving = appt(1, datetime(2026, 11, 26, 10, 0), hours=None)
    saturday = appt(2, datetime(2026, 11, 28, 10, 0), kind=AppointmentType.LAB, hours=None)
    found = codes([thanksgiving, saturday])
    assert (WarningCode.HOLIDAY, 1) in found
    assert (WarningCode.WEEKEND, 2) in found
    assert (WarningCode.WEEKEND, 1) not in found


def test_observed_holiday_counts() -> None:
    # Friday 24 December 2027 is Christmas observed (25 December is a Saturday).
    warnings = appointment_warnings(
        [appt(1, datetime(2027, 12, 24, 10, 0), hours=None)],
        discharge=datetime(2027, 12, 20, 12, 0),
        tier=RiskTier.MODERATE,
        calendar=US,
        travel_buffer_minutes=0,
    )
    assert [w.code for w in warnings] == [WarningCode.HOLIDAY]
    assert "Christmas" in warnings[0].message


def test_outside_clinic_hours() -> None:
    late = appt(1, datetime(2026, 12, 1, 16, 45))  # ends 17:15, clinic closes 17:00
    assert codes([late]) == [(WarningCode.OUTSIDE_HOURS, 1)]
    lunch = appt(2, datetime(2026, 12, 1, 12, 15), hours="Mon-Fri 08:00-12:00; 13:00-16:30")
    assert codes([lunch]) == [(WarningCode.OUTSIDE_HOURS, 2)]


def test_overlap_includes_travel_buffer() -> None:
    first = appt(1, datetime(2026, 12, 1, 10, 0), minutes=30)  # until 10:30
    close = appt(2, datetime(2026, 12, 1, 10, 50), kind=AppointmentType.LAB)  # 20 min later
    far = appt(3, datetime(2026, 12, 1, 11, 50), kind=AppointmentType.IMAGING)  # 30 min after #2
    assert codes([first, close, far]) == [(WarningCode.OVERLAP, 2)]


def test_transport_and_interpreter_not_arranged() -> None:
    needs = appt(1, datetime(2026, 12, 1, 10, 0), transport_needed=True, interpreter_needed=True)
    assert codes([needs]) == [
        (WarningCode.TRANSPORT_NOT_ARRANGED, 1),
        (WarningCode.INTERPRETER_NOT_ARRANGED, 1),
    ]
    arranged = appt(
        1,
        datetime(2026, 12, 1, 10, 0),
        transport_needed=True,
        transport_arranged=True,
        interpreter_needed=True,
        interpreter_arranged=True,
    )
    assert codes([arranged]) == []


@pytest.mark.parametrize(
    ("text", "weekday", "moment", "open_"),
    [
        (HOURS, 0, time(8, 0), True),
        (HOURS, 5, time(10, 0), False),
        ("Mon-Thu 08:00-18:00; Fri 08:00-12:00", 4, time(13, 0), False),
        ("Mon-Thu 08:00-18:00; Fri 08:00-12:00", 3, time(17, 0), True),
        ("Mon, Wed, Fri 08:00-15:00", 1, time(9, 0), False),
        ("Mon, Wed, Fri 08:00-15:00", 2, time(9, 0), True),
        ("Mon-Fri 07:30-18:30; Sat 09:00-13:00", 5, time(9, 0), True),
        ("Mon-Fri 08:00-12:00; 13:00-16:30", 2, time(14, 0), True),
        ("Tue-Fri 08:00-16:00", 0, time(9, 0), False),
    ],
)
def test_opening_hours_formats(text: str, weekday: int, moment: time, open_: bool) -> None:
    hours = parse_opening_hours(text)
    day = date(2026, 11, 30 + weekday) if weekday == 0 else date(2026, 12, weekday)
    assert day.weekday() == weekday
    start = datetime.combine(day, moment)
    assert hours.is_open(start, start.replace(minute=moment.minute + 0)) is open_


@pytest.mark.parametrize(
    "text", ["08:00-17:00", "Mon-Fri 8-5", "Funday 08:00-10:00", "Mon 17:00-08:00"]
)
def test_opening_hours_errors(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_opening_hours(text)
