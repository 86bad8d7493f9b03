"""Patient education for a stay: suggested and chosen modules, teaching with teach-back, the
BOOST 8P screen, free-text instructions for the packet, and progress.

Modules in effect = suggestions (diagnoses, home/discharge medicines, BOOST) + modules the nurse
added - modules the nurse removed (with a reason). Teaching records are append-only, so teaching
an item again keeps the earlier records as history. Every change writes an audit event
(permission ``education.teach``); reading the education record needs ``stay.view``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from transitions.db.education_models import (
    EducationModuleDecision,
    EducationPlan,
    EducationRecord,
)
from transitions.db.models import Diagnosis, Encounter, MedicationEntry, Patient
from transitions.domain.education.catalog import (
    LANGUAGES,
    Catalog,
    EducationModule,
    boost_items,
    load_catalog,
)
from transitions.domain.education.enums import (
    ModuleDecision,
    TeachBackResult,
)
from transitions.domain.education.progress import (
    Progress,
    compute_progress,
    item_done,
    teach_back_required,
)
from transitions.domain.education.reading import ReadingLevel, reading_level
from transitions.domain.education.suggest import (
    DiagnosisInput,
    Suggestion,
    SuggestionReason,
    suggest_modules,
)
from transitions.domain.enums import MedicationList
from transitions.domain.medrec.vocabulary import default_vocabulary
from transitions.errors import NotFoundError, ValidationError
from transitions.services.encounters import register_stay_section
from transitions.services.permissions import require
from transitions.services.uow import Actor, UnitOfWork

TEACH = "education.teach"
MAX_NOTES = 2000
MAX_REASON = 500
MAX_INSTRUCTIONS = 8000
BOOST_KEYS: tuple[str, ...] = tuple(boost_items())
SUGGESTING_MED_LISTS = (MedicationList.HOME, MedicationList.DISCHARGE)
PROGRESS_CHUNK = 500


# -- plain views ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class TeachingRecordView:
    id: int
    module_id: str
    item_id: str
    learner: str
    method: str
    result: str
    language: str
    interpreter_used: bool | None
    interpreter_id: str | None
    notes: str | None
    taught_by: str
    taught_at: datetime


@dataclass(frozen=True)
class ItemState:
    module_id: str
    item_id: str
    #: in the content language (what the patient reads)
    title: str
    #: in English (what the nurse navigates by)
    title_en: str
    text: str
    teach_back: str
    call_doctor: tuple[str, ...]
    call_911: tuple[str, ...]
    key: bool
    teach_back_required: bool
    done: bool
    #: newest first
    history: tuple[TeachingRecordView, ...]

    @property
    def latest(self) -> TeachingRecordView | None:
        return self.history[0] if self.history else None


@dataclass(frozen=True)
class ModuleState:
    module_id: str
    title: str
    title_en: str
    #: "suggested" (from the stay's data) or "added" (by a nurse)
    origin: str
    reasons: tuple[SuggestionReason, ...]
    items: tuple[ItemState, ...]
    progress: Progress


@dataclass(frozen=True)
class RemovedModule:
    module_id: str
    title: str
    reason: str
    removed_by: str
    removed_at: datetime


@dataclass(frozen=True)
class BoostView:
    #: BOOST item key -> True (positive), False (negative), None (not answered)
    answers: Mapping[str, bool | None]
    screened_at: datetime | None
    screened_by: str | None

    @property
    def positive(self) -> tuple[str, ...]:
        return tuple(key for key in BOOST_KEYS if self.answers.get(key))


@dataclass(frozen=True)
class EducationView:
    encounter_id: int
    visit_number: str
    patient_id: int
    patient_language: str
    #: the language the content is shown and taught in ('en' when the patient's is not shipped)
    content_language: str
    #: record whether an interpreter was used (the patient's language is not English)
    interpreter_expected: bool
    plan_version: int | None
    boost: BoostView
    instructions: str
    instructions_level: ReadingLevel
    modules: tuple[ModuleState, ...]
    removed: tuple[RemovedModule, ...]
    #: modules the nurse may still add: (id, title)
    available: tuple[tuple[str, str], ...]
    teach_back_everywhere: bool
    progress: Progress

    def module(self, module_id: str) -> ModuleState:
        for module in self.modules:
            if module.module_id == module_id:
                return module
        raise KeyError(module_id)


@dataclass(frozen=True)
class TeachingEntry:
    module_id: str
    item_id: str
    learner: str
    method: str
    result: str
    interpreter_used: bool | None = None
    interpreter_id: str | None = None
    notes: str | None = None


# -- loading -------------------------------------------------------------------------------------


def _load(
    uow: UnitOfWork, *, encounter_id: int | None = None, visit_number: str | None = None
) -> Encounter:
    options = _stay_options()
    encounter: Encounter | None
    if encounter_id is not None:
        encounter = uow.session.get(Encounter, encounter_id, options=options)
    else:
        encounter = uow.session.scalar(
            select(Encounter).options(*options).where(Encounter.visit_number == visit_number)
        )
    if encounter is None:
        what = f"visit number '{visit_number}'" if visit_number else f"id {encounter_id}"
        raise NotFoundError(f"no stay with {what}")
    return encounter


def _stay_options() -> tuple[Any, ...]:
    return (
        selectinload(Encounter.patient),
        selectinload(Encounter.diagnoses),
        selectinload(Encounter.medications),
    )


def _plan(uow: UnitOfWork, encounter_id: int) -> EducationPlan | None:
    return uow.session.scalar(
        select(EducationPlan).where(EducationPlan.encounter_id == encounter_id)
    )


def _boost_answers(plan: EducationPlan | None) -> dict[str, bool | None]:
    return {key: getattr(plan, f"boost_{key}") if plan else None for key in BOOST_KEYS}


def _suggestions(
    catalog: Catalog, encounter: Encounter, boost_positive: Iterable[str]
) -> list[Suggestion]:
    diagnoses = [DiagnosisInput(d.code, d.description) for d in encounter.diagnoses]
    drugs = [m.drug_name for m in encounter.medications if m.list_kind in SUGGESTING_MED_LISTS]
    return suggest_modules(catalog, diagnoses, drugs, default_vocabulary(), boost_positive)


def _grouped(rows: Iterable[Any]) -> dict[int, list[Any]]:
    groups: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        groups[row[0]].append(row)
    return groups


def _decisions(uow: UnitOfWork, encounter_id: int) -> dict[str, EducationModuleDecision]:
    rows = uow.session.scalars(
        select(EducationModuleDecision).where(EducationModuleDecision.encounter_id == encounter_id)
    )
    return {row.module_id: row for row in rows}


def _records(uow: UnitOfWork, encounter_id: int) -> list[EducationRecord]:
    return list(
        uow.session.scalars(
            select(EducationRecord)
            .where(EducationRecord.encounter_id == encounter_id)
            .order_by(EducationRecord.taught_at.desc(), EducationRecord.id.desc())
        )
    )


def _record_view(r: EducationRecord) -> TeachingRecordView:
    return TeachingRecordView(
        id=r.id,
        module_id=r.module_id,
        item_id=r.item_id,
        learner=r.learner.value,
        method=r.method.value,
        result=r.result.value,
        language=r.language,
        interpreter_used=r.interpreter_used,
        interpreter_id=r.interpreter_id,
        notes=r.notes,
        taught_by=r.taught_by_name,
        taught_at=r.taught_at,
    )


def _content_language(patient: Patient) -> str:
    return patient.preferred_language if patient.preferred_language in LANGUAGES else "en"


def _interpreter_expected(patient: Patient) -> bool:
    return patient.preferred_language != "en" or patient.interpreter_needed


def _build_view(uow: UnitOfWork, encounter: Encounter) -> EducationView:
    # built once for the steps loaded together (UnitOfWork.reuse)
    return uow.reuse(("education_view", encounter.id), lambda: _built_view(uow, encounter))


def _built_view(uow: UnitOfWork, encounter: Encounter) -> EducationView:
    catalog = load_catalog()
    plan = _plan(uow, encounter.id)
    answers = _boost_answers(plan)
    boost = BoostView(
        answers, plan.boost_screened_at if plan else None, plan.boost_screened_by if plan else None
    )
    poor_literacy = bool(answers.get("poor_health_literacy"))
    suggestions = {s.module_id: s for s in _suggestions(catalog, encounter, boost.positive)}
    decisions = _decisions(uow, encounter.id)
    history: dict[tuple[str, str], list[TeachingRecordView]] = defaultdict(list)
    for record in _records(uow, encounter.id):
        history[(record.module_id, record.item_id)].append(_record_view(record))
    language = _content_language(encounter.patient)

    modules: list[ModuleState] = []
    removed: list[RemovedModule] = []
    available: list[tuple[str, str]] = []
    for module in catalog.modules:
        decision = decisions.get(module.id)
        suggestion = suggestions.get(module.id)
        if decision is not None and decision.decision is ModuleDecision.REMOVED:
            removed.append(
                RemovedModule(
                    module.id,
                    module.title.en,
                    decision.reason or "",
                    decision.decided_by_name,
                    decision.decided_at,
                )
            )
            available.append((module.id, module.title.en))
            continue
        if suggestion is None and decision is None:
            available.append((module.id, module.title.en))
            continue
        origin = "suggested" if suggestion is not None else "added"
        modules.append(_module_state(module, origin, suggestion, history, language, poor_literacy))
    total = Progress(
        sum(m.progress.done for m in modules),
        sum(m.progress.required for m in modules),
        sum(m.progress.needs_reinforcement for m in modules),
    )
    instructions = (plan.instructions if plan else None) or ""
    return EducationView(
        encounter_id=encounter.id,
        visit_number=encounter.visit_number,
        patient_id=encounter.patient_id,
        patient_language=encounter.patient.preferred_language,
        content_language=language,
        interpreter_expected=_interpreter_expected(encounter.patient),
        plan_version=plan.version_id if plan else None,
        boost=boost,
        instructions=instructions,
        instructions_level=reading_level(instructions),
        modules=tuple(modules),
        removed=tuple(removed),
        available=tuple(available),
        teach_back_everywhere=poor_literacy,
        progress=total,
    )


def _module_state(
    module: EducationModule,
    origin: str,
    suggestion: Suggestion | None,
    history: Mapping[tuple[str, str], list[TeachingRecordView]],
    language: str,
    poor_literacy: bool,
) -> ModuleState:
    items = []
    for item in module.items:
        records = tuple(history.get((module.id, item.id), ()))
        required = teach_back_required(item.key, poor_literacy)
        latest = TeachBackResult(records[0].result) if records else None
        items.append(
            ItemState(
                module_id=module.id,
                item_id=item.id,
                title=item.title.get(language),
                title_en=item.title.en,
                text=item.text.get(language),
                teach_back=item.teach_back.get(language),
                call_doctor=item.call_doctor.get(language),
                call_911=item.call_911.get(language),
                key=item.key,
                teach_back_required=required,
                done=item_done(latest, required),
                history=records,
            )
        )
    latest_results = {i.item_id: TeachBackResult(i.history[0].result) for i in items if i.history}
    progress = compute_progress(
        ((i.id, i.key) for i in module.items), latest_results, poor_literacy
    )
    return ModuleState(
        module_id=module.id,
        title=module.title.get(language),
        title_en=module.title.en,
        origin=origin,
        reasons=suggestion.reasons if suggestion else (),
        items=tuple(items),
        progress=progress,
    )


# -- reading -------------------------------------------------------------------------------------


def suggest_for_stay(uow: UnitOfWork, actor: Actor, visit_number: str) -> list[Suggestion]:
    """Suggested modules for a stay with the reasons (diagnosis, med, BOOST, always)."""
    require(actor, "stay.view")
    encounter = _load(uow, visit_number=visit_number)
    plan = _plan(uow, encounter.id)
    positive = [k for k, v in _boost_answers(plan).items() if v]
    suggestions = _suggestions(load_catalog(), encounter, positive)
    uow.audit(actor, "view", "education", visit_number, patient_id=encounter.patient_id)
    uow.commit()
    return suggestions


def plan_view(uow: UnitOfWork, encounter: Encounter) -> EducationView:
    """The stay's education plan and records, for other services (no permission check and no
    audit: the caller checks and audits, e.g. the packet)."""
    return _build_view(uow, encounter)


def get_education(uow: UnitOfWork, actor: Actor, encounter_id: int) -> EducationView:
    require(actor, "stay.view")
    encounter = _load(uow, encounter_id=encounter_id)
    view = _build_view(uow, encounter)
    uow.audit(actor, "view", "education", encounter.visit_number, patient_id=encounter.patient_id)
    uow.commit()
    return view


def education_progress(
    uow: UnitOfWork, actor: Actor, encounter_ids: Sequence[int]
) -> dict[int, Progress]:
    """Items done / required and items needing reinforcement, per stay (for the worklist's
    readiness column and the workspace header). A few queries per 500 stays, whatever their
    number; reads only, no audit event (counts, no patient text). Unknown ids are left out."""
    require(actor, "stay.view")
    catalog = load_catalog()
    result: dict[int, Progress] = {}
    ids = list(dict.fromkeys(encounter_ids))
    if len(ids) == 1:
        # one stay (the workspace's header): the rows the education step reads as well, so
        # that, loaded together, the step finds them in the unit of work (see one_commit)
        progress = _stay_progress(uow, catalog, ids[0])
        return {} if progress is None else {ids[0]: progress}
    for chunk_start in range(0, len(ids), PROGRESS_CHUNK):
        chunk = ids[chunk_start : chunk_start + PROGRESS_CHUNK]
        present = set(uow.session.scalars(select(Encounter.id).where(Encounter.id.in_(chunk))))
        diagnoses = _grouped(
            uow.session.execute(
                select(Diagnosis.encounter_id, Diagnosis.code).where(
                    Diagnosis.encounter_id.in_(chunk)
                )
            )
        )
        drugs = _grouped(
            uow.session.execute(
                select(MedicationEntry.encounter_id, MedicationEntry.drug_name).where(
                    MedicationEntry.encounter_id.in_(chunk),
                    MedicationEntry.list_kind.in_(SUGGESTING_MED_LISTS),
                )
            )
        )
        plans = {
            p.encounter_id: p
            for p in uow.session.scalars(
                select(EducationPlan).where(EducationPlan.encounter_id.in_(chunk))
            )
        }
        decisions: dict[int, dict[str, ModuleDecision]] = defaultdict(dict)
        for choice in uow.session.execute(
            select(
                EducationModuleDecision.encounter_id,
                EducationModuleDecision.module_id,
                EducationModuleDecision.decision,
            ).where(EducationModuleDecision.encounter_id.in_(chunk))
        ):
            decisions[choice.encounter_id][choice.module_id] = choice.decision
        latest: dict[int, dict[str, TeachBackResult]] = defaultdict(dict)
        for row in uow.session.execute(
            select(
                EducationRecord.encounter_id,
                EducationRecord.module_id,
                EducationRecord.item_id,
                EducationRecord.result,
            )
            .where(EducationRecord.encounter_id.in_(chunk))
            .order_by(EducationRecord.taught_at, EducationRecord.id)
        ):
            latest[row.encounter_id][f"{row.module_id}/{row.item_id}"] = row.result
        vocabulary = default_vocabulary()
        for encounter_id in chunk:
            if encounter_id not in present:
                continue
            answers = _boost_answers(plans.get(encounter_id))
            positive = [k for k, v in answers.items() if v]
            suggestions = suggest_modules(
                catalog,
                [DiagnosisInput(code) for _, code in diagnoses.get(encounter_id, [])],
                [name for _, name in drugs.get(encounter_id, [])],
                vocabulary,
                positive,
            )
            result[encounter_id] = _progress_of(
                catalog,
                answers,
                {s.module_id for s in suggestions},
                decisions.get(encounter_id, {}),
                latest.get(encounter_id, {}),
            )
    return result


def _progress_of(
    catalog: Catalog,
    answers: Mapping[str, bool | None],
    suggested: set[str],
    chosen: Mapping[str, ModuleDecision],
    latest: Mapping[str, TeachBackResult],
) -> Progress:
    items = [
        (f"{m.id}/{i.id}", i.key)
        for m in catalog.modules
        if _in_effect(m.id, suggested, chosen.get(m.id))
        for i in m.items
    ]
    return compute_progress(items, latest, bool(answers.get("poor_health_literacy")))


def _stay_progress(uow: UnitOfWork, catalog: Catalog, encounter_id: int) -> Progress | None:
    """:func:`education_progress` of one stay, from the rows :func:`get_education` reads."""
    encounter = uow.session.get(Encounter, encounter_id, options=_stay_options())
    if encounter is None:
        return None
    answers = _boost_answers(_plan(uow, encounter_id))
    positive = [k for k, v in answers.items() if v]
    latest: dict[str, TeachBackResult] = {}
    for record in reversed(_records(uow, encounter_id)):  # oldest first: the latest wins
        latest[f"{record.module_id}/{record.item_id}"] = record.result
    return _progress_of(
        catalog,
        answers,
        {s.module_id for s in _suggestions(catalog, encounter, positive)},
        {module: row.decision for module, row in _decisions(uow, encounter_id).items()},
        latest,
    )


def boost_positive(
    uow: UnitOfWork, actor: Actor, encounter_ids: Sequence[int]
) -> dict[int, tuple[str, ...]]:
    """The positive BOOST 8P items per stay (screened stays only), for the worklist."""
    require(actor, "stay.view")
    result: dict[int, tuple[str, ...]] = {}
    ids = list(dict.fromkeys(encounter_ids))
    for chunk_start in range(0, len(ids), PROGRESS_CHUNK):
        chunk = ids[chunk_start : chunk_start + PROGRESS_CHUNK]
        if len(chunk) == 1:  # one stay: the same statement as the education step's
            plan = _plan(uow, chunk[0])
            plans = [] if plan is None else [plan]
        else:
            plans = list(
                uow.session.scalars(
                    select(EducationPlan).where(EducationPlan.encounter_id.in_(chunk))
                )
            )
        for plan in plans:
            answers = _boost_answers(plan)
            result[plan.encounter_id] = tuple(k for k in BOOST_KEYS if answers[k])
    return result


def _in_effect(module_id: str, suggested: set[str], decision: ModuleDecision | None) -> bool:
    if decision is ModuleDecision.REMOVED:
        return False
    return decision is ModuleDecision.ADDED or module_id in suggested


def catalog_document(language: str) -> list[dict[str, Any]]:
    """Every module with its items in ``language`` (JSON-ready)."""
    if language not in LANGUAGES:
        raise ValidationError(
            f"language must be one of {', '.join(LANGUAGES)}, not '{language}'", field="language"
        )
    modules = []
    for module in load_catalog().modules:
        modules.append(
            {
                "id": module.id,
                "title": module.title.get(language),
                "always": module.always,
                "suggest": {
                    "icd10": [str(r) for r in module.icd10],
                    "drug_classes": sorted(module.drug_classes),
                    "boost": sorted(module.boost),
                },
                "sources": dict(module.sources),
                "items": [
                    {
                        "id": item.id,
                        "title": item.title.get(language),
                        "text": item.text.get(language),
                        "teach_back": item.teach_back.get(language),
                        "call_doctor_if": list(item.call_doctor.get(language)),
                        "call_911_if": list(item.call_911.get(language)),
                        "key": item.key,
                        "sources": list(item.sources),
                    }
                    for item in module.items
                ],
            }
        )
    return modules


# -- `encounter show` ----------------------------------------------------------------------------


def _section(uow: UnitOfWork, encounter: Encounter) -> dict[str, Any]:
    view = _build_view(uow, encounter)
    return {
        "content_language": view.content_language,
        "progress": {
            "done": view.progress.done,
            "required": view.progress.required,
            "needs_reinforcement": view.progress.needs_reinforcement,
        },
        "teach_back_required_on_every_item": view.teach_back_everywhere,
        "boost": {
            "answers": dict(view.boost.answers),
            "positive": list(view.boost.positive),
            "screened_at": view.boost.screened_at,
            "screened_by": view.boost.screened_by,
        },
        "instructions": view.instructions or None,
        "instructions_grade": view.instructions_level.grade,
        "modules": [
            {
                "id": m.module_id,
                "origin": m.origin,
                "reasons": [
                    {"kind": r.kind.value, "code": r.code, "matched": r.matched} for r in m.reasons
                ],
                "progress": {
                    "done": m.progress.done,
                    "required": m.progress.required,
                    "needs_reinforcement": m.progress.needs_reinforcement,
                },
                "items": [
                    {
                        "id": i.item_id,
                        "done": i.done,
                        "teach_back_required": i.teach_back_required,
                        "records": list(i.history),
                    }
                    for i in m.items
                ],
            }
            for m in view.modules
        ],
        "removed": list(view.removed),
    }


register_stay_section("education", _section)


# The changes live in their own module; importing them here keeps ``education.add_module`` etc.
# working for every caller (and must come last: that module imports the helpers above).
from transitions.services.education_changes import (  # noqa: E402
    add_module,
    record_teaching,
    remove_module,
    save_boost,
    save_instructions,
)

__all__ = [
    "EducationView",
    "TeachingEntry",
    "add_module",
    "boost_positive",
    "education_progress",
    "get_education",
    "plan_view",
    "record_teaching",
    "remove_module",
    "save_boost",
    "save_instructions",
    "suggest_for_stay",
]
