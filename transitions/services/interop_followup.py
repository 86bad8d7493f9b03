"""The follow-up part of a stay's FHIR export: booked appointments (Appointment), the follow-up
tasks as CarePlan activities, and each reached call's CTM-3 answers (QuestionnaireResponse).

Registered in :data:`transitions.services.interop_care.EXPORT_CONTRIBUTORS`; the export
validates every resource with fhir.resources R4B.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from transitions.db.models import Encounter
from transitions.resources import load_json
from transitions.services import appointments, followup
from transitions.services.interop_care import EXPORT_CONTRIBUTORS, Resources
from transitions.services.uow import UnitOfWork

#: Appointment status in FHIR for ours (http://hl7.org/fhir/appointmentstatus)
_APPOINTMENT_STATUS = {
    "requested": "proposed",
    "booked": "booked",
    "confirmed": "booked",
    "completed": "fulfilled",
    "no_show": "noshow",
    "cancelled": "cancelled",
}
#: CarePlan activity status for a follow-up task's status
_TASK_STATUS = {"open": "scheduled", "done": "completed", "unable_to_reach": "stopped"}


def _instant(moment: Any) -> str:
    return str(moment.isoformat())


def _appointments(uow: UnitOfWork, encounter: Encounter, subject: dict[str, str]) -> Resources:
    plan = appointments.follow_up_plan_of(uow, encounter)
    resources: Resources = []
    for appt in plan.appointments:
        participants: list[dict[str, Any]] = [
            {"actor": {**subject}, "status": "accepted", "required": "required"}
        ]
        if appt.where:
            participants.append({"actor": {"display": appt.where}, "status": "accepted"})
        resource: dict[str, Any] = {
            "resourceType": "Appointment",
            "id": f"appointment-{appt.id}",
            "status": _APPOINTMENT_STATUS.get(appt.status.value, "booked"),
            "serviceType": [{"text": appt.type.value.replace("_", " ")}],
            "start": _instant(appt.starts_at),
            "end": _instant(appt.starts_at + timedelta(minutes=appt.duration_minutes)),
            "minutesDuration": appt.duration_minutes,
            "participant": participants,
        }
        if appt.patient_notes:
            resource["patientInstruction"] = appt.patient_notes
        resources.append(resource)
    return resources


def _tasks(uow: UnitOfWork, encounter: Encounter) -> Resources:
    if encounter.discharge_time is None:
        return []
    log = followup.get_call_log_of(uow, encounter)
    return [
        {
            "detail": {
                "kind": "Task",
                "code": {"text": task.kind.value.replace("_", " ")},
                "status": _TASK_STATUS.get(task.status.value, "unknown"),
                "scheduledString": f"due {task.due_date.isoformat()}",
                "description": task.outcome or f"owner: {task.owner}",
            }
        }
        for task in log.tasks
    ]


def _ctm3(
    uow: UnitOfWork, encounter: Encounter, subject: dict[str, str], context: dict[str, str]
) -> Resources:
    if encounter.discharge_time is None:
        return []
    questions = {q["key"]: q["text"] for q in load_json("followup", "ctm3.json")["questions"]}
    log = followup.get_call_log_of(uow, encounter)
    resources: Resources = []
    for number, attempt in enumerate(log.attempts, start=1):
        ctm3 = (attempt.answers or {}).get("ctm3") or {}
        if not ctm3:
            continue
        items = [
            {
                "linkId": key,
                "text": questions.get(key, key),
                "answer": [{"valueInteger": int(value)}],
            }
            for key, value in sorted(ctm3.items())
        ]
        score = (attempt.answers or {}).get("ctm3_score")
        if score is not None:
            items.append(
                {"linkId": "score", "text": "CTM-3 score (0-100)", "answer": [
                    {"valueDecimal": float(score)}
                ]}
            )  # fmt: skip
        resources.append(
            {
                "resourceType": "QuestionnaireResponse",
                "id": f"ctm3-{encounter.id}-{number}",
                "status": "completed",
                "subject": subject,
                "encounter": context,
                "authored": _instant(attempt.called_at),
                "author": {"display": attempt.caller},
                "item": items,
            }
        )
    return resources


def followup_export(
    uow: UnitOfWork, encounter: Encounter, subject: dict[str, str], context: dict[str, str]
) -> tuple[Resources, Resources]:
    resources = _appointments(uow, encounter, subject) + _ctm3(uow, encounter, subject, context)
    return resources, _tasks(uow, encounter)


if followup_export not in EXPORT_CONTRIBUTORS:
    EXPORT_CONTRIBUTORS.append(followup_export)
