"""Charlson index: Quan 2005 ICD-10 categories, LACE weights, hierarchy, code forms, SNOMED map."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transitions.domain.enums import CodeSystem
from transitions.domain.risk.charlson import (
    CATEGORIES,
    category_weight,
    charlson_from_codes,
    charlson_index,
    charlson_table,
    expand_prefixes,
    icd10_category,
    normalize_icd10,
    snomed_category,
)
from transitions.domain.risk.snomed import is_concept_id, verhoeff_ok
from transitions.errors import ValidationError

LACE_WEIGHTS = {
    "mi": 1,
    "cevd": 1,
    "pvd": 1,
    "diab": 1,
    "chf": 2,
    "diabwc": 2,
    "cpd": 2,
    "mld": 2,
    "rend": 2,
    "canc": 2,
    "dementia": 3,
    "rheumd": 3,
    "msld": 4,
    "aids": 4,
    "metacanc": 6,
    "pud": 0,
    "hp": 0,
}


def index_of(*codes: str) -> tuple[int, tuple[str, ...]]:
    result = charlson_from_codes(codes)
    return result.index, result.categories


# --- the table ------------------------------------------------------------------------------


def test_table_has_quan_categories_with_lace_weights_and_sources() -> None:
    table = charlson_table()
    assert tuple(table.categories) == CATEGORIES
    assert {key: c.weight for key, c in table.categories.items()} == LACE_WEIGHTS
    assert "Med Care 2005;43(11):1130-1139" in table.source
    assert "made for this product" in table.snomed_source
    assert dict(table.hierarchy) == {"diabwc": "diab", "msld": "mld", "metacanc": "canc"}


def test_weights_source_is_cited_in_the_data_file() -> None:
    from transitions.resources import load_json

    data = load_json("risk", "charlson_quan2005_icd10.json")
    assert "CMAJ 2010;182(6):551-557" in data["weights_source"]


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("I43", ["I43"]),
        ("I25.2", ["I252"]),
        ("I42.5-I42.9", ["I425", "I426", "I427", "I428", "I429"]),
        ("F00-F03", ["F00", "F01", "F02", "F03"]),
        ("Z49.0-Z49.2", ["Z490", "Z491", "Z492"]),
    ],
)
def test_prefix_ranges_expand(entry: str, expected: list[str]) -> None:
    assert expand_prefixes(entry) == expected


@pytest.mark.parametrize("entry", ["I42.5-I43", "C00-D26", "C26-C00", "C7A-C80"])
def test_bad_prefix_ranges_are_refused(entry: str) -> None:
    with pytest.raises(ValueError, match="bad code range"):
        expand_prefixes(entry)


def test_malignancy_range_sizes() -> None:
    prefixes = charlson_table().categories["canc"].prefixes
    assert len(prefixes) == 27 + 5 + 5 + 1 + 14 + 17 + 5 + 1 + 8
    assert "C44" not in prefixes  # skin (non-melanoma) is excluded
    assert "C43" in prefixes


# --- ICD-10 categories ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "category"),
    [
        ("I21.4", "mi"),
        ("I22.0", "mi"),
        ("I25.2", "mi"),
        ("I25.10", None),  # coronary disease without old MI
        ("I50.9", "chf"),
        ("I11.0", "chf"),
        ("I42.0", "chf"),
        ("I42.1", None),  # obstructive hypertrophic cardiomyopathy is not in the table
        ("I42.9", "chf"),
        ("P29.0", "chf"),
        ("I70.209", "pvd"),
        ("Z95.9", "pvd"),
        ("I63.9", "cevd"),
        ("G45.9", "cevd"),
        ("H34.00", "cevd"),
        ("F03.90", "dementia"),
        ("G30.9", "dementia"),
        ("J44.1", "cpd"),
        ("J45.909", "cpd"),
        ("I27.20", None),
        ("M06.9", "rheumd"),
        ("M32.9", "rheumd"),
        ("K25.9", "pud"),
        ("B18.2", "mld"),
        ("K70.30", "mld"),
        ("K70.40", "msld"),
        ("K74.60", "mld"),
        ("E10.9", "diab"),
        ("E11.65", "diab"),
        ("E11.22", "diabwc"),
        ("E11.3599", "diabwc"),
        ("E11.51", "diabwc"),
        ("G81.90", "hp"),
        ("N18.4", "rend"),
        ("I12.0", "rend"),
        ("Z99.2", "rend"),
        ("C34.90", "canc"),
        ("C43.9", "canc"),
        ("C44.91", None),  # non-melanoma skin cancer
        ("C91.00", "canc"),
        ("C78.00", "metacanc"),
        ("I85.00", "msld"),
        ("B20", "aids"),
        ("B23.8", None),
        ("I10", None),
        ("Z00.00", None),
    ],
)
def test_icd10_category(code: str, category: str | None) -> None:
    assert icd10_category(code) == category


@pytest.mark.parametrize("form", ["I50.9", "I509", "i50.9", "i509", " I50.9 "])
def test_code_forms_dotted_undotted_lowercase(form: str) -> None:
    assert icd10_category(form) == "chf"
    assert normalize_icd10(form) == "I50.9"


@pytest.mark.parametrize(
    "code", ["I5", "50.9", "I5.09", "I50.", "I50..9", "I50.99999", "", "I50-9", "ZZZ", "I 50"]
)
def test_malformed_code_is_refused_naming_it(code: str) -> None:
    with pytest.raises(ValidationError) as raised:
        charlson_from_codes(["I50.9", code])
    assert f"'{code}'" in str(raised.value)
    assert raised.value.field == "code"


# --- the index --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("codes", "index", "categories"),
    [
        ((), 0, ()),
        (("E11.9", "E11.22"), 2, ("diabwc",)),  # only the complicated form counts
        (("K70.30", "I85.00"), 4, ("msld",)),
        (("C34.90", "C78.00"), 6, ("metacanc",)),
        (("I50.9", "I50.22", "I11.0"), 2, ("chf",)),  # a category counts once
        (("I21.4", "I50.22", "E11.65", "N18.4"), 6, ("chf", "diab", "mi", "rend")),
        (("J44.1", "I48.91", "F03.90"), 5, ("cpd", "dementia")),
        (("C18.9", "C78.7", "K70.30"), 8, ("metacanc", "mld")),
        (("B20", "K74.60", "I85.00"), 8, ("aids", "msld")),
        (("M06.9", "K25.9", "G81.90", "I63.9"), 4, ("cevd", "hp", "pud", "rheumd")),
        (("I10", "Z00.00", "E78.5"), 0, ()),
    ],
)
def test_index_of_real_combinations(
    codes: tuple[str, ...], index: int, categories: tuple[str, ...]
) -> None:
    assert index_of(*codes) == (index, categories)


def test_hierarchy_is_reported_as_superseded() -> None:
    result = charlson_from_codes(["E11.9", "E11.22", "C34.90", "C78.00"])
    assert result.categories == ("diabwc", "metacanc")
    assert result.superseded == ("canc", "diab")
    assert result.weights() == {"diabwc": 2, "metacanc": 6}
    assert [m.category for m in result.matches] == ["diab", "diabwc", "canc", "metacanc"]
    assert [m.code for m in result.matches] == ["E11.9", "E11.22", "C34.90", "C78.00"]


def test_other_code_systems_count_nothing() -> None:
    result = charlson_index([(CodeSystem.OTHER, "whatever"), (CodeSystem.ICD10CM, "I50.9")])
    assert (result.index, result.categories) == (2, ("chf",))
    assert result.matches[0].category is None


# --- SNOMED CT ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("concept", "category"),
    [
        ("22298006", "mi"),
        ("84114007", "chf"),
        ("88805009", "chf"),
        ("13645005", "cpd"),
        ("195967001", "cpd"),
        ("44054006", "diab"),
        ("46635009", "diab"),
        ("127013003", "diabwc"),
        ("433144002", "rend"),
        ("26929004", "dementia"),
        ("230690007", "cevd"),
        ("254637007", "canc"),
        ("94260004", "metacanc"),
        ("38341003", None),  # hypertension: a valid concept, not a Charlson condition
        ("162573006", None),  # suspected lung cancer: deliberately not mapped
    ],
)
def test_snomed_concepts(concept: str, category: str | None) -> None:
    assert snomed_category(concept) == category


def test_snomed_hierarchy_and_mixed_systems() -> None:
    assert index_of("44054006", "127013003") == (2, ("diabwc",))
    assert index_of("254637007", "94260004") == (6, ("metacanc",))
    assert index_of("88805009", "I50.9", "E11.9") == (3, ("chf", "diab"))


@pytest.mark.parametrize("bad", ["88805008", "123456", "12345", "0022298006", "22298016"])
def test_bad_snomed_ids_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError, match=f"'{bad}' is not a SNOMED CT concept id"):
        charlson_from_codes([bad])


def with_check_digit(body: str) -> str:
    return next(body + d for d in "0123456789" if verhoeff_ok(body + d))


def test_verhoeff_and_partition() -> None:
    assert verhoeff_ok("22298006")
    assert not verhoeff_ok("22298007")
    assert not verhoeff_ok("22928006")  # transposed digits
    assert with_check_digit("2229800") == "22298006"
    assert is_concept_id("90781000119102")  # US extension, long format (partition 10)
    description_id = with_check_digit("1234501")  # partition 01: a description, not a concept
    assert verhoeff_ok(description_id)
    assert not is_concept_id(description_id)


def test_every_mapped_concept_is_well_formed_and_weighted() -> None:
    table = charlson_table()
    assert len(table.snomed) >= 30
    for concept, key in table.snomed.items():
        assert is_concept_id(concept), concept
        assert category_weight(key) == LACE_WEIGHTS[key]


def test_synthea_conditions_score_without_errors(shared_data: Path) -> None:
    """Every SNOMED code in the Synthea sample is a valid id; the Charlson-relevant ones count."""
    seen: dict[str, str | None] = {}
    for path in sorted((shared_data / "synthea-r4").glob("*.json")):
        bundle = json.loads(path.read_text(encoding="utf-8"))
        codes = [
            coding["code"]
            for entry in bundle.get("entry", [])
            if entry["resource"]["resourceType"] == "Condition"
            for coding in entry["resource"]["code"]["coding"]
            if coding["system"] == "http://snomed.info/sct"
        ]
        result = charlson_from_codes(codes)
        assert result.index == sum(category_weight(key) for key in result.categories)
        seen.update({m.code: m.category for m in result.matches})
    assert seen["88805009"] == "chf"
    assert seen["26929004"] == "dementia"
    assert seen["230690007"] == "cevd"
    assert seen["254637007"] == "canc"
    assert seen["444814009"] is None  # viral sinusitis
