"""The site's visit deadline per risk tier (policy.visit_deadline_days) on both databases: the
appointments plan (deadline, PCP warning, calendar, JSON) and the follow-up visit task."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta

from tests.conftest import FIXED_NOW
from tests.db.test_appointments import at, book, plan, seed
from tests.db.test_followup import _discharge
from transitions.config import SiteConfig
from transitions.db.engine import Database
from transitions.domain.appointments import RiskTier, WarningCode
from transitions.domain.followup import TaskKind
from transitions.domain.tcm import VisitDeadlinePolicy
from transitions.services import followup
from transitions.services.uow import Actor, UnitOfWork

#: Different days for every tier, so a wrong tier or the CMS default cannot pass by accident.
STRICT = VisitDeadlinePolicy(high=3, moderate=10, low=20)


def factory(
    database: Database, site: SiteConfig, clock: Callable[[], datetime], **policy: object
) -> Callable[[], UnitOfWork]:
    configured = replace(site, **policy)  # type: ignore[arg-type]
    return lambda: UnitOfWork(database, configured, now=clock)


def test_appointments_plan_uses_the_site_deadline(
    database: Database, site: SiteConfig, clock: Callable[[], datetime], actor: Actor
) -> None:
    cms = factory(database, site, clock)
    strict = factory(database, site, clock, visit_deadline_days=STRICT)
    seeded = seed(cms)  # planned discharge Wed 25 Nov 2026, not scored: default tier moderate
    book(cms, actor, seeded, at(date(2026, 12, 8), 10))  # discharge + 13 days
    under_cms = plan(cms, actor, seeded)
    assert under_cms.risk_tier is RiskTier.MODERATE and under_cms.visit_due == date(2026, 12, 9)
    assert WarningCode.PCP_AFTER_DEADLINE not in {w.code for w in under_cms.warnings}

    under_site = plan(strict, actor, seeded)
    assert under_site.visit_due == date(2026, 12, 5)
    late = [w for w in under_site.warnings if w.code is WarningCode.PCP_AFTER_DEADLINE]
    assert len(late) == 1 and "Sat 05 Dec 2026" in late[0].message
    assert under_site.to_json()["deadlines"]["visit_due"] == "2026-12-05"
    marked = [d.day for d in under_site.calendar(site.timezone) if d.visit_due]
    assert marked == [date(2026, 12, 5)]

    high = factory(database, site, clock, visit_deadline_days=STRICT, default_risk_tier="high")
    assert plan(high, actor, seeded).visit_due == date(2026, 11, 28)


def test_follow_up_visit_task_uses_the_site_deadline(
    database: Database, site: SiteConfig, clock: Callable[[], datetime], actor: Actor
) -> None:
    strict = factory(database, site, clock, visit_deadline_days=STRICT)
    stay_id = _discharge(strict, actor)  # discharged Wed 25 Nov 2026 (New York)
    with strict() as uow:
        log = followup.get_call_log(uow, actor, stay_id)
    assert log.risk is not None
    visit = log.task(TaskKind.VISIT)
    assert visit is not None
    expected = FIXED_NOW.date() + timedelta(days=STRICT.days_for(log.risk.tier))
    assert visit.due_date == expected
    assert visit.due_date != FIXED_NOW.date() + timedelta(days=7 if log.risk.tier == "high" else 14)
