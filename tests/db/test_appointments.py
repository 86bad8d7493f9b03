"""Appointments, pending tests, home services and the directory on both databases."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from tests.conftest import FIXED_NOW
from tests.factories import make_patient, make_stay, make_unit
from transitions.config import SiteConfig
from transitions.db.appointments_models import Appointment, HomeService, PendingTest
from transitions.db.engine import Database
from transitions.db.models import AuditEvent, Clinic, Encounter, Provider
from transitions.demo.generator import generate_demo
from transitions.domain.appointments import (
    AppointmentStatus,
    AppointmentType,
    HomeServiceKind,
    PatientNotification,
    WarningCode,
)
from transitions.domain.encounter_status import EncounterStatus
from transitions.errors import ConflictError, PermissionDeniedError, ValidationError
from transitions.services import appointments, directory, followup_items
from transitions.services.appointments import AppointmentInput
from transitions.services.encounters import stay_document
from transitions.services.uow import Actor, UnitOfWork

NY = ZoneInfo("America/New_York")


@dataclass(frozen=True)
class Seeded:
    stay: int
    visit: str
    pcp: int
    clinic: int


def seed(make_uow: Callable[[], UnitOfWork]) -> Seeded:
    """A stay planned for discharge Wed 25 Nov 2026 14:00 New York; a PCP at a weekday clinic."""
    with make_uow() as uow:
        s = uow.session
        clinic = Clinic(name="Riverside Primary Care", opening_hours="Mon-Fri 08:00-17:00")
        pcp = Provider(family_name="Harrowgate", given_name="Celestine", credentials="MD")
        pcp.clinic = clinic
        s.add_all([clinic, pcp])
        patient = make_patient(s, "Quigley", "Maren", mrn="MRN500001")
        patient.pcp = pcp
        stay = make_stay(
            s,
            patient,
            make_unit(s),
            status=EncounterStatus.DISCHARGE_PLANNED,
            planned_discharge=FIXED_NOW + timedelta(hours=4),
            visit_number="V5000001",
        )
        uow.commit()
        return Seeded(stay.id, stay.visit_number, pcp.id, clinic.id)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=NY)


def book(
    make_uow: Callable[[], UnitOfWork], actor: Actor, seeded: Seeded, start: datetime, **kw: object
) -> int:
    data = AppointmentInput(
        type=kw.pop("type", AppointmentType.PCP_FOLLOW_UP),  # type: ignore[arg-type]
        starts_at=start,
        provider_id=seeded.pcp,
        **kw,  # type: ignore[arg-type]
    )
    with make_uow() as uow:
        return appointments.book_appointment(uow, actor, seeded.stay, data)


def plan(make_uow: Callable[[], UnitOfWork], actor: Actor, seeded: Seeded):  # type: ignore[no-untyped-def]
    with make_uow() as uow:
        return appointments.follow_up_plan(uow, actor, encounter_id=seeded.stay)


def test_book_edit_cancel_rebook_keep_history_and_audit(
    make_uow: Callable[[], UnitOfWork], actor: Actor
) -> None:
    seeded = seed(make_uow)
    first = book(make_uow, actor, seeded, at(date(2026, 12, 1), 10))
    p = plan(make_uow, actor, seeded)
    assert p.warnings == ()
    view = p.appointments[0]
    assert (view.provider, view.clinic, view.status) == (
        "Celestine Harrowgate, MD",
        "Riverside Primary Care",
        AppointmentStatus.BOOKED,
    )

    moved = AppointmentInput(
        type=AppointmentType.PCP_FOLLOW_UP,
        starts_at=at(date(2026, 12, 2), 11),
        provider_id=seeded.pcp,
        status=AppointmentStatus.CONFIRMED,
    )
    with make_uow() as uow:
        appointments.edit_appointment(uow, actor, first, moved, expected_version=view.version_id)
    with make_uow() as uow, pytest.raises(ConflictError):
        appointments.edit_appointment(uow, actor, first, moved, expected_version=view.version_id)

    view = plan(make_uow, actor, seeded).appointments[0]
    with make_uow() as uow:
        second = appointments.rebook_appointment(
            uow,
            actor,
            first,
            AppointmentInput(
                type=AppointmentType.PCP_FOLLOW_UP,
                starts_at=at(date(2026, 12, 3), 9),
                provider_id=seeded.pcp,
            ),
            expected_version=view.version_id,
            reason="patient asked for a morning slot",
        )
    p = plan(make_uow, actor, seeded)
    old, new = sorted(p.appointments, key=lambda a: a.id)
    assert old.status is AppointmentStatus.CANCELLED
    assert new.rebooked_from_id == old.id and new.id == second
    assert [c.action for c in old.history] == ["book", "edit", "cancel"]
    assert old.history[1].details is not None
    assert set(old.history[1].details["changed"]) == {"starts_at", "status"}
    assert [c.action for c in new.history] == ["rebook"]

    with make_uow() as uow:
        appointments.cancel_appointment(
            uow, actor, second, reason="seen elsewhere", expected_version=new.version_id
        )
    with make_uow() as uow:
        audits = [
            (a.action, a.patient_id, json.loads(a.details or "{}"))
            for a in uow.session.scalars(
                select(AuditEvent).where(AuditEvent.entity == "appointment").order_by(AuditEvent.id)
            )
        ]
    assert [a[0] for a in audits] == ["book", "edit", "cancel", "rebook", "cancel"]
    assert audits[-1][2]["reason"] == "seen elsewhere"
    assert all(a[1] is not None for a in audits)
    assert [w.code for w in plan(make_uow, actor, seeded).warnings] == [
        WarningCode.NO_PCP_FOLLOW_UP
    ]


def test_warnings_and_calendar(make_uow: Callable[[], UnitOfWork], actor: Actor) -> None:
    seeded = seed(make_uow)
    thanksgiving = book(
        make_uow, actor, seeded, at(date(2026, 11, 26), 10), type=AppointmentType.LAB
    )
    evening = book(
        make_uow,
        actor,
        seeded,
        at(date(2026, 12, 14), 18),
        transport_needed=True,
        interpreter_needed=True,
    )
    p = plan(make_uow, actor, seeded)
    found = {(w.code, w.appointment_id) for w in p.warnings}
    assert found == {
        (WarningCode.PCP_AFTER_DEADLINE, evening),
        (WarningCode.HOLIDAY, thanksgiving),
        (WarningCode.OUTSIDE_HOURS, evening),
        (WarningCode.TRANSPORT_NOT_ARRANGED, evening),
        (WarningCode.INTERPRETER_NOT_ARRANGED, evening),
    }
    assert p.visit_due == date(2026, 12, 9)
    assert p.deadlines.contact_due == date(2026, 11, 30)  # Thanksgiving + Friday, weekend
    days = p.calendar(NY)
    assert len(days) == 30
    assert (days[0].day, days[-1].day) == (date(2026, 11, 25), date(2026, 12, 24))
    assert days[1].holiday == "Thanksgiving Day" and days[1].appointments[0].id == thanksgiving
    assert days[5].contact_due and days[14].visit_due and days[3].weekend


def test_validation_and_permissions(make_uow: Callable[[], UnitOfWork], actor: Actor) -> None:
    seeded = seed(make_uow)
    bad = AppointmentInput(type=AppointmentType.SPECIALIST, starts_at=at(date(2026, 12, 1), 9))
    with make_uow() as uow, pytest.raises(ValidationError) as exc:
        appointments.book_appointment(uow, actor, seeded.stay, bad)
    assert exc.value.field == "provider"
    pharmacist = Actor(7, "pharm", "Pat Pharmacist", frozenset({"pharmacist"}))
    good = AppointmentInput(
        type=AppointmentType.PCP_FOLLOW_UP, starts_at=at(date(2026, 12, 1), 9), provider_id=1
    )
    with make_uow() as uow, pytest.raises(PermissionDeniedError):
        appointments.book_appointment(uow, pharmacist, seeded.stay, good)


def test_pending_tests_home_services_and_encounter_show(
    make_uow: Callable[[], UnitOfWork], actor: Actor
) -> None:
    seeded = seed(make_uow)
    book(make_uow, actor, seeded, at(date(2026, 12, 1), 10))
    with make_uow() as uow:
        followup_items.add_pending_test(
            uow,
            actor,
            seeded.stay,
            test_name="Blood culture",
            notify_by=PatientNotification.PHONE,
            ordered_by="Dr Okafor",
            expected_on=date(2026, 11, 27),
            responsible_id=seeded.pcp,
        )
    with make_uow() as uow:
        followup_items.add_home_service(
            uow,
            actor,
            seeded.stay,
            kind=HomeServiceKind.OXYGEN,
            description="Home oxygen 2 L/min",
            vendor="Valley Medical Supply",
            starts_on=date(2026, 11, 25),
        )
    with make_uow() as uow, pytest.raises(ValidationError) as exc:
        followup_items.add_pending_test(
            uow, actor, seeded.stay, test_name=" ", notify_by=PatientNotification.PORTAL
        )
    assert exc.value.field == "test_name"
    with make_uow() as uow:
        doc = stay_document(uow, actor, seeded.visit)
    assert [a["status"] for a in doc["appointments"]] == ["booked"]
    assert doc["appointments"][0]["starts_at"] == "2026-12-01T15:00:00Z"
    assert doc["pending_tests"][0]["test_name"] == "Blood culture"
    assert doc["pending_tests"][0]["responsible"] == "Celestine Harrowgate, MD"
    assert doc["home_services"][0]["vendor"] == "Valley Medical Supply"

    with make_uow() as uow:
        test = uow.session.scalars(select(PendingTest)).one()
        followup_items.remove_item(
            uow, actor, PendingTest, test.id, expected_version=test.version_id
        )
    with make_uow() as uow:
        assert uow.session.scalars(select(PendingTest)).all() == []
        assert len(uow.session.scalars(select(HomeService)).all()) == 1
        entities = uow.session.scalars(select(AuditEvent.entity)).all()
    assert entities.count("pending_test") == 2 and "home_service" in entities


DIRECTORY_CSV = "\n".join(
    [
        "kind,name,given_name,family_name,credentials,npi,specialty,phone,opening_hours,"
        "accepts_new_patients,clinic",
        "clinic,Alder Falls Family Practice,,,,,Family Medicine,(555) 010-1000,"
        "Mon-Thu 08:00-18:00; Fri 08:00-12:00,no,",
        "provider,,Wendell,Brightwater,DO,1234567893,Family Medicine,,,,"
        "Alder Falls Family Practice",
        "provider,,Ada,Okafor,MD,,Medicine,,,,",
        "",
    ]
)


def test_directory_import_creates_then_updates(
    make_uow: Callable[[], UnitOfWork], actor: Actor
) -> None:
    with make_uow() as uow:
        result = directory.import_directory(uow, actor, DIRECTORY_CSV)
    assert result.to_json() == {
        "clinics_created": 1,
        "clinics_updated": 0,
        "providers_created": 2,
        "providers_updated": 0,
    }
    with make_uow() as uow:
        again = directory.import_directory(uow, actor, DIRECTORY_CSV)
        entries = directory.list_directory(uow, actor)
    assert (again.clinics_updated, again.providers_updated) == (1, 2)
    brightwater = next(e for e in entries if e.label.startswith("Wendell"))
    assert brightwater.label == "Wendell Brightwater, DO — Alder Falls Family Practice"
    assert brightwater.opening_hours == "Mon-Thu 08:00-18:00; Fri 08:00-12:00"
    assert brightwater.accepts_new_patients is False
    assert len(entries) == 3


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("kind,name\nward,X\n", "line 2: kind must be"),
        ("kind,name,opening_hours\nclinic,X,Mon 9-5\n", "line 2: opening_hours"),
        ("kind,given_name,family_name,clinic\nprovider,A,B,Nowhere\n", "no clinic named"),
        ("kind,colour\nclinic,red\n", "unknown column"),
    ],
)
def test_directory_import_rejects_bad_files(
    make_uow: Callable[[], UnitOfWork], actor: Actor, text: str, message: str
) -> None:
    with make_uow() as uow, pytest.raises(ValidationError, match=message):
        directory.import_directory(uow, actor, text)
    with make_uow() as uow:
        assert uow.session.scalars(select(Clinic)).all() == []


def test_demo_books_follow_ups_deterministically(
    database: Database, site: SiteConfig, make_uow: Callable[[], UnitOfWork], actor: Actor
) -> None:
    generate_demo(database, patients=120, seed=7, today=date(2026, 11, 25), tz=site.timezone)
    with make_uow() as uow:
        rows = uow.session.execute(
            select(Appointment.encounter_id, Appointment.type, Appointment.starts_at).order_by(
                Appointment.id
            )
        ).all()
        visit = uow.session.scalar(select(Encounter.visit_number).where(Encounter.id == rows[0][0]))
    assert len(rows) >= 3
    assert {kind for _, kind, _ in rows} <= {AppointmentType.PCP_FOLLOW_UP, AppointmentType.LAB}
    assert all(start.astimezone(NY).weekday() < 5 for _, _, start in rows)
    with make_uow() as uow:
        plan_ = appointments.follow_up_plan(uow, actor, visit_number=visit)
    assert WarningCode.NO_PCP_FOLLOW_UP not in {w.code for w in plan_.warnings}
