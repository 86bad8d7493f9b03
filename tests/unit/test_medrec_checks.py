"""Reconciliation checks on realistic cases: each kind caught, and no false alarms."""

from __future__ import annotations

from typing import Any

import pytest

from transitions.domain.medrec.checks import check_reconciliation
from transitions.domain.medrec.document import reconciliation_from_json
from transitions.domain.medrec.models import Problem, ProblemKind, Severity


def med(
    med_id: str, drug: str, dose: str, route: str, frequency: str, **extra: Any
) -> dict[str, Any]:
    return {
        "id": med_id,
        "drug": drug,
        "dose": dose,
        "route": route,
        "frequency": frequency,
        **extra,
    }


def new(
    med_id: str, drug: str, dose: str, route: str = "oral", frequency: str = "daily"
) -> dict[str, Any]:
    return med(med_id, drug, dose, route, frequency, decision="new")


def cont(med_id: str, source: str, drug: str, dose: str, route: str = "oral",
         frequency: str = "daily") -> dict[str, Any]:  # fmt: skip
    return med(med_id, drug, dose, route, frequency, decision="continue", **{"from": source})


def check(**lists: Any) -> list[Problem]:
    return check_reconciliation(reconciliation_from_json(lists))


def of_kind(problems: list[Problem], kind: ProblemKind) -> list[Problem]:
    return [p for p in problems if p.kind is kind]


EXAMPLE = {
    "allergies": [{"substance": "penicillin"}],
    "home": [med("h1", "lisinopril", "10 mg", "oral", "daily")],
    "inpatient": [med("i1", "enoxaparin", "40 mg", "subcutaneous", "daily")],
    "discharge": [
        med(
            "d1",
            "lisinopril",
            "20 mg",
            "oral",
            "daily",
            **{"from": "h1"},
            decision="change",
            reason="BP above goal",
        ),
    ],  # fmt: skip
    "stopped": [{"from": "i1", "reason": "inpatient VTE prophylaxis only"}],
}


def test_the_issue_example_has_no_problems() -> None:
    # Lisinopril is changed with a reason, enoxaparin is stopped with a reason, nothing else
    # is on the discharge list: no omission, no unexplained change, no allergy or interaction.
    assert check(**EXAMPLE) == []


def test_a_clean_realistic_reconciliation_has_no_false_alarms() -> None:
    problems = check(
        allergies=[{"substance": "sulfa"}, {"substance": "latex"}],
        home=[
            med("h1", "Lipitor", "40 mg", "po", "at bedtime"),
            med("h2", "metformin", "1,000 mg", "by mouth", "BID"),
            med("h3", "Synthroid", "0.05 mg", "po", "every morning"),
            med("h4", "albuterol", "2 puffs", "inh", "q4h prn sob"),
        ],
        inpatient=[med("i1", "Rocephin", "1 g", "IV", "q24h")],
        discharge=[
            cont("d1", "h1", "atorvastatin", "40 mg", "oral", "qhs"),
            cont("d2", "h2", "metformin", "1 g", "oral", "twice daily"),
            cont("d3", "h3", "levothyroxine", "50 mcg", "oral", "qAM"),
            cont("d4", "h4", "ProAir HFA", "2 puffs", "inhaled", "every 4 hours as needed"),
            med(
                "d5",
                "cefuroxime",
                "500 mg",
                "oral",
                "BID",
                decision="new",
                **{"from": "i1"},
                reason="IV to oral step-down",
            ),
        ],  # fmt: skip
    )
    assert problems == []


# --- omission -------------------------------------------------------------------------------------


def test_home_medicine_without_a_decision_is_an_omission() -> None:
    problems = check(
        home=[med("h1", "lisinopril", "10 mg", "oral", "daily"),
              med("h2", "metformin", "500 mg", "oral", "BID")],
        discharge=[cont("d1", "h1", "lisinopril", "10 mg")],
    )  # fmt: skip
    assert [(p.kind, p.severity, p.items) for p in problems] == [
        (ProblemKind.OMISSION, Severity.HIGH, ("h2",))
    ]
    assert "metformin 500 mg twice a day (h2)" in problems[0].message


def test_stopped_or_changed_home_medicines_are_decided() -> None:
    problems = check(
        home=[med("h1", "lisinopril", "10 mg", "oral", "daily"),
              med("h2", "metformin", "500 mg", "oral", "BID")],
        discharge=[med("d1", "lisinopril", "20 mg", "oral", "daily", decision="change",
                       reason="BP", **{"from": "h1"})],
        stopped=[{"from": "h2", "reason": "AKI"}],
    )  # fmt: skip
    assert problems == []


def test_inpatient_medicines_need_no_decision() -> None:
    assert check(inpatient=[med("i1", "heparin", "5000 units", "subq", "q8h")]) == []


# --- unexplained change ---------------------------------------------------------------------------


def test_change_without_reason() -> None:
    problems = check(
        home=[med("h1", "lisinopril", "10 mg", "oral", "daily")],
        discharge=[med("d1", "lisinopril", "20 mg", "oral", "daily", decision="change",
                       **{"from": "h1"})],
    )  # fmt: skip
    assert [(p.kind, p.severity, p.items) for p in problems] == [
        (ProblemKind.UNEXPLAINED_CHANGE, Severity.MODERATE, ("d1", "h1"))
    ]


def test_blank_reason_is_no_reason() -> None:
    problems = check(
        home=[med("h1", "metformin", "500 mg", "oral", "BID")],
        stopped=[{"from": "h1", "reason": "   "}],
    )
    assert [(p.kind, p.items) for p in problems] == [(ProblemKind.UNEXPLAINED_CHANGE, ("h1",))]


@pytest.mark.parametrize(
    ("home", "discharge", "what"),
    [
        (("10 mg", "oral", "daily"), ("20 mg", "oral", "daily"), "dose 10 mg -> 20 mg"),
        (
            ("10 mg", "oral", "daily"),
            ("10 mg", "oral", "BID"),
            "frequency once a day -> twice a day",
        ),
        (("10 mg", "oral", "daily"), ("10 mg", "per tube", "daily"), "route oral -> enteral_tube"),
        (
            ("10 mg", "oral", "q6h"),
            ("10 mg", "oral", "q6h prn"),
            "frequency every 6 hours -> every 6 hours when needed",
        ),
    ],
)
def test_continue_that_differs_is_an_unexplained_change(
    home: tuple[str, str, str], discharge: tuple[str, str, str], what: str
) -> None:
    problems = check(
        home=[med("h1", "lisinopril", *home)],
        discharge=[cont("d1", "h1", "lisinopril", *discharge)],
    )
    assert [(p.kind, p.severity, p.items) for p in problems] == [
        (ProblemKind.UNEXPLAINED_CHANGE, Severity.HIGH, ("d1", "h1"))
    ]
    assert what in problems[0].message


def test_continue_with_a_different_drug_is_an_unexplained_change() -> None:
    problems = check(
        home=[med("h1", "lisinopril", "10 mg", "oral", "daily")],
        discharge=[cont("d1", "h1", "losartan", "50 mg")],
    )
    assert of_kind(problems, ProblemKind.UNEXPLAINED_CHANGE)[0].items == ("d1", "h1")


@pytest.mark.parametrize(
    ("home", "discharge"),
    [
        (("0.5 mg", "oral", "BID"), ("0.50 mg", "po", "twice daily")),
        (("1,000 mg", "by mouth", "twice a day"), ("1 g", "PO", "b.i.d.")),
        (("1000 mcg", "oral", "QD"), ("1 mg", "oral", "once daily")),
        (("10 mg", "oral", "qhs"), ("10 mg", "oral", "at bedtime")),
        (("10 mg", "oral", "q24h"), ("10 mg", "oral", "every day")),
    ],
)
def test_equivalent_spellings_are_not_a_change(
    home: tuple[str, str, str], discharge: tuple[str, str, str]
) -> None:
    problems = check(
        home=[med("h1", "Ativan", *home)],
        discharge=[cont("d1", "h1", "lorazepam", *discharge)],
    )
    assert of_kind(problems, ProblemKind.UNEXPLAINED_CHANGE) == []


def test_brand_and_generic_are_the_same_drug() -> None:
    problems = check(
        home=[med("h1", "Zestril", "10 mg", "oral", "daily")],
        discharge=[cont("d1", "h1", "lisinopril", "10 mg")],
    )
    assert problems == []


def test_home_medicine_of_unknown_dose_continued_is_not_a_change() -> None:
    problems = check(
        home=[{"id": "h1", "drug": "amlodipine"}],
        discharge=[cont("d1", "h1", "amlodipine", "5 mg")],
    )
    assert problems == []


# --- duplication ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "severity", "words"),
    [
        ("Zestril", "Diovan", Severity.HIGH, "ACE inhibitor with an ARB"),
        ("lisinopril", "Entresto", Severity.HIGH, "ACE inhibitor with an ARB"),
        ("Prilosec", "pantoprazole", Severity.MODERATE, "two proton pump inhibitors"),
        ("Zoloft", "Lexapro", Severity.MODERATE, "two SSRIs"),
        ("Coumadin", "Eliquis", Severity.HIGH, "two anticoagulants"),
        ("Lipitor", "Crestor", Severity.MODERATE, "two statins"),
        ("ibuprofen", "naproxen", Severity.MODERATE, "two NSAIDs"),
        ("Xanax", "lorazepam", Severity.MODERATE, "two benzodiazepines"),
        ("lisinopril", "enalapril", Severity.MODERATE, "two ACE inhibitors"),
        ("Norco", "Tylenol", Severity.HIGH, "both contain acetaminophen"),
        ("Zestoretic", "lisinopril", Severity.HIGH, "both contain lisinopril"),
    ],
)  # fmt: skip
def test_duplications(first: str, second: str, severity: Severity, words: str) -> None:
    problems = check(discharge=[new("d1", first, "1 tab"), new("d2", second, "1 tab")])
    dups = of_kind(problems, ProblemKind.DUPLICATION)
    assert [(p.severity, p.items) for p in dups] == [(severity, ("d1", "d2"))]
    assert words in dups[0].message


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("insulin glargine", "insulin lispro"),
        ("aspirin", "clopidogrel"),
        ("metoprolol", "amlodipine"),
        ("furosemide", "spironolactone"),
        ("albuterol", "Symbicort"),
    ],
)
def test_usual_combinations_are_not_duplications(first: str, second: str) -> None:
    problems = check(discharge=[new("d1", first, "1 tab"), new("d2", second, "1 tab")])
    assert of_kind(problems, ProblemKind.DUPLICATION) == []


def test_eye_drop_and_oral_nsaid_are_not_a_duplication() -> None:
    problems = check(
        discharge=[new("d1", "ketorolac", "1 drop", "ophthalmic", "QID"),
                   new("d2", "ibuprofen", "400 mg", "oral", "TID")],
    )  # fmt: skip
    assert of_kind(problems, ProblemKind.DUPLICATION) == []


# --- allergy --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("allergy", "drug", "severity"),
    [
        ("penicillin", "amoxicillin", Severity.HIGH),
        ("Penicillins", "Augmentin", Severity.HIGH),
        ("PCN", "Zosyn", Severity.HIGH),
        ("penicillin", "cephalexin", Severity.MODERATE),
        ("sulfa", "Bactrim DS", Severity.HIGH),
        ("aspirin", "aspirin", Severity.HIGH),
        ("aspirin", "Motrin", Severity.MODERATE),
        ("NSAIDs", "naproxen", Severity.HIGH),
        ("codeine", "Tylenol #3", Severity.HIGH),
        ("opioids", "oxycodone", Severity.HIGH),
        ("statins", "Lipitor", Severity.HIGH),
        ("ACE inhibitors", "Zestril", Severity.HIGH),
        ("lisinopril", "enalapril", Severity.MODERATE),
        ("amoxicillin", "penicillin v", Severity.MODERATE),
    ],
)  # fmt: skip
def test_allergy_matches(allergy: str, drug: str, severity: Severity) -> None:
    problems = check(allergies=[{"substance": allergy}], discharge=[new("d1", drug, "1 tab")])
    found = of_kind(problems, ProblemKind.ALLERGY)
    assert [(p.severity, p.items) for p in found] == [(severity, ("d1",))]
    assert allergy in found[0].message


@pytest.mark.parametrize(
    ("allergy", "drug"),
    [("sulfa", "furosemide"), ("sulfa", "hydrochlorothiazide"), ("penicillin", "lisinopril"),
     ("latex", "heparin"), ("shellfish", "metformin"), ("codeine", "acetaminophen")],
)  # fmt: skip
def test_allergy_false_alarms_are_avoided(allergy: str, drug: str) -> None:
    problems = check(allergies=[{"substance": allergy}], discharge=[new("d1", drug, "1 tab")])
    assert of_kind(problems, ProblemKind.ALLERGY) == []


def test_allergy_to_an_uncoded_drug_matches_by_name() -> None:
    problems = check(
        allergies=[{"substance": "Frobozzamab"}], discharge=[new("d1", "frobozzamab", "1 tab")]
    )
    assert [p.kind for p in problems] == [ProblemKind.ALLERGY, ProblemKind.NOT_CODED]


# --- interactions (ONC high-priority list) --------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "pair"),
    [
        ("Adderall", "phenelzine", "onc-01"),
        ("atazanavir", "Prilosec", "onc-02"),
        ("febuxostat", "azathioprine", "onc-03"),
        ("Zoloft", "Nardil", "onc-04"),
        ("irinotecan", "ketoconazole", "onc-05"),
        ("tramadol", "selegiline", "onc-06"),
        ("amitriptyline", "tranylcypromine", "onc-07"),
        ("amiodarone", "sotalol", "onc-08"),
        ("ramelteon", "fluvoxamine", "onc-09"),
        ("rifampin", "darunavir", "onc-10"),
        ("simvastatin", "clarithromycin", "onc-11"),
        ("ergotamine", "ritonavir", "onc-12"),
        ("Zanaflex", "Cipro", "onc-13"),
        ("procarbazine", "Parnate", "onc-14"),
        ("Imitrex", "isocarboxazid", "onc-15"),
    ],
)  # fmt: skip
def test_each_onc_pair_is_caught(first: str, second: str, pair: str) -> None:
    problems = check(discharge=[new("d1", first, "1 tab"), new("d2", second, "1 tab")])
    found = of_kind(problems, ProblemKind.INTERACTION)
    assert found, problems
    assert all(p.severity is Severity.HIGH and p.items == ("d1", "d2") for p in found)
    assert any(pair in p.message for p in found)


@pytest.mark.parametrize(
    ("first", "second"),
    [("Plavix", "Prilosec"), ("Coumadin", "ibuprofen"), ("lisinopril", "metformin"),
     ("atorvastatin", "clarithromycin"), ("amiodarone", "metoprolol")],
)  # fmt: skip
def test_pairs_not_on_the_onc_list_are_not_interactions(first: str, second: str) -> None:
    # Clopidogrel + omeprazole and warfarin + NSAIDs matter, but are not among the 15 ONC pairs.
    problems = check(discharge=[new("d1", first, "1 tab"), new("d2", second, "1 tab")])
    assert of_kind(problems, ProblemKind.INTERACTION) == []


def test_topical_ketoconazole_does_not_interact_with_simvastatin() -> None:
    problems = check(
        discharge=[new("d1", "ketoconazole", "1 application", "topical", "BID"),
                   new("d2", "simvastatin", "20 mg", "oral", "qhs")],
    )  # fmt: skip
    assert of_kind(problems, ProblemKind.INTERACTION) == []


# --- high alert and not coded ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("drug", "dose", "route", "line"),
    [
        ("Eliquis", "5 mg", "oral", "thins your blood"),
        ("enoxaparin", "40 mg", "subq", "thins your blood"),
        ("Lantus", "10 units", "subq", "lowers your blood sugar"),
        ("Percocet", "1 tab", "oral", "strong pain medicine"),
        ("glipizide", "5 mg", "oral", "blood sugar drop"),
        ("methotrexate", "15 mg", "oral", "once a week"),
        ("capecitabine", "500 mg", "oral", "cancer medicine"),
        ("potassium chloride", "20 mEq", "IV", "concentrated salt"),
    ],
)  # fmt: skip
def test_high_alert(drug: str, dose: str, route: str, line: str) -> None:
    problems = check(discharge=[new("d1", drug, dose, route)])
    found = of_kind(problems, ProblemKind.HIGH_ALERT)
    assert [(p.severity, p.items) for p in found] == [(Severity.INFO, ("d1",))]
    assert line in found[0].message


def test_oral_potassium_is_not_high_alert() -> None:
    assert check(discharge=[new("d1", "Klor-Con", "20 mEq")]) == []


def test_not_coded() -> None:
    problems = check(discharge=[new("d1", "Frobozzamab", "1 tab")])
    assert [(p.kind, p.severity, p.items) for p in problems] == [
        (ProblemKind.NOT_CODED, Severity.MODERATE, ("d1",))
    ]


def test_problems_are_sorted_most_severe_first() -> None:
    problems = check(
        allergies=[{"substance": "penicillin"}],
        home=[med("h1", "metformin", "500 mg", "oral", "BID")],
        discharge=[new("d1", "warfarin", "5 mg"), new("d2", "amoxicillin", "500 mg", "oral", "TID"),
                   new("d3", "Frobozzamab", "1 tab")],
    )  # fmt: skip
    assert [p.kind for p in problems] == [
        ProblemKind.OMISSION, ProblemKind.ALLERGY, ProblemKind.NOT_CODED, ProblemKind.HIGH_ALERT,
    ]  # fmt: skip
    assert [p.to_json()["severity"] for p in problems] == ["high", "high", "moderate", "info"]
