"""Assessment rules without a database: the shipped form, Katz/Lawton totals, AHC HRSN screens,
barriers and the needs they open, answer validation."""

from __future__ import annotations

import pytest

from transitions.domain.assessment import (
    AnswerInput,
    NeedDomain,
    PatientFacts,
    derived_value,
    missing_questions,
    normalise,
    scale_totals,
    screen_needs,
)
from transitions.domain.assessment_form import FormDataError, load_form, parse_form
from transitions.errors import ValidationError

FORM = load_form()
KATZ = ["bathing", "dressing", "toileting", "transferring", "continence", "feeding"]
LAWTON = [
    "telephone",
    "shopping",
    "food_preparation",
    "housekeeping",
    "laundry",
    "transportation",
    "medications",
    "finances",
]


def answers(**values: str | None) -> dict[str, AnswerInput]:
    return {key: AnswerInput(value) for key, value in values.items()}


def positive(result: dict[str, AnswerInput]) -> dict[NeedDomain, str | None]:
    return {s.domain: s.source_question for s in screen_needs(FORM, result) if s.positive}


def test_shipped_form_has_the_published_instruments_in_both_languages() -> None:
    assert [s.key for s in FORM.sections] == ["function", "support", "hrsn", "barriers"]
    katz, lawton = list(FORM.scales())
    assert [i.key for i in katz.items] == KATZ
    assert [i.key for i in lawton.items] == LAWTON
    assert (katz.maximum, lawton.maximum) == (6, 8)
    hrsn = [q.key for q in FORM.questions() if q.section == "hrsn"]
    assert len(hrsn) == 10  # AHC core: living 2, food 2, transport 1, utilities 1, safety 4
    for question in FORM.questions():
        assert question.label.en and question.label.es
        assert question.label.en != question.label.es or question.label.en == "No"
        for choice in question.choices:
            assert choice.label.en and choice.label.es
    assert {r.domain for r in FORM.rules} == {d.value for d in NeedDomain}
    assert all(r.description_es != r.description for r in FORM.rules)
    assert all(FORM.question(k).declinable for k in hrsn)


def test_katz_and_lawton_totals_per_timepoint_with_bands() -> None:
    given = {f"katz_{i}_before": "independent" for i in KATZ}
    given |= {f"katz_{i}_discharge": "independent" for i in KATZ}
    given["katz_bathing_discharge"] = "dependent"
    given["katz_dressing_discharge"] = "dependent"
    given["katz_toileting_discharge"] = "dependent"
    given |= {
        "lawton_telephone_before": "few_numbers",
        "lawton_shopping_before": "small_purchases",
        "lawton_housekeeping_before": "needs_help",
    }
    totals = {(t.scale, t.timepoint): t for t in scale_totals(FORM, answers(**given))}
    before = totals[("katz", "before")]
    assert (before.total, before.answered, before.complete) == (6, 6, True)
    assert before.band is not None and before.band.en == "full function"
    after = totals[("katz", "discharge")]
    assert (after.total, after.maximum) == (3, 6)
    assert after.band is not None and after.band.en == "moderate impairment"
    lawton = totals[("lawton", "before")]
    assert (lawton.total, lawton.answered, lawton.complete, lawton.band) == (2, 3, False, None)
    assert totals[("lawton", "discharge")].answered == 0


def test_food_insecurity_either_question_often_or_sometimes() -> None:
    assert positive(answers(hrsn_food_worry="never", hrsn_food_ran_out="never")) == {}
    found = positive(answers(hrsn_food_worry="never", hrsn_food_ran_out="sometimes"))
    assert found == {NeedDomain.FOOD: "hrsn_food_ran_out"}
    assert positive(answers(hrsn_food_worry="often")) == {NeedDomain.FOOD: "hrsn_food_worry"}


def test_housing_living_situation_or_any_housing_problem() -> None:
    assert positive(answers(hrsn_living_situation="steady", hrsn_housing_problems="none")) == {}
    assert positive(answers(hrsn_living_situation="worried")) == {
        NeedDomain.HOUSING: "hrsn_living_situation"
    }
    assert positive(answers(hrsn_living_situation="steady", hrsn_housing_problems="mold,pests"))
    assert positive(answers(hrsn_housing_problems="none")) == {}


def test_transportation_and_utilities() -> None:
    assert NeedDomain.TRANSPORTATION in positive(answers(hrsn_transportation="yes"))
    assert positive(answers(hrsn_transportation="no", hrsn_utilities="no")) == {}
    assert NeedDomain.UTILITIES in positive(answers(hrsn_utilities="already_shut_off"))
    assert NeedDomain.UTILITIES in positive(answers(hrsn_utilities="yes"))


@pytest.mark.parametrize(
    ("hurt", "insult", "threaten", "scream", "expected"),
    [
        ("never", "never", "never", "never", False),  # 4
        ("rarely", "sometimes", "rarely", "sometimes", False),  # 10: below the cut-off
        ("rarely", "sometimes", "rarely", "fairly_often", True),  # 11
        ("frequently", "frequently", "frequently", None, True),  # 15 with one unanswered
        ("frequently", None, None, None, False),  # 5
    ],
)
def test_safety_positive_at_a_score_of_11_or_more(
    hurt: str, insult: str | None, threaten: str | None, scream: str | None, expected: bool
) -> None:
    result = positive(
        answers(
            hrsn_safety_hurt=hurt,
            hrsn_safety_insult=insult,
            hrsn_safety_threaten=threaten,
            hrsn_safety_scream=scream,
        )
    )
    assert (NeedDomain.SAFETY in result) is expected
    if expected:
        assert result[NeedDomain.SAFETY] in {"hrsn_safety_scream", "hrsn_safety_hurt"}


def test_declined_and_unanswered_never_screen_positive() -> None:
    given = {
        "hrsn_food_worry": AnswerInput(None, declined=True),
        "hrsn_transportation": AnswerInput(None, declined=True),
    }
    screens = {s.domain: s for s in screen_needs(FORM, given)}
    assert not any(s.positive for s in screens.values())
    assert screens[NeedDomain.FOOD].answered  # declined counts as answered
    assert not screens[NeedDomain.HOUSING].answered


def test_barriers_sils_medicine_cost_phone() -> None:
    assert positive(answers(sils="rarely")) == {}
    assert positive(answers(sils="sometimes")) == {NeedDomain.HEALTH_LITERACY: "sils"}
    assert NeedDomain.MEDICATION_COST in positive(answers(medication_cost="yes"))
    assert NeedDomain.PHONE in positive(answers(phone_access="no"))
    assert positive(answers(phone_access="yes", medication_cost="no")) == {}


def test_language_and_pcp_come_from_the_record() -> None:
    language = FORM.question("limited_english")
    pcp = FORM.question("has_pcp")
    english = PatientFacts("en", interpreter_needed=False, has_pcp=True)
    spanish = PatientFacts("es", interpreter_needed=True, has_pcp=False)
    interpreter = PatientFacts("en", interpreter_needed=True, has_pcp=True)
    assert derived_value(language, english) == "no"
    assert derived_value(language, spanish) == "yes"
    assert derived_value(language, interpreter) == "yes"
    assert (derived_value(pcp, english), derived_value(pcp, spanish)) == ("yes", "no")
    result = positive(answers(limited_english="yes", has_pcp="no"))
    assert result == {NeedDomain.LANGUAGE: "limited_english", NeedDomain.PRIMARY_CARE: "has_pcp"}


def test_functional_and_caregiver_needs() -> None:
    assert positive(answers(katz_bathing_before="dependent")) == {}  # before admission only
    dependent = answers(katz_bathing_discharge="dependent", caregiver_able_willing="yes")
    assert positive(dependent) == {NeedDomain.FUNCTIONAL: "katz_bathing_discharge"}
    alone = answers(katz_bathing_discharge="dependent", caregiver_able_willing="no_caregiver")
    assert positive(alone)[NeedDomain.CAREGIVER] == "caregiver_able_willing"
    # no caregiver, but no help needed either: no caregiver need
    assert positive(answers(caregiver_able_willing="no_caregiver")) == {}
    memory = answers(cognition_concern="yes", caregiver_able_willing="no")
    assert positive(memory) == {NeedDomain.CAREGIVER: "caregiver_able_willing"}
    iadl = answers(lawton_medications_discharge="incapable", caregiver_able_willing="no")
    assert NeedDomain.CAREGIVER in positive(iadl)


def test_missing_questions_skip_optional_and_derived() -> None:
    missing = {q.key for q in missing_questions(FORM, {})}
    assert "hrsn_food_worry" in missing and "katz_feeding_before" in missing
    assert "caregiver_name" not in missing  # optional
    assert "limited_english" not in missing and "has_pcp" not in missing  # from the record
    declined = {"hrsn_food_worry": AnswerInput(None, declined=True)}
    assert "hrsn_food_worry" not in {q.key for q in missing_questions(FORM, declined)}


def test_normalise_checks_answers_and_names_the_question() -> None:
    problems = FORM.question("hrsn_housing_problems")
    assert normalise(problems, ["water_leaks", "mold"]) == "mold,water_leaks"  # form order
    assert normalise(problems, "pests, mold") == "pests,mold"
    with pytest.raises(ValidationError, match="cannot be combined") as info:
        normalise(problems, ["none", "mold"])
    assert info.value.field == "hrsn_housing_problems"
    food = FORM.question("hrsn_food_worry")
    assert normalise(food, "often") == "often"
    assert normalise(food, "  ") is None
    with pytest.raises(ValidationError, match="'always' is not one of"):
        normalise(food, "always")
    with pytest.raises(ValidationError, match="choose one"):
        normalise(food, ["often", "never"])
    phone = FORM.question("caregiver_phone")
    assert normalise(phone, " (555)  010-2233 ") == "(555) 010-2233"
    with pytest.raises(ValidationError, match="not a phone number"):
        normalise(phone, "call her")
    name = FORM.question("caregiver_name")
    with pytest.raises(ValidationError, match="at most 160"):
        normalise(name, "x" * 161)


def test_malformed_data_is_refused() -> None:
    section = {
        "section": {"key": "s", "order": 1, "title": {"en": "S", "es": "S"}, "intro": {}},
        "questions": [],
    }
    with pytest.raises(FormDataError, match="English and a Spanish"):
        parse_form([section], {}, {"rules": {}})
    good = {
        "section": {
            "key": "s",
            "order": 1,
            "title": {"en": "S", "es": "S"},
            "intro": {"en": "i", "es": "i"},
        },
        "questions": [
            {"key": "q", "label": {"en": "Q", "es": "P"}, "choices": "missing_set"},
        ],
    }
    with pytest.raises(FormDataError, match="unknown answer set"):
        parse_form([good], {}, {"rules": {}})
    good["questions"] = [{"key": "q", "kind": "text", "label": {"en": "Q", "es": "P"}}]
    rules = {"rules": {"food": {"kind": "any", "questions": ["nope"], "description": "d"}}}
    with pytest.raises(FormDataError, match="no question matches 'nope'"):
        parse_form([good], {}, rules)
