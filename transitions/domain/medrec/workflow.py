"""Reconciliation workflow rules without a database: decisions, reasons, sign-off, BOOST.

* :class:`DecisionKind` — what the nurse decided for a home or inpatient medicine (or that a
  medicine was added directly to the discharge list);
* :class:`ReconciliationStatus` — draft, signed (by the nurse), verified (second sign-off);
* :func:`reasons` — the change/stop reason pick-list (``resources/drugs/medrec_reasons.json``);
* :func:`needs_acknowledgement` / :func:`problem_key` — which problems block sign-off;
* :func:`boost_review` — Project BOOST: 3+ changes or any high-alert medicine -> pharmacist review.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from transitions.domain.medrec.models import Decision, Problem, Severity
from transitions.errors import ValidationError
from transitions.resources import load_json

#: Project BOOST (Society of Hospital Medicine, "8P" risk screen / medication reconciliation):
#: this many medication changes suggests a pharmacist review before discharge.
BOOST_CHANGE_THRESHOLD = 3


class DecisionKind(StrEnum):
    CONTINUE = "continue"
    CHANGE = "change"
    STOP = "stop"
    #: an inpatient-only medicine that goes home
    NEW = "new"
    #: a medicine the nurse added straight to the discharge list
    ADDED = "added"

    @property
    def needs_reason(self) -> bool:
        return self in (DecisionKind.CHANGE, DecisionKind.STOP)

    @property
    def goes_home(self) -> bool:
        return self is not DecisionKind.STOP

    @property
    def counts_as_change(self) -> bool:
        """For BOOST: everything but 'continue' changes what the patient takes."""
        return self is not DecisionKind.CONTINUE

    def as_check_decision(self) -> Decision:
        if self is DecisionKind.CONTINUE:
            return Decision.CONTINUE
        if self is DecisionKind.CHANGE:
            return Decision.CHANGE
        if self in (DecisionKind.NEW, DecisionKind.ADDED):
            return Decision.NEW
        raise ValueError("a stop is not a discharge medicine")


class ReconciliationStatus(StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"
    VERIFIED = "verified"

    @property
    def read_only(self) -> bool:
        return self is not ReconciliationStatus.DRAFT


ALLOWED = {
    "home": (DecisionKind.CONTINUE, DecisionKind.CHANGE, DecisionKind.STOP),
    "inpatient": (DecisionKind.NEW, DecisionKind.CHANGE, DecisionKind.STOP),
}


def check_decision_allowed(list_kind: str, kind: DecisionKind) -> None:
    allowed = ALLOWED.get(list_kind, ())
    if kind not in allowed:
        hint = (
            "a home medicine is continued, changed or stopped"
            if list_kind == "home"
            else "an inpatient medicine goes home as 'new at discharge', changed, or is stopped"
        )
        raise ValidationError(f"'{kind.value}' is not a decision here: {hint}", field="decision")


@cache
def reasons() -> dict[str, dict[str, str]]:
    """{'change': {code: label}, 'stop': {code: label}} in pick-list order."""
    data = load_json("drugs", "medrec_reasons.json")
    return {"change": dict(data["change"]), "stop": dict(data["stop"])}


def check_reason(kind: DecisionKind, code: str | None, text: str | None) -> str | None:
    """The reason line to store ('<label>: <text>'), or raise naming the field."""
    if not kind.needs_reason:
        return None
    table = reasons()[kind.value]
    code = (code or "").strip()
    text = (text or "").strip()
    if not code:
        raise ValidationError(f"choose a reason to {kind.value} this medicine", field="reason")
    if code not in table:
        raise ValidationError(f"unknown reason '{code}'", field="reason")
    if code == "other" and not text:
        raise ValidationError("explain the reason in the text box", field="reason_text")
    label = table[code] if code != "other" else ""
    return ": ".join(part for part in (label, text) if part)


def problem_key(problem: Problem) -> str:
    """Stable name of a problem for its acknowledgement: kind and the items it concerns."""
    return f"{problem.kind.value}:{','.join(sorted(problem.items))}"


def needs_acknowledgement(problem: Problem) -> bool:
    """High and moderate problems block sign-off until resolved or acknowledged; information
    (high-alert teaching points) does not."""
    return problem.severity is not Severity.INFO


@dataclass(frozen=True)
class BoostReview:
    suggested: bool
    changes: int
    high_alert: tuple[str, ...]

    @property
    def reason(self) -> str:
        parts = []
        if self.changes >= BOOST_CHANGE_THRESHOLD:
            parts.append(f"{self.changes} medication changes")
        if self.high_alert:
            parts.append("high-alert: " + ", ".join(self.high_alert))
        return "; ".join(parts)


def boost_review(changes: int, high_alert_drugs: list[str]) -> BoostReview:
    names = tuple(dict.fromkeys(high_alert_drugs))
    return BoostReview(changes >= BOOST_CHANGE_THRESHOLD or bool(names), changes, names)
