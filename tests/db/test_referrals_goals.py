"""Referrals and goals on both databases: validation, optimistic locking, audit, warnings,
readiness and the `encounter show` sections."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from tests.careplan_seed import UowFactory, resource_id, seed_stay, user_actor
from tests.factories import make_unit
from transitions.db.appointments_models import Appointment
from transitions.db.assessment_models import Need
from transitions.db.models import AuditEvent, Encounter
from transitions.domain.appointments import AppointmentStatus, AppointmentType
from transitions.domain.assessment import NeedDomain, NeedStatus
from transitions.domain.careplan import GoalLinkKind, GoalStatus, ReferralStatus
from transitions.errors import ConflictError, PermissionDeniedError, ValidationError
from transitions.services import goals, referrals
from transitions.services.careplan import careplan_readiness, careplan_warnings
from transitions.services.encounters import stay_document
from transitions.services.goals import GoalInput, GoalLinkRef
from transitions.services.readiness_messages import texts
from transitions.services.referrals import ReferralInput
from transitions.services.uow import Actor

TODAY = date(2026, 11, 25)


def refer(make_uow: UowFactory, actor: Actor, need_id: int, name: str, **kw: object) -> int:
    with make_uow() as uow:
        rid = resource_id(make_uow, name)
        return referrals.add_referral(uow, actor, need_id, ReferralInput(rid, **kw))  # type: ignore[arg-type]


def readiness(make_uow: UowFactory, encounter_id: int) -> tuple[str, list[str]]:
    with make_uow() as uow:
        encounter = uow.session.get(Encounter, encounter_id)
        assert encounter is not None
        state, problems = careplan_readiness(uow, encounter)
        return state, list(texts(problems))


def audit(make_uow: UowFactory, entity: str) -> list[tuple[str, str | None]]:
    with make_uow() as uow:
        rows = uow.session.execute(
            select(AuditEvent.action, AuditEvent.details)
            .where(AuditEvent.entity == entity)
            .order_by(AuditEvent.id)
        )
        return [(a, d) for a, d in rows]


def test_referring_needs_clears_the_warnings(make_uow: UowFactory) -> None:
    stay = seed_stay(
        make_uow, domains=[NeedDomain.FOOD, NeedDomain.TRANSPORTATION, NeedDomain.LANGUAGE]
    )
    nurse = user_actor(make_uow, "nurse")
    assert readiness(make_uow, stay.encounter_id) == (
        "missing",
        [
            f"food need ({'Worried food would run out before money to buy more'}): no referral",
            "transportation need (No ride to medical appointments): no referral",
            "no goal set with the patient",
        ],
    )  # the language need is met by an interpreter: no referral expected
    food = refer(
        make_uow,
        nurse,
        stay.needs[NeedDomain.FOOD],
        "Riverside Senior Meals Program",
        status=ReferralStatus.SUGGESTED,
    )
    state, problems = readiness(make_uow, stay.encounter_id)
    assert state == "warning"
    assert "a resource was suggested but no referral made" in problems[0]
    with make_uow() as uow:
        view = referrals.update_referral(
            uow,
            nurse,
            food,
            expected_version=1,
            status=ReferralStatus.REFERRED,
            follow_up_on=TODAY + timedelta(days=3),
            notes="Patient agreed; intake Monday",
        )
    assert view.status is ReferralStatus.REFERRED and view.version_id == 2
    assert view.status_changed_by == "Test nurse"
    refer(
        make_uow,
        nurse,
        stay.needs[NeedDomain.TRANSPORTATION],
        "County Ride Connect",
        follow_up_on=TODAY + timedelta(days=1),
    )
    assert readiness(make_uow, stay.encounter_id) == (
        "in_progress",
        ["no goal set with the patient"],
    )
    with make_uow() as uow:
        needs = referrals.list_need_referrals(uow, nurse, stay.encounter_id)
        encounter = uow.session.get(Encounter, stay.encounter_id)
        assert encounter is not None and careplan_warnings(uow, encounter) == []
    by_domain = {n.domain: n for n in needs}
    assert by_domain["food"].referred and not by_domain["food"].needs_referral
    assert not by_domain["language"].expects_referral and by_domain["language"].met_by
    actions = [a for a, _ in audit(make_uow, "referral")]
    assert actions == ["create", "update", "create"]
    before_after = json.loads(audit(make_uow, "referral")[1][1] or "{}")
    assert before_after["before"]["status"] == "suggested"
    assert before_after["after"]["follow_up_on"] == "2026-11-28"


def test_unable_to_reach_warns_and_declined_by_patient_does_not(make_uow: UowFactory) -> None:
    stay = seed_stay(make_uow)
    cm = user_actor(make_uow, "case_manager")
    ride = refer(make_uow, cm, stay.needs[NeedDomain.TRANSPORTATION], "County Ride Connect")
    with make_uow() as uow:
        referrals.update_referral(
            uow,
            cm,
            ride,
            expected_version=1,
            status=ReferralStatus.UNABLE_TO_REACH,
            follow_up_on=None,
            notes=None,
        )
    refer(
        make_uow,
        cm,
        stay.needs[NeedDomain.FOOD],
        "Riverside Community Food Pantry",
        status=ReferralStatus.DECLINED,
        notes="Family brings groceries",
    )
    _, problems = readiness(make_uow, stay.encounter_id)
    assert problems[0].endswith("could not be reached; refer to another one")
    assert len(problems) == 2  # transport warning + no goal


def test_referral_rules(make_uow: UowFactory) -> None:
    stay = seed_stay(make_uow)
    nurse = user_actor(make_uow, "nurse")
    food = stay.needs[NeedDomain.FOOD]
    with pytest.raises(ValidationError, match="future") as err:
        refer(make_uow, nurse, food, "Alder Falls Food Shelf", referred_on=TODAY + timedelta(1))
    assert err.value.field == "referred_on"
    with pytest.raises(ValidationError, match="before the referral date"):
        refer(make_uow, nurse, food, "Alder Falls Food Shelf", follow_up_on=TODAY - timedelta(1))
    refer(make_uow, nurse, food, "Alder Falls Food Shelf")
    with pytest.raises(ValidationError, match="already referred to Alder Falls Food Shelf"):
        refer(make_uow, nurse, food, "Alder Falls Food Shelf")
    with make_uow() as uow:
        uow.session.get(Need, food).status = NeedStatus.RESOLVED  # type: ignore[union-attr]
        uow.commit()
    with pytest.raises(ValidationError, match="this need is resolved"):
        refer(make_uow, nurse, food, "Riverside Community Food Pantry")


def test_referral_permissions_and_units(make_uow: UowFactory) -> None:
    stay = seed_stay(make_uow)
    pharmacist = user_actor(make_uow, "pharmacist")
    with pytest.raises(PermissionDeniedError, match="careplan.edit"):
        refer(make_uow, pharmacist, stay.needs[NeedDomain.FOOD], "Alder Falls Food Shelf")
    with make_uow() as uow:
        other = make_unit(uow.session, "9Z", "Elsewhere")
        uow.commit()
        other_id = other.id
    nurse = user_actor(make_uow, "nurse")
    elsewhere = Actor(
        nurse.user_id, nurse.username, nurse.display_name, nurse.roles, units=frozenset({other_id})
    )
    with pytest.raises(PermissionDeniedError, match="other units"):
        refer(make_uow, elsewhere, stay.needs[NeedDomain.FOOD], "Alder Falls Food Shelf")


def test_stale_referral_update_is_a_conflict(make_uow: UowFactory) -> None:
    stay = seed_stay(make_uow)
    nurse = user_actor(make_uow, "nurse")
    ride = refer(make_uow, nurse, stay.needs[NeedDomain.TRANSPORTATION], "County Ride Connect")
    kw = {"status": ReferralStatus.ACCEPTED, "follow_up_on": None, "notes": None}
    with make_uow() as uow:
        referrals.update_referral(uow, nurse, ride, expected_version=1, **kw)  # type: ignore[arg-type]
    with make_uow() as uow, pytest.raises(ConflictError):
        referrals.update_referral(uow, nurse, ride, expected_version=1, **kw)  # type: ignore[arg-type]


def add_goal(make_uow: UowFactory, actor: Actor, encounter_id: int, **kw: object) -> int:
    data = GoalInput(
        patient_words=str(kw.pop("words", "I want to walk to church again")),
        target=str(kw.pop("target", "Walk 10 minutes twice a day")),
        target_date=kw.pop("target_date", TODAY + timedelta(days=14)),  # type: ignore[arg-type]
        links=tuple(kw.pop("links", ())),  # type: ignore[arg-type]
    )
    with make_uow() as uow:
        return goals.add_goal(uow, actor, encounter_id, data)


def test_goals_with_links_status_and_sections(make_uow: UowFactory) -> None:
    stay = seed_stay(make_uow)
    cm = user_actor(make_uow, "case_manager")
    ride = refer(make_uow, cm, stay.needs[NeedDomain.TRANSPORTATION], "County Ride Connect")
    with make_uow() as uow:
        appt = Appointment(
            encounter_id=stay.encounter_id,
            type=AppointmentType.PCP_FOLLOW_UP,
            status=AppointmentStatus.BOOKED,
            starts_at=uow.now() + timedelta(days=7),
            booked_by="test",
        )
        uow.session.add(appt)
        uow.commit()
        appt_id = appt.id
        options = goals.goal_link_options(uow, cm, stay.encounter_id)
    kinds = {o.link.kind for o in options}
    assert kinds == {
        GoalLinkKind.NEED,
        GoalLinkKind.EDUCATION_MODULE,
        GoalLinkKind.APPOINTMENT,
        GoalLinkKind.REFERRAL,
    }
    module = next(o for o in options if o.link.kind is GoalLinkKind.EDUCATION_MODULE)
    links = (
        GoalLinkRef(GoalLinkKind.APPOINTMENT, appt_id),
        GoalLinkRef(GoalLinkKind.REFERRAL, ride),
        GoalLinkRef(GoalLinkKind.NEED, stay.needs[NeedDomain.TRANSPORTATION]),
        module.link,
        GoalLinkRef(GoalLinkKind.REFERRAL, ride),  # duplicates are dropped
    )
    goal = add_goal(
        make_uow,
        cm,
        stay.encounter_id,
        words="See my doctor next week",
        target="Attend the PCP visit",
        links=links,
    )
    add_goal(make_uow, cm, stay.encounter_id)
    add_goal(make_uow, cm, stay.encounter_id, words="Weigh myself", target="Every morning")
    with make_uow() as uow:
        shown = goals.list_goals(uow, cm, stay.encounter_id)
    assert [g.status for g in shown] == [GoalStatus.ACTIVE] * 3
    assert [o.link.kind for o in shown[0].links] == [
        GoalLinkKind.APPOINTMENT,
        GoalLinkKind.REFERRAL,
        GoalLinkKind.NEED,
        GoalLinkKind.EDUCATION_MODULE,
    ]
    assert shown[0].links[1].label == "County Ride Connect"

    # a follow-up caller (unit manager: followup.call, no careplan.edit) records progress
    manager = user_actor(make_uow, "unit_manager")
    with make_uow() as uow:
        after = goals.set_goal_status(
            uow,
            manager,
            goal,
            GoalStatus.MET,
            expected_version=1,
            note="Saw Dr. Lee on Tuesday",
            context="followup_call",
        )
    assert after.status is GoalStatus.MET and after.status_changed_by == "Test unit_manager"
    with make_uow() as uow, pytest.raises(PermissionDeniedError):
        goals.add_goal(
            uow, manager, stay.encounter_id, GoalInput("x", "y", TODAY + timedelta(days=2))
        )
    with make_uow() as uow, pytest.raises(ConflictError):
        goals.set_goal_status(uow, cm, goal, GoalStatus.NOT_MET, expected_version=1)

    # editing the links only bumps the version too
    with make_uow() as uow:
        edited = goals.edit_goal(
            uow,
            cm,
            goal,
            GoalInput(
                "See my doctor next week",
                "Attend the PCP visit",
                TODAY + timedelta(14),
                links=(GoalLinkRef(GoalLinkKind.APPOINTMENT, appt_id),),
            ),
            expected_version=after.version_id,
        )
    assert edited.version_id == after.version_id + 1 and len(edited.links) == 1
    assert [a for a, _ in audit(make_uow, "goal")] == [
        "create",
        "create",
        "create",
        "status",
        "update",
    ]
    status_event = json.loads(audit(make_uow, "goal")[3][1] or "{}")
    assert status_event["context"] == "followup_call"

    assert readiness(make_uow, stay.encounter_id)[0] == "warning"  # food still unreferred
    with make_uow() as uow:
        document = stay_document(uow, Actor.system("test"), stay.visit)
    assert [r["resource_name"] for r in document["referrals"]] == ["County Ride Connect"]
    assert [g["status"] for g in document["goals"]] == ["met", "active", "active"]
    assert document["goals"][0]["links"] == [
        {"kind": "appointment", "ref": appt_id, "label": edited.links[0].label}
    ]


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"words": "  "}, "patient_words"),
        ({"target": ""}, "target"),
        ({"target": "x" * 501}, "target"),
        ({"target_date": TODAY - timedelta(days=1)}, "target_date"),
        ({"target_date": TODAY + timedelta(days=400)}, "target_date"),
        ({"links": [GoalLinkRef(GoalLinkKind.EDUCATION_MODULE, "no-such-module")]}, "links"),
        ({"links": [GoalLinkRef(GoalLinkKind.NEED, 999_999)]}, "links"),
    ],
)
def test_goal_validation_names_the_field(
    make_uow: UowFactory, kw: dict[str, object], field: str
) -> None:
    stay = seed_stay(make_uow, resources=False)
    nurse = user_actor(make_uow, "nurse")
    with pytest.raises(ValidationError) as err:
        add_goal(make_uow, nurse, stay.encounter_id, **kw)
    assert err.value.field == field


def test_goal_cannot_link_another_stays_need(make_uow: UowFactory) -> None:
    first = seed_stay(make_uow, resources=False)
    second = seed_stay(make_uow, resources=False, unit_code="5E")
    nurse = user_actor(make_uow, "nurse")
    with pytest.raises(ValidationError, match="not part of this stay"):
        add_goal(
            make_uow,
            nurse,
            first.encounter_id,
            links=[GoalLinkRef(GoalLinkKind.NEED, second.needs[NeedDomain.FOOD])],
        )
