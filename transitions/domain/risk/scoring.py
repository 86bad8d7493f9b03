"""What the LACE and HOSPITAL scores share: point tables read from ``resources/risk``, the
item-by-item breakdown of a result, risk tiers and input checks.

The point tables are data (``resources/risk/lace.json``, ``resources/risk/hospital.json``), each
with the published source it was taken from; this module only applies them. Three kinds of item
occur: *banded* whole numbers (length of stay, visit counts), *flags* (yes/no) and *below*
thresholds on a measurement (hemoglobin, sodium).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Generic, TypeVar

from transitions.errors import ValidationError
from transitions.resources import load_json

TierT = TypeVar("TierT", bound=StrEnum)

#: What an item of a breakdown was computed from: a count, a measurement, a yes/no, or missing.
ItemValue = int | float | bool | None


class RiskTableError(ValueError):
    """A shipped point table is malformed (a packaging bug, never a user error)."""


@dataclass(frozen=True)
class Band:
    """Points for values from ``at_least`` up to the next band's ``at_least`` minus one."""

    at_least: int
    points: int


@dataclass(frozen=True)
class BandedRule:
    label: str
    unit: str
    bands: tuple[Band, ...]

    def band_of(self, value: int) -> tuple[Band, int | None]:
        """The band ``value`` falls in, and its upper bound (None for the open last band)."""
        index = max(i for i, band in enumerate(self.bands) if value >= band.at_least)
        upper = self.bands[index + 1].at_least - 1 if index + 1 < len(self.bands) else None
        return self.bands[index], upper


@dataclass(frozen=True)
class FlagRule:
    label: str
    points_if_yes: int


@dataclass(frozen=True)
class BelowRule:
    """``points`` when the measurement is strictly below ``below``."""

    label: str
    unit: str
    below: float
    points: int


Rule = BandedRule | FlagRule | BelowRule


@dataclass(frozen=True)
class ScoreTable:
    """One score's point table as shipped: items by key, tiers as (lowest score, tier name)."""

    source: str
    items: Mapping[str, Rule]
    tiers: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class RiskItem:
    """One line of the breakdown: what went in, which rule applied, how many points came out.

    ``missing`` items score 0 points and make the whole result incomplete.
    """

    key: str
    label: str
    value: ItemValue
    points: int
    rule: str
    missing: bool = False


@dataclass(frozen=True)
class RiskScore(Generic[TierT]):
    """A score with its breakdown; ``score`` is the sum of the items' points."""

    name: str
    items: tuple[RiskItem, ...]
    score: int
    tier: TierT

    @property
    def complete(self) -> bool:
        return not any(item.missing for item in self.items)

    @property
    def missing(self) -> tuple[str, ...]:
        """Keys of the items whose input was not given."""
        return tuple(item.key for item in self.items if item.missing)

    @property
    def points(self) -> dict[str, int]:
        return {item.key: item.points for item in self.items}

    def item(self, key: str) -> RiskItem:
        for item in self.items:
            if item.key == key:
                return item
        raise KeyError(key)


def make_score(
    name: str, items: tuple[RiskItem, ...], tiers: tuple[tuple[int, TierT], ...]
) -> RiskScore[TierT]:
    score = sum(item.points for item in items)
    return RiskScore(name=name, items=items, score=score, tier=tier_for(score, tiers))


def tier_for(score: int, tiers: tuple[tuple[int, TierT], ...]) -> TierT:
    """The tier of the highest threshold that ``score`` reaches."""
    tier = tiers[0][1]
    for lowest, name in tiers:
        if score >= lowest:
            tier = name
    return tier


def typed_tiers(table: ScoreTable, enum: type[TierT]) -> tuple[tuple[int, TierT], ...]:
    try:
        return tuple((lowest, enum(name)) for lowest, name in table.tiers)
    except ValueError as exc:
        raise RiskTableError(f"unknown tier in point table: {exc}") from None


# --- items ---------------------------------------------------------------------------------


def banded_item(key: str, rule: Rule, value: int | None, field: str) -> RiskItem:
    if not isinstance(rule, BandedRule):
        raise RiskTableError(f"item {key} must have bands")
    check_count(value, field)
    if value is None:
        return RiskItem(key, rule.label, None, 0, "not recorded", missing=True)
    band, upper = rule.band_of(value)
    if upper is None:
        span = f"{band.at_least} or more"
    elif upper == band.at_least:
        span = str(band.at_least)
    else:
        span = f"{band.at_least}-{upper}"
    unit = rule.unit[:-1] if span == "1" and rule.unit.endswith("s") else rule.unit
    return RiskItem(key, rule.label, value, band.points, f"{span} {unit}".rstrip())


def flag_item(key: str, rule: Rule, value: bool | None, field: str) -> RiskItem:
    if not isinstance(rule, FlagRule):
        raise RiskTableError(f"item {key} must have points_if_yes")
    if value is None:
        return RiskItem(key, rule.label, None, 0, "not recorded", missing=True)
    if not isinstance(value, bool):
        raise ValidationError(f"{field} must be yes or no", field=field)
    return RiskItem(key, rule.label, value, rule.points_if_yes if value else 0, _yes_no(value))


def below_item(
    key: str, rule: Rule, value: float | None, field: str, plausible: tuple[float, float]
) -> RiskItem:
    if not isinstance(rule, BelowRule):
        raise RiskTableError(f"item {key} must have a below threshold")
    check_measure(value, field, rule.unit, plausible)
    if value is None:
        return RiskItem(key, rule.label, None, 0, "not recorded", missing=True)
    if value < rule.below:
        return RiskItem(key, rule.label, value, rule.points, f"below {rule.below:g} {rule.unit}")
    return RiskItem(key, rule.label, value, 0, f"{rule.below:g} {rule.unit} or more")


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


# --- input checks --------------------------------------------------------------------------


def check_count(value: int | None, field: str) -> None:
    """A whole number of days or visits: None (missing) or an int >= 0."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"{field} must be a whole number (got {value!r})", field=field)
    if value < 0:
        raise ValidationError(f"{field} must not be negative (got {value})", field=field)


def check_measure(
    value: float | None, field: str, unit: str, plausible: tuple[float, float]
) -> None:
    """A laboratory value: None (missing) or a finite number inside the plausible range."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValidationError(f"{field} must be a number (got {value!r})", field=field)
    if value < 0:
        raise ValidationError(f"{field} must not be negative (got {value:g})", field=field)
    low, high = plausible
    if not low <= value <= high:
        raise ValidationError(
            f"{field} {value:g} {unit} is not plausible (expected {low:g}-{high:g} {unit}; "
            f"check the unit)",
            field=field,
        )


def length_of_stay_days(admitted: date, discharged: date) -> int:
    """Length of stay in whole days: discharge date minus admission date (same day = 0).

    Datetimes count by their calendar date; convert them to the site's time zone first.
    """
    start = admitted.date() if isinstance(admitted, datetime) else admitted
    end = discharged.date() if isinstance(discharged, datetime) else discharged
    days = (end - start).days
    if days < 0:
        raise ValidationError(
            f"discharge date {end.isoformat()} is before admission date {start.isoformat()}",
            field="discharged",
        )
    return days


# --- loading -------------------------------------------------------------------------------


def load_score_table(filename: str) -> ScoreTable:
    """Read ``resources/risk/<filename>`` and check its shape."""
    data = load_json("risk", filename)
    try:
        source = str(data["source"])
        items = {key: _parse_rule(key, spec) for key, spec in data["items"].items()}
        tiers = tuple((int(t["at_least"]), str(t["tier"])) for t in data["tiers"])
    except (KeyError, TypeError, ValueError) as exc:
        raise RiskTableError(f"resources/risk/{filename}: malformed ({exc!r})") from None
    if not source or not tiers or tiers[0][0] != 0 or not _ascending([t[0] for t in tiers]):
        raise RiskTableError(f"resources/risk/{filename}: needs a source and tiers from 0 up")
    return ScoreTable(source=source, items=items, tiers=tiers)


def _parse_rule(key: str, spec: Mapping[str, Any]) -> Rule:
    label = str(spec["label"])
    if "bands" in spec:
        bands = tuple(Band(int(b["at_least"]), int(b["points"])) for b in spec["bands"])
        if not bands or bands[0].at_least != 0 or not _ascending([b.at_least for b in bands]):
            raise ValueError(f"bands of {key} must start at 0 and ascend")
        return BandedRule(label, str(spec.get("unit", "")), bands)
    if "points_if_yes" in spec:
        return FlagRule(label, int(spec["points_if_yes"]))
    if "below" in spec:
        return BelowRule(label, str(spec["unit"]), float(spec["below"]), int(spec["points"]))
    raise ValueError(f"item {key} has no bands, points_if_yes or below")


def _ascending(values: list[int]) -> bool:
    return all(a < b for a, b in zip(values, values[1:], strict=False))
