"""The care plan part of a stay's FHIR export (issue 7): each goal made with the patient as a
Goal, each community referral as a ServiceRequest, and a CarePlan (US Core category
``assess-plan``) whose ``goal`` lists the Goals and whose activities reference the
ServiceRequests.

Registered in :data:`transitions.services.interop_care.EXPORT_CONTRIBUTORS` (importing
:mod:`transitions.services.careplan` registers it); the export validates every resource with
fhir.resources R4B.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from transitions.db.models import Encounter
from transitions.domain.careplan import GoalStatus, ReferralStatus, vocabulary
from transitions.interop.fhir_care import CAREPLAN_CATEGORY
from transitions.services import goals, referrals
from transitions.services.interop_care import EXPORT_CONTRIBUTORS, Resources
from transitions.services.uow import UnitOfWork

GOAL_ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement"
SNOMED = "http://snomed.info/sct"
#: SNOMED CT 410606002 |Social service procedure|: the category of a community referral
SOCIAL_SERVICE = ("410606002", "Social service procedure")

#: Goal.lifecycleStatus and achievementStatus (http://hl7.org/fhir/goal-status,
#: goal-achievement) for our goal statuses. "completed" = no longer sought; whether it was
#: achieved is the achievement status. A revised goal was replaced by a new one: cancelled.
_GOAL_STATUS: dict[GoalStatus, tuple[str, str, str]] = {
    GoalStatus.ACTIVE: ("active", "in-progress", "In Progress"),
    GoalStatus.MET: ("completed", "achieved", "Achieved"),
    GoalStatus.NOT_MET: ("completed", "not-achieved", "Not Achieved"),
    GoalStatus.REVISED: ("cancelled", "no-change", "No Change"),
}
#: ServiceRequest status and intent (http://hl7.org/fhir/request-status, request-intent):
#: a suggestion is a draft proposal; unable to reach the programme puts the referral on hold
#: (the need still wants one); the patient declining revokes it.
_REFERRAL_STATUS: dict[ReferralStatus, tuple[str, str]] = {
    ReferralStatus.SUGGESTED: ("draft", "proposal"),
    ReferralStatus.REFERRED: ("active", "order"),
    ReferralStatus.ACCEPTED: ("active", "order"),
    ReferralStatus.DECLINED: ("revoked", "order"),
    ReferralStatus.COMPLETED: ("completed", "order"),
    ReferralStatus.UNABLE_TO_REACH: ("on-hold", "order"),
}


def _instant(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _goal(view: goals.GoalView, subject: dict[str, str]) -> dict[str, Any]:
    lifecycle, achievement, display = _GOAL_STATUS[view.status]
    resource: dict[str, Any] = {
        "resourceType": "Goal",
        "id": f"goal-{view.id}",
        "lifecycleStatus": lifecycle,
        "achievementStatus": {
            "coding": [{"system": GOAL_ACHIEVEMENT, "code": achievement, "display": display}],
            "text": view.status.value.replace("_", " "),
        },
        "description": {"text": view.patient_words},
        "subject": subject,
        "expressedBy": subject,
        "target": [{"detailString": view.target, "dueDate": view.target_date.isoformat()}],
        "statusDate": view.status_changed_at.date().isoformat(),
    }
    if view.status_note:
        resource["statusReason"] = view.status_note
    served = [f"{o.link.kind.value.replace('_', ' ')}: {o.label}" for o in view.links]
    if served:
        resource["note"] = [{"text": "Served by " + "; ".join(served)}]
    return resource


def _service_request(
    view: referrals.ReferralView,
    need: referrals.NeedReferrals | None,
    subject: dict[str, str],
    context: dict[str, str],
) -> dict[str, Any]:
    status, intent = _REFERRAL_STATUS[view.status]
    code, display = SOCIAL_SERVICE
    category = vocabulary().label(view.resource_category)
    resource: dict[str, Any] = {
        "resourceType": "ServiceRequest",
        "id": f"referral-{view.id}",
        "status": status,
        "intent": intent,
        "category": [{"coding": [{"system": SNOMED, "code": code, "display": display}]}],
        "code": {"text": f"Referral to {category.lower()}"},
        "subject": subject,
        "encounter": context,
        "authoredOn": view.referred_on.isoformat(),
        "requester": {"display": view.created_by},
        "performer": [{"display": view.resource_name}],
    }
    if need is not None:
        resource["reasonCode"] = [
            {"text": f"{need.domain.replace('_', ' ')} need: {need.description}"}
        ]
    if view.resource_phone:
        resource["patientInstruction"] = f"{view.resource_name}: {view.resource_phone}"
    notes = [f"Status: {view.status.value.replace('_', ' ')} ({_instant(view.status_changed_at)})"]
    if view.follow_up_on:
        notes.append(f"Follow up on {view.follow_up_on.isoformat()}")
    if view.notes:
        notes.append(view.notes)
    resource["note"] = [{"text": text} for text in notes]
    return resource


def careplan_export(
    uow: UnitOfWork, encounter: Encounter, subject: dict[str, str], context: dict[str, str]
) -> tuple[Resources, Resources]:
    """(the CarePlan, its Goals and ServiceRequests; no activities for the education plan)."""
    goal_views = goals.stay_goals(uow, encounter)
    needs = {n.need_id: n for n in referrals.stay_needs(uow, encounter.id)}
    referral_views = referrals.stay_referrals(uow, encounter.id)
    if not goal_views and not referral_views:
        return [], []
    resources: Resources = [_goal(g, subject) for g in goal_views]
    requests = [_service_request(r, needs.get(r.need_id), subject, context) for r in referral_views]
    resources += requests
    plan: dict[str, Any] = {
        "resourceType": "CarePlan",
        "id": f"careplan-goals-{encounter.id}",
        "status": "active",
        "intent": "plan",
        "category": [
            {
                "coding": [{"system": CAREPLAN_CATEGORY, "code": "assess-plan"}],
                "text": "Goals made with the patient and community referrals",
            }
        ],
        "title": "My care plan",
        "subject": subject,
        "encounter": context,
    }
    if goal_views:
        plan["goal"] = [{"reference": f"Goal/goal-{g.id}"} for g in goal_views]
    if referral_views:
        # a reference or a detail, not both (cpl-3): the status is the ServiceRequest's
        plan["activity"] = [
            {"reference": {"reference": f"ServiceRequest/{r['id']}"}} for r in requests
        ]
    return [plan, *resources], []


if careplan_export not in EXPORT_CONTRIBUTORS:
    EXPORT_CONTRIBUTORS.append(careplan_export)
