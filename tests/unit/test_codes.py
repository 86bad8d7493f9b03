"""Diagnosis code validation (ICD-10-CM 2026 via simple-icd-10-cm) and dispositions."""

from __future__ import annotations

import pytest

from transitions.domain.codes import (
    check_diagnosis_code,
    check_discharge_disposition,
    normalize_icd10,
)
from transitions.domain.enums import CodeSystem
from transitions.errors import ValidationError


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("I50.9", "I50.9"),
        ("i509", "I50.9"),
        ("E1165", "E11.65"),
        (" J44.1 ", "J44.1"),
        ("I10", "I10"),
    ],
)
def test_icd10_codes_are_normalised_and_described(raw: str, normalized: str) -> None:
    code, description = check_diagnosis_code(CodeSystem.ICD10CM, raw)
    assert code == normalized
    assert description


def test_heart_failure_description() -> None:
    assert check_diagnosis_code(CodeSystem.ICD10CM, "I50.9")[1] == "Heart failure, unspecified"


@pytest.mark.parametrize("raw", ["", "I50.99999", "XYZ", "150.9", "I50.X"])
def test_bad_icd10_codes_are_refused(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_diagnosis_code(CodeSystem.ICD10CM, raw)
    assert info.value.field == "code"


def test_nonexistent_but_well_formed_icd10_code_is_refused() -> None:
    with pytest.raises(ValidationError, match="is not an ICD-10-CM code"):
        check_diagnosis_code(CodeSystem.ICD10CM, "I50.7")


def test_snomed_is_checked_for_shape_only() -> None:
    assert check_diagnosis_code(CodeSystem.SNOMED, "84114007") == ("84114007", None)
    with pytest.raises(ValidationError, match="SNOMED"):
        check_diagnosis_code(CodeSystem.SNOMED, "I50.9")


def test_discharge_dispositions_are_the_fhir_codes() -> None:
    assert check_discharge_disposition("snf") == "snf"
    with pytest.raises(ValidationError, match="unknown discharge disposition 'beach'"):
        check_discharge_disposition("beach")
    assert normalize_icd10("e11.9") == "E11.9"
