"""The LACE index of early death or unplanned readmission within 30 days of discharge.

Source: van Walraven C, Dhalla IA, Bell C, Etchells E, Stiell IG, Zarnke K, Austin PC,
Forster AJ. Derivation and validation of an index to predict early death or unplanned
readmission after discharge from hospital to the community. CMAJ 2010;182(6):551-557.
doi:10.1503/cmaj.091117

Items (points in ``resources/risk/lace.json``):

- **L** length of stay in days (discharge date minus admission date): 0 -> 0, 1 -> 1, 2 -> 2,
  3 -> 3, 4-6 -> 4, 7-13 -> 5, 14 or more -> 7;
- **A** acute (emergent) admission -> 3;
- **C** Charlson comorbidity index (see :mod:`transitions.domain.risk.charlson`): 0-3 -> the
  same, 4 or more -> 5;
- **E** emergency department visits in the 6 months before admission, not counting the visit
  that led to this admission: 0-3 -> the same, 4 or more -> 4.

Tiers: low 0-4, moderate 5-9, high 10 or more.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from transitions.domain.risk.scoring import (
    RiskScore,
    ScoreTable,
    banded_item,
    flag_item,
    load_score_table,
    make_score,
    tier_for,
    typed_tiers,
)

SOURCE = (
    "van Walraven C et al. Derivation and validation of an index to predict early death or "
    "unplanned readmission after discharge from hospital to the community. "
    "CMAJ 2010;182(6):551-557"
)


class LaceTier(StrEnum):
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


LaceScore = RiskScore[LaceTier]


@dataclass(frozen=True)
class LaceInput:
    """What LACE needs; None means not recorded (scored 0 and reported as missing)."""

    los_days: int | None
    emergent: bool | None
    charlson: int | None
    ed_visits: int | None


@cache
def lace_table() -> ScoreTable:
    return load_score_table("lace.json")


@cache
def _tiers() -> tuple[tuple[int, LaceTier], ...]:
    return typed_tiers(lace_table(), LaceTier)


def lace_score(inputs: LaceInput) -> LaceScore:
    """Score LACE item by item. Raises ValidationError (naming the field) for negative input."""
    rules = lace_table().items
    items = (
        banded_item("L", rules["L"], inputs.los_days, "los_days"),
        flag_item("A", rules["A"], inputs.emergent, "emergent"),
        banded_item("C", rules["C"], inputs.charlson, "charlson"),
        banded_item("E", rules["E"], inputs.ed_visits, "ed_visits"),
    )
    return make_score("LACE", items, _tiers())


def lace_tier(score: int) -> LaceTier:
    return tier_for(score, _tiers())
