"""The assessment and care-plan steps in the discharge readiness (issue 7 wired into issue 13):
one stay and the worklist's bulk statuses agree (both databases)."""

from __future__ import annotations

from datetime import date

from tests.careplan_seed import UowFactory, resource_id, seed_stay, user_actor
from transitions.domain.assessment import NeedDomain
from transitions.services import goals, readiness, referrals
from transitions.services.goals import GoalInput
from transitions.services.referrals import ReferralInput


def statuses(make_uow: UowFactory, encounter_id: int, actor: object) -> tuple[dict, dict]:
    with make_uow() as uow:
        one = readiness.stay_readiness(uow, actor, encounter_id)  # type: ignore[arg-type]
    with make_uow() as uow:
        bulk = readiness.worklist_readiness(uow, actor, [encounter_id])  # type: ignore[arg-type]
    single = {k: s.status for k, s in one.steps.items()}
    assert bulk[encounter_id] == single  # the worklist says what the workspace says
    return single, {k: s.problems for k, s in one.steps.items()}


def test_needs_referrals_and_goals_move_the_care_plan_step(make_uow: UowFactory) -> None:
    stay = seed_stay(make_uow, domains=(NeedDomain.FOOD,))
    nurse = user_actor(make_uow, "nurse")
    single, problems = statuses(make_uow, stay.encounter_id, nurse)
    assert list(single)[:2] == ["assessment", "careplan"]
    assert single["careplan"] == "missing"  # an open food need, nothing referred, no goal
    assert any("food" in p.lower() for p in problems["careplan"])
    assert "no goal set with the patient" in problems["careplan"]

    with make_uow() as uow:  # a goal but the food need still unreferred: a warning
        goal = goals.add_goal(
            uow,
            nurse,
            stay.encounter_id,
            GoalInput("Eat two meals a day", "Food pantry every Tuesday", date(2026, 12, 8)),
        )
    single, _ = statuses(make_uow, stay.encounter_id, nurse)
    assert single["careplan"] == "warning"

    with make_uow() as uow:
        referrals.add_referral(
            uow,
            nurse,
            stay.needs[NeedDomain.FOOD],
            ReferralInput(resource_id(make_uow, "Riverside Community Food Pantry")),
        )
    single, problems = statuses(make_uow, stay.encounter_id, nurse)
    assert single["careplan"] == "done" and problems["careplan"] == ()
    assert goal


def test_a_stay_without_assessment_or_plan_is_missing_both(make_uow: UowFactory) -> None:
    stay = seed_stay(make_uow, domains=())
    nurse = user_actor(make_uow, "nurse")
    single, _ = statuses(make_uow, stay.encounter_id, nurse)
    assert single["careplan"] == "missing"
