"""Education service on both databases: plan, teaching with history, BOOST, audit, sections."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from sqlalchemy import select

from tests.factories import add_clinical_details, make_patient, make_stay, make_unit
from transitions.db.models import AuditEvent, MedicationEntry, User
from transitions.domain.enums import MedicationList, MedicationSource
from transitions.errors import ConflictError, PermissionDeniedError, ValidationError
from transitions.services import education
from transitions.services.education import TeachingEntry
from transitions.services.encounters import stay_document
from transitions.services.uow import Actor, UnitOfWork

UowFactory = Callable[[], UnitOfWork]


def seed(make_uow: UowFactory, language: str = "en", unit_code: str = "4W") -> tuple[int, str]:
    """A heart-failure stay (I50.23 + E11.9, home furosemide and metformin)."""
    with make_uow() as uow:
        unit = make_unit(uow.session, unit_code)
        stay = make_stay(uow.session, make_patient(uow.session, language=language), unit)
        add_clinical_details(uow.session, stay)
        ids = stay.id, stay.visit_number
        uow.commit()
    return ids


def add_med(make_uow: UowFactory, encounter_id: int, drug: str, kind: MedicationList) -> None:
    with make_uow() as uow:
        uow.session.add(
            MedicationEntry(
                encounter_id=encounter_id,
                list_kind=kind,
                drug_name=drug,
                source=MedicationSource.ORDER,
            )
        )
        uow.commit()


def teach(
    make_uow: UowFactory,
    actor: Actor,
    encounter_id: int,
    module: str,
    item: str,
    result: str = "understood",
    **extra: object,
) -> education.EducationView:
    entry = TeachingEntry(module, item, "patient", "verbal", result, **extra)  # type: ignore[arg-type]
    with make_uow() as uow:
        return education.record_teaching(uow, actor, encounter_id, entry)


def audit_actions(make_uow: UowFactory) -> list[str]:
    with make_uow() as uow:
        return list(uow.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_heart_failure_stay_gets_general_and_heart_failure(
    make_uow: UowFactory, actor: Actor
) -> None:
    encounter_id, _ = seed(make_uow)
    with make_uow() as uow:
        view = education.get_education(uow, actor, encounter_id)
    assert [m.module_id for m in view.modules] == ["general", "heart-failure"]
    hf = view.module("heart-failure")
    assert hf.origin == "suggested"
    assert [(r.kind.value, r.code) for r in hf.reasons] == [("diagnosis", "I50.23")]
    assert (view.progress.done, view.progress.required) == (0, 11)
    assert ("copd", "COPD (lung disease)") in view.available
    assert audit_actions(make_uow) == ["view"]


def test_discharge_meds_suggest_modules_but_inpatient_orders_do_not(
    make_uow: UowFactory, actor: Actor
) -> None:
    encounter_id, visit = seed(make_uow)
    add_med(make_uow, encounter_id, "apixaban 5 mg", MedicationList.DISCHARGE)
    add_med(make_uow, encounter_id, "insulin lispro", MedicationList.INPATIENT)
    with make_uow() as uow:
        suggestions = education.suggest_for_stay(uow, actor, visit)
    ids = {s.module_id: s for s in suggestions}
    assert set(ids) == {"general", "heart-failure", "anticoagulation"}
    assert ids["anticoagulation"].reasons[0].code == "apixaban 5 mg"


def test_teaching_a_whole_module_completes_it_and_is_audited(
    make_uow: UowFactory, actor: Actor
) -> None:
    encounter_id, visit = seed(make_uow)
    items = ["daily-weight", "salt-fluid", "symptoms", "hf-medicines", "hf-activity"]
    for item in items:
        view = teach(make_uow, actor, encounter_id, "heart-failure", item)
    hf = view.module("heart-failure")
    assert (hf.progress.done, hf.progress.required) == (5, 5)
    assert all(i.done for i in hf.items)
    assert view.progress.done == 5 and view.progress.required == 11
    assert audit_actions(make_uow).count("teach") == 5
    with make_uow() as uow:
        details = json.loads(
            uow.session.scalars(
                select(AuditEvent.details).where(AuditEvent.action == "teach")
            ).first()
            or "{}"
        )
    assert details["after"]["result"] == "understood" and details["item"] == "daily-weight"
    with make_uow() as uow:
        document = stay_document(uow, actor, visit)
    section = document["education"]
    assert section["progress"] == {"done": 5, "required": 11, "needs_reinforcement": 0}
    hf_json = next(m for m in section["modules"] if m["id"] == "heart-failure")
    record = hf_json["items"][0]["records"][0]
    assert record["result"] == "understood" and record["taught_by"] == "test"
    assert record["taught_at"].endswith("Z")


def test_reteaching_keeps_history(make_uow: UowFactory, actor: Actor) -> None:
    encounter_id, _ = seed(make_uow)
    view = teach(make_uow, actor, encounter_id, "general", "medicines", "needs_reinforcement")
    assert view.progress.needs_reinforcement == 1 and view.progress.done == 0
    view = teach(
        make_uow, actor, encounter_id, "general", "medicines", "understood", notes="used pill box"
    )
    item = view.module("general").items[0]
    assert [r.result for r in item.history] == ["understood", "needs_reinforcement"]
    assert item.done and item.latest is not None and item.latest.notes == "used pill box"
    assert view.progress.needs_reinforcement == 0 and view.progress.done == 1


def test_interpreter_is_required_for_a_spanish_speaking_patient(
    make_uow: UowFactory, actor: Actor
) -> None:
    encounter_id, _ = seed(make_uow, language="es")
    with pytest.raises(ValidationError) as missing:
        teach(make_uow, actor, encounter_id, "general", "medicines")
    assert missing.value.field == "interpreter_used"
    with pytest.raises(ValidationError) as no_id:
        teach(make_uow, actor, encounter_id, "general", "medicines", interpreter_used=True)
    assert no_id.value.field == "interpreter_id"
    view = teach(
        make_uow,
        actor,
        encounter_id,
        "general",
        "medicines",
        interpreter_used=True,
        interpreter_id=" INT-4471 ",
    )
    record = view.module("general").items[0].history[0]
    assert (record.language, record.interpreter_used, record.interpreter_id) == (
        "es",
        True,
        "INT-4471",
    )
    assert view.module("general").title == "Al regresar a casa: lo básico"


def test_teach_back_required_on_key_items_and_with_poor_health_literacy(
    make_uow: UowFactory, actor: Actor
) -> None:
    encounter_id, _ = seed(make_uow)
    with pytest.raises(ValidationError) as key_item:
        teach(make_uow, actor, encounter_id, "general", "medicines", "not_applicable")
    assert key_item.value.field == "result"
    view = teach(make_uow, actor, encounter_id, "general", "wound-care", "not_applicable")
    assert view.progress.done == 1
    with make_uow() as uow:
        view = education.save_boost(
            uow, actor, encounter_id, {"poor_health_literacy": True}, expected_version=None
        )
    assert view.teach_back_everywhere and view.progress.done == 0  # N/A no longer counts
    with pytest.raises(ValidationError):
        teach(make_uow, actor, encounter_id, "general", "activity", "not_applicable")


def test_removing_needs_a_reason_and_adding_back_works(make_uow: UowFactory, actor: Actor) -> None:
    encounter_id, _ = seed(make_uow)
    with make_uow() as uow, pytest.raises(ValidationError) as no_reason:
        education.remove_module(uow, actor, encounter_id, "heart-failure", "  ")
    assert no_reason.value.field == "reason"
    with make_uow() as uow, pytest.raises(ValidationError):
        education.remove_module(uow, actor, encounter_id, "general", "not needed")
    with make_uow() as uow:
        view = education.remove_module(
            uow, actor, encounter_id, "heart-failure", "taught at the previous stay last week"
        )
    assert [m.module_id for m in view.modules] == ["general"]
    assert view.removed[0].reason == "taught at the previous stay last week"
    assert view.progress.required == 6
    with make_uow() as uow:
        view = education.add_module(uow, actor, encounter_id, "heart-failure")
        view = education.add_module(uow, actor, encounter_id, "copd")
    assert [m.module_id for m in view.modules] == ["general", "heart-failure", "copd"]
    assert view.module("copd").origin == "added"
    with make_uow() as uow, pytest.raises(ValidationError):
        education.add_module(uow, actor, encounter_id, "copd")
    with make_uow() as uow, pytest.raises(ValidationError):
        education.add_module(uow, actor, encounter_id, "no-such-module")
    assert audit_actions(make_uow).count("remove_module") == 1
    assert audit_actions(make_uow).count("add_module") == 2


def test_teaching_a_module_not_in_the_plan_is_refused(make_uow: UowFactory, actor: Actor) -> None:
    encounter_id, _ = seed(make_uow)
    with pytest.raises(ValidationError) as exc:
        teach(make_uow, actor, encounter_id, "copd", "inhalers")
    assert exc.value.field == "module_id"
    with pytest.raises(ValidationError) as bad_learner:
        entry = TeachingEntry("general", "medicines", "neighbour", "verbal", "understood")
        with make_uow() as uow:
            education.record_teaching(uow, actor, encounter_id, entry)
    assert bad_learner.value.field == "learner"


def test_boost_screen_feeds_suggestions_and_detects_conflicts(
    make_uow: UowFactory, actor: Actor
) -> None:
    encounter_id, _ = seed(make_uow)
    with make_uow() as uow:
        view = education.save_boost(
            uow,
            actor,
            encounter_id,
            {"polypharmacy": True, "psychological": False},
            expected_version=None,
        )
    assert view.boost.positive == ("polypharmacy",)
    assert view.module("fall-prevention").reasons[0].code == "polypharmacy"
    assert view.plan_version == 1
    with make_uow() as uow, pytest.raises(ConflictError):
        education.save_boost(uow, actor, encounter_id, {}, expected_version=None)
    with make_uow() as uow:
        view = education.save_instructions(
            uow,
            actor,
            encounter_id,
            "Walk twice a day. Call us with any questions.",
            expected_version=1,
        )
    assert view.plan_version == 2 and view.instructions_level.grade is not None
    assert view.boost.answers["polypharmacy"] is True  # kept
    with make_uow() as uow, pytest.raises(ConflictError):
        education.save_instructions(uow, actor, encounter_id, "x", expected_version=1)
    actions = audit_actions(make_uow)
    assert actions.count("screen_boost") == 1 and actions.count("edit_instructions") == 1


def test_only_roles_with_education_teach_may_change(make_uow: UowFactory, actor: Actor) -> None:
    encounter_id, _ = seed(make_uow)
    with make_uow() as uow:
        account = User(
            username="ph", display_name="Pat Pharm", password_hash="x", roles="pharmacist"
        )
        uow.session.add(account)
        uow.session.flush()
        pharmacist = Actor(account.id, "ph", "Pat Pharm", roles=frozenset({"pharmacist"}))
        uow.commit()
    with pytest.raises(PermissionDeniedError):
        teach(make_uow, pharmacist, encounter_id, "general", "medicines")
    with make_uow() as uow, pytest.raises(PermissionDeniedError):
        education.remove_module(uow, pharmacist, encounter_id, "heart-failure", "why")
    with make_uow() as uow:
        assert education.get_education(uow, pharmacist, encounter_id).modules  # may view


def test_progress_for_several_stays(make_uow: UowFactory, actor: Actor) -> None:
    first, _ = seed(make_uow)
    second, _ = seed(make_uow, unit_code="5E")
    teach(make_uow, actor, first, "general", "medicines", "needs_reinforcement")
    teach(make_uow, actor, second, "general", "follow-up")
    with make_uow() as uow:
        progress = education.education_progress(uow, actor, [first, second, 123456])
    assert set(progress) == {first, second}
    assert (progress[first].done, progress[first].needs_reinforcement) == (0, 1)
    assert (progress[second].done, progress[second].required) == (1, 11)


def test_batched_progress_matches_the_full_view(make_uow: UowFactory, actor: Actor) -> None:
    first, _ = seed(make_uow)
    second, _ = seed(make_uow, unit_code="5E")
    add_med(make_uow, second, "oxycodone 5 mg", MedicationList.DISCHARGE)
    teach(make_uow, actor, first, "heart-failure", "daily-weight")
    teach(make_uow, actor, second, "general", "wound-care", "not_applicable")
    teach(make_uow, actor, second, "general", "medicines", "unable")
    with make_uow() as uow:
        education.remove_module(uow, actor, first, "heart-failure", "palliative, family declined")
    with make_uow() as uow:
        education.add_module(uow, actor, second, "copd")
    with make_uow() as uow:
        education.save_boost(
            uow, actor, second, {"poor_health_literacy": True}, expected_version=None
        )
    with make_uow() as uow:
        batched = education.education_progress(uow, actor, [first, second])
        full = {i: education.get_education(uow, actor, i).progress for i in (first, second)}
    assert batched == full
    assert (full[first].done, full[first].required) == (0, 6)
    assert full[second].required == 6 + 5 + 4 + 4  # general, heart failure, opioid, COPD
    assert (full[second].done, full[second].needs_reinforcement) == (0, 1)


def test_boost_positive_for_the_worklist(make_uow: UowFactory, actor: Actor) -> None:
    first, _ = seed(make_uow)
    second, _ = seed(make_uow, unit_code="5E")
    with make_uow() as uow:
        education.save_boost(
            uow,
            actor,
            first,
            {"polypharmacy": True, "palliative_care": True, "psychological": False},
            expected_version=None,
        )
    with make_uow() as uow:
        positive = education.boost_positive(uow, actor, [first, second])
    assert positive == {first: ("polypharmacy", "palliative_care")}
