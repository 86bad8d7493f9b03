"""Demo assessments: some current inpatients are already assessed, a few with positive social
needs screens, so the demo hospital shows needs (issue 7).

Deterministic: current inpatient stays admitted before 14:00 yesterday, by stay id; every fourth
is assessed with one of four answer profiles in turn (no problems; food and transport insecurity
with help needed bathing; housing, utilities and medicine costs with limited literacy; function
only, the rest still to ask). Answers are recorded at 14:00 yesterday by "demo" (chart for
function, patient for the rest); needs come from the same rules as the service
(:func:`transitions.domain.assessment.screen_needs`). Written with the generator's bulk writer
inside its transaction: a few rows per assessed stay.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import select

from transitions.demo.timeline import at
from transitions.demo.writer import BulkWriter, table
from transitions.domain.assessment import (
    AnswerInput,
    AnswerSource,
    NeedStatus,
    PatientFacts,
    derived_value,
    screen_needs,
)
from transitions.domain.assessment_form import load_form
from transitions.domain.encounter_status import ACTIVE_STATUSES

RECORDED_BY = "demo"
KATZ = ("bathing", "dressing", "toileting", "transferring", "continence", "feeding")
LAWTON_INDEPENDENT = {
    "telephone": "own_initiative",
    "shopping": "independent",
    "food_preparation": "independent",
    "housekeeping": "alone",
    "laundry": "all",
    "transportation": "independent",
    "medications": "responsible",
    "finances": "independent",
}
NEGATIVE_SCREEN = {
    "hrsn_living_situation": "steady",
    "hrsn_housing_problems": "none",
    "hrsn_food_worry": "never",
    "hrsn_food_ran_out": "never",
    "hrsn_transportation": "no",
    "hrsn_utilities": "no",
    "hrsn_safety_hurt": "never",
    "hrsn_safety_insult": "never",
    "hrsn_safety_threaten": "never",
    "hrsn_safety_scream": "never",
    "medication_cost": "no",
    "phone_access": "yes",
    "sils": "never",
}


def _function(dependent_at_discharge: tuple[str, ...] = ()) -> dict[str, str]:
    answers = {f"katz_{item}_before": "independent" for item in KATZ}
    answers |= {
        f"katz_{item}_discharge": "dependent" if item in dependent_at_discharge else "independent"
        for item in KATZ
    }
    for timepoint in ("before", "discharge"):
        answers |= {f"lawton_{k}_{timepoint}": v for k, v in LAWTON_INDEPENDENT.items()}
    answers |= {"mobility_aid": "walker" if dependent_at_discharge else "none"}
    answers |= {"cognition_concern": "no"}
    return answers


def _profile(n: int, has_caregiver: bool) -> dict[str, str]:
    """The answers of the ``n``-th assessed stay (four profiles in turn)."""
    support = {
        "lives_with": "family" if has_caregiver else "alone",
        "caregiver_able_willing": "yes" if has_caregiver else "no_caregiver",
    }
    kind = n % 4
    if kind == 0:
        return _function() | support | NEGATIVE_SCREEN
    if kind == 1:
        return (
            _function(("bathing",))
            | support
            | NEGATIVE_SCREEN
            | {
                "hrsn_food_worry": "sometimes",
                "hrsn_food_ran_out": "sometimes",
                "hrsn_transportation": "yes",
            }
        )
    if kind == 2:
        return (
            _function()
            | support
            | NEGATIVE_SCREEN
            | {
                "hrsn_living_situation": "worried",
                "hrsn_utilities": "yes",
                "medication_cost": "yes",
                "sils": "sometimes",
            }
        )
    return _function()


def _yesterday_afternoon(today: date, tz: tzinfo) -> datetime:
    return at(today - timedelta(days=1), 14, 0, tz)


def add_demo_assessments(writer: BulkWriter, today: date, tz: tzinfo) -> int:
    """Assess some current inpatients; returns how many stays were assessed."""
    enc, pat = table("encounter"), table("patient")
    recorded = _yesterday_afternoon(today, tz)
    stays = writer.connection.execute(
        select(
            enc.c.id,
            pat.c.preferred_language,
            pat.c.interpreter_needed,
            pat.c.pcp_id,
            pat.c.caregiver_name,
            pat.c.caregiver_relation,
            pat.c.caregiver_phone,
        )
        .join(pat, enc.c.patient_id == pat.c.id)
        .where(
            enc.c.status.in_(sorted(s.value for s in ACTIVE_STATUSES)),
            enc.c.admit_time < recorded,
        )
        .order_by(enc.c.id)
    ).all()
    form = load_form()
    heads: list[dict[str, Any]] = []
    answers: list[dict[str, Any]] = []
    needs: list[dict[str, Any]] = []
    for n, stay in enumerate(stays[::4]):
        given: dict[str, str | None] = dict(_profile(n, stay.caregiver_name is not None))
        if stay.caregiver_name is not None and n % 4 != 3:
            given |= {
                "caregiver_name": stay.caregiver_name,
                "caregiver_relation": stay.caregiver_relation,
                "caregiver_phone": stay.caregiver_phone,
            }
        base = {"encounter_id": stay.id, "recorded_by_id": None, "recorded_at": recorded}
        for key, value in given.items():
            if value is None:
                continue
            section = form.question(key).section
            source = AnswerSource.CHART if section == "function" else AnswerSource.PATIENT
            answers.append(
                base
                | {
                    "question_key": key,
                    "value": value,
                    "declined": False,
                    "source": source.value,
                    "recorded_by_name": RECORDED_BY,
                }
            )
        heads.append(
            {
                "encounter_id": stay.id,
                "updated_by_id": None,
                "updated_by_name": RECORDED_BY,
                "created_at": recorded,
                "updated_at": recorded,
                "version_id": 1,
            }
        )
        facts = PatientFacts(
            stay.preferred_language or "en", bool(stay.interpreter_needed), stay.pcp_id is not None
        )
        inputs = {k: AnswerInput(v) for k, v in given.items() if v is not None}
        for question in form.questions():
            if question.derived_from and question.key not in inputs:
                inputs[question.key] = AnswerInput(derived_value(question, facts))
        for screen in screen_needs(form, inputs):
            if screen.positive and screen.source_question is not None:
                needs.append(
                    {
                        "encounter_id": stay.id,
                        "domain": screen.domain.value,
                        "source_question": screen.source_question,
                        "description": screen.description,
                        "status": NeedStatus.OPEN.value,
                        "identified_at": recorded,
                        "identified_by_id": None,
                        "created_at": recorded,
                        "updated_at": recorded,
                        "version_id": 1,
                    }
                )
    for name, rows in (("assessment", heads), ("assessment_answer", answers), ("need", needs)):
        if rows:
            first = writer.next_id(name, len(rows))
            for offset, row in enumerate(rows):
                row["id"] = first + offset
            writer.insert(name, rows)
    return len(heads)
