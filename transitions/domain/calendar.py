"""Business days of a site: Monday to Friday except the site's public holidays.

Holidays come from the ``holidays`` package for a country (ISO 3166-1 alpha-2 code) and an
optional subdivision (state, province), or there are none at all (``"none"``). The default
site calendar is ``US``: the US federal holidays, *with their observed dates* — when a holiday
falls on a Saturday the Friday before is a holiday, on a Sunday the Monday after (5 U.S.C.
6103(b)); e.g. Independence Day 2026 is Saturday 4 July, observed Friday 3 July. The package
returns both the actual and the observed date; the actual one then falls on a weekend, which
is no business day anyway.

Business days are walked with a ``dateutil.rrule`` over weekdays, holidays filtered out.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import islice
from types import MappingProxyType

from dateutil.rrule import DAILY, FR, MO, TH, TU, WE, rrule

from transitions.errors import ValidationError

#: The setting that turns holidays off: only weekends are closed.
NO_HOLIDAYS = "none"

_WEEKDAYS = (MO, TU, WE, TH, FR)
#: The default calendar: always in ``holidays``, so checking it needs no import of the package
#: (about 50 ms, kept off the application's start; it loads with the first holiday asked for).
_DEFAULT_COUNTRY = "US"


@dataclass(frozen=True)
class Holiday:
    day: date
    name: str

    def to_json(self) -> dict[str, str]:
        return {"date": self.day.isoformat(), "name": self.name}


@lru_cache
def supported_countries() -> Mapping[str, tuple[str, ...]]:
    """Country code -> its subdivision codes, as the ``holidays`` package knows them."""
    import holidays

    countries = holidays.list_supported_countries()
    return MappingProxyType({code: tuple(subs) for code, subs in countries.items()})


@lru_cache(maxsize=256)
def _holidays_in_year(country: str, subdivision: str, year: int) -> Mapping[date, str]:
    """Date -> holiday name(s) of one year (observed dates included), computed once, read-only."""
    import holidays

    table = holidays.country_holidays(country, subdiv=subdivision or None, years=year)
    return MappingProxyType({day: str(name) for day, name in table.items() if day.year == year})


@dataclass(frozen=True)
class HolidayCalendar:
    """The holidays of a site: a country (and subdivision) from ``holidays``, or ``"none"``.

    Codes are checked and upper-cased on construction; an unknown one raises
    :class:`~transitions.errors.ValidationError`.
    """

    country: str = "US"
    subdivision: str = ""

    def __post_init__(self) -> None:
        country = self.country.strip().upper()
        subdivision = self.subdivision.strip()
        if country == NO_HOLIDAYS.upper():
            country, subdivision = NO_HOLIDAYS, ""
        elif country != _DEFAULT_COUNTRY and country not in supported_countries():
            raise ValidationError(
                f"unknown holiday calendar '{self.country}' "
                f"(use a country code such as US or CA, or '{NO_HOLIDAYS}')",
                field="country",
            )
        elif subdivision:
            spellings = {code.upper(): code for code in supported_countries()[country]}
            if subdivision.upper() not in spellings:
                raise ValidationError(
                    f"holiday calendar {country} has no subdivision '{subdivision}'",
                    field="subdivision",
                )
            subdivision = spellings[subdivision.upper()]
        object.__setattr__(self, "country", country)
        object.__setattr__(self, "subdivision", subdivision)

    @classmethod
    def parse(cls, code: str) -> HolidayCalendar:
        """``"US"``, ``"us-ny"`` (country-subdivision) or ``"none"``."""
        country, _, subdivision = code.strip().partition("-")
        return cls(country, subdivision)

    @property
    def code(self) -> str:
        """The calendar as :meth:`parse` reads it: ``US``, ``US-NY`` or ``none``."""
        return f"{self.country}-{self.subdivision}" if self.subdivision else self.country

    @property
    def has_holidays(self) -> bool:
        return self.country != NO_HOLIDAYS

    def holiday_name(self, day: date) -> str | None:
        """The holiday's name (several joined by '; '), or None on an ordinary day."""
        if not self.has_holidays:
            return None
        return _holidays_in_year(self.country, self.subdivision, day.year).get(day)

    def is_holiday(self, day: date) -> bool:
        return self.holiday_name(day) is not None

    def is_business_day(self, day: date) -> bool:
        return day.weekday() < 5 and not self.is_holiday(day)

    def holidays_between(self, start: date, end: date) -> list[Holiday]:
        """The holidays from ``start`` to ``end`` (both included), in date order, weekends too."""
        found: list[Holiday] = []
        if not self.has_holidays:
            return found
        for year in range(start.year, end.year + 1):
            table = _holidays_in_year(self.country, self.subdivision, year)
            found.extend(Holiday(day, name) for day, name in table.items() if start <= day <= end)
        return sorted(found, key=lambda holiday: holiday.day)


def _business_days_after(day: date, calendar: HolidayCalendar) -> Iterator[date]:
    """The business days strictly after ``day``, in order (an rrule over weekdays)."""
    start = datetime.combine(day + timedelta(days=1), datetime.min.time())
    for moment in rrule(DAILY, dtstart=start, byweekday=_WEEKDAYS):
        candidate = moment.date()
        if not calendar.is_holiday(candidate):
            yield candidate


def add_business_days(day: date, n: int, calendar: HolidayCalendar) -> date:
    """The ``n``-th business day after ``day``; ``day`` itself never counts (n=0 returns it)."""
    if n < 0:
        raise ValueError("add_business_days counts forward only (n must be >= 0)")
    if n == 0:
        return day
    return next(islice(_business_days_after(day, calendar), n - 1, None))


def business_days_between(start: date, end: date, calendar: HolidayCalendar) -> int:
    """How many business days fall in ``(start, end]`` (0 when ``end <= start``)."""
    if end <= start:
        return 0
    first = datetime.combine(start + timedelta(days=1), datetime.min.time())
    last = datetime.combine(end, datetime.min.time())
    days = rrule(DAILY, dtstart=first, until=last, byweekday=_WEEKDAYS)
    return sum(1 for moment in days if not calendar.is_holiday(moment.date()))
