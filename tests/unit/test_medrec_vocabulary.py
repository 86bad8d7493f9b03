"""The drug vocabulary and the rule tables: contents, consistency, lookup, site extension."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest

from transitions.domain.medrec.knowledge import default_knowledge, load_knowledge
from transitions.domain.medrec.vocabulary import (
    COLUMNS,
    default_vocabulary,
    known_class_keys,
    load_vocabulary,
    name_key,
)
from transitions.errors import ValidationError
from transitions.resources import load_json, read_text


def _rows() -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(read_text("drugs", "vocabulary.csv"))))


# --- contents -------------------------------------------------------------------------------------


def test_at_least_300_outpatient_drugs_with_unique_generic_names() -> None:
    rows = _rows()
    outpatient = [r for r in rows if r["source"] == "outpatient"]
    assert len(outpatient) >= 300
    generics = Counter(name_key(r["generic"]) for r in rows)
    assert [g for g, n in generics.items() if n > 1] == []


def test_every_name_points_at_one_drug() -> None:
    owners: dict[str, str] = {}
    for row in _rows():
        for name in [row["generic"], *row["brands"].split(";"), *row["synonyms"].split(";")]:
            if name:
                assert owners.setdefault(name_key(name), row["generic"]) == row["generic"], name


def test_columns_and_sources_are_documented() -> None:
    rows = _rows()
    assert tuple(rows[0].keys()) == COLUMNS
    sources = load_json("drugs", "sources.json")["vocabulary_sources"]
    assert {r["source"] for r in rows} <= set(sources)


@pytest.mark.parametrize(
    "name",
    ["enoxaparin", "heparin", "insulin lispro", "insulin aspart", "insulin glargine",
     "insulin regular human", "ceftriaxone", "piperacillin/tazobactam", "vancomycin", "cefazolin",
     "potassium chloride", "morphine", "hydromorphone", "ondansetron", "pantoprazole"],
)  # fmt: skip
def test_common_inpatient_drugs_are_present(name: str) -> None:
    assert default_vocabulary().find(name) is not None


def test_rxcuis_are_ingredient_aligned_and_consistent() -> None:
    by_ingredient: dict[str, set[str]] = {}
    for row in _rows():
        ingredients = row["ingredients"].split(";")
        if row["rxcui"]:
            cuis = row["rxcui"].split(";")
            assert len(cuis) == len(ingredients), row["generic"]
            for ingredient, cui in zip(ingredients, cuis, strict=True):
                assert cui == "" or cui.isdigit()
                if cui:
                    by_ingredient.setdefault(ingredient, set()).add(cui)
    assert all(len(cuis) == 1 for cuis in by_ingredient.values())
    owners = Counter(next(iter(cuis)) for cuis in by_ingredient.values())
    assert [cui for cui, n in owners.items() if n > 1] == []
    assert by_ingredient["atorvastatin"] == {"83367"}
    assert by_ingredient["warfarin"] == {"11289"}


def test_every_referenced_class_exists() -> None:
    classes = known_class_keys()
    vocabulary_classes = {c for r in _rows() for c in r["classes"].split(";")}
    assert vocabulary_classes <= classes
    high_alert = load_json("drugs", "high_alert.json")["entries"]
    assert {c for e in high_alert for c in e["classes"]} <= classes
    allergy = load_json("drugs", "allergy.json")
    assert set(allergy["member_implies_class"]) <= classes
    for rule in allergy["cross_sensitivity"]:
        assert set(rule["from_classes"]) | set(rule["to_classes"]) <= classes
    duplication = load_json("drugs", "duplication.json")["rules"]
    assert {c for rule in duplication for c in rule["classes"]} <= classes
    for required in ("ace_inhibitor", "arb", "ppi", "ssri", "statin", "nsaid", "benzodiazepine",
                     "anticoagulant", "antiplatelet", "insulin", "sulfonylurea", "opioid",
                     "penicillin", "cephalosporin", "sulfonamide_antibiotic"):  # fmt: skip
        assert required in classes


def test_every_ingredient_named_by_the_rules_is_in_the_vocabulary() -> None:
    ingredients = default_vocabulary().ingredients
    ddi = load_json("drugs", "ddi.json")
    for group in ddi["groups"].values():
        assert set(group["ingredients"]) <= ingredients, set(group["ingredients"]) - ingredients
    for entry in load_json("drugs", "high_alert.json")["entries"]:
        assert set(entry["ingredients"]) <= ingredients


def test_the_onc_list_has_15_pairs_over_known_groups() -> None:
    ddi = load_json("drugs", "ddi.json")
    assert len(ddi["pairs"]) == 15
    assert len({p["id"] for p in ddi["pairs"]}) == 15
    for pair in ddi["pairs"]:
        assert pair["a"] in ddi["groups"] and pair["b"] in ddi["groups"]
        assert pair["message"]


def test_ismp_high_alert_classes_are_covered_with_patient_lines() -> None:
    entries = {e["key"]: e for e in load_json("drugs", "high_alert.json")["entries"]}
    for key in ("antithrombotic", "insulin", "opioid", "oral_hypoglycemic", "oral_chemotherapy",
                "methotrexate_oral", "concentrated_electrolyte"):  # fmt: skip
        assert entries[key]["patient_line"]
    assert "thins your blood" in entries["antithrombotic"]["patient_line"]


@pytest.mark.parametrize(
    "name", ["classes", "ddi", "high_alert", "allergy", "duplication", "routes", "frequencies",
             "dose_units", "sources"],
)  # fmt: skip
def test_every_data_file_cites_its_source(name: str) -> None:
    assert load_json("drugs", f"{name}.json")["source"]


def test_every_frequency_maps_to_grid_slots() -> None:
    data = load_json("drugs", "frequencies.json")
    for code, item in data["frequencies"].items():
        assert set(item["times"]) <= set(data["slots"]), code


# --- lookup ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "generic"),
    [
        ("Lipitor", "atorvastatin"),
        ("LIPITOR", "atorvastatin"),
        ("Eliquis", "apixaban"),
        ("Coumadin", "warfarin"),
        ("Jantoven", "warfarin"),
        ("Zestril", "lisinopril"),
        ("Diovan", "valsartan"),
        ("Plavix", "clopidogrel"),
        ("Prilosec", "omeprazole"),
        ("Toprol-XL", "metoprolol"),
        ("metoprolol succinate ER", "metoprolol"),
        ("losartan potassium", "losartan"),
        ("Lantus SoloStar", "insulin glargine"),
        ("Norco", "hydrocodone/acetaminophen"),
        ("hydrocodone/acetaminophen 5-325 mg", "hydrocodone/acetaminophen"),
        ("acetaminophen-hydrocodone", "hydrocodone/acetaminophen"),
        ("amoxicillin and clavulanate", "amoxicillin/clavulanate"),
        ("Zosyn", "piperacillin/tazobactam"),
        ("lisinopril 10 mg tablet", "lisinopril"),
        ("Bactrim DS", "sulfamethoxazole/trimethoprim"),
        ("valproic acid", "divalproex"),
        ("APAP", "acetaminophen"),
    ],
)
def test_lookup(typed: str, generic: str) -> None:
    match = default_vocabulary().resolve(typed)
    assert match is not None and match.display == generic


def test_combination_not_in_the_vocabulary_is_read_by_ingredient() -> None:
    match = default_vocabulary().resolve("amlodipine/atorvastatin")
    assert match is not None and match.entry is None
    assert match.ingredients == {"amlodipine", "atorvastatin"}
    assert {"statin", "ccb_dihydropyridine"} <= match.classes


@pytest.mark.parametrize("typed", ["Frobozzamab", "", "   ", "lisinopril/frobozz"])
def test_unknown_names_do_not_resolve(typed: str) -> None:
    assert default_vocabulary().resolve(typed) is None


@pytest.mark.parametrize(
    ("substance", "ingredients", "classes"),
    [
        ("penicillin", set(), {"penicillin"}), ("PCN", set(), {"penicillin"}),
        ("Sulfa", set(), {"sulfonamide_antibiotic"}), ("NSAIDs", set(), {"nsaid"}),
        ("ACE inhibitors", set(), {"ace_inhibitor"}), ("statins", set(), {"statin"}),
        ("aspirin", {"aspirin"}, set()), ("Codeine", {"codeine"}, set()), ("latex", set(), set()),
    ],
)  # fmt: skip
def test_allergy_substance_resolution(
    substance: str, ingredients: set[str], classes: set[str]
) -> None:
    target = default_knowledge().resolve_allergy(substance)
    assert target.ingredients == ingredients
    assert target.classes == classes


def test_aspirin_allergy_reaches_nsaids_only_as_cross_sensitivity() -> None:
    target = default_knowledge().resolve_allergy("aspirin")
    assert "salicylate" in target.implied_classes
    assert any("nsaid" in rule.to_classes for rule in target.cross)


# --- site vocabulary ------------------------------------------------------------------------------

SITE_CSV = """generic,ingredients,brands,rxcui,classes
frobozzamab,frobozzamab,Frobozz;Zorkex,,biologic
lisinopril,lisinopril,Zestril;Prinivil;Lisinosite,29046,ace_inhibitor
"""


def test_site_csv_adds_and_replaces_entries(tmp_path: Path) -> None:
    path = tmp_path / "site.csv"
    path.write_text(SITE_CSV, encoding="utf-8")
    vocabulary = load_vocabulary(path)
    assert len(vocabulary) == len(default_vocabulary()) + 1
    frob = vocabulary.find("ZORKEX")
    assert frob is not None and frob.source == "site"
    assert vocabulary.find("Lisinosite") is not None
    assert default_vocabulary().find("Lisinosite") is None
    knowledge = load_knowledge(path)
    assert knowledge.vocabulary.find("Frobozz") is not None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("generic,ingredients\nx,x\n", "missing column 'classes'"),
        ("generic,ingredients,classes,colour\nx,x,statin,red\n", "unknown column 'colour'"),
        ("generic,ingredients,classes\nx,x,wizardry\n", "line 2: unknown class 'wizardry'"),
        ("generic,ingredients,classes\n,x,statin\n", "line 2: generic name is empty"),
        ("generic,ingredients,classes,rxcui\nx,a;b,statin,12\n", "rxcui must be digits"),
    ],
)
def test_site_csv_errors_name_line_and_column(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError) as raised:
        load_vocabulary(path)
    assert message in str(raised.value)
    assert str(raised.value).startswith("bad.csv")


def test_missing_site_csv_is_a_validation_error(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="cannot read"):
        load_vocabulary(tmp_path / "absent.csv")


def test_data_files_are_valid_json_without_duplicate_keys() -> None:
    def no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
        keys = [k for k, _ in pairs]
        assert len(keys) == len(set(keys)), keys
        return dict(pairs)

    for name in ("classes", "ddi", "high_alert", "allergy", "duplication", "routes",
                 "frequencies", "dose_units", "sources"):  # fmt: skip
        json.loads(read_text("drugs", f"{name}.json"), object_pairs_hook=no_duplicates)
