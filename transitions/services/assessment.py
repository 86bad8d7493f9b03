"""The discharge assessment of a stay (issue 7): functional status, home and support, the AHC
health-related social needs screen, other barriers — and the needs they produce.

Answers are append-only (``assessment_answer``): saving a changed answer adds a row with its
value or "declined to answer", its source (patient, caregiver/proxy, chart), who and when, so
the history of every answer is kept. The ``assessment`` row per stay carries the version that
guards concurrent saves. Two questions are derived from the patient record until someone
answers them (limited English from the language/interpreter flag; primary care provider from
the record's PCP).

**Needs follow the answers** (rules in ``resources/assessment/needs.toml``), one need per domain
per stay, synchronised every time answers are saved:

- a domain that screens positive opens a need (``open``) when it has none; an open need is
  kept (its ``source_question`` follows the answers), a ``declined`` one (the patient declined
  help) too; when the newest need is ``resolved``, a new open need is added only if the
  screen *turned* positive with this save (a need the case manager resolved is not reopened by
  saving unrelated answers) — the resolved one stays as history;
- a domain no longer positive resolves its open need **only if nothing references it** (no
  row of any table with a foreign key to ``need.id`` — referrals, goals — points at it);
  otherwise the need stays open for the case manager to close (``set_need_status``).

Reading needs ``stay.view``; saving ``assessment.edit`` (nurses, case managers); both within the
user's units. Every save writes audit events (answers and each need change).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Column, select
from sqlalchemy.orm import selectinload

from transitions.db.assessment_models import Assessment, AssessmentAnswer, Need
from transitions.db.models import Base, Encounter, Patient, User
from transitions.domain.assessment import (
    AnswerInput,
    NeedStatus,
    PatientFacts,
    ScaleTotal,
    Screen,
    derived_value,
    missing_questions,
    scale_totals,
    screen_needs,
    selected,
)
from transitions.domain.assessment_form import AssessmentForm, load_form
from transitions.errors import NotFoundError
from transitions.services.encounters import register_stay_section
from transitions.services.permissions import require, require_stay
from transitions.services.readiness_messages import Message, MessageKey, say, texts
from transitions.services.uow import Actor, UnitOfWork

EDIT = "assessment.edit"
VIEW = "stay.view"

READY_DONE = "done"
READY_IN_PROGRESS = "in_progress"
READY_MISSING = "missing"
READY_WARNING = "warning"


# -- plain views ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerRecord:
    """One saved answer (a row of the history)."""

    value: str | None
    declined: bool
    source: str
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True)
class AnswerView:
    question_key: str
    #: choice key, keys joined by "," (multiple choice) or text; None when declined
    value: str | None
    declined: bool
    #: "patient", "caregiver" (or proxy), "chart"
    source: str
    #: None for an answer derived from the record (nobody has answered)
    recorded_by: str | None
    recorded_at: datetime | None
    #: taken from the patient record (limited English, primary care provider)
    derived: bool
    #: saved answers, newest first (empty for a derived answer)
    history: tuple[AnswerRecord, ...]


@dataclass(frozen=True)
class NeedView:
    id: int
    domain: str
    description: str
    source_question: str
    status: str
    identified_at: datetime
    identified_by: str | None
    version: int
    #: a referral, goal or other record points at this need (it is not resolved by a screen)
    referenced: bool


@dataclass(frozen=True)
class CaregiverView:
    name: str | None
    relation: str | None
    phone: str | None
    #: "yes", "no", "no_caregiver" or None (not asked)
    able_and_willing: str | None


@dataclass(frozen=True)
class AssessmentView:
    encounter_id: int
    visit_number: str
    patient_id: int
    #: the assessment's version for ``record_answers(expected_version=...)`` (None: none yet)
    version: int | None
    updated_at: datetime | None
    updated_by: str | None
    #: question key -> current answer (answered, declined or derived questions only)
    answers: Mapping[str, AnswerView]
    totals: tuple[ScaleTotal, ...]
    screens: tuple[Screen, ...]
    needs: tuple[NeedView, ...]
    #: required questions not answered yet (keys, form order)
    missing: tuple[str, ...]
    #: (state, problems as keyed messages)
    readiness: tuple[str, tuple[Message, ...]]
    caregiver: CaregiverView
    #: the caregiver in the patient record (to offer when the assessment has none)
    record_caregiver: CaregiverView

    def answer(self, key: str) -> AnswerView | None:
        return self.answers.get(key)

    def total(self, scale: str, timepoint: str) -> ScaleTotal:
        return next(t for t in self.totals if t.scale == scale and t.timepoint == timepoint)

    def open_needs(self) -> tuple[NeedView, ...]:
        return tuple(n for n in self.needs if n.status == NeedStatus.OPEN.value)


# -- loading --------------------------------------------------------------------------------------


def assessment_form() -> AssessmentForm:
    """Sections, questions and answers (English and Spanish) from the data files."""
    return load_form()


def load_stay(uow: UnitOfWork, encounter_id: int) -> Encounter:
    encounter = uow.session.get(Encounter, encounter_id, options=[selectinload(Encounter.patient)])
    if encounter is None:
        raise NotFoundError(f"no stay with id {encounter_id}")
    return encounter


def header(uow: UnitOfWork, encounter_id: int) -> Assessment | None:
    return uow.session.scalar(select(Assessment).where(Assessment.encounter_id == encounter_id))


def answer_rows(uow: UnitOfWork, encounter_id: int) -> list[AssessmentAnswer]:
    """Every saved answer of the stay, oldest first."""
    return list(
        uow.session.scalars(
            select(AssessmentAnswer)
            .where(AssessmentAnswer.encounter_id == encounter_id)
            .order_by(AssessmentAnswer.recorded_at, AssessmentAnswer.id)
        )
    )


def need_rows(uow: UnitOfWork, encounter_id: int) -> list[Need]:
    return list(
        uow.session.scalars(select(Need).where(Need.encounter_id == encounter_id).order_by(Need.id))
    )


def facts_of(patient: Patient) -> PatientFacts:
    return PatientFacts(
        preferred_language=patient.preferred_language or "en",
        interpreter_needed=bool(patient.interpreter_needed),
        has_pcp=patient.pcp_id is not None,
    )


def current_answers(
    form: AssessmentForm, rows: Iterable[AssessmentAnswer], facts: PatientFacts
) -> dict[str, AnswerView]:
    """The newest saved answer per question (a cleared answer removes it), then the record's
    answer for derived questions nobody has answered."""
    history: dict[str, list[AnswerRecord]] = {}
    for row in rows:
        history.setdefault(row.question_key, []).insert(
            0,
            AnswerRecord(
                row.value, row.declined, row.source.value, row.recorded_by_name, row.recorded_at
            ),
        )
    answers: dict[str, AnswerView] = {}
    for key, records in history.items():
        latest = records[0]
        if latest.value is None and not latest.declined:
            continue  # cleared
        answers[key] = AnswerView(
            key,
            latest.value,
            latest.declined,
            latest.source,
            latest.recorded_by,
            latest.recorded_at,
            False,
            tuple(records),
        )
    for question in form.questions():
        if question.derived_from and question.key not in answers:
            value = derived_value(question, facts)
            answers[question.key] = AnswerView(
                question.key, value, False, "chart", None, None, True, ()
            )
    return answers


def rule_inputs(answers: Mapping[str, AnswerView]) -> dict[str, AnswerInput]:
    return {key: AnswerInput(a.value, a.declined) for key, a in answers.items()}


def need_reference_columns() -> list[Column[Any]]:
    """Columns of every table with a foreign key to ``need.id`` (referrals, goals, ...)."""
    columns: list[Column[Any]] = []
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table.name == "need" and fk.column.name == "id":
                columns.append(fk.parent)
    return columns


def referenced_need_ids(uow: UnitOfWork, need_ids: Sequence[int]) -> set[int]:
    """The needs some other record points at."""
    found: set[int] = set()
    if not need_ids:
        return found
    for column in need_reference_columns():
        found.update(
            uow.session.scalars(select(column).where(column.in_(list(need_ids))).distinct())
        )
    return found


def _user_names(uow: UnitOfWork, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = uow.session.execute(select(User.id, User.display_name).where(User.id.in_(wanted)))
    return {row.id: row.display_name for row in rows}


def need_views(uow: UnitOfWork, needs: Sequence[Need]) -> tuple[NeedView, ...]:
    """Open needs first, then declined, then resolved; oldest first within each."""
    names = _user_names(uow, (n.identified_by_id for n in needs))
    referenced = referenced_need_ids(uow, [n.id for n in needs])
    order = {NeedStatus.OPEN: 0, NeedStatus.DECLINED: 1, NeedStatus.RESOLVED: 2}
    return tuple(
        NeedView(
            id=n.id,
            domain=n.domain.value,
            description=n.description,
            source_question=n.source_question,
            status=n.status.value,
            identified_at=n.identified_at,
            identified_by=names.get(n.identified_by_id) if n.identified_by_id else None,
            version=n.version_id,
            referenced=n.id in referenced,
        )
        for n in sorted(needs, key=lambda n: (order[n.status], n.id))
    )


def _text(answers: Mapping[str, AnswerView], key: str) -> str | None:
    answer = answers.get(key)
    return answer.value if answer is not None and not answer.declined else None


def _readiness(
    form: AssessmentForm,
    answers: Mapping[str, AnswerView],
    saved_any: bool,
    needs: Sequence[NeedView],
) -> tuple[str, tuple[Message, ...]]:
    if not saved_any:
        return READY_MISSING, (say(MessageKey.ASSESSMENT_NONE),)
    missing = missing_questions(form, rule_inputs(answers))
    if missing:
        titles = {s.key: s.title for s in form.sections}
        counts: dict[str, int] = {}
        for question in missing:
            counts[question.section] = counts.get(question.section, 0) + 1
        return READY_IN_PROGRESS, tuple(
            say(
                MessageKey.ASSESSMENT_UNANSWERED,
                section=titles[section].en,
                section_es=titles[section].es,
                n=n,
            )
            for section, n in counts.items()
        )
    unplanned = [n for n in needs if n.status == NeedStatus.OPEN.value and not n.referenced]
    if unplanned:
        return READY_WARNING, tuple(
            say(
                MessageKey.ASSESSMENT_NEED_UNPLANNED,
                description=n.description,
                description_es=form.description_es(n.domain, n.description),
            )
            for n in unplanned
        )
    return READY_DONE, ()


def build_view(uow: UnitOfWork, encounter: Encounter) -> AssessmentView:
    """The stay's assessment (no permission check, no audit: callers do both); remembered for
    the steps loaded together (the readiness reads its state)."""
    return uow.reuse(("assessment_view", encounter.id), lambda: _built_view(uow, encounter))


def _built_view(uow: UnitOfWork, encounter: Encounter) -> AssessmentView:
    form = load_form()
    head = header(uow, encounter.id)
    rows = answer_rows(uow, encounter.id)
    answers = current_answers(form, rows, facts_of(encounter.patient))
    inputs = rule_inputs(answers)
    needs = need_views(uow, need_rows(uow, encounter.id))
    patient = encounter.patient
    return AssessmentView(
        encounter_id=encounter.id,
        visit_number=encounter.visit_number,
        patient_id=encounter.patient_id,
        version=head.version_id if head else None,
        updated_at=head.updated_at if head else None,
        updated_by=head.updated_by_name if head else None,
        answers=answers,
        totals=tuple(scale_totals(form, inputs)),
        screens=tuple(screen_needs(form, inputs)),
        needs=needs,
        missing=tuple(q.key for q in missing_questions(form, inputs)),
        readiness=_readiness(form, answers, bool(rows), needs),
        caregiver=CaregiverView(
            _text(answers, "caregiver_name"),
            _text(answers, "caregiver_relation"),
            _text(answers, "caregiver_phone"),
            _text(answers, "caregiver_able_willing"),
        ),
        record_caregiver=CaregiverView(
            patient.caregiver_name, patient.caregiver_relation, patient.caregiver_phone, None
        ),
    )


# -- reading --------------------------------------------------------------------------------------


def get_assessment(uow: UnitOfWork, actor: Actor, encounter_id: int) -> AssessmentView:
    require(actor, VIEW)
    encounter = load_stay(uow, encounter_id)
    require_stay(actor, VIEW, encounter.unit_id)
    view = build_view(uow, encounter)
    uow.audit(actor, "view", "assessment", encounter.visit_number, patient_id=encounter.patient_id)
    uow.commit()
    return view


def list_needs(uow: UnitOfWork, actor: Actor, encounter_id: int) -> list[NeedView]:
    """The stay's needs: open first, then declined, then resolved (reads only, no audit: the
    caller's screen audits its own view)."""
    require(actor, VIEW)
    encounter = load_stay(uow, encounter_id)
    require_stay(actor, VIEW, encounter.unit_id)
    return list(need_views(uow, need_rows(uow, encounter.id)))


def assessment_readiness(uow: UnitOfWork, encounter: Encounter) -> tuple[str, list[Message]]:
    """For the guided discharge: ("done" | "in_progress" | "missing" | "warning", problems).

    missing: nothing saved; in_progress: required questions unanswered (per section);
    warning: complete, but open needs that nothing (no referral, no goal) refers to yet;
    done: complete and every open need has something planned. Problems are keyed messages
    (:mod:`transitions.services.readiness_messages`) with their English ``text``.
    """
    view = uow.remembered(("assessment_view", encounter.id))
    if isinstance(view, AssessmentView):  # the assessment step's, loaded together
        state, problems = view.readiness
        return state, list(problems)
    form = load_form()
    rows = answer_rows(uow, encounter.id)
    answers = current_answers(form, rows, facts_of(encounter.patient))
    needs = need_views(uow, need_rows(uow, encounter.id))
    state, problems = _readiness(form, answers, bool(rows), needs)
    return state, list(problems)


# -- `encounter show` -----------------------------------------------------------------------------


def _answer_json(form: AssessmentForm, answer: AnswerView) -> dict[str, Any]:
    question = form.by_key.get(answer.question_key)
    value: Any = answer.value
    if question is not None and question.kind == "multi":
        value = list(selected(question, AnswerInput(answer.value, answer.declined)))
    return {
        "value": value,
        "declined": answer.declined,
        "source": answer.source,
        "recorded_by": answer.recorded_by,
        "recorded_at": answer.recorded_at,
        "derived": answer.derived,
    }


def _section(uow: UnitOfWork, encounter: Encounter) -> dict[str, Any]:
    form = load_form()
    view = build_view(uow, encounter)
    scores: dict[str, dict[str, Any]] = {}
    for total in view.totals:
        scores.setdefault(total.scale, {})[total.timepoint] = {
            "total": total.total,
            "answered": total.answered,
            "items": total.items,
            "maximum": total.maximum,
            "band": total.band.en if total.band else None,
        }
    state, problems = view.readiness
    return {
        "version": view.version,
        "updated_at": view.updated_at,
        "updated_by": view.updated_by,
        "readiness": {"state": state, "problems": list(texts(problems))},
        "missing": list(view.missing),
        "answers": {
            key: _answer_json(form, view.answers[key])
            for key in (q.key for q in form.questions())
            if key in view.answers
        },
        "scores": scores,
        "screens": {
            s.domain.value: {
                "positive": s.positive,
                "answered": s.answered,
                "source_question": s.source_question,
            }
            for s in view.screens
        },
        "caregiver": view.caregiver,
    }


def _needs_section(uow: UnitOfWork, encounter: Encounter) -> list[dict[str, Any]]:
    return [
        {
            "id": n.id,
            "domain": n.domain,
            "description": n.description,
            "source_question": n.source_question,
            "status": n.status,
            "identified_at": n.identified_at,
            "identified_by": n.identified_by,
            "referenced": n.referenced,
            "version": n.version,
        }
        for n in need_views(uow, need_rows(uow, encounter.id))
    ]


register_stay_section("assessment", _section)
register_stay_section("needs", _needs_section)


# The changes live in their own module; importing them here keeps ``assessment.record_answers``
# working for every caller (and must come last: that module imports the helpers above).
from transitions.services.assessment_changes import (  # noqa: E402
    AnswerEntry,
    record_answers,
    set_need_status,
)

__all__ = [
    "AnswerEntry",
    "AnswerView",
    "AssessmentView",
    "CaregiverView",
    "NeedView",
    "assessment_form",
    "assessment_readiness",
    "get_assessment",
    "list_needs",
    "record_answers",
    "set_need_status",
]
