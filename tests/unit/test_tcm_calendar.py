"""Business days and the site holiday calendar (transitions.domain.calendar)."""

from __future__ import annotations

from datetime import date

import pytest

from transitions.domain.calendar import (
    Holiday,
    HolidayCalendar,
    add_business_days,
    business_days_between,
)
from transitions.errors import ValidationError

US = HolidayCalendar("US")
NONE = HolidayCalendar("none")


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 25), True),  # Wednesday before Thanksgiving
        (date(2026, 11, 26), False),  # Thanksgiving Day (4th Thursday of November)
        (date(2026, 11, 28), False),  # Saturday
        (date(2026, 7, 3), False),  # Friday: Independence Day observed (4 July is a Saturday)
        (date(2026, 12, 31), True),  # Thursday: 1 Jan 2027 is a Friday, so nothing is moved
        (date(2027, 1, 1), False),  # New Year's Day on its own day
        (date(2027, 6, 18), False),  # Friday: Juneteenth observed (19 June 2027 is a Saturday)
        (date(2027, 12, 31), False),  # Friday: New Year 2028 observed (1 Jan 2028 is a Saturday)
    ],
)
def test_us_business_days(day: date, expected: bool) -> None:
    assert US.is_business_day(day) is expected


def test_none_calendar_only_closes_weekends() -> None:
    assert NONE.is_business_day(date(2026, 11, 26))  # Thanksgiving is a Thursday like any other
    assert not NONE.is_business_day(date(2026, 11, 28))  # Saturday
    assert NONE.holidays_between(date(2026, 1, 1), date(2026, 12, 31)) == []
    assert not NONE.has_holidays


def test_holidays_between_names_actual_and_observed_days() -> None:
    assert US.holidays_between(date(2026, 7, 1), date(2026, 7, 5)) == [
        Holiday(date(2026, 7, 3), "Independence Day (observed)"),
        Holiday(date(2026, 7, 4), "Independence Day"),
    ]


def test_holidays_between_spans_years_and_includes_both_ends() -> None:
    found = US.holidays_between(date(2026, 12, 25), date(2027, 1, 1))
    assert [(h.day, h.name) for h in found] == [
        (date(2026, 12, 25), "Christmas Day"),
        (date(2027, 1, 1), "New Year's Day"),
    ]
    assert found[0].to_json() == {"date": "2026-12-25", "name": "Christmas Day"}


def test_subdivision_adds_state_holidays() -> None:
    california = HolidayCalendar.parse("us-ca")
    assert california.code == "US-CA"
    assert US.is_business_day(date(2026, 11, 27))  # federal: the Friday after Thanksgiving works
    assert not california.is_business_day(date(2026, 11, 27))  # California: a state holiday


def test_other_countries() -> None:
    canada = HolidayCalendar.parse("CA")
    assert canada.holiday_name(date(2026, 7, 1)) == "Canada Day"
    assert not canada.is_business_day(date(2026, 4, 3))  # Good Friday
    assert US.is_business_day(date(2026, 4, 3))


@pytest.mark.parametrize(("code", "expected"), [("US", "US"), (" us ", "US"), ("NONE", "none")])
def test_parse_normalises(code: str, expected: str) -> None:
    assert HolidayCalendar.parse(code).code == expected


@pytest.mark.parametrize(
    ("code", "field"), [("XX", "country"), ("", "country"), ("US-ZZ", "subdivision")]
)
def test_unknown_calendar_is_a_validation_error(code: str, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        HolidayCalendar.parse(code)
    assert info.value.field == field


def test_add_business_days_skips_weekend_and_holiday() -> None:
    # Wed 25 Nov 2026 + 3: Thu 26 Thanksgiving, Fri 27 (1), Sat/Sun, Mon 30 (2), Tue 1 Dec (3).
    assert add_business_days(date(2026, 11, 25), 3, US) == date(2026, 12, 1)
    assert add_business_days(date(2026, 11, 25), 0, US) == date(2026, 11, 25)
    with pytest.raises(ValueError):
        add_business_days(date(2026, 11, 25), -1, US)


def test_business_days_between_excludes_start_includes_end() -> None:
    # (Wed 25 Nov, Mon 30 Nov]: Thu 26 holiday, Fri 27 counts, weekend, Mon 30 counts -> 2.
    assert business_days_between(date(2026, 11, 25), date(2026, 11, 30), US) == 2
    # Without holidays Thu 26 counts too -> 3.
    assert business_days_between(date(2026, 11, 25), date(2026, 11, 30), NONE) == 3
    assert business_days_between(date(2026, 11, 30), date(2026, 11, 25), US) == 0
