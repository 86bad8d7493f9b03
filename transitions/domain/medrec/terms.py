"""Prescription vocabulary tables (routes, frequencies, dose units) and text normalisation.

The tables live in ``resources/drugs/`` (routes.json, frequencies.json, dose_units.json); this
module turns them into phrase lookups keyed by normalised token tuples, so that "p.o.", "PO"
and "by mouth" all land on the route ``oral``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from transitions.resources import load_json

Phrase = tuple[str, ...]

_PERIOD_NOT_DECIMAL = re.compile(r"\.(?!\d)")
_COMMA_NOT_THOUSANDS = re.compile(r",(?!\d{3}(?!\d))")
_NUMBER_GLUED_TO_WORD = re.compile(r"\b(\d+(?:[.,/]\d+)*)([a-zμ]+)\b")
_PUNCTUATION = re.compile(r"[;:()\[\]{}\"!?*]")
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Lower-case, fold Unicode, drop abbreviation periods, split '10mg' into '10 mg'.

    Decimal points ('0.5', '.5') and thousands separators ('1,000') are kept.
    """
    folded = unicodedata.normalize("NFKC", text).replace("\u2044", "/").replace("\u2019", "'")
    folded = folded.lower().replace("µ", "μ")
    folded = _PUNCTUATION.sub(" ", folded)
    folded = _PERIOD_NOT_DECIMAL.sub("", folded)
    folded = _COMMA_NOT_THOUSANDS.sub(" ", folded)
    folded = _NUMBER_GLUED_TO_WORD.sub(r"\1 \2", folded)
    return _SPACES.sub(" ", folded).strip()


def tokens(text: str) -> list[str]:
    return normalize(text).split()


def phrase(text: str) -> Phrase:
    return tuple(tokens(text))


@dataclass(frozen=True)
class Route:
    code: str
    label: str
    systemic: bool


@dataclass(frozen=True)
class Frequency:
    """How often: a code from frequencies.json (or 'qNh' for other intervals) and its grid."""

    code: str
    label: str
    times: tuple[str, ...]
    per_day: float | None
    interval_hours: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "label": self.label, "times": list(self.times)}


@dataclass(frozen=True)
class DoseUnit:
    code: str
    label: str
    dimension: str
    factor: Decimal


@dataclass(frozen=True)
class Terms:
    routes: dict[str, Route]
    route_phrases: dict[Phrase, str]
    frequencies: dict[str, Frequency]
    frequency_phrases: dict[Phrase, str]
    interval_times: dict[int, tuple[str, ...]]
    slots: tuple[str, ...]
    units: dict[str, DoseUnit]
    unit_phrases: dict[Phrase, str]

    def interval_frequency(self, low: int, high: int | None = None) -> Frequency:
        """'every N hours' (or 'every N to M hours') not in the named table."""
        if high is None or high == low:
            named = self.frequency_phrases.get((f"q{low}h",))
            if named is not None:
                return self.frequencies[named]
            code, label = f"q{low}h", f"every {low} hours"
        else:
            code, label = f"q{low}-{high}h", f"every {low} to {high} hours"
        bound = max(low, high or low)
        keys = sorted(k for k in self.interval_times if k >= bound)
        times = self.interval_times[keys[0]] if keys else ("morning",)
        per_day = 24 / low if low > 0 else None
        return Frequency(code, label, times, per_day, low)


def minute_frequency(minutes: int) -> Frequency:
    """'every 5 minutes' (e.g. nitroglycerin under the tongue): not on the daily grid."""
    return Frequency(f"q{minutes}min", f"every {minutes} minutes", (), None)


def _phrases(table: dict[str, Any]) -> dict[Phrase, str]:
    result: dict[Phrase, str] = {}
    for code, item in table.items():
        for synonym in [code, *item["synonyms"]]:
            key = phrase(synonym)
            if key:
                result.setdefault(key, code)
    return result


@cache
def default_terms() -> Terms:
    routes_data = load_json("drugs", "routes.json")["routes"]
    freq_data = load_json("drugs", "frequencies.json")
    units_data = load_json("drugs", "dose_units.json")["units"]
    routes = {
        code: Route(code, item["label"], bool(item["systemic"]))
        for code, item in routes_data.items()
    }
    frequencies = {
        code: Frequency(
            code,
            item["label"],
            tuple(item["times"]),
            item["per_day"],
            item.get("interval_hours"),
        )
        for code, item in freq_data["frequencies"].items()
    }
    interval_times = {
        int(hours): tuple(times)
        for hours, times in freq_data["interval_times"].items()
        if not hours.startswith("_")
    }
    units = {
        code: DoseUnit(code, item["label"], item["dimension"], Decimal(str(item["factor"])))
        for code, item in units_data.items()
    }
    return Terms(
        routes=routes,
        route_phrases=_phrases(routes_data),
        frequencies=frequencies,
        frequency_phrases=_phrases(freq_data["frequencies"]),
        interval_times=interval_times,
        slots=tuple(freq_data["slots"]),
        units=units,
        unit_phrases=_phrases(units_data),
    )


def longest_match(words: list[str], start: int, table: dict[Phrase, str]) -> tuple[str, int]:
    """The longest phrase of ``table`` at ``words[start:]``: (value, length) or ('', 0)."""
    best = ("", 0)
    for length in range(min(6, len(words) - start), 0, -1):
        value = table.get(tuple(words[start : start + length]))
        if value is not None:
            return value, length
    return best
