"""The CMS TCM clock (transitions.domain.tcm). Every expected date is worked out by hand."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transitions.domain.calendar import HolidayCalendar
from transitions.domain.tcm import TcmDeadlines, tcm_deadlines

US = HolidayCalendar("US")
NONE = HolidayCalendar("none")


@pytest.mark.parametrize(
    ("discharged", "contact_due"),
    [
        # Mon 2 Mar 2026 -> Tue 3 (1), Wed 4 (2). An ordinary week.
        (date(2026, 3, 2), date(2026, 3, 4)),
        # Fri 6 Mar 2026 -> Sat, Sun skipped, Mon 9 (1), Tue 10 (2).
        (date(2026, 3, 6), date(2026, 3, 10)),
        # Sat 7 Mar 2026 -> Sun skipped, Mon 9 (1), Tue 10 (2).
        (date(2026, 3, 7), date(2026, 3, 10)),
        # Sun 8 Mar 2026 -> Mon 9 (1), Tue 10 (2).
        (date(2026, 3, 8), date(2026, 3, 10)),
        # Wed 25 Nov 2026 -> Thu 26 Thanksgiving, Fri 27 (1), Sat/Sun, Mon 30 (2).
        (date(2026, 11, 25), date(2026, 11, 30)),
        # Thu 26 Nov 2026, discharged ON Thanksgiving -> Fri 27 (1), Sat/Sun, Mon 30 (2).
        (date(2026, 11, 26), date(2026, 11, 30)),
        # Thu 24 Dec 2026 -> Fri 25 Christmas, Sat/Sun, Mon 28 (1), Tue 29 (2).
        (date(2026, 12, 24), date(2026, 12, 29)),
        # Fri 25 Dec 2026, discharged ON Christmas -> Sat/Sun, Mon 28 (1), Tue 29 (2).
        (date(2026, 12, 25), date(2026, 12, 29)),
        # Wed 30 Dec 2026 -> Thu 31 (1; 1 Jan 2027 is a Friday so no Dec 31 observance),
        # Fri 1 Jan New Year's Day, Sat/Sun, Mon 4 Jan 2027 (2).
        (date(2026, 12, 30), date(2027, 1, 4)),
        # Thu 31 Dec 2026 -> Fri 1 Jan New Year's Day, Sat/Sun, Mon 4 (1), Tue 5 Jan 2027 (2).
        (date(2026, 12, 31), date(2027, 1, 5)),
        # Thu 18 Jun 2026 -> Fri 19 Juneteenth (on its day), Sat/Sun, Mon 22 (1), Tue 23 (2).
        (date(2026, 6, 18), date(2026, 6, 23)),
        # Thu 17 Jun 2027 -> Fri 18 Juneteenth observed (19 Jun 2027 is a Saturday),
        # Sat/Sun, Mon 21 (1), Tue 22 (2).
        (date(2027, 6, 17), date(2027, 6, 22)),
        # Thu 2 Jul 2026 -> Fri 3 Independence Day observed (4 Jul 2026 is a Saturday),
        # Sat/Sun, Mon 6 (1), Tue 7 (2).
        (date(2026, 7, 2), date(2026, 7, 7)),
        # Thu 23 Dec 2027 -> Fri 24 Christmas observed (25 Dec 2027 is a Saturday),
        # Sat/Sun, Mon 27 (1), Tue 28 (2).
        (date(2027, 12, 23), date(2027, 12, 28)),
        # Thu 30 Dec 2027 -> Fri 31 New Year observed (1 Jan 2028 is a Saturday),
        # Sat/Sun, Mon 3 Jan 2028 (1), Tue 4 Jan 2028 (2).
        (date(2027, 12, 30), date(2028, 1, 4)),
        # Fri 22 May 2026 -> Sat/Sun, Mon 25 Memorial Day, Tue 26 (1), Wed 27 (2).
        (date(2026, 5, 22), date(2026, 5, 27)),
        # Fri 16 Jan 2026 -> Sat/Sun, Mon 19 Martin Luther King Jr. Day, Tue 20 (1), Wed 21 (2).
        (date(2026, 1, 16), date(2026, 1, 21)),
        # Mon 7 Sep 2026, discharged ON Labor Day -> Tue 8 (1), Wed 9 (2).
        (date(2026, 9, 7), date(2026, 9, 9)),
    ],
)
def test_contact_due_us_calendar(discharged: date, contact_due: date) -> None:
    assert tcm_deadlines(discharged, US).contact_due == contact_due


@pytest.mark.parametrize(
    ("discharged", "contact_due"),
    [
        # Wed 25 Nov 2026 -> Thu 26 (1; Thanksgiving ignored), Fri 27 (2).
        (date(2026, 11, 25), date(2026, 11, 27)),
        # Thu 24 Dec 2026 -> Fri 25 (1; Christmas ignored), Sat/Sun, Mon 28 (2).
        (date(2026, 12, 24), date(2026, 12, 28)),
        # Thu 2 Jul 2026 -> Fri 3 (1; observed Independence Day ignored), Sat/Sun, Mon 6 (2).
        (date(2026, 7, 2), date(2026, 7, 6)),
        # Sat 7 Mar 2026 -> weekends still close: Mon 9 (1), Tue 10 (2).
        (date(2026, 3, 7), date(2026, 3, 10)),
    ],
)
def test_contact_due_without_holidays(discharged: date, contact_due: date) -> None:
    assert tcm_deadlines(discharged, NONE).contact_due == contact_due


def test_contact_due_other_country() -> None:
    # Canada: Thu 2 Apr 2026 -> Fri 3 Good Friday, Sat/Sun, Mon 6 (1), Tue 7 (2).
    assert tcm_deadlines(date(2026, 4, 2), HolidayCalendar("CA")).contact_due == date(2026, 4, 7)
    # United States: Good Friday is a business day -> Fri 3 (1), Mon 6 (2).
    assert tcm_deadlines(date(2026, 4, 2), US).contact_due == date(2026, 4, 6)


def test_full_deadlines_thanksgiving_week() -> None:
    # Wed 25 Nov 2026: visit +7 = Wed 2 Dec, +14 = Wed 9 Dec; period 25 Nov + 29 = 24 Dec
    # (30 days counting the discharge day: 6 left in November + 24 in December).
    result = tcm_deadlines(date(2026, 11, 25), US)
    assert result == TcmDeadlines(
        contact_due=date(2026, 11, 30),
        visit_due_high=date(2026, 12, 2),
        visit_due_moderate=date(2026, 12, 9),
        period_end=date(2026, 12, 24),
    )
    assert result.to_json() == {
        "contact_due": "2026-11-30",
        "visit_due_high": "2026-12-02",
        "visit_due_moderate": "2026-12-09",
        "period_end": "2026-12-24",
    }
    assert list(result.to_json()) == [
        "contact_due",
        "visit_due_high",
        "visit_due_moderate",
        "period_end",
    ]


def test_visit_and_period_are_calendar_days_even_on_weekends() -> None:
    # Sat 7 Mar 2026: +7 = Sat 14 Mar, +14 = Sat 21 Mar, +29 = Sun 5 Apr (24 of March + 5 of
    # April, counting the 7th). None of them move to a business day.
    result = tcm_deadlines(date(2026, 3, 7), US)
    assert result.visit_due_high == date(2026, 3, 14)
    assert result.visit_due_moderate == date(2026, 3, 21)
    assert result.period_end == date(2026, 4, 5)
    assert result.period_end.weekday() == 6  # Sunday


def test_visit_due_may_fall_on_a_holiday() -> None:
    # Thu 19 Nov 2026 + 7 = Thu 26 Nov, Thanksgiving: still the deadline (calendar days).
    result = tcm_deadlines(date(2026, 11, 19), US)
    assert result.visit_due_high == date(2026, 11, 26)
    assert result.visit_due_moderate == date(2026, 12, 3)
    assert result.period_end == date(2026, 12, 18)  # 12 days of November + 18 of December


def test_period_end_across_leap_february() -> None:
    # 1 Feb 2028 + 29 days: February 2028 has 29 days, so the 30th day is Wed 1 Mar 2028.
    assert tcm_deadlines(date(2028, 2, 1), US).period_end == date(2028, 3, 1)
    # 1 Feb 2027 + 29 days: February 2027 has 28 days, so the 30th day is Tue 2 Mar 2027.
    assert tcm_deadlines(date(2027, 2, 1), US).period_end == date(2027, 3, 2)


CALENDARS = st.sampled_from(
    [US, NONE, HolidayCalendar("CA"), HolidayCalendar("US", "NY"), HolidayCalendar("GB")]
)


@settings(deadline=None, max_examples=300)
@given(discharged=st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)), cal=CALENDARS)
def test_contact_due_property(discharged: date, cal: HolidayCalendar) -> None:
    result = tcm_deadlines(discharged, cal)
    contact = result.contact_due
    assert contact > discharged
    assert cal.is_business_day(contact)
    # Counted day by day (not with the rrule under test): exactly 2 in (discharged, contact].
    span = (contact - discharged).days
    days = (discharged + timedelta(days=i) for i in range(1, span + 1))
    assert sum(1 for day in days if cal.is_business_day(day)) == 2
    assert result.visit_due_high - discharged == timedelta(days=7)
    assert result.visit_due_moderate - discharged == timedelta(days=14)
    assert result.period_end - discharged == timedelta(days=29)
