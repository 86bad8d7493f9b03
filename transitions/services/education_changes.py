"""Changes to a stay's education: modules added or removed (with a reason), teaching recorded
with teach-back (append-only), the BOOST 8P screen and the nurse's free-text instructions. Every
change is audited under ``education.teach``. Split from :mod:`transitions.services.education`
(which re-exports these functions) to keep each module readable."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from transitions.db.education_models import EducationModuleDecision, EducationPlan, EducationRecord
from transitions.db.models import Encounter
from transitions.domain.education.catalog import load_catalog
from transitions.domain.education.enums import Learner, Method, ModuleDecision, TeachBackResult
from transitions.domain.education.reading import reading_level
from transitions.errors import ConflictError, ValidationError
from transitions.services.education import (
    BOOST_KEYS,
    MAX_INSTRUCTIONS,
    MAX_NOTES,
    MAX_REASON,
    TEACH,
    EducationView,
    TeachingEntry,
    _boost_answers,
    _build_view,
    _decisions,
    _load,
    _plan,
)
from transitions.services.permissions import require
from transitions.services.uow import Actor, UnitOfWork

# -- changes -------------------------------------------------------------------------------------


def _decide(
    uow: UnitOfWork,
    actor: Actor,
    encounter: Encounter,
    module_id: str,
    decision: ModuleDecision,
    reason: str | None,
) -> None:
    row = _decisions(uow, encounter.id).get(module_id)
    before = row.decision.value if row else None
    if row is None:
        row = EducationModuleDecision(encounter_id=encounter.id, module_id=module_id)
        uow.session.add(row)
    row.decision = decision
    row.reason = reason
    row.decided_by_id = actor.user_id
    row.decided_by_name = actor.display_name
    row.decided_at = uow.now()
    details: dict[str, Any] = {"module": module_id, "before": before, "after": decision.value}
    if reason:
        details["reason"] = reason
    uow.audit(
        actor,
        _action(decision),
        "education_module",
        f"{encounter.visit_number}/{module_id}",
        patient_id=encounter.patient_id,
        details=details,
    )


def _action(decision: ModuleDecision) -> str:
    return "add_module" if decision is ModuleDecision.ADDED else "remove_module"


def add_module(uow: UnitOfWork, actor: Actor, encounter_id: int, module_id: str) -> EducationView:
    require(actor, TEACH)
    encounter = _load(uow, encounter_id=encounter_id)
    load_catalog().get(module_id)
    view = _build_view(uow, encounter)
    if any(m.module_id == module_id for m in view.modules):
        raise ValidationError(f"module '{module_id}' is already in the plan", field="module_id")
    _decide(uow, actor, encounter, module_id, ModuleDecision.ADDED, None)
    uow.session.flush()
    result = _build_view(uow, encounter)
    uow.commit()
    return result


def remove_module(
    uow: UnitOfWork, actor: Actor, encounter_id: int, module_id: str, reason: str
) -> EducationView:
    require(actor, TEACH)
    encounter = _load(uow, encounter_id=encounter_id)
    module = load_catalog().get(module_id)
    if module.always:
        raise ValidationError("every patient gets this module; it cannot be removed", "module_id")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("say why the module is removed", field="reason")
    if len(reason) > MAX_REASON:
        raise ValidationError(f"keep the reason under {MAX_REASON} characters", field="reason")
    view = _build_view(uow, encounter)
    if not any(m.module_id == module_id for m in view.modules):
        raise ValidationError(f"module '{module_id}' is not in the plan", field="module_id")
    _decide(uow, actor, encounter, module_id, ModuleDecision.REMOVED, reason)
    uow.session.flush()
    result = _build_view(uow, encounter)
    uow.commit()
    return result


def _enum(cls: type[Any], value: str, field: str) -> Any:
    try:
        return cls(value)
    except ValueError:
        choices = ", ".join(member.value for member in cls)
        raise ValidationError(f"{field} must be one of {choices}", field=field) from None


def record_teaching(
    uow: UnitOfWork, actor: Actor, encounter_id: int, entry: TeachingEntry
) -> EducationView:
    """Record that an item was taught (again); earlier records stay as history."""
    require(actor, TEACH)
    encounter = _load(uow, encounter_id=encounter_id)
    view = _build_view(uow, encounter)
    try:
        module = view.module(entry.module_id)
    except KeyError:
        raise ValidationError(
            f"module '{entry.module_id}' is not in this patient's plan", field="module_id"
        ) from None
    item = next((i for i in module.items if i.item_id == entry.item_id), None)
    if item is None:
        raise ValidationError(f"no item '{entry.item_id}' in this module", field="item_id")
    learner = _enum(Learner, entry.learner, "learner")
    method = _enum(Method, entry.method, "method")
    result = _enum(TeachBackResult, entry.result, "result")
    if result is TeachBackResult.NOT_APPLICABLE and item.teach_back_required:
        why = "poor health literacy (BOOST)" if view.teach_back_everywhere else "a key item"
        raise ValidationError(f"teach-back is required here ({why})", field="result")
    interpreter_used = entry.interpreter_used
    interpreter_id = (entry.interpreter_id or "").strip() or None
    if view.interpreter_expected:
        if interpreter_used is None:
            raise ValidationError(
                "say whether an interpreter was used (the patient's language is "
                f"'{view.patient_language}')",
                field="interpreter_used",
            )
        if interpreter_used and not interpreter_id:
            raise ValidationError("enter the interpreter's ID", field="interpreter_id")
        if interpreter_id and len(interpreter_id) > 40:
            raise ValidationError("the interpreter ID is too long", field="interpreter_id")
    elif interpreter_used and not interpreter_id:
        raise ValidationError("enter the interpreter's ID", field="interpreter_id")
    if not interpreter_used:
        interpreter_id = None
    notes = (entry.notes or "").strip() or None
    if notes and len(notes) > MAX_NOTES:
        raise ValidationError(f"keep notes under {MAX_NOTES} characters", field="notes")
    record = EducationRecord(
        encounter_id=encounter.id,
        module_id=entry.module_id,
        item_id=entry.item_id,
        learner=learner,
        method=method,
        result=result,
        language=view.content_language,
        interpreter_used=interpreter_used,
        interpreter_id=interpreter_id,
        notes=notes,
        taught_by_id=actor.user_id,
        taught_by_name=actor.display_name,
        taught_at=uow.now(),
    )
    uow.session.add(record)
    uow.session.flush()
    previous = item.latest
    uow.audit(
        actor,
        "teach",
        "education_record",
        record.id,
        patient_id=encounter.patient_id,
        details={
            "module": entry.module_id,
            "item": entry.item_id,
            "before": previous.result if previous else None,
            "after": {
                "learner": learner.value,
                "method": method.value,
                "result": result.value,
                "interpreter_used": interpreter_used,
                "interpreter_id": interpreter_id,
                "notes": bool(notes),
            },
        },
    )
    new_view = _build_view(uow, encounter)
    uow.commit()
    return new_view


def _plan_for_edit(
    uow: UnitOfWork, encounter: Encounter, expected_version: int | None
) -> EducationPlan:
    plan = _plan(uow, encounter.id)
    current = plan.version_id if plan else None
    if current != expected_version:
        raise ConflictError(
            f"the education plan of stay {encounter.visit_number} was changed by someone else "
            "since you opened it; reload it and try again"
        )
    if plan is None:
        plan = EducationPlan(encounter_id=encounter.id)
        uow.session.add(plan)
    return plan


def save_boost(
    uow: UnitOfWork,
    actor: Actor,
    encounter_id: int,
    answers: Mapping[str, bool | None],
    *,
    expected_version: int | None,
) -> EducationView:
    """Record the BOOST 8P screen (True = positive, False = negative, None = not answered)."""
    require(actor, TEACH)
    unknown = set(answers) - set(BOOST_KEYS)
    if unknown:
        raise ValidationError(f"unknown BOOST item '{sorted(unknown)[0]}'", field="boost")
    encounter = _load(uow, encounter_id=encounter_id)
    plan = _plan_for_edit(uow, encounter, expected_version)
    before = _boost_answers(plan)
    after = {key: answers.get(key, before[key]) for key in BOOST_KEYS}
    for key, value in after.items():
        setattr(plan, f"boost_{key}", value)
    plan.boost_screened_at = uow.now()
    plan.boost_screened_by = actor.display_name
    uow.audit(
        actor,
        "screen_boost",
        "education_plan",
        encounter.visit_number,
        patient_id=encounter.patient_id,
        details={"before": before, "after": after},
    )
    uow.session.flush()
    view = _build_view(uow, encounter)
    uow.commit()
    return view


def save_instructions(
    uow: UnitOfWork,
    actor: Actor,
    encounter_id: int,
    text: str,
    *,
    expected_version: int | None,
) -> EducationView:
    """Save the nurse's free-text instructions for the packet (the view carries the reading
    level; above grade 8 the UI warns, but saving is allowed)."""
    require(actor, TEACH)
    text = text.strip()
    if len(text) > MAX_INSTRUCTIONS:
        raise ValidationError(
            f"keep instructions under {MAX_INSTRUCTIONS} characters", field="instructions"
        )
    encounter = _load(uow, encounter_id=encounter_id)
    plan = _plan_for_edit(uow, encounter, expected_version)
    before = plan.instructions
    plan.instructions = text or None
    plan.instructions_updated_at = uow.now()
    plan.instructions_updated_by = actor.display_name
    level = reading_level(text)
    uow.audit(
        actor,
        "edit_instructions",
        "education_plan",
        encounter.visit_number,
        patient_id=encounter.patient_id,
        details={
            "before_chars": len(before or ""),
            "after_chars": len(text),
            "grade": level.grade,
        },
    )
    uow.session.flush()
    view = _build_view(uow, encounter)
    uow.commit()
    return view
