"""Follow-up rules without a database: task deadlines, readmission window, CTM-3, dashboard."""

from __future__ import annotations

from datetime import date

import pytest

from transitions.domain.calendar import HolidayCalendar
from transitions.domain.followup import (
    CallAnswers,
    DischargeOutcome,
    TaskKind,
    check_unable_to_reach,
    combined_tier,
    ctm3_score,
    dashboard,
    is_readmission,
    plan_tasks,
)
from transitions.errors import ValidationError

US = HolidayCalendar("US")


def test_tasks_of_a_friday_discharge() -> None:
    tasks = {t.kind: t.due for t in plan_tasks(date(2026, 11, 20), tier="moderate", calendar=US)}
    assert tasks[TaskKind.CONTACT] == date(2026, 11, 24)  # Mon, Tue
    assert tasks[TaskKind.VISIT] == date(2026, 12, 4)  # 14 days
    assert tasks[TaskKind.READMISSION] == date(2026, 12, 20)  # day 30


def test_high_risk_visit_within_7_days_and_holidays_skipped() -> None:
    tasks = {t.kind: t.due for t in plan_tasks(date(2026, 11, 25), tier="high", calendar=US)}
    assert tasks[TaskKind.CONTACT] == date(2026, 11, 30)  # Thanksgiving + weekend skipped
    assert tasks[TaskKind.VISIT] == date(2026, 12, 2)


@pytest.mark.parametrize(("days", "expected"), [(-1, False), (0, True), (30, True), (31, False)])
def test_readmission_window_edges(days: int, expected: bool) -> None:
    index = date(2026, 11, 1)
    assert is_readmission(index, date.fromordinal(index.toordinal() + days)) is expected


def test_unable_to_reach_needs_two_attempts() -> None:
    with pytest.raises(ValidationError):
        check_unable_to_reach(1)
    check_unable_to_reach(2)


def test_ctm3_scoring_leaves_out_dont_know() -> None:
    assert ctm3_score({"q1": 4, "q2": 4, "q3": 4}) == 100.0
    assert ctm3_score({"q1": 1, "q2": 1, "q3": 1}) == 0.0
    assert ctm3_score({"q1": 3, "q2": 0}) == pytest.approx(66.7)
    assert ctm3_score({"q1": 0}) is None
    with pytest.raises(ValidationError):
        CallAnswers(ctm3={"q1": 5}).check()
    with pytest.raises(ValidationError):
        CallAnswers(ctm3={"q9": 1}).check()


def test_combined_tier() -> None:
    assert combined_tier("low", "high") == "high"
    assert combined_tier("moderate", "low") == "moderate"
    assert combined_tier("low", "intermediate") == "moderate"
    assert combined_tier("low", "low") == "low"


def test_dashboard_rates_count_only_due_deadlines() -> None:
    d = date(2026, 11, 2)  # Monday
    outcomes = [
        DischargeOutcome(
            "4W",
            d,
            "high",
            date(2026, 11, 4),
            date(2026, 11, 4),
            date(2026, 11, 5),
            date(2026, 11, 6),
            True,
        ),
        DischargeOutcome(
            "4W", d, "low", date(2026, 11, 5), date(2026, 11, 4), None, date(2026, 11, 16), False
        ),
        # discharged yesterday: nothing due yet, not in the rates' denominators
        DischargeOutcome(
            "4W",
            date(2026, 11, 24),
            "low",
            None,
            date(2026, 11, 26),
            None,
            date(2026, 12, 8),
            False,
        ),
    ]
    cells = dashboard(outcomes, US, as_of=date(2026, 11, 25))
    total = next(c for c in cells if c.tier == "all" and c.month == "2026-11")
    assert total.discharges == 3
    assert total.contacts_due == 2 and total.contacted_pct == 50.0
    assert total.visits_due == 2 and total.visits_pct == 50.0
    assert total.readmission_pct == pytest.approx(33.3)
    assert [c.tier for c in cells] == ["all", "low", "high"]
