"""The [calendar] table of the site file: default US, 'none', other countries, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from transitions.config import load_site_config
from transitions.domain.calendar import HolidayCalendar
from transitions.errors import ConfigError


def _site(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "site.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_default_calendar_is_us_federal() -> None:
    site = load_site_config()
    assert (site.holiday_country, site.holiday_subdivision) == ("US", "")
    assert site.holiday_calendar == HolidayCalendar("US")


@pytest.mark.parametrize(
    ("body", "country", "subdivision"),
    [
        ('[calendar]\nholidays = "none"\n', "none", ""),
        ('[calendar]\nholidays = "ca"\nsubdivision = "on"\n', "CA", "ON"),
        ('[calendar]\nsubdivision = "NY"\n', "US", "NY"),
    ],
)
def test_site_file_sets_calendar(tmp_path: Path, body: str, country: str, subdivision: str) -> None:
    site = load_site_config(_site(tmp_path, body))
    assert (site.holiday_country, site.holiday_subdivision) == (country, subdivision)


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ('[calendar]\nholidays = "XX"\n', "calendar.holidays"),
        ('[calendar]\nholidays = ""\n', "calendar.holidays"),
        ("[calendar]\nholidays = 1\n", "calendar.holidays"),
        ('[calendar]\nsubdivision = "ZZ"\n', "calendar.subdivision"),
    ],
)
def test_bad_calendar_names_the_key(tmp_path: Path, body: str, key: str) -> None:
    with pytest.raises(ConfigError, match=f"'{key}'"):
        load_site_config(_site(tmp_path, body))
