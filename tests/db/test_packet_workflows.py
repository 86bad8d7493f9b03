"""The packet prints what the workflows recorded: signed medicines in their groups and the
education that was taught, with its warning signs (both databases; text read back with pypdf)."""

from __future__ import annotations

import io
from collections.abc import Callable

from pypdf import PdfReader

from tests.db.test_medrec import nurse, seed
from transitions.domain.education.enums import Learner, Method, TeachBackResult
from transitions.domain.medrec.workflow import DecisionKind
from transitions.services import education, medrec, packets
from transitions.services.education import TeachingEntry
from transitions.services.medrec import MedInput
from transitions.services.uow import Actor, UnitOfWork

MakeUow = Callable[[], UnitOfWork]


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def _reconcile(make_uow: MakeUow, stay: int, ids: dict[str, int]) -> None:
    rn = nurse()
    steps: list[tuple[str, DecisionKind, dict[str, object]]] = [
        ("furosemide", DecisionKind.CONTINUE, {}),
        (
            "metformin",
            DecisionKind.CHANGE,
            {
                "change": MedInput(drug="metformin", dose="1,000 mg", route="po", frequency="BID"),
                "reason_code": "dose_adjusted_clinical",
                "reason_text": "A1c 9.1",
            },
        ),
        ("Eliquis", DecisionKind.STOP, {"reason_code": "replaced"}),
        ("enoxaparin", DecisionKind.STOP, {"reason_code": "inpatient_only"}),
        ("insulin glargine", DecisionKind.NEW, {}),
    ]
    view = None
    for drug, kind, extra in steps:
        with make_uow() as uow:
            view = medrec.decide(uow, rn, ids[drug], kind, **extra)  # type: ignore[arg-type]
    assert view is not None
    for problem in view.problems:
        if problem.blocking and not problem.acknowledged:
            with make_uow() as uow:
                view = medrec.acknowledge(uow, rn, stay, problem.key, "discussed with team")
    with make_uow() as uow:
        medrec.sign(uow, rn, stay, expected_version=view.version_id)


def test_packet_has_signed_medicines_and_taught_education(make_uow: MakeUow, actor: Actor) -> None:
    stay, ids = seed(make_uow)
    with make_uow() as uow:
        before = packets.generate_packet(uow, actor, encounter_id=stay, language="en")
    assert "not final" in text_of(before.pdf)

    _reconcile(make_uow, stay, ids)
    with make_uow() as uow:
        education.record_teaching(
            uow,
            actor,
            stay,
            TeachingEntry(
                module_id="heart-failure",
                item_id="daily-weight",
                learner=Learner.PATIENT,
                method=Method.VERBAL,
                result=TeachBackResult.UNDERSTOOD,
            ),
        )
    with make_uow() as uow:
        after = packets.generate_packet(uow, actor, encounter_id=stay, language="en")
    assert after.new and after.info.version > before.info.version
    text = text_of(after.pdf)
    assert "not final" not in text
    for heading in ("NEW", "CHANGED", "KEEP TAKING", "STOP TAKING"):
        assert heading in text, heading
    assert "insulin glargine" in text and "metformin" in text and "Eliquis" in text
    assert "A1c 9.1" in text  # why the dose changed
    assert "Heart failure" in text
    assert "You gain 2 to 3 pounds in one day" in text  # call your doctor if
    with make_uow() as uow:
        spanish = packets.generate_packet(uow, actor, encounter_id=stay, language="es")
    assert "Sube de 2 a 3 libras" in text_of(spanish.pdf)


def test_packet_has_appointments_calendar_pending_results_and_home_services(
    make_uow: MakeUow, actor: Actor
) -> None:
    from datetime import date, datetime, timedelta

    from tests.conftest import FIXED_NOW
    from transitions.db.models import Clinic, Encounter, Provider
    from transitions.domain.appointments import (
        AppointmentType,
        HomeServiceKind,
        PatientNotification,
    )
    from transitions.services import appointments, followup_items

    stay, _ids = seed(make_uow)
    visit = (FIXED_NOW + timedelta(days=6)).replace(hour=15, minute=0)  # 10:00 New York
    assert isinstance(visit, datetime)
    with make_uow() as uow:
        clinic = Clinic(
            name="Riverside Family Medicine",
            phone="(555) 010-3300",
            opening_hours="Mon-Fri 08:00-17:00",
            accepts_new_patients=True,
        )
        doctor = Provider(family_name="Okafor", given_name="Ada", credentials="MD")
        uow.session.add_all([clinic, doctor])
        planned = uow.session.get_one(Encounter, stay)
        planned.planned_discharge_time = FIXED_NOW + timedelta(hours=4)
        uow.commit()
        clinic_id, doctor_id = clinic.id, doctor.id
    with make_uow() as uow:
        appointments.book_appointment(
            uow, actor, stay,
            appointments.AppointmentInput(
                type=AppointmentType.PCP_FOLLOW_UP, starts_at=visit, clinic_id=clinic_id
            ),
        )  # fmt: skip
    with make_uow() as uow:
        followup_items.add_pending_test(
            uow, actor, stay, test_name="Blood culture", notify_by=PatientNotification.PHONE,
            expected_on=date(2026, 11, 28), responsible_id=doctor_id,
        )  # fmt: skip
    with make_uow() as uow:
        followup_items.add_home_service(
            uow, actor, stay, kind=HomeServiceKind.OXYGEN, description="2 L/min at night",
            vendor="Lakeside Medical Supply", vendor_phone="(555) 010-7788",
        )  # fmt: skip
    with make_uow() as uow:
        pdf = packets.generate_packet(uow, actor, encounter_id=stay, language="en").pdf
    text = " ".join(text_of(pdf).split())  # table cells wrap over several lines
    assert "Check-up with your primary care provider" in text
    assert "Riverside Family Medicine" in text
    assert "Blood culture" in text and "by phone" in text
    assert "Oxygen at home" in text and "Lakeside Medical Supply" in text
    assert "Thanksgiving" in text  # the 30-day calendar with the site's holidays
