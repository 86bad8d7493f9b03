"""The site's follow-up visit deadline per risk tier: the policy object, the rules that use it
(appointment warnings, follow-up tasks) and the [policy.visit_deadline_days] site keys."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from transitions.config import load_site_config
from transitions.domain.appointments import (
    AppointmentStatus,
    AppointmentType,
    PlannedAppointment,
    RiskTier,
    WarningCode,
    appointment_warnings,
    visit_deadline,
)
from transitions.domain.calendar import HolidayCalendar
from transitions.domain.followup import TaskKind, plan_tasks
from transitions.domain.tcm import CMS_VISIT_DEADLINES, VisitDeadlinePolicy
from transitions.errors import ConfigError, ValidationError

US = HolidayCalendar("US")
#: Wednesday 25 November 2026 (Thanksgiving is the next day).
DISCHARGED = date(2026, 11, 25)
STRICT = VisitDeadlinePolicy(high=5, moderate=10, low=21)


def test_cms_windows_are_the_default() -> None:
    assert CMS_VISIT_DEADLINES.to_json() == {"high": 7, "moderate": 14, "low": 14}
    assert CMS_VISIT_DEADLINES.beyond_cms() == []
    assert CMS_VISIT_DEADLINES.due(DISCHARGED, RiskTier.HIGH) == date(2026, 12, 2)


def test_each_tier_gets_its_own_deadline() -> None:
    assert STRICT.due(DISCHARGED, "high") == date(2026, 11, 30)
    assert STRICT.due(DISCHARGED, "moderate") == date(2026, 12, 5)
    assert STRICT.due(DISCHARGED, RiskTier.LOW) == date(2026, 12, 16)
    with pytest.raises(ValidationError, match="unknown risk tier"):
        STRICT.days_for("intermediate")


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"high": 0}, "high"),
        ({"low": 30}, "low"),
        ({"high": True}, "high"),
        ({"high": 8, "moderate": 7}, "moderate"),
        ({"moderate": 14, "low": 10}, "low"),
    ],
)
def test_policy_refuses_bad_values(values: dict[str, int], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        VisitDeadlinePolicy(**values)
    assert caught.value.field == field


def test_beyond_cms_names_tier_and_code() -> None:
    assert STRICT.beyond_cms() == [("low", 21, 14, "CPT 99495")]
    assert VisitDeadlinePolicy(high=10, moderate=10, low=10).beyond_cms() == [
        ("high", 10, 7, "CPT 99496")
    ]


def _pcp(day: datetime) -> PlannedAppointment:
    return PlannedAppointment(
        id=1,
        type=AppointmentType.PCP_FOLLOW_UP,
        status=AppointmentStatus.BOOKED,
        start=day,
        duration_minutes=30,
        where="Clinic",
        opening_hours="Mon-Fri 08:00-17:00",
    )


def test_pcp_warning_follows_the_site_deadline() -> None:
    # Tuesday 8 December = discharge + 13 days: in time under CMS (14), late under 10 days.
    visit = _pcp(datetime(2026, 12, 8, 10, 0))

    def found(policy: VisitDeadlinePolicy) -> list[WarningCode]:
        return [
            w.code
            for w in appointment_warnings(
                [visit],
                discharge=datetime(2026, 11, 25, 14, 0),
                tier=RiskTier.MODERATE,
                calendar=US,
                travel_buffer_minutes=30,
                visit_deadlines=policy,
            )
        ]

    assert found(CMS_VISIT_DEADLINES) == []
    assert found(STRICT) == [WarningCode.PCP_AFTER_DEADLINE]
    assert visit_deadline(DISCHARGED, RiskTier.MODERATE, STRICT) == date(2026, 12, 5)


def test_follow_up_visit_task_follows_the_site_deadline() -> None:
    def visit_due(tier: str, policy: VisitDeadlinePolicy) -> date:
        tasks = plan_tasks(DISCHARGED, tier=tier, calendar=US, visit_deadlines=policy)
        return next(t.due for t in tasks if t.kind is TaskKind.VISIT)

    assert visit_due("low", CMS_VISIT_DEADLINES) == date(2026, 12, 9)
    assert visit_due("low", STRICT) == date(2026, 12, 16)
    assert visit_due("high", STRICT) == date(2026, 11, 30)


# -- the site file ------------------------------------------------------------------------------


def _site(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "site.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_site_file_sets_some_tiers_others_keep_defaults(tmp_path: Path) -> None:
    assert load_site_config().visit_deadline_days == CMS_VISIT_DEADLINES
    site = load_site_config(_site(tmp_path, "[policy.visit_deadline_days]\nhigh = 5\n"))
    assert site.visit_deadline_days.to_json() == {"high": 5, "moderate": 14, "low": 14}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("high = 0", r"'policy\.visit_deadline_days\.high': must be 1 to 29 days"),
        ('moderate = "14"', r"'policy\.visit_deadline_days\.moderate': must be a whole number"),
        ("low = 7", r"'policy\.visit_deadline_days\.low': low risk \(7 days\) must not"),
        ("high = 15", r"'policy\.visit_deadline_days\.moderate': moderate risk \(14 days\)"),
        ("medium = 10", r"'policy\.visit_deadline_days\.medium' is not a risk tier"),
    ],
)
def test_bad_site_values_name_the_key(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_site_config(_site(tmp_path, f"[policy.visit_deadline_days]\n{body}\n"))


def test_deadlines_must_be_a_table(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"'policy\.visit_deadline_days' must be a table"):
        load_site_config(_site(tmp_path, "[policy]\nvisit_deadline_days = 7\n"))
