"""Wording of the summary to the primary care provider: ``resources/packet/pcp_summary.json``.

Same design as the packet's catalog (:mod:`transitions.packet.i18n`: one JSON file, a key per
fixed text, keyed tables for codes); dates and times use the packet catalog's month names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from transitions.errors import ValidationError
from transitions.packet.i18n import Messages
from transitions.resources import load_json

DEFAULT_SUMMARY_LANGUAGE = "en"


@cache
def _catalog() -> dict[str, Any]:
    data: dict[str, Any] = load_json("packet", "pcp_summary.json")["languages"]
    return data


def summary_languages() -> dict[str, str]:
    """Language code -> its own name, for the languages the summary is written in."""
    return {code: str(item["name"]) for code, item in _catalog().items()}


@dataclass(frozen=True)
class SummaryMessages:
    language: str

    def __post_init__(self) -> None:
        if self.language not in _catalog():
            known = ", ".join(sorted(_catalog()))
            raise ValidationError(
                f"unknown summary language '{self.language}' (use one of: {known})",
                field="language",
            )

    def __call__(self, key: str, **values: object) -> str:
        text = _catalog()[self.language]["messages"][key]
        assert isinstance(text, str), key
        return text.format(**values) if values else text

    def keyed(self, table: str, code: str | None) -> str:
        """The wording of ``code`` in ``table`` (sex, tiers, appointment_types...); the code
        itself, readable, when the table lacks it."""
        if not code:
            return ""
        found = _catalog()[self.language][table].get(code)
        return str(found) if found is not None else code.replace("_", " ")

    @property
    def dates(self) -> Messages:
        return Messages(self.language)

    def day(self, value: date | None) -> str:
        if value is None:
            return ""
        return self("date.numeric").format(day=value.day, month=value.month, year=value.year)

    def moment(self, value: datetime | None) -> str:
        """Date and time (the value is already in the hospital's zone)."""
        if value is None:
            return ""
        return f"{self.day(value.date())} {self.dates.time(value.time())}"
