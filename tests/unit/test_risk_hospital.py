"""HOSPITAL (Donzé et al., JAMA Intern Med 2013): every threshold and tier edge, input checks."""

from __future__ import annotations

import math

import pytest

from transitions.domain.risk.hospital import (
    HospitalInput,
    HospitalTier,
    hospital_score,
    hospital_table,
    hospital_tier,
)
from transitions.errors import ValidationError


def hosp(
    hb: float | None = 13.5,
    na: float | None = 140.0,
    oncology: bool | None = False,
    procedure: bool | None = False,
    nonelective: bool | None = False,
    admissions: int | None = 0,
    los: int | None = 1,
) -> HospitalInput:
    return HospitalInput(
        hemoglobin_g_dl=hb,
        sodium_mmol_l=na,
        oncology=oncology,
        procedure=procedure,
        nonelective=nonelective,
        admissions_12mo=admissions,
        los_days=los,
    )


@pytest.mark.parametrize(("hb", "points"), [(11.9, 1), (12.0, 0), (12, 0), (6.2, 1), (17.0, 0)])
def test_hemoglobin_below_12(hb: float, points: int) -> None:
    assert hospital_score(hosp(hb=hb)).points["H"] == points


@pytest.mark.parametrize(("na", "points"), [(134.9, 1), (135.0, 0), (135, 0), (120.0, 1)])
def test_sodium_below_135(na: float, points: int) -> None:
    assert hospital_score(hosp(na=na)).points["S"] == points


def test_flags() -> None:
    assert hospital_score(hosp(oncology=True)).points["O"] == 2
    assert hospital_score(hosp(procedure=True)).points["P"] == 1
    assert hospital_score(hosp(nonelective=True)).points["IT"] == 1
    none = hospital_score(hosp())
    assert (none.points["O"], none.points["P"], none.points["IT"]) == (0, 0, 0)


@pytest.mark.parametrize(
    ("admissions", "points"), [(0, 0), (1, 0), (2, 2), (5, 2), (6, 5), (15, 5)]
)
def test_prior_admission_bands(admissions: int, points: int) -> None:
    assert hospital_score(hosp(admissions=admissions)).points["A"] == points


@pytest.mark.parametrize(("los", "points"), [(0, 0), (4, 0), (5, 2), (30, 2)])
def test_length_of_stay(los: int, points: int) -> None:
    assert hospital_score(hosp(los=los)).points["L"] == points


@pytest.mark.parametrize(
    ("inputs", "score", "tier"),
    [
        (hosp(admissions=2, los=5), 4, HospitalTier.LOW),
        (hosp(hb=11.0, admissions=2, los=5), 5, HospitalTier.INTERMEDIATE),
        (hosp(oncology=True, admissions=2, los=5), 6, HospitalTier.INTERMEDIATE),
        (hosp(oncology=True, hb=11.0, admissions=2, los=5), 7, HospitalTier.HIGH),
        (hosp(), 0, HospitalTier.LOW),
        (hosp(11.0, 130.0, True, True, True, 6, 5), 13, HospitalTier.HIGH),  # the maximum
    ],
)
def test_tier_edges(inputs: HospitalInput, score: int, tier: HospitalTier) -> None:
    result = hospital_score(inputs)
    assert (result.score, result.tier) == (score, tier)
    assert hospital_tier(score) is tier


def test_breakdown_order_and_rules() -> None:
    result = hospital_score(hosp(hb=11.9, na=135.0, nonelective=True, admissions=3, los=5))
    assert [item.key for item in result.items] == ["H", "O", "S", "P", "IT", "A", "L"]
    assert result.item("H").rule == "below 12 g/dL"
    assert result.item("S").rule == "135 mmol/L or more"
    assert result.item("A").rule == "2-5 admissions"
    assert result.item("L").rule == "5 or more days"
    assert result.points == {"H": 1, "O": 0, "S": 0, "P": 0, "IT": 1, "A": 2, "L": 2}
    assert result.score == 6
    assert result.name == "HOSPITAL"


def test_missing_lab_is_flagged() -> None:
    result = hospital_score(hosp(hb=11.0, na=None))
    assert not result.complete
    assert result.missing == ("S",)
    sodium = result.item("S")
    assert (sodium.value, sodium.points, sodium.missing, sodium.rule) == (
        None,
        0,
        True,
        "not recorded",
    )
    assert result.score == 1


@pytest.mark.parametrize(
    ("inputs", "field"),
    [
        (hosp(hb=-1.0), "hemoglobin"),
        (hosp(hb=120.0), "hemoglobin"),  # g/L given as g/dL
        (hosp(hb=math.nan), "hemoglobin"),
        (hosp(na=math.inf), "sodium"),
        (hosp(na=-135.0), "sodium"),
        (hosp(na=13.5), "sodium"),
        (hosp(admissions=-1), "admissions_12mo"),
        (hosp(los=-2), "los_days"),
    ],
)
def test_invalid_input_names_the_field(inputs: HospitalInput, field: str) -> None:
    with pytest.raises(ValidationError) as raised:
        hospital_score(inputs)
    assert raised.value.field == field
    assert field in str(raised.value)


def test_point_table_cites_its_source() -> None:
    table = hospital_table()
    assert "JAMA Intern Med 2013;173(8):632-638" in table.source
    assert set(table.items) == {"H", "O", "S", "P", "IT", "A", "L"}
