"""Prescription directions ("sig"): strict parsers for structured fields, a forgiving free-text one.

* :func:`parse_dose`, :func:`parse_route`, :func:`parse_frequency` read one structured field and
  raise :class:`ValidationError` (field ``dose`` / ``route`` / ``frequency``) when it is not one.
* :func:`parse_sig` reads free text such as "1 tab po bid" or "2 puffs inh q4h prn sob"; it never
  raises: whatever it cannot place is kept in ``unparsed`` and the sig is ``flagged``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from transitions.domain.medrec.terms import (
    Frequency,
    Terms,
    default_terms,
    longest_match,
    minute_frequency,
    normalize,
    phrase,
    tokens,
)
from transitions.errors import ValidationError

_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+|\d+/\d+"
_NUMBER_RE = re.compile(rf"^(?:{_NUMBER})$", re.ASCII)
_RANGE_RE = re.compile(rf"^({_NUMBER})(?:-|–)({_NUMBER})$", re.ASCII)
_INTERVAL_RE = re.compile(r"^q(\d{1,2})(?:-(\d{1,2}))?(h|hr|hrs|hours?)?$", re.ASCII)
_X_DURATION_RE = re.compile(r"^x(\d{1,3})(d|days?|w|wks?|weeks?|mo|months?)?$", re.ASCII)
_COUNT_RE = re.compile(r"^\d{1,4}$", re.ASCII)
_MINUTES_RE = re.compile(r"^q(\d{1,2})(min|mins|minutes?)?$", re.ASCII)
_MINUTES = {"min", "mins", "minute", "minutes"}
_LIQUIDS = {"water", "juice", "liquid", "beverage", "milk", "applesauce", "pudding"}
_DURATION_UNITS = {
    "d": 1, "day": 1, "days": 1,
    "w": 7, "wk": 7, "wks": 7, "week": 7, "weeks": 7,
    "mo": 30, "month": 30, "months": 30,
}  # fmt: skip
_WORD_NUMBERS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10", "half": "1/2",
}  # fmt: skip
_HOURS = {"h", "hr", "hrs", "hour", "hours"}
_FILLER = {
    "take", "takes", "taking", "give", "inject", "apply", "use", "inhale", "instill", "insert",
    "place", "chew", "dissolve", "and", "then", "of", "by", "to", "the", "a", "an", "sig",
}  # fmt: skip
_INDICATION_WORDS = {
    "sob": "shortness of breath", "n/v": "nausea and vomiting", "nv": "nausea and vomiting",
    "ha": "headache", "cp": "chest pain", "wheeze": "wheezing",
}  # fmt: skip
_INSTRUCTIONS = {
    phrase(text): text
    for text in (
        "with food", "with meals", "with a meal", "with breakfast", "with lunch", "with dinner",
        "with supper", "on an empty stomach", "before meals", "after meals", "before breakfast",
        "with water", "with a full glass of water", "with plenty of water", "do not crush",
        "do not chew", "swallow whole", "shake well", "rinse mouth after use", "rinse mouth",
        "as directed", "until gone", "until finished", "until all taken", "ac", "pc",
        "thin layer", "a thin layer", "apply a thin layer", "to affected area",
    )
}  # fmt: skip
_EXAMPLE_ROUTES = "oral/po, subcutaneous/subq, iv, im, inhaled, topical, sl, pr"


@dataclass(frozen=True)
class Dose:
    """An amount (or range, '1-2 tabs') with a unit code from dose_units.json."""

    low: Decimal
    high: Decimal
    unit: str
    text: str

    def _scaled(self, terms: Terms) -> tuple[str, Decimal, Decimal]:
        unit = terms.units[self.unit]
        return unit.dimension, self.low * unit.factor, self.high * unit.factor

    def same_amount(self, other: Dose, terms: Terms | None = None) -> bool | None:
        """True/False when the units are comparable ('1 g' == '1000 mg'); None when they are not."""
        terms = terms or default_terms()
        dim_a, low_a, high_a = self._scaled(terms)
        dim_b, low_b, high_b = other._scaled(terms)
        if dim_a != dim_b:
            return None
        return low_a == low_b and high_a == high_b

    @property
    def display(self) -> str:
        """'10 mg', '1-2 tablets', '10 units' (for messages and the packet)."""
        unit = default_terms().units[self.unit]
        low, high = _plain(self.low), _plain(self.high)
        amount = low if self.low == self.high else f"{low}-{high}"
        singular = self.high <= 1 or unit.dimension in _METRIC
        return f"{amount} {unit.label if singular else _plural(unit.label)}"

    def to_json(self) -> dict[str, Any]:
        return {"amount": _plain(self.low), "amount_high": _plain(self.high), "unit": self.unit}


@dataclass(frozen=True)
class Sig:
    text: str
    dose: Dose | None = None
    route: str | None = None
    frequency: Frequency | None = None
    prn: bool = False
    indication: str | None = None
    duration_days: int | None = None
    instructions: tuple[str, ...] = ()
    unparsed: str = ""

    @property
    def flagged(self) -> bool:
        """True when part of the text was not understood, or nothing was."""
        understood = self.dose or self.route or self.frequency or self.prn
        return bool(self.unparsed) or not understood

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "dose": self.dose.to_json() if self.dose else None,
            "route": self.route,
            "frequency": self.frequency.to_json() if self.frequency else None,
            "prn": self.prn,
            "indication": self.indication,
            "duration_days": self.duration_days,
            "instructions": list(self.instructions),
            "unparsed": self.unparsed,
            "flagged": self.flagged,
        }


_METRIC = {"mass", "meq", "mmol"}


def _plural(label: str) -> str:
    if label in ("mL", "L"):
        return label
    if label.endswith("y") and label[-2:-1] not in ("a", "e", "o", "u"):
        return label[:-1] + "ies"
    return label + ("es" if label.endswith(("ch", "sh", "x")) else "s")


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _number(word: str) -> Decimal | None:
    if not _NUMBER_RE.match(word):
        return None
    try:
        if "/" in word:
            top, bottom = word.split("/")
            return Decimal(top) / Decimal(bottom) if Decimal(bottom) != 0 else None
        return Decimal(word.replace(",", ""))
    except InvalidOperation:
        return None


def _amount_at(words: list[str], i: int) -> tuple[Decimal, Decimal, int] | None:
    """A number or range at words[i:]: (low, high, words used)."""
    if i >= len(words):
        return None
    word = _WORD_NUMBERS.get(words[i], words[i])
    single = _number(word)
    if single is not None:
        if i + 2 < len(words) and words[i + 1] in ("-", "–", "to", "or"):
            upper = _number(_WORD_NUMBERS.get(words[i + 2], words[i + 2]))
            if upper is not None:
                return single, upper, 3
        return single, single, 1
    ranged = _RANGE_RE.match(word)
    if ranged:
        low, high = _number(ranged.group(1)), _number(ranged.group(2))
        if low is not None and high is not None:
            return low, high, 1
    return None


def _dose_at(words: list[str], i: int, terms: Terms, text: str) -> tuple[Dose, int] | None:
    amount = _amount_at(words, i)
    if amount is None:
        return None
    low, high, used = amount
    unit, unit_len = longest_match(words, i + used, terms.unit_phrases)
    if not unit or low <= 0 or high < low:
        return None
    return Dose(low, high, unit, text), used + unit_len


def parse_dose(text: str, terms: Terms | None = None) -> Dose:
    """'10 mg', '0.5 mg', '1,000 mg', '1-2 tabs', '10 units' -> Dose; anything else raises."""
    terms = terms or default_terms()
    cleaned = text.strip()
    words = tokens(cleaned)
    found = _dose_at(words, 0, terms, cleaned) if words and words[0] not in _WORD_NUMBERS else None
    if found is None or found[1] != len(words):
        raise ValidationError(f"'{cleaned}' is not a dose like '10 mg'", field="dose")
    return found[0]


def parse_route(text: str, terms: Terms | None = None) -> str:
    """'po', 'by mouth', 'oral' -> 'oral'; 'subq', 'SC' -> 'subcutaneous'; unknown raises."""
    terms = terms or default_terms()
    code = terms.route_phrases.get(phrase(text))
    if code is None:
        raise ValidationError(
            f"'{text.strip()}' is not a route (use e.g. {_EXAMPLE_ROUTES})", field="route"
        )
    return code


def parse_frequency(text: str, terms: Terms | None = None) -> Sig:
    """A frequency field ('BID', 'twice daily', 'q6h prn pain'): raises when no frequency is found.

    Returns the whole :class:`Sig` so PRN, indication and instructions in the field are kept.
    """
    sig = parse_sig(text, terms)
    if sig.frequency is None:
        raise ValidationError(
            f"'{text.strip()}' is not a frequency like 'daily', 'twice daily' or 'q6h'",
            field="frequency",
        )
    return sig


def _interval_at(words: list[str], i: int, terms: Terms) -> tuple[Frequency, int] | None:
    """'q6h', 'q4-6h', 'q 6 h', 'every 6 hours', 'every 4-6 hours', 'every 4 to 6 hours'."""
    word = words[i]
    minutes = _MINUTES_RE.match(word)
    if minutes and (minutes.group(2) or (i + 1 < len(words) and words[i + 1] in _MINUTES)):
        count = int(minutes.group(1))
        if count > 0:
            return minute_frequency(count), 1 if minutes.group(2) else 2
    match = _INTERVAL_RE.match(word)
    if match:
        hours, upper = int(match.group(1)), match.group(2)
        used = 1
        if match.group(3) is None and i + 1 < len(words) and words[i + 1] in _HOURS:
            used = 2
        if hours > 0:
            return terms.interval_frequency(hours, int(upper) if upper else None), used
    if word in ("every", "q") and i + 2 < len(words):
        if _COUNT_RE.match(words[i + 1]) and words[i + 2] in _MINUTES and int(words[i + 1]) > 0:
            return minute_frequency(int(words[i + 1])), 3
        amount = _amount_at(words, i + 1)
        if amount is not None:
            low, high, used = amount
            whole = low == int(low) and high == int(high) and 0 < low <= 72
            if whole and i + 1 + used < len(words) and words[i + 1 + used] in _HOURS:
                return terms.interval_frequency(int(low), int(high)), 2 + used
    return None


def _duration_at(words: list[str], i: int) -> tuple[int, int] | None:
    word = words[i]
    match = _X_DURATION_RE.match(word)
    if match:
        count, unit = int(match.group(1)), match.group(2)
        if unit:
            return count * _DURATION_UNITS[unit], 1
        if i + 1 < len(words) and words[i + 1] in _DURATION_UNITS:
            return count * _DURATION_UNITS[words[i + 1]], 2
        return None
    start = i + 1 if word in ("for", "x") else i
    if (
        start + 1 < len(words)
        and _COUNT_RE.match(words[start])
        and words[start + 1] in _DURATION_UNITS
    ):
        if start == i and words[start + 1] in ("d", "w", "mo"):
            return None
        return int(words[start]) * _DURATION_UNITS[words[start + 1]], start + 2 - i
    return None


@dataclass
class _Builder:
    text: str
    dose: Dose | None = None
    route: str | None = None
    frequency: Frequency | None = None
    prn: bool = False
    indication: list[str] = field(default_factory=list)
    duration_days: int | None = None
    instructions: list[str] = field(default_factory=list)
    unparsed: list[str] = field(default_factory=list)
    collecting: bool = False

    def build(self, terms: Terms) -> Sig:
        frequency = self.frequency
        if frequency is None and self.prn:
            frequency = terms.frequencies["prn"]
        words = [_INDICATION_WORDS.get(w, w) for w in self.indication]
        return Sig(
            text=self.text,
            dose=self.dose,
            route=self.route,
            frequency=frequency,
            prn=self.prn,
            indication=" ".join(words) or None,
            duration_days=self.duration_days,
            instructions=tuple(self.instructions),
            unparsed=" ".join(self.unparsed),
        )


def parse_sig(text: str, terms: Terms | None = None) -> Sig:
    """Read free-text directions. Never raises; what is not understood stays in ``unparsed``."""
    terms = terms or default_terms()
    words = normalize(text).split()
    out = _Builder(text=text.strip())
    i = 0
    while i < len(words):
        used = _step(words, i, out, terms)
        if used == 0:
            (out.indication if out.collecting else out.unparsed).append(words[i])
            used = 1
        i += used
    return out.build(terms)


def _step(words: list[str], i: int, out: _Builder, terms: Terms) -> int:
    """Place words[i:] into ``out``; return how many words were used (0: none recognised)."""
    duration = _duration_at(words, i)
    if duration is not None and out.duration_days is None:
        out.duration_days, used = duration
        out.collecting = False
        return used
    if out.dose is None:
        dose = _dose_at(words, i, terms, "")
        if dose is not None:
            found, used = dose
            out.dose = Dose(found.low, found.high, found.unit, " ".join(words[i : i + used]))
            out.collecting = False
            return used
    interval = _interval_at(words, i, terms)
    code, used = longest_match(words, i, terms.frequency_phrases)
    if interval is not None and interval[1] >= used:
        frequency, used = interval
        return _set_frequency(out, frequency, used)
    if code:
        if code == "prn":
            out.prn = True
            out.collecting = True
            if i + used < len(words) and words[i + used] == "for":
                used += 1
            return used
        return _set_frequency(out, terms.frequencies[code], used)
    route, used = longest_match(words, i, terms.route_phrases)
    if route and out.route is None:
        out.route = route
        out.collecting = False
        return used
    instruction, used = longest_match(words, i, _INSTRUCTIONS)
    if not instruction:
        instruction, used = _mixing_at(words, i)
    if instruction:
        out.instructions.append(instruction)
        out.collecting = False
        return used
    if words[i] == "for" and not out.collecting:
        out.collecting = True
        return 1
    if words[i] in _FILLER and not out.collecting:
        return 1
    return 0


def _mixing_at(words: list[str], i: int) -> tuple[str, int]:
    """'in 8 oz water', 'mixed in 4-8 ounces of juice' -> an instruction."""
    if words[i] not in ("in", "with", "mixed", "mix", "dissolved", "dissolve"):
        return "", 0
    for end in range(i + 1, min(i + 7, len(words))):
        if words[end] in _LIQUIDS:
            return " ".join(words[i : end + 1]), end + 1 - i
    return "", 0


def _set_frequency(out: _Builder, frequency: Frequency, used: int) -> int:
    out.collecting = False
    if out.frequency is None:
        out.frequency = frequency
        return used
    return 0
