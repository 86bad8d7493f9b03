"""FHIR export of the care plan: Goals, community referrals as ServiceRequests and the
assess-plan CarePlan referencing them; validated with fhir.resources R4B on both databases."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from fhir.resources.R4B.careplan import CarePlan
from fhir.resources.R4B.goal import Goal
from fhir.resources.R4B.servicerequest import ServiceRequest

from tests.careplan_seed import UowFactory, resource_id, seed_stay, user_actor
from transitions.domain.assessment import NeedDomain
from transitions.domain.careplan import GoalLinkKind, GoalStatus, ReferralStatus
from transitions.services import goals, interop_fhir, referrals
from transitions.services.goals import GoalInput, GoalLinkRef
from transitions.services.referrals import ReferralInput
from transitions.services.uow import Actor


def _of(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def test_goals_referrals_and_their_careplan(make_uow: UowFactory) -> None:
    stay = seed_stay(make_uow, domains=[NeedDomain.FOOD, NeedDomain.TRANSPORTATION,
                                        NeedDomain.HOUSING])  # fmt: skip
    cm = user_actor(make_uow, "case_manager")
    made = {}
    for domain, name, status in (
        (NeedDomain.FOOD, "Riverside Senior Meals Program", ReferralStatus.SUGGESTED),
        (NeedDomain.TRANSPORTATION, "County Ride Connect", ReferralStatus.REFERRED),
        (NeedDomain.HOUSING, "Riverside Housing Assistance Center", ReferralStatus.REFERRED),
    ):
        with make_uow() as uow:
            made[domain] = referrals.add_referral(
                uow, cm, stay.needs[domain],
                ReferralInput(resource_id(make_uow, name), status=status,
                              follow_up_on=date(2026, 11, 30), notes="Intake by phone"),
            )  # fmt: skip
    with make_uow() as uow:  # the housing programme never answered
        referrals.update_referral(
            uow, cm, made[NeedDomain.HOUSING], expected_version=1,
            status=ReferralStatus.UNABLE_TO_REACH, follow_up_on=None, notes=None,
        )  # fmt: skip
    with make_uow() as uow:
        ride_goal = goals.add_goal(
            uow, cm, stay.encounter_id,
            GoalInput("Llegar a mis citas", "Go to every appointment this month",
                      date(2026, 12, 25),
                      links=(GoalLinkRef(GoalLinkKind.REFERRAL, made[NeedDomain.TRANSPORTATION]),)),
        )  # fmt: skip
    with make_uow() as uow:
        weigh = goals.add_goal(
            uow,
            cm,
            stay.encounter_id,
            GoalInput("Weigh myself", "Every morning; call if up 2 lb in a day", date(2026, 12, 3)),
        )
    with make_uow() as uow:
        goals.set_goal_status(uow, cm, weigh, GoalStatus.MET, expected_version=1, note="Daily")

    with make_uow() as uow:
        bundle = json.loads(interop_fhir.export_stay(uow, Actor.system("test"), stay.visit))

    goal_rows = {g["id"]: g for g in _of(bundle, "Goal")}
    assert set(goal_rows) == {f"goal-{ride_goal}", f"goal-{weigh}"}
    ride = goal_rows[f"goal-{ride_goal}"]
    assert ride["lifecycleStatus"] == "active"
    assert ride["achievementStatus"]["coding"][0]["code"] == "in-progress"
    assert ride["description"]["text"] == "Llegar a mis citas"
    assert ride["target"] == [
        {"detailString": "Go to every appointment this month", "dueDate": "2026-12-25"}
    ]
    assert ride["note"][0]["text"] == "Served by referral: County Ride Connect"
    met = goal_rows[f"goal-{weigh}"]
    assert (met["lifecycleStatus"], met["achievementStatus"]["coding"][0]["code"]) == (
        "completed", "achieved"
    )  # fmt: skip
    assert met["statusReason"] == "Daily"

    requests = {r["id"]: r for r in _of(bundle, "ServiceRequest")}
    by_need = {d: requests[f"referral-{rid}"] for d, rid in made.items()}
    assert (by_need[NeedDomain.FOOD]["status"], by_need[NeedDomain.FOOD]["intent"]) == (
        "draft", "proposal"
    )  # fmt: skip
    assert by_need[NeedDomain.TRANSPORTATION]["status"] == "active"
    assert by_need[NeedDomain.HOUSING]["status"] == "on-hold"
    transport = by_need[NeedDomain.TRANSPORTATION]
    assert transport["performer"] == [{"display": "County Ride Connect"}]
    assert transport["code"]["text"] == "Referral to medical transport"
    assert transport["reasonCode"][0]["text"] == (
        "transportation need: No ride to medical appointments"
    )
    assert transport["authoredOn"] == "2026-11-25"
    assert "Follow up on 2026-11-30" in [n["text"] for n in transport["note"]]

    [plan] = [
        p for p in _of(bundle, "CarePlan") if p["id"] == f"careplan-goals-{stay.encounter_id}"
    ]
    assert plan["category"][0]["coding"][0]["code"] == "assess-plan"
    assert [g["reference"] for g in plan["goal"]] == [
        f"Goal/goal-{ride_goal}", f"Goal/goal-{weigh}"
    ]  # fmt: skip
    assert sorted(a["reference"]["reference"] for a in plan["activity"]) == sorted(
        f"ServiceRequest/{rid}" for rid in requests
    )
    # every reference of the plan resolves inside the bundle
    ids = {f"{e['resource']['resourceType']}/{e['resource']['id']}" for e in bundle["entry"]}
    assert {g["reference"] for g in plan["goal"]} <= ids
    assert {a["reference"]["reference"] for a in plan["activity"]} <= ids
    # and each resource validates on its own as R4B
    CarePlan.model_validate(plan)
    for row in goal_rows.values():
        Goal.model_validate(row)
    for row in requests.values():
        ServiceRequest.model_validate(row)


def test_no_goals_or_referrals_adds_nothing(make_uow: UowFactory) -> None:
    stay = seed_stay(make_uow, resources=False)
    with make_uow() as uow:
        bundle = json.loads(interop_fhir.export_stay(uow, Actor.system("test"), stay.visit))
    assert _of(bundle, "Goal") == [] and _of(bundle, "ServiceRequest") == []
    assert not [p for p in _of(bundle, "CarePlan") if p["id"].startswith("careplan-goals-")]
