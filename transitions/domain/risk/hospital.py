"""The HOSPITAL score of potentially avoidable 30-day readmission of medical patients.

Source: Donzé J, Aujesky D, Williams D, Schnipper JL. Potentially avoidable 30-day hospital
readmissions in medical patients: derivation and validation of a prediction model.
JAMA Intern Med 2013;173(8):632-638. doi:10.1001/jamainternmed.2013.3023

Items (points in ``resources/risk/hospital.json``):

- **H** hemoglobin at discharge below 12 g/dL -> 1;
- **O** discharge from an oncology service -> 2;
- **S** sodium at discharge below 135 mmol/L -> 1;
- **P** any procedure during the stay -> 1;
- **IT** index admission type non-elective (urgent or emergency) -> 1;
- **A** hospital admissions in the previous 12 months: 0-1 -> 0, 2-5 -> 2, more than 5 -> 5;
- **L** length of stay 5 days or more -> 2.

Tiers: low 0-4, intermediate 5-6, high 7 or more.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from transitions.domain.risk.scoring import (
    RiskScore,
    ScoreTable,
    banded_item,
    below_item,
    flag_item,
    load_score_table,
    make_score,
    tier_for,
    typed_tiers,
)

SOURCE = (
    "Donzé J et al. Potentially avoidable 30-day hospital readmissions in medical patients: "
    "derivation and validation of a prediction model. JAMA Intern Med 2013;173(8):632-638"
)

#: Values outside these ranges are refused as implausible (most often a unit mix-up:
#: 120 g/L of hemoglobin is 12.0 g/dL). They are input checks, not part of the score.
HEMOGLOBIN_PLAUSIBLE_G_DL = (0.0, 30.0)
SODIUM_PLAUSIBLE_MMOL_L = (80.0, 200.0)


class HospitalTier(StrEnum):
    LOW = "low"
    INTERMEDIATE = "intermediate"
    HIGH = "high"


HospitalScore = RiskScore[HospitalTier]


@dataclass(frozen=True)
class HospitalInput:
    """What HOSPITAL needs; None means not recorded (scored 0 and reported as missing)."""

    hemoglobin_g_dl: float | None
    sodium_mmol_l: float | None
    oncology: bool | None
    procedure: bool | None
    nonelective: bool | None
    admissions_12mo: int | None
    los_days: int | None


@cache
def hospital_table() -> ScoreTable:
    return load_score_table("hospital.json")


@cache
def _tiers() -> tuple[tuple[int, HospitalTier], ...]:
    return typed_tiers(hospital_table(), HospitalTier)


def hospital_score(inputs: HospitalInput) -> HospitalScore:
    """Score HOSPITAL item by item. Raises ValidationError (naming the field) for bad input."""
    rules = hospital_table().items
    items = (
        below_item(
            "H", rules["H"], inputs.hemoglobin_g_dl, "hemoglobin", HEMOGLOBIN_PLAUSIBLE_G_DL
        ),
        flag_item("O", rules["O"], inputs.oncology, "oncology"),
        below_item("S", rules["S"], inputs.sodium_mmol_l, "sodium", SODIUM_PLAUSIBLE_MMOL_L),
        flag_item("P", rules["P"], inputs.procedure, "procedure"),
        flag_item("IT", rules["IT"], inputs.nonelective, "nonelective"),
        banded_item("A", rules["A"], inputs.admissions_12mo, "admissions_12mo"),
        banded_item("L", rules["L"], inputs.los_days, "los_days"),
    )
    return make_score("HOSPITAL", items, _tiers())


def hospital_tier(score: int) -> HospitalTier:
    return tier_for(score, _tiers())
