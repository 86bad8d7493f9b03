"""Assessment service on both databases: answers with source/who/when and history, declined
answers, needs opened and resolved by the answers, locking, permissions, audit, readiness."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import pytest
from sqlalchemy import Column, ForeignKey, Integer, MetaData, Table, func, insert, select

from tests.factories import make_patient, make_provider, make_stay, make_unit
from transitions.db.assessment_models import AssessmentAnswer, Need
from transitions.db.engine import Database
from transitions.db.models import AuditEvent, Patient
from transitions.errors import ConflictError, PermissionDeniedError, ValidationError
from transitions.services import assessment
from transitions.services.assessment import AnswerEntry, AssessmentView
from transitions.services.readiness_messages import texts
from transitions.services.uow import Actor, UnitOfWork

UowFactory = Callable[[], UnitOfWork]

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


@dataclass(frozen=True)
class Seeded:
    encounter_id: int
    visit: str
    patient_id: int
    unit_id: int


def seed(make_uow: UowFactory, language: str = "en", pcp: bool = True) -> Seeded:
    with make_uow() as uow:
        unit = make_unit(uow.session, "4W")
        patient = make_patient(uow.session, language=language)
        if pcp:
            patient.pcp_id = make_provider(uow.session).id
        stay = make_stay(uow.session, patient, unit)
        seeded = Seeded(stay.id, stay.visit_number, patient.id, unit.id)
        uow.commit()
    return seeded


def nurse(unit_id: int | None = None, user_id: int | None = None) -> Actor:
    return Actor(
        user_id,
        "nnurse",
        "Nadia Nurse",
        roles=frozenset({"nurse"}),
        units=None if unit_id is None else frozenset({unit_id}),
    )


def save(
    make_uow: UowFactory,
    actor: Actor,
    seeded: Seeded,
    entries: Sequence[AnswerEntry],
    version: int | None = -1,
) -> AssessmentView:
    with make_uow() as uow:
        if version == -1:
            version = assessment.get_assessment(uow, actor, seeded.encounter_id).version
    with make_uow() as uow:
        return assessment.record_answers(
            uow, actor, seeded.encounter_id, entries, expected_version=version
        )


def complete_entries() -> list[AnswerEntry]:
    """Every required question answered, nothing positive."""
    entries = [
        AnswerEntry(f"katz_{i}_{t}", "independent") for i in KATZ for t in ("before", "discharge")
    ]
    first = {
        "telephone": "own_initiative",
        "shopping": "independent",
        "food_preparation": "independent",
        "housekeeping": "alone",
        "laundry": "all",
        "transportation": "independent",
        "medications": "responsible",
        "finances": "independent",
    }
    entries += [
        AnswerEntry(f"lawton_{i}_{t}", first[i]) for i in LAWTON for t in ("before", "discharge")
    ]
    entries += [
        AnswerEntry("mobility_aid", "none", source="chart"),
        AnswerEntry("cognition_concern", "no", source="chart"),
        AnswerEntry("lives_with", "spouse_partner"),
        AnswerEntry("caregiver_able_willing", "yes"),
        AnswerEntry("hrsn_living_situation", "steady"),
        AnswerEntry("hrsn_housing_problems", "none"),
        AnswerEntry("hrsn_food_worry", "never"),
        AnswerEntry("hrsn_food_ran_out", "never"),
        AnswerEntry("hrsn_transportation", "no"),
        AnswerEntry("hrsn_utilities", "no"),
        AnswerEntry("medication_cost", "no"),
        AnswerEntry("phone_access", "yes"),
        AnswerEntry("sils", "never"),
    ]
    entries += [
        AnswerEntry(f"hrsn_safety_{k}", "never") for k in ("hurt", "insult", "threaten", "scream")
    ]
    return entries


def test_new_assessment_is_missing_and_derives_language_and_pcp(
    make_uow: UowFactory, actor: Actor
) -> None:
    seeded = seed(make_uow, language="es", pcp=False)
    with make_uow() as uow:
        view = assessment.get_assessment(uow, actor, seeded.encounter_id)
    assert view.version is None and view.needs == ()
    state, problems = view.readiness
    assert (state, texts(problems)) == ("missing", ("No assessment recorded",))
    assert problems[0].key == "assessment.none"
    english = view.answers["limited_english"]
    assert (english.value, english.source, english.derived, english.recorded_by) == (
        "yes",
        "chart",
        True,
        None,
    )
    assert view.answers["has_pcp"].value == "no"
    assert "hrsn_food_worry" in view.missing and "limited_english" not in view.missing
    assert view.record_caregiver.name is None


def test_positive_food_answer_opens_a_need_with_who_when_and_source(
    make_uow: UowFactory, actor: Actor
) -> None:
    seeded = seed(make_uow)
    view = save(
        make_uow,
        actor,
        seeded,
        [
            AnswerEntry("hrsn_food_worry", "sometimes", source="caregiver"),
            AnswerEntry("hrsn_food_ran_out", "never", source="caregiver"),
        ],
    )
    assert view.version == 1
    answer = view.answers["hrsn_food_worry"]
    assert (answer.value, answer.source, answer.recorded_by, answer.derived) == (
        "sometimes",
        "caregiver",
        "test",
        False,
    )
    assert answer.recorded_at is not None and len(answer.history) == 1
    [need] = view.needs
    assert (need.domain, need.status, need.source_question) == ("food", "open", "hrsn_food_worry")
    assert need.description == "Food insecurity (AHC screen)"
    with make_uow() as uow:
        listed = assessment.list_needs(uow, actor, seeded.encounter_id)
        actions = uow.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert [(n.id, n.domain, n.status) for n in listed] == [(need.id, "food", "open")]
    assert "record_answers" in actions and "open_need" in actions


def test_changing_to_negative_resolves_and_keeps_history(
    make_uow: UowFactory, actor: Actor
) -> None:
    seeded = seed(make_uow)
    save(make_uow, actor, seeded, [AnswerEntry("hrsn_transportation", "yes")])
    view = save(make_uow, actor, seeded, [AnswerEntry("hrsn_transportation", "no")])
    [need] = view.needs
    assert (need.domain, need.status) == ("transportation", "resolved")
    history = view.answers["hrsn_transportation"].history
    assert [h.value for h in history] == ["no", "yes"]  # newest first
    # the same answer again adds no row and opens nothing
    view = save(make_uow, actor, seeded, [AnswerEntry("hrsn_transportation", "no")])
    assert len(view.answers["hrsn_transportation"].history) == 2
    # positive again: a new need; the resolved one stays as history
    view = save(make_uow, actor, seeded, [AnswerEntry("hrsn_transportation", "yes")])
    assert [(n.domain, n.status) for n in view.needs] == [
        ("transportation", "open"),
        ("transportation", "resolved"),
    ]
    old = view.needs[1]
    with make_uow() as uow, pytest.raises(ValidationError, match="already has an open"):
        assessment.set_need_status(uow, actor, old.id, "open", expected_version=old.version)
    with make_uow() as uow:
        events = uow.session.scalars(select(AuditEvent.action)).all()
    assert events.count("resolve_need") == 1 and events.count("open_need") == 2


def test_declined_is_recorded_and_never_opens_a_need(make_uow: UowFactory, actor: Actor) -> None:
    seeded = seed(make_uow)
    save(make_uow, actor, seeded, [AnswerEntry("hrsn_safety_hurt", "frequently")])
    view = save(
        make_uow,
        actor,
        seeded,
        [AnswerEntry(f"hrsn_safety_{k}", declined=True) for k in ("insult", "threaten", "scream")],
    )
    declined = view.answers["hrsn_safety_scream"]
    assert (declined.declined, declined.value) == (True, None)
    assert view.needs == ()  # 5 points: below 11
    with make_uow() as uow:
        row = uow.session.execute(
            select(AssessmentAnswer.declined, AssessmentAnswer.value).where(
                AssessmentAnswer.question_key == "hrsn_safety_scream"
            )
        ).one()
    assert tuple(row) == (True, None)
    with pytest.raises(ValidationError, match="not a question the patient can decline") as info:
        save(make_uow, actor, seeded, [AnswerEntry("katz_bathing_before", declined=True)])
    assert info.value.field == "katz_bathing_before"


def test_bad_answers_name_the_question(make_uow: UowFactory, actor: Actor) -> None:
    seeded = seed(make_uow)
    with pytest.raises(ValidationError, match="unknown assessment question 'nope'"):
        save(make_uow, actor, seeded, [AnswerEntry("nope", "yes")])
    with pytest.raises(ValidationError, match="'maybe' is not one of") as info:
        save(make_uow, actor, seeded, [AnswerEntry("hrsn_utilities", "maybe")])
    assert info.value.field == "hrsn_utilities"
    with pytest.raises(ValidationError, match="source must be one of"):
        save(make_uow, actor, seeded, [AnswerEntry("hrsn_utilities", "no", source="neighbour")])
    with make_uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(AssessmentAnswer)) == 0


def test_stale_version_is_a_conflict(make_uow: UowFactory, actor: Actor) -> None:
    seeded = seed(make_uow)
    save(make_uow, actor, seeded, [AnswerEntry("lives_with", "alone")], version=None)
    with pytest.raises(ConflictError, match="changed by someone else"):
        save(make_uow, actor, seeded, [AnswerEntry("lives_with", "family")], version=None)
    view = save(make_uow, actor, seeded, [AnswerEntry("lives_with", "family")], version=1)
    assert view.version == 2 and view.answers["lives_with"].value == "family"
    with pytest.raises(ConflictError):
        save(make_uow, actor, seeded, [AnswerEntry("lives_with", "alone")], version=1)


def test_permissions_and_units(make_uow: UowFactory) -> None:
    seeded = seed(make_uow)
    pharmacist = Actor(7, "ph", "Pat Pharm", roles=frozenset({"pharmacist"}), units=None)
    with pytest.raises(PermissionDeniedError, match=r"assessment\.edit"):
        save(make_uow, pharmacist, seeded, [AnswerEntry("lives_with", "alone")], version=None)
    other_ward = nurse(unit_id=seeded.unit_id + 100, user_id=8)
    with pytest.raises(PermissionDeniedError, match="other units"):
        save(make_uow, other_ward, seeded, [AnswerEntry("lives_with", "alone")], version=None)
    with make_uow() as uow, pytest.raises(PermissionDeniedError):
        assessment.list_needs(uow, other_ward, seeded.encounter_id)
    case_manager = Actor(
        None, "cm", "Cara Manager", roles=frozenset({"case_manager"}), units=frozenset()
    )
    view = save(make_uow, case_manager, seeded, [AnswerEntry("lives_with", "alone")], None)
    assert view.answers["lives_with"].recorded_by == "Cara Manager"


def test_case_manager_resolution_is_not_undone_by_unrelated_saves(
    make_uow: UowFactory, actor: Actor
) -> None:
    seeded = seed(make_uow)
    view = save(make_uow, actor, seeded, [AnswerEntry("medication_cost", "yes")])
    [need] = view.needs
    with make_uow() as uow:
        resolved = assessment.set_need_status(
            uow, actor, need.id, "resolved", expected_version=need.version
        )
    assert resolved.status == "resolved"
    with make_uow() as uow, pytest.raises(ConflictError):
        assessment.set_need_status(uow, actor, need.id, "declined", expected_version=need.version)
    with make_uow() as uow, pytest.raises(ValidationError, match="status must be one of"):
        assessment.set_need_status(uow, actor, need.id, "done", expected_version=2)
    view = save(make_uow, actor, seeded, [AnswerEntry("phone_access", "yes")])
    assert [(n.domain, n.status) for n in view.needs] == [("medication_cost", "resolved")]
    with make_uow() as uow:
        declined = assessment.set_need_status(
            uow, actor, need.id, "declined", expected_version=resolved.version
        )
    assert declined.status == "declined"


@pytest.fixture
def referral_table(database: Database) -> Iterator[Table]:
    """A stand-in for slice B's referral table: a foreign key to need.id."""
    metadata = MetaData()
    table = Table(
        "test_need_referral",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("need_id", Integer, ForeignKey(Need.__table__.c.id)),
    )
    table.create(database.engine)
    yield table
    table.drop(database.engine)


def test_a_referenced_need_stays_open_when_the_screen_turns_negative(
    make_uow: UowFactory,
    actor: Actor,
    referral_table: Table,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(assessment, "need_reference_columns", lambda: [referral_table.c.need_id])
    seeded = seed(make_uow)
    view = save(make_uow, actor, seeded, [AnswerEntry("hrsn_utilities", "already_shut_off")])
    [need] = view.needs
    assert view.readiness[0] == "in_progress"
    with make_uow() as uow:
        uow.session.execute(insert(referral_table).values(need_id=need.id))
        uow.commit()
    view = save(make_uow, actor, seeded, [AnswerEntry("hrsn_utilities", "no")])
    [kept] = view.needs
    assert (kept.id, kept.status, kept.referenced) == (need.id, "open", True)


def test_readiness_missing_in_progress_warning_done(make_uow: UowFactory, actor: Actor) -> None:
    seeded = seed(make_uow)

    def readiness() -> tuple[str, list[str]]:
        with make_uow() as uow:
            encounter = assessment.load_stay(uow, seeded.encounter_id)
            state, problems = assessment.assessment_readiness(uow, encounter)
            return state, list(texts(problems))

    assert readiness() == ("missing", ["No assessment recorded"])
    save(make_uow, actor, seeded, [AnswerEntry("lives_with", "alone")])
    state, problems = readiness()
    assert state == "in_progress"
    assert problems == [
        "Functional status: 30 questions not answered",
        "Home and support: 1 question not answered",
        "Health-related social needs (AHC screening tool): 10 questions not answered",
        "Other barriers: 3 questions not answered",
    ]
    entries = complete_entries()
    view = save(make_uow, actor, seeded, entries)
    assert view.missing == () and view.needs == ()
    assert readiness() == ("done", [])
    assert view.total("katz", "discharge").total == 6
    assert view.total("lawton", "before").total == 8
    view = save(make_uow, actor, seeded, [AnswerEntry("hrsn_food_ran_out", "often")])
    assert readiness() == (
        "warning",
        ["Open need with nothing planned for it yet: Food insecurity (AHC screen)"],
    )
    [need] = view.needs
    with make_uow() as uow:
        assessment.set_need_status(uow, actor, need.id, "declined", expected_version=need.version)
    assert readiness() == ("done", [])


def test_caregiver_answers_and_record_caregiver(make_uow: UowFactory, actor: Actor) -> None:
    seeded = seed(make_uow)
    with make_uow() as uow:
        patient = uow.session.get(Patient, seeded.patient_id)
        assert patient is not None
        patient.caregiver_name = "Rosa Testperson"
        patient.caregiver_relation = "daughter"
        uow.commit()
    view = save(
        make_uow,
        actor,
        seeded,
        [
            AnswerEntry("caregiver_name", "Rosa Testperson"),
            AnswerEntry("caregiver_relation", "daughter"),
            AnswerEntry("caregiver_phone", "(555) 010-7788"),
            AnswerEntry("caregiver_able_willing", "no"),
            AnswerEntry("katz_feeding_discharge", "dependent", source="chart"),
        ],
    )
    assert view.caregiver == assessment.CaregiverView(
        "Rosa Testperson", "daughter", "(555) 010-7788", "no"
    )
    assert view.record_caregiver.relation == "daughter"
    assert {n.domain for n in view.needs} == {"functional", "caregiver"}
    with make_uow() as uow:
        details = uow.session.scalars(
            select(AuditEvent.details).where(AuditEvent.action == "record_answers")
        ).one()
    assert "Rosa" not in (details or "") and "7788" not in (details or "")
    # clearing an answer: the caregiver phone is gone, its history kept
    view = save(make_uow, actor, seeded, [AnswerEntry("caregiver_phone", None)])
    assert view.answer("caregiver_phone") is None and view.caregiver.phone is None


def test_answering_a_derived_question_overrides_the_record(
    make_uow: UowFactory, actor: Actor
) -> None:
    seeded = seed(make_uow, pcp=False)
    view = save(make_uow, actor, seeded, [AnswerEntry("lives_with", "alone")])
    assert [(n.domain, n.source_question) for n in view.needs] == [("primary_care", "has_pcp")]
    view = save(make_uow, actor, seeded, [AnswerEntry("has_pcp", "yes")])
    pcp = view.answers["has_pcp"]
    assert (pcp.value, pcp.derived, pcp.source) == ("yes", False, "patient")
    assert [(n.domain, n.status) for n in view.needs] == [("primary_care", "resolved")]
