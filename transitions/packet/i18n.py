"""The packet's message catalog: every fixed word of the packet, per language.

Choice: one JSON catalog (``resources/packet/messages.json``) rather than gettext .po/.mo. The
packet's wording is a closed set of about a hundred labels, looked up by key, plus small keyed
tables (frequency and route wording, high-alert safety lines, month and weekday names) that
gettext cannot express as simply; JSON needs no compile step and no extra dependency, and a test
checks that every language has every key. The GUI keeps Qt's own ``tr()`` catalogs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache
from typing import Any

from transitions.errors import ValidationError
from transitions.resources import load_json

DEFAULT_LANGUAGE = "en"


@cache
def _catalog() -> dict[str, Any]:
    data: dict[str, Any] = load_json("packet", "messages.json")["languages"]
    return data


def languages() -> dict[str, str]:
    """Language code -> its own name ("en" -> "English", "es" -> "Español")."""
    return {code: str(item["name"]) for code, item in _catalog().items()}


@dataclass(frozen=True)
class Messages:
    """The wording of one language; English fills tables a language leaves out."""

    language: str

    def __post_init__(self) -> None:
        if self.language not in _catalog():
            known = ", ".join(sorted(_catalog()))
            raise ValidationError(
                f"unknown packet language '{self.language}' (use one of: {known})",
                field="language",
            )

    @property
    def _table(self) -> dict[str, Any]:
        messages: dict[str, Any] = _catalog()[self.language]["messages"]
        return messages

    def __call__(self, key: str, **values: object) -> str:
        text = self._table[key]
        assert isinstance(text, str), key
        return text.format(**values) if values else text

    def names(self, key: str) -> list[str]:
        value = self._table[key]
        assert isinstance(value, list), key
        return [str(v) for v in value]

    def _keyed(self, table: str, key: str) -> str | None:
        found = _catalog()[self.language][table].get(key)
        return str(found) if found is not None else None

    def frequency(self, code: str, english: str) -> str:
        """Plain wording of a frequency code ('bid' -> 'twice a day' / 'dos veces al día')."""
        return self._keyed("frequencies", code) or english

    def route(self, code: str, english: str) -> str:
        return self._keyed("routes", code) or english

    def high_alert(self, key: str, english: str) -> str:
        return self._keyed("high_alert", key) or english

    def appointment_type(self, code: str) -> str:
        return self._keyed("appointment_types", code) or code.replace("_", " ")

    def home_service(self, code: str) -> str:
        return self._keyed("home_services", code) or code.replace("_", " ")

    def notify(self, code: str) -> str:
        return self._keyed("notify", code) or code.replace("_", " ")

    # -- dates and times ------------------------------------------------------------------
    def date_long(self, day: date) -> str:
        return self("date.format").format(
            weekday=self.names("weekdays")[day.weekday()],
            month=self.names("months")[day.month - 1],
            day=day.day,
            year=day.year,
        )

    def date_short(self, day: date) -> str:
        return self("date.short").format(
            month_short=self.names("months_short")[day.month - 1], day=day.day
        )

    def time(self, moment: time) -> str:
        if self("time.format") == "24h":
            return f"{moment.hour:02d}:{moment.minute:02d}"
        hour = moment.hour % 12 or 12
        suffix = "AM" if moment.hour < 12 else "PM"
        return f"{hour}:{moment.minute:02d} {suffix}"

    def printed(self, moment: datetime) -> str:
        return f"{self.date_long(moment.date())} {self.time(moment.time())}"


def messages(language: str) -> Messages:
    return Messages(language)
