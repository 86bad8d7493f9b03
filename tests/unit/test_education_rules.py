"""Education rules without a database: suggestions, ICD-10 ranges, progress, reading level."""

from __future__ import annotations

import pytest

from transitions.domain.education.catalog import load_catalog, parse_icd_range
from transitions.domain.education.enums import TeachBackResult
from transitions.domain.education.progress import compute_progress, item_done
from transitions.domain.education.reading import ReadingBand, reading_level
from transitions.domain.education.suggest import (
    DiagnosisInput,
    ReasonKind,
    suggest_modules,
)
from transitions.domain.medrec.vocabulary import default_vocabulary
from transitions.errors import ValidationError


def suggested(
    codes: list[str] = [],  # noqa: B006 - read only
    drugs: list[str] = [],  # noqa: B006
    boost: list[str] = [],  # noqa: B006
) -> dict[str, set[tuple[str, str]]]:
    result = suggest_modules(
        load_catalog(),
        [DiagnosisInput(c) for c in codes],
        drugs,
        default_vocabulary(),
        boost,
    )
    return {s.module_id: {(r.kind.value, r.code) for r in s.reasons} for s in result}


@pytest.mark.parametrize(
    ("code", "module"),
    [
        ("I50.23", "heart-failure"),
        ("I11.0", "heart-failure"),
        ("J44.1", "copd"),
        ("J43.9", "copd"),
        ("I21.4", "acs"),
        ("I22.0", "acs"),
        ("I20.0", "acs"),
        ("J18.9", "pneumonia"),
        ("J12.82", "pneumonia"),
        ("J69.0", "pneumonia"),
        ("E10.9", "diabetes-insulin"),
        ("Z79.4", "diabetes-insulin"),
        ("Z79.01", "anticoagulation"),
        ("I63.9", "stroke-tia"),
        ("G45.9", "stroke-tia"),
        ("A41.9", "sepsis"),
        ("R65.20", "sepsis"),
        ("N18.30", "ckd"),
        ("I12.9", "ckd"),
        ("F11.20", "opioid-safety"),
        ("W19.XXXA", "fall-prevention"),
        ("W01.0XXA", "fall-prevention"),
        ("Z91.81", "fall-prevention"),
        ("S72.001A", "fall-prevention"),
    ],
)
def test_diagnosis_suggests_module(code: str, module: str) -> None:
    result = suggested(codes=[code])
    assert ("diagnosis", code) in result[module]


@pytest.mark.parametrize(
    "code", ["I10", "E11.9", "I20.9", "I25.10", "J45.909", "N17.9", "I48.91", "W20.8XXA", "J19"]
)
def test_codes_outside_every_range_suggest_only_general(code: str) -> None:
    assert set(suggested(codes=[code])) == {"general"}


def test_general_is_always_suggested() -> None:
    assert suggested() == {"general": {("always", "")}}


@pytest.mark.parametrize(
    ("drug", "module"),
    [
        ("warfarin", "anticoagulation"),
        ("Eliquis 5 mg", "anticoagulation"),
        ("rivaroxaban", "anticoagulation"),
        ("enoxaparin", "anticoagulation"),
        ("insulin glargine", "diabetes-insulin"),
        ("Humalog", "diabetes-insulin"),
        ("oxycodone", "opioid-safety"),
        ("hydrocodone/acetaminophen", "opioid-safety"),
        ("lorazepam", "fall-prevention"),
    ],
)
def test_medicine_class_suggests_module(drug: str, module: str) -> None:
    result = suggested(drugs=[drug])
    assert ("med", drug) in result[module]


def test_other_medicines_and_unknown_names_suggest_nothing() -> None:
    assert set(suggested(drugs=["metformin", "furosemide", "zzz-unknown", ""])) == {"general"}


def test_type2_diabetes_suggests_insulin_module_only_with_insulin() -> None:
    assert "diabetes-insulin" not in suggested(codes=["E11.9"], drugs=["metformin"])
    both = suggested(codes=["E11.9"], drugs=["metformin", "Lantus"])
    assert both["diabetes-insulin"] == {("med", "Lantus")}


def test_every_reason_is_kept() -> None:
    result = suggested(codes=["Z79.01", "I48.91"], drugs=["warfarin", "apixaban"])
    assert result["anticoagulation"] == {
        ("diagnosis", "Z79.01"),
        ("med", "warfarin"),
        ("med", "apixaban"),
    }


def test_boost_polypharmacy_suggests_fall_prevention() -> None:
    assert suggested(boost=["polypharmacy"])["fall-prevention"] == {("boost", "polypharmacy")}
    assert "fall-prevention" not in suggested(boost=["psychological"])


def test_suggestions_follow_catalog_order() -> None:
    result = suggest_modules(
        load_catalog(),
        [DiagnosisInput("N18.4"), DiagnosisInput("I50.9")],
        ["warfarin"],
        default_vocabulary(),
    )
    assert [s.module_id for s in result] == ["general", "heart-failure", "anticoagulation", "ckd"]
    assert result[1].reasons[0].kind is ReasonKind.DIAGNOSIS
    assert result[1].reasons[0].matched == "I50"


@pytest.mark.parametrize("bad", ["I5", "50.1", "I50-", "I22-I21", "I20-I21-I22", "i50 x"])
def test_malformed_icd_ranges_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError):
        parse_icd_range(bad)


def test_icd_range_boundaries() -> None:
    rng = parse_icd_range("J12-J18")
    assert rng.matches("J12.0") and rng.matches("J18.9") and rng.matches("j15.212")
    assert not rng.matches("J11.1") and not rng.matches("J19")


R = TeachBackResult


def test_item_done_rules() -> None:
    assert item_done(R.UNDERSTOOD, True)
    assert item_done(R.NOT_APPLICABLE, False)
    assert not item_done(R.NOT_APPLICABLE, True)
    assert not item_done(R.NEEDS_REINFORCEMENT, False)
    assert not item_done(None, False)


def test_progress_counts_done_required_and_reinforcement() -> None:
    items = [("a", True), ("b", False), ("c", False), ("d", True)]
    latest = {"a": R.UNDERSTOOD, "b": R.NOT_APPLICABLE, "c": R.UNABLE, "d": R.NEEDS_REINFORCEMENT}
    progress = compute_progress(items, latest, poor_health_literacy=False)
    assert (progress.done, progress.required, progress.needs_reinforcement) == (2, 4, 2)
    assert progress.label() == "2/4 (2 to reinforce)"
    # poor health literacy: teach-back required everywhere, 'not applicable' no longer counts
    strict = compute_progress(items, latest, poor_health_literacy=True)
    assert (strict.done, strict.required) == (1, 4)
    assert not strict.complete


def test_reading_level_bands() -> None:
    assert reading_level("   ").band is ReadingBand.EMPTY
    easy = reading_level("Take one pill each day. Call us if you feel sick.")
    assert easy.band is ReadingBand.EASY and easy.grade is not None and easy.grade <= 6
    hard = reading_level(
        "Administer the prescribed anticoagulation medication consistently, monitoring for "
        "hemorrhagic complications, particularly gastrointestinal manifestations."
    )
    assert hard.band is ReadingBand.HARD and hard.warning
