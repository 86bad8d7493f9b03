"""FHIR export of the follow-up: booked appointments (Appointment), follow-up tasks as CarePlan
activities and the CTM-3 answers of a reached call (QuestionnaireResponse); validated with
fhir.resources R4B on both databases."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from tests.conftest import FIXED_NOW
from tests.db.test_medrec import seed
from transitions.db.followup_models import FollowupTask
from transitions.db.models import Clinic, Encounter
from transitions.domain.appointments import AppointmentType
from transitions.domain.encounter_status import EncounterStatus
from transitions.domain.followup import CallAnswers, TaskKind
from transitions.services import appointments, encounters, interop_fhir
from transitions.services.followup_calls import log_call
from transitions.services.uow import Actor, UnitOfWork

MakeUow = Callable[[], UnitOfWork]


def _of(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def test_export_carries_appointments_tasks_and_ctm3(make_uow: MakeUow, actor: Actor) -> None:
    stay, _ids = seed(make_uow)
    with make_uow() as uow:
        clinic = Clinic(
            name="Riverside Family Medicine",
            opening_hours="Mon-Fri 08:00-17:00",
            accepts_new_patients=True,
        )
        uow.session.add(clinic)
        uow.commit()
        clinic_id = clinic.id
    with make_uow() as uow:
        appointments.book_appointment(
            uow, actor, stay,
            appointments.AppointmentInput(
                type=AppointmentType.PCP_FOLLOW_UP, clinic_id=clinic_id,
                starts_at=(FIXED_NOW + timedelta(days=6)).replace(hour=15, minute=0),
            ),
        )  # fmt: skip
    for target in (EncounterStatus.DISCHARGE_PLANNED, EncounterStatus.READY,
                   EncounterStatus.DISCHARGED):  # fmt: skip
        with make_uow() as uow:
            version = uow.session.get_one(Encounter, stay).version_id
            encounters.change_status(
                uow, actor, stay, target, expected_version=version, disposition="home"
            )
    with make_uow() as uow:
        task = uow.session.scalar(
            select(FollowupTask).where(
                FollowupTask.encounter_id == stay, FollowupTask.kind == TaskKind.CONTACT
            )
        )
        assert task is not None
        task_id, task_version = task.id, task.version_id
    with make_uow() as uow:
        log_call(
            uow, actor, task_id, expected_version=task_version, number="(555) 010-1234",
            reached=True, answers=CallAnswers(ctm3={"q1": 4, "q2": 3, "q3": 4}),
        )  # fmt: skip
    with make_uow() as uow:
        bundle = json.loads(interop_fhir.export_stay(uow, actor, "V0001"))
    [appointment] = _of(bundle, "Appointment")
    assert appointment["status"] == "booked" and appointment["minutesDuration"] == 30
    ctm3 = [r for r in _of(bundle, "QuestionnaireResponse") if r["id"].startswith("ctm3-")]
    assert len(ctm3) == 1
    answers = {i["linkId"]: i["answer"][0] for i in ctm3[0]["item"]}
    assert answers["q1"] == {"valueInteger": 4} and "score" in answers
    activities = [
        a["detail"]["code"]["text"] for plan in _of(bundle, "CarePlan") for a in plan["activity"]
    ]
    assert {"contact", "visit", "readmission"} <= set(activities)
