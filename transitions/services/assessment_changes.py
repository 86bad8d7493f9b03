"""Saving assessment answers (one unit of work, audited) and keeping the needs in step with them;
changing a need's status. Split from :mod:`transitions.services.assessment`, which re-exports
these functions and documents the need rules."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import flag_modified

from transitions.db.assessment_models import Assessment, AssessmentAnswer, Need
from transitions.db.models import Encounter
from transitions.domain.assessment import (
    AnswerSource,
    NeedDomain,
    NeedStatus,
    normalise,
    screen_needs,
)
from transitions.domain.assessment_form import AssessmentForm, load_form
from transitions.errors import ConflictError, NotFoundError, ValidationError
from transitions.services.assessment import (
    EDIT,
    AssessmentView,
    NeedView,
    answer_rows,
    build_view,
    current_answers,
    facts_of,
    header,
    load_stay,
    need_rows,
    need_views,
    referenced_need_ids,
    rule_inputs,
)
from transitions.services.permissions import require, require_stay
from transitions.services.uow import Actor, UnitOfWork

MAX_ANSWERS = 200


@dataclass(frozen=True)
class AnswerEntry:
    """One answer to save. ``value``: a choice key, several keys (multiple choice) or text;
    None with ``declined`` False clears the answer. ``source``: patient, caregiver, chart."""

    question_key: str
    value: str | Sequence[str] | None = None
    declined: bool = False
    source: str = AnswerSource.PATIENT.value


def _source(entry: AnswerEntry) -> AnswerSource:
    try:
        return AnswerSource(entry.source)
    except ValueError:
        raise ValidationError(
            f"source must be one of {', '.join(s.value for s in AnswerSource)}, "
            f"not '{entry.source}'",
            field="source",
        ) from None


def _checked(
    form: AssessmentForm, entries: Sequence[AnswerEntry]
) -> list[tuple[str, str | None, bool, AnswerSource]]:
    if len(entries) > MAX_ANSWERS:
        raise ValidationError(f"at most {MAX_ANSWERS} answers at once", field="answers")
    seen: set[str] = set()
    checked: list[tuple[str, str | None, bool, AnswerSource]] = []
    for entry in entries:
        question = form.by_key.get(entry.question_key)
        if question is None:
            raise ValidationError(
                f"unknown assessment question '{entry.question_key}'", field="question"
            )
        if question.key in seen:
            raise ValidationError(f"question '{question.key}' answered twice", field=question.key)
        seen.add(question.key)
        source = _source(entry)
        if entry.declined:
            if not question.declinable:
                raise ValidationError(
                    f"{question.label.en}: this is not a question the patient can decline",
                    field=question.key,
                )
            if entry.value not in (None, "", [], ()):
                raise ValidationError(
                    f"{question.label.en}: a declined question has no answer", field=question.key
                )
            checked.append((question.key, None, True, source))
        else:
            checked.append((question.key, normalise(question, entry.value), False, source))
    return checked


def _assessment_for_edit(
    uow: UnitOfWork, actor: Actor, encounter: Encounter, expected_version: int | None
) -> Assessment:
    head = header(uow, encounter.id)
    current = head.version_id if head else None
    if current != expected_version:
        raise ConflictError(
            f"the assessment of stay {encounter.visit_number} was changed by someone else "
            "since you opened it; reload it and try again"
        )
    if head is None:
        head = Assessment(
            encounter_id=encounter.id,
            updated_by_id=actor.user_id,
            updated_by_name=actor.display_name,
            created_at=uow.now(),
            updated_at=uow.now(),
        )
        uow.session.add(head)
    return head


def record_answers(
    uow: UnitOfWork,
    actor: Actor,
    encounter_id: int,
    answers: Sequence[AnswerEntry],
    *,
    expected_version: int | None,
) -> AssessmentView:
    """Save the given answers (others are left as they are) and bring the needs in step.

    An answer equal to the current one (value, declined and source) adds nothing. The whole
    save is one transaction; ``expected_version`` is the assessment's version the user saw
    (None when there was none): another save in between raises :class:`ConflictError`."""
    require(actor, EDIT)
    form = load_form()
    checked = _checked(form, answers)
    encounter = load_stay(uow, encounter_id)
    require_stay(actor, EDIT, encounter.unit_id)
    head = _assessment_for_edit(uow, actor, encounter, expected_version)
    created = head.id is None
    facts = facts_of(encounter.patient)
    before = current_answers(form, answer_rows(uow, encounter.id), facts)
    was_positive = {s.domain for s in screen_needs(form, rule_inputs(before)) if s.positive}
    now = uow.now()
    changed: dict[str, str | None] = {}
    for key, value, declined, source in checked:
        old = before.get(key)
        if old is not None and not old.derived:
            if (old.value, old.declined, old.source) == (value, declined, source.value):
                continue
        elif value is None and not declined:
            continue  # clearing what was never answered
        uow.session.add(
            AssessmentAnswer(
                encounter_id=encounter.id,
                question_key=key,
                value=value,
                declined=declined,
                source=source,
                recorded_by_id=actor.user_id,
                recorded_by_name=actor.display_name,
                recorded_at=now,
            )
        )
        question = form.question(key)
        shown = "(declined)" if declined else value
        # free text (caregiver name, phone) stays out of the audit details
        changed[key] = "(text)" if question.kind in ("text", "phone") and value else shown
    if not created:
        head.updated_by_id = actor.user_id
        head.updated_by_name = actor.display_name
        head.updated_at = now
        flag_modified(head, "updated_at")  # bump the version even when the clock stood still
    try:
        uow.session.flush()
    except IntegrityError as exc:  # another workstation created the assessment meanwhile
        uow.session.rollback()
        raise ConflictError(
            f"the assessment of stay {encounter.visit_number} was started by someone else "
            "at the same time; reload it and try again"
        ) from exc
    if changed:
        uow.audit(
            actor,
            "record_answers",
            "assessment",
            encounter.visit_number,
            patient_id=encounter.patient_id,
            details={"answers": changed},
        )
    sync_needs(uow, actor, encounter, was_positive, form)
    uow.session.flush()
    view = build_view(uow, encounter)
    uow.commit()
    return view


def sync_needs(
    uow: UnitOfWork,
    actor: Actor,
    encounter: Encounter,
    was_positive: set[NeedDomain],
    form: AssessmentForm | None = None,
) -> None:
    """Open, update or resolve the stay's needs from its current answers (see the module
    documentation of :mod:`transitions.services.assessment` for the rule). ``was_positive``:
    the domains positive before this change — a need someone resolved is opened again only
    when its screen turns positive anew. No commit."""
    form = form or load_form()
    uow.session.flush()
    answers = current_answers(form, answer_rows(uow, encounter.id), facts_of(encounter.patient))
    screens = screen_needs(form, rule_inputs(answers))
    newest: dict[NeedDomain, Need] = {}
    for row in need_rows(uow, encounter.id):
        newest[row.domain] = row  # rows come oldest first
    open_ids = [n.id for n in newest.values() if n.status is NeedStatus.OPEN]
    referenced = referenced_need_ids(uow, open_ids)
    for screen in screens:
        need = newest.get(screen.domain)
        if screen.positive and screen.source_question is not None:
            turned_positive = screen.domain not in was_positive
            if need is None or (need.status is NeedStatus.RESOLVED and turned_positive):
                new = Need(
                    encounter_id=encounter.id,
                    domain=screen.domain,
                    source_question=screen.source_question,
                    description=screen.description,
                    status=NeedStatus.OPEN,
                    identified_at=uow.now(),
                    identified_by_id=actor.user_id,
                )
                uow.session.add(new)
                uow.session.flush()
                _audit_need(uow, actor, encounter, new, "open_need")
            elif need.status is NeedStatus.OPEN and need.source_question != screen.source_question:
                need.source_question = screen.source_question
        elif need is not None and need.status is NeedStatus.OPEN and need.id not in referenced:
            need.status = NeedStatus.RESOLVED
            _audit_need(uow, actor, encounter, need, "resolve_need", reason="screen negative")


def _audit_need(
    uow: UnitOfWork,
    actor: Actor,
    encounter: Encounter,
    need: Need,
    action: str,
    **extra: str,
) -> None:
    uow.audit(
        actor,
        action,
        "need",
        need.id,
        patient_id=encounter.patient_id,
        details={"domain": need.domain.value, "source_question": need.source_question, **extra},
    )


def set_need_status(
    uow: UnitOfWork,
    actor: Actor,
    need_id: int,
    status: str,
    *,
    expected_version: int,
) -> NeedView:
    """Mark a need resolved (met), declined (the patient declines help) or open again."""
    require(actor, EDIT)
    try:
        new_status = NeedStatus(status)
    except ValueError:
        raise ValidationError(
            f"status must be one of {', '.join(s.value for s in NeedStatus)}, not '{status}'",
            field="status",
        ) from None
    found = uow.session.scalar(select(Need).where(Need.id == need_id))
    if found is None:
        raise NotFoundError(f"no need with id {need_id}")
    need = found
    encounter = load_stay(uow, need.encounter_id)
    require_stay(actor, EDIT, encounter.unit_id)
    if need.version_id != expected_version:
        raise ConflictError(
            "this need was changed by someone else since you opened it; reload it and try again"
        )
    if new_status is NeedStatus.OPEN and need.status is not NeedStatus.OPEN:
        other = uow.session.scalar(
            select(Need.id).where(
                Need.encounter_id == need.encounter_id,
                Need.domain == need.domain,
                Need.status == NeedStatus.OPEN,
                Need.id != need.id,
            )
        )
        if other is not None:
            raise ValidationError(
                f"this stay already has an open {need.domain.value.replace('_', ' ')} need",
                field="status",
            )
    before = need.status
    if before is not new_status:
        need.status = new_status
        uow.session.flush()
        _audit_need(
            uow, actor, encounter, need, "set_need_status", before=before.value, after=status
        )
    view = next(v for v in need_views(uow, [need]))
    uow.commit()
    return view
