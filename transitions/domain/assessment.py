"""Discharge assessment (issue 7, slice A): values stored by the assessment and its needs.

Pure: no database. Below the enumerations: answers as the rules see them, validation of an
answer against its question, Katz/Lawton totals, and the screens that turn answers into needs
(rules from ``resources/assessment/needs.toml``; the form is in :mod:`assessment_form`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from transitions.domain.assessment_form import AssessmentForm, NeedRule, Question, Text
from transitions.errors import ValidationError


class AnswerSource(StrEnum):
    """Who gave an answer: the patient, a caregiver or proxy, or the chart (the record)."""

    PATIENT = "patient"
    CAREGIVER = "caregiver"
    CHART = "chart"


class NeedDomain(StrEnum):
    """The kind of need a positive screen or a barrier opens."""

    HOUSING = "housing"
    FOOD = "food"
    TRANSPORTATION = "transportation"
    UTILITIES = "utilities"
    SAFETY = "safety"
    MEDICATION_COST = "medication_cost"
    PHONE = "phone"
    LANGUAGE = "language"
    HEALTH_LITERACY = "health_literacy"
    PRIMARY_CARE = "primary_care"
    CAREGIVER = "caregiver"
    FUNCTIONAL = "functional"


class NeedStatus(StrEnum):
    """open: still to be met; resolved: met or no longer screening positive; declined: the
    patient declined help with it."""

    OPEN = "open"
    RESOLVED = "resolved"
    DECLINED = "declined"


# -- answers as the rules see them ----------------------------------------------------------------


@dataclass(frozen=True)
class AnswerInput:
    """The current answer to one question: a choice key (several joined by ``,`` for multiple
    choice) or free text; ``declined`` = the patient declined to answer."""

    value: str | None
    declined: bool = False

    @property
    def answered(self) -> bool:
        return self.declined or self.value is not None


@dataclass(frozen=True)
class PatientFacts:
    """What the patient record says, for the questions derived from it."""

    preferred_language: str
    interpreter_needed: bool
    has_pcp: bool


def selected(question: Question, answer: AnswerInput | None) -> tuple[str, ...]:
    """The chosen answer keys (empty when unanswered, declined or free text)."""
    if answer is None or answer.declined or not answer.value:
        return ()
    if question.kind == "multi":
        return tuple(answer.value.split(","))
    if question.kind == "choice":
        return (answer.value,)
    return ()


def is_positive(question: Question, answer: AnswerInput | None) -> bool:
    """True when an answer marked positive (a problem) is chosen."""
    for key in selected(question, answer):
        choice = question.choice(key)
        if choice is not None and choice.positive:
            return True
    return False


def score_of(question: Question, answer: AnswerInput | None) -> int | None:
    """The published score of the chosen answer (None: unanswered or not scored)."""
    keys = selected(question, answer)
    scores = [
        c.score for k in keys if (c := question.choice(k)) is not None and c.score is not None
    ]
    return sum(scores) if scores else None


def derived_value(question: Question, facts: PatientFacts) -> str | None:
    """The record's answer to a derived question (limited English, has a PCP)."""
    if question.derived_from == "patient.language":
        limited = facts.interpreter_needed or facts.preferred_language.lower() != "en"
        return "yes" if limited else "no"
    if question.derived_from == "patient.pcp":
        return "yes" if facts.has_pcp else "no"
    return None


def normalise(question: Question, value: str | Sequence[str] | None) -> str | None:
    """Check an answer against its question; return what is stored (None = no answer).

    Raises :class:`ValidationError` naming the question key."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if question.kind in ("text", "phone"):
        if not isinstance(value, str):
            raise ValidationError(f"{question.label.en}: expected text", field=question.key)
        text = " ".join(value.split())
        if len(text) > question.max_length:
            raise ValidationError(
                f"{question.label.en}: at most {question.max_length} characters",
                field=question.key,
            )
        if question.kind == "phone" and not _PHONE.fullmatch(text):
            raise ValidationError(
                f"{question.label.en}: '{text}' is not a phone number (digits, spaces, ( ) + - .)",
                field=question.key,
            )
        return text
    keys = [value] if isinstance(value, str) else list(value)
    keys = [k.strip() for part in keys for k in part.split(",") if k.strip()]
    if not keys:
        return None
    known = {c.key for c in question.choices}
    for key in keys:
        if key not in known:
            raise ValidationError(
                f"{question.label.en}: '{key}' is not one of {', '.join(sorted(known))}",
                field=question.key,
            )
    if question.kind == "choice":
        if len(keys) > 1:
            raise ValidationError(f"{question.label.en}: choose one answer", field=question.key)
        return keys[0]
    chosen = [c for c in question.choices if c.key in keys]  # form order, no repeats
    if len(chosen) > 1 and any(c.exclusive for c in chosen):
        raise ValidationError(
            f"{question.label.en}: '{next(c for c in chosen if c.exclusive).label.en}' "
            "cannot be combined with other answers",
            field=question.key,
        )
    return ",".join(c.key for c in chosen)


_PHONE = re.compile(r"\+?[0-9 ().\-]{7,}(\s*(x|ext\.?)\s*[0-9]{1,6})?", re.IGNORECASE)


# -- scales ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScaleTotal:
    scale: str
    timepoint: str
    #: sum of the answered items' scores
    total: int
    answered: int
    items: int
    maximum: int
    #: interpretation of a complete total (None while items are unanswered)
    band: Text | None

    @property
    def complete(self) -> bool:
        return self.answered == self.items


def scale_totals(form: AssessmentForm, answers: Mapping[str, AnswerInput]) -> list[ScaleTotal]:
    """Katz and Lawton totals at each timepoint (declined items count as unanswered)."""
    totals = []
    for scale in form.scales():
        for timepoint in scale.timepoints:
            scores = [
                score_of(form.question(key), answers.get(key))
                for key in (scale.question_key(i.key, timepoint) for i in scale.items)
            ]
            known = [s for s in scores if s is not None]
            total = sum(known)
            complete = len(known) == len(scale.items)
            totals.append(
                ScaleTotal(
                    scale=scale.key,
                    timepoint=timepoint,
                    total=total,
                    answered=len(known),
                    items=len(scale.items),
                    maximum=scale.maximum,
                    band=scale.band(total) if complete else None,
                )
            )
    return totals


# -- needs ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Screen:
    """One need domain's screen: positive or not, and the question that made it positive."""

    domain: NeedDomain
    positive: bool
    #: at least one of its questions has an answer (or a declined answer)
    answered: bool
    source_question: str | None
    description: str


def _rule_positive(
    form: AssessmentForm, rule: NeedRule, answers: Mapping[str, AnswerInput]
) -> tuple[bool, str | None]:
    keys = form.matching(rule.questions)
    if rule.kind == "score_at_least":
        scored = [(score_of(form.question(k), answers.get(k)), k) for k in keys]
        known = [(s, k) for s, k in scored if s is not None]
        if sum(s for s, _ in known) < rule.threshold:
            return False, None
        top = max(s for s, _ in known)
        return True, next(k for s, k in known if s == top)
    source = next((k for k in keys if is_positive(form.question(k), answers.get(k))), None)
    return source is not None, source


def screen_needs(form: AssessmentForm, answers: Mapping[str, AnswerInput]) -> list[Screen]:
    """Every need rule evaluated on the current answers (derived answers included).

    A declined or unanswered question never makes a rule positive; ``only_if`` limits a rule
    to patients with one of those questions positive (a caregiver is needed when help is)."""
    screens = []
    for rule in form.rules:
        keys = form.matching(rule.questions)
        answered = any(a.answered for k in keys if (a := answers.get(k)) is not None)
        positive, source = _rule_positive(form, rule, answers)
        if positive and rule.only_if:
            gate = form.matching(rule.only_if)
            positive = any(is_positive(form.question(k), answers.get(k)) for k in gate)
            source = source if positive else None
        screens.append(
            Screen(NeedDomain(rule.domain), positive, answered, source, rule.description)
        )
    return screens


def missing_questions(form: AssessmentForm, answers: Mapping[str, AnswerInput]) -> list[Question]:
    """Required questions without an answer (a declined answer counts as answered; derived
    questions are answered by the record)."""
    return [
        q
        for q in form.questions()
        if q.required
        and q.derived_from is None
        and not ((a := answers.get(q.key)) is not None and a.answered)
    ]
