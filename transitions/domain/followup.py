"""Follow-up after discharge, without a database: which tasks a discharge creates and when they
are due, what a reached call records (CTM-3 included), when a contact task may be closed as
"unable to reach", and the dashboard's rates.

Deadlines follow the TCM clock (:mod:`transitions.domain.tcm`, CMS MLN908628): the contact call
by the 2nd business day after discharge; the visit by the site's deadline for the stay's risk
tier (``VisitDeadlinePolicy``; by default 7 days for high-risk patients — either score in its
high tier, treated like high-complexity TCM, CPT 99496 — else 14 days); the readmission check on
day 30 after discharge.

CTM-3: Coleman EA et al. Med Care 2005;43(3):246-255 and Parry C et al. Med Care
2008;46(3):317-322; questions, answer scale and scoring in ``resources/followup/ctm3.json``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from functools import cache
from typing import Any

from transitions.domain.calendar import HolidayCalendar, business_days_between
from transitions.domain.tcm import CMS_VISIT_DEADLINES, VisitDeadlinePolicy, tcm_deadlines
from transitions.errors import ValidationError
from transitions.resources import load_json

#: A new inpatient stay starting within this many days of a discharge is a readmission of it.
READMISSION_WINDOW_DAYS = 30
#: Day after discharge on which the readmission check falls due.
READMISSION_CHECK_DAY = 30
#: Unsuccessful attempts after which a contact task may be closed as "unable to reach".
UNABLE_TO_REACH_ATTEMPTS = 2


class RiskStage(StrEnum):
    PLANNING = "planning"
    DISCHARGE = "discharge"


class TaskKind(StrEnum):
    CONTACT = "contact"
    VISIT = "visit"
    READMISSION = "readmission"

    @property
    def label(self) -> str:
        return {
            TaskKind.CONTACT: "TCM contact call",
            TaskKind.VISIT: "Visit kept?",
            TaskKind.READMISSION: "30-day readmission check",
        }[self]


class TaskStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    UNABLE_TO_REACH = "unable_to_reach"
    CANCELLED = "cancelled"

    @property
    def is_open(self) -> bool:
        return self is TaskStatus.OPEN


class MedicationProblem(StrEnum):
    CANT_GET = "cant_get"
    CANT_AFFORD = "cant_afford"
    CONFUSED = "confused"


class Appointment(StrEnum):
    KEPT = "kept"
    BOOKED = "booked"
    NOT_BOOKED = "not_booked"


class Understanding(StrEnum):
    GOOD = "good"
    PARTIAL = "partial"
    POOR = "poor"


class VisitOutcome(StrEnum):
    KEPT = "kept"
    MISSED = "missed"


@dataclass(frozen=True)
class PlannedTask:
    kind: TaskKind
    due: date


def plan_tasks(
    discharged: date,
    *,
    tier: str,
    calendar: HolidayCalendar,
    visit_deadlines: VisitDeadlinePolicy = CMS_VISIT_DEADLINES,
) -> list[PlannedTask]:
    """The three follow-up tasks of a ``tier``-risk discharge on ``discharged`` with their due
    dates (the visit by the site's ``visit_deadlines`` for that tier)."""
    clock = tcm_deadlines(discharged, calendar)
    return [
        PlannedTask(TaskKind.CONTACT, clock.contact_due),
        PlannedTask(TaskKind.VISIT, visit_deadlines.due(discharged, tier)),
        PlannedTask(TaskKind.READMISSION, discharged + timedelta(days=READMISSION_CHECK_DAY)),
    ]


def is_readmission(index_discharge: date, new_admit: date) -> bool:
    """A new admission from the discharge day up to 30 days later (inclusive)."""
    days = (new_admit - index_discharge).days
    return 0 <= days <= READMISSION_WINDOW_DAYS


def check_unable_to_reach(unsuccessful_attempts: int) -> None:
    if unsuccessful_attempts < UNABLE_TO_REACH_ATTEMPTS:
        raise ValidationError(
            f"a contact can be closed as unable to reach after {UNABLE_TO_REACH_ATTEMPTS} "
            f"documented unsuccessful attempts ({unsuccessful_attempts} so far)",
            field="status",
        )


# --- CTM-3 ---------------------------------------------------------------------------------


@cache
def ctm3() -> dict[str, Any]:
    data: dict[str, Any] = load_json("followup", "ctm3.json")
    return data


def ctm3_keys() -> tuple[str, ...]:
    return tuple(q["key"] for q in ctm3()["questions"])


def ctm3_score(answers: Mapping[str, int]) -> float | None:
    """0-100 CTM-3 score: mean of answered items (1-4), 0 (don't know) left out; None if none."""
    values = [v for v in answers.values() if v]
    if not values:
        return None
    return round((sum(values) / len(values) - 1) / 3 * 100, 1)


@dataclass(frozen=True)
class CallAnswers:
    """What a reached call records."""

    symptoms: str = ""
    medication_problems: frozenset[MedicationProblem] = frozenset()
    appointment: Appointment | None = None
    understanding: Understanding | None = None
    escalate: bool = False
    escalation_reason: str = ""
    #: CTM-3 question key -> 1..4, or 0 for "don't know / don't remember / no medications"
    ctm3: Mapping[str, int] = field(default_factory=dict)

    def check(self) -> None:
        if self.escalate and not self.escalation_reason.strip():
            raise ValidationError(
                "give the reason for escalating to a clinician", field="escalation_reason"
            )
        keys = set(ctm3_keys())
        for key, value in self.ctm3.items():
            if key not in keys:
                raise ValidationError(f"unknown CTM-3 question '{key}'", field="ctm3")
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 4:
                raise ValidationError(
                    f"CTM-3 answer {key} must be 1-4, or 0 for don't know", field="ctm3"
                )

    def to_json(self) -> dict[str, Any]:
        return {
            "symptoms": self.symptoms,
            "medication_problems": sorted(p.value for p in self.medication_problems),
            "appointment": self.appointment.value if self.appointment else None,
            "understanding": self.understanding.value if self.understanding else None,
            "escalate": self.escalate,
            "escalation_reason": self.escalation_reason,
            "ctm3": dict(sorted(self.ctm3.items())),
            "ctm3_score": ctm3_score(self.ctm3),
        }


# --- dashboard -----------------------------------------------------------------------------


@dataclass(frozen=True)
class DischargeOutcome:
    """One index discharge, reduced to what the dashboard counts."""

    unit: str
    discharged: date
    tier: str  # the higher of LACE/HOSPITAL expressed as low / moderate / high
    contact_date: date | None  # first reached call (or closure as done)
    contact_due: date | None
    visit_kept_date: date | None
    visit_due: date | None
    readmitted_unplanned: bool


@dataclass(frozen=True)
class DashboardCell:
    unit: str
    month: str  # YYYY-MM
    tier: str  # "all" or a tier
    discharges: int
    contacted_2bd: int
    visits_in_deadline: int
    readmitted_unplanned: int
    #: discharges whose contact / visit deadline has passed (or that met it early): denominators
    contacts_due: int = 0
    visits_due: int = 0

    @staticmethod
    def _pct(part: int, whole: int) -> float | None:
        return round(100.0 * part / whole, 1) if whole else None

    @property
    def contacted_pct(self) -> float | None:
        return self._pct(self.contacted_2bd, self.contacts_due)

    @property
    def visits_pct(self) -> float | None:
        return self._pct(self.visits_in_deadline, self.visits_due)

    @property
    def readmission_pct(self) -> float | None:
        return self._pct(self.readmitted_unplanned, self.discharges)

    def to_json(self) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "month": self.month,
            "tier": self.tier,
            "discharges": self.discharges,
            "contacts_due": self.contacts_due,
            "visits_due": self.visits_due,
            "unplanned_readmissions": self.readmitted_unplanned,
            "contacted_within_2_business_days_pct": self.contacted_pct,
            "visits_within_deadline_pct": self.visits_pct,
            "unplanned_readmission_30d_pct": self.readmission_pct,
        }


TIERS = ("low", "moderate", "high")


def dashboard(
    outcomes: Iterable[DischargeOutcome], calendar: HolidayCalendar, as_of: date
) -> list[DashboardCell]:
    """Per unit, month and tier ("all" first, then low/moderate/high): counts and rates.

    A rate's denominator is the discharges whose deadline has passed by ``as_of`` or that met
    it already, so this week's discharges do not drag the rates down before they are due.
    """
    groups: dict[tuple[str, str, str], list[DischargeOutcome]] = {}
    for o in outcomes:
        month = o.discharged.strftime("%Y-%m")
        for tier in ("all", o.tier):
            groups.setdefault((o.unit, month, tier), []).append(o)
    order = {"all": 0, **{t: i + 1 for i, t in enumerate(TIERS)}}
    cells = []
    for (unit, month, tier), rows in sorted(
        groups.items(), key=lambda kv: (kv[0][0], kv[0][1], order.get(kv[0][2], 9))
    ):
        contacted = sum(
            1
            for o in rows
            if o.contact_date is not None
            and business_days_between(o.discharged, o.contact_date, calendar) <= 2
        )
        visits = sum(
            1
            for o in rows
            if o.visit_kept_date is not None
            and o.visit_due is not None
            and o.visit_kept_date <= o.visit_due
        )
        readmitted = sum(1 for o in rows if o.readmitted_unplanned)
        contacts_due = sum(
            1
            for o in rows
            if (o.contact_due is not None and o.contact_due < as_of)
            or (
                o.contact_date is not None
                and business_days_between(o.discharged, o.contact_date, calendar) <= 2
            )
        )
        visits_due = sum(
            1
            for o in rows
            if (o.visit_due is not None and o.visit_due < as_of)
            or (
                o.visit_kept_date is not None
                and o.visit_due is not None
                and o.visit_kept_date <= o.visit_due
            )
        )
        cells.append(
            DashboardCell(
                unit,
                month,
                tier,
                len(rows),
                contacted,
                visits,
                readmitted,
                contacts_due,
                visits_due,
            )
        )
    return cells


def combined_tier(lace_tier: str | None, hospital_tier: str | None) -> str:
    """One tier for grouping: high if either score is high, moderate if either is above low."""
    tiers = {lace_tier, hospital_tier}
    if "high" in tiers:
        return "high"
    if tiers & {"moderate", "intermediate"}:
        return "moderate"
    return "low"
