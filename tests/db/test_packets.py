"""Packet service on both databases: content from the stay, storage, versions, reprint, audit."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable
from datetime import timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from tests.conftest import FIXED_NOW
from tests.factories import add_clinical_details, make_patient, make_provider, make_stay, make_unit
from transitions.db.models import Allergy, AuditEvent, MedicationEntry, Unit, User
from transitions.domain.encounter_status import EncounterStatus
from transitions.domain.enums import AllergySeverity, MedicationList, MedicationSource
from transitions.errors import NotFoundError, PermissionDeniedError, ValidationError
from transitions.packet.content import MedicineGroup, PacketOptions
from transitions.services import packet_batch, packet_content, packets
from transitions.services.encounters import stay_document
from transitions.services.uow import Actor, UnitOfWork

NURSE = Actor(1, "nurse", "Nora Nurse, RN", frozenset({"nurse"}))
PHARMACIST = Actor(2, "pharm", "Phil Pharm", frozenset({"pharmacist"}))
CASE_MANAGER = Actor(3, "cm", "Cass Manager", frozenset({"case_manager"}))


def add_users(uow: UnitOfWork) -> None:
    for actor in (NURSE, PHARMACIST, CASE_MANAGER):
        uow.session.add(
            User(id=actor.user_id, username=actor.username, display_name=actor.display_name,
                 password_hash="x", roles=",".join(actor.roles))
        )  # fmt: skip
    uow.session.flush()


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


@pytest.fixture
def stay(make_uow: Callable[[], UnitOfWork]) -> int:
    with make_uow() as uow:
        s = uow.session
        add_users(uow)
        unit = make_unit(s, "4W", "4 West Medicine")
        patient = make_patient(s, "Quigley", "Maren", mrn="MRN100001")
        patient.pcp = make_provider(s, "Okafor", "Ada")
        encounter = make_stay(
            s, patient, unit, status=EncounterStatus.DISCHARGE_PLANNED,
            planned_discharge=FIXED_NOW + timedelta(hours=4), visit_number="V900001",
        )  # fmt: skip
        add_clinical_details(s, encounter)
        encounter.medications.append(
            MedicationEntry(
                list_kind=MedicationList.HOME, drug_name="albuterol HFA", dose="2 puffs",
                route="inhaled", frequency="q4h prn shortness of breath", prn=True,
                source=MedicationSource.PATIENT, recorded_at=encounter.admit_time,
            )
        )  # fmt: skip
        uow.commit()
        return encounter.id


def test_content_from_what_the_stay_has(make_uow: Callable[[], UnitOfWork], stay: int) -> None:
    with make_uow() as uow:
        content = packet_content.build_packet_content(uow, stay, PacketOptions("en"))
    assert content.cover.patient_name == "Maren Quigley"
    assert content.cover.pcp_name == "Ada Okafor, MD"
    assert content.cover.discharge_date is not None and content.cover.discharge_date.day == 25
    assert content.cover.reasons_for_stay[0].startswith("Acute on chronic systolic")
    assert content.cover.callback_phone == "(555) 010-2400"
    meds = content.medicines
    assert meds is not None and not meds.final  # no reconciliation yet: never invented groups
    assert [m.name for m in meds.medicines] == ["furosemide", "metformin", "albuterol HFA"]
    assert all(m.group is MedicineGroup.KEEP for m in meds.medicines)
    metformin = meds.medicines[1]
    assert metformin.how == "by mouth, twice a day" and metformin.times == ("morning", "evening")
    albuterol = meds.medicines[2]
    assert albuterol.prn and albuterol.times == ()
    assert albuterol.prn_reason == "shortness of breath"
    assert [a.substance for a in content.allergies] == ["penicillin"]
    # sections other issues fill in: nothing yet, so no heading will print
    assert content.appointments == () and content.calendar is None and content.education == ()


def test_generate_store_reprint_and_versions(make_uow: Callable[[], UnitOfWork], stay: int) -> None:
    with make_uow() as uow:
        first = packets.generate_packet(uow, NURSE, encounter_id=stay)
    assert first.new and first.info.version == 1
    assert first.info.sha256 == hashlib.sha256(first.pdf).hexdigest()
    assert first.info.language == "en" and first.info.created_by == "Nora Nurse, RN"
    text = text_of(first.pdf)
    assert "Your medicine list is not final yet" in text and "furosemide" in text
    assert "My allergies" in text and "penicillin (reaction: hives, moderate)" in text
    for absent in ("My appointments", "About my condition", "NEW medicines", "STOP TAKING"):
        assert absent not in text

    with make_uow() as uow:  # nothing changed: the stored version again
        again = packets.generate_packet(uow, NURSE, encounter_id=stay)
    assert not again.new and again.info.id == first.info.id and again.pdf == first.pdf

    with make_uow() as uow:
        reprint = packets.get_packet(uow, NURSE, first.info.id)
    assert reprint.pdf == first.pdf  # byte-identical

    with make_uow() as uow:  # the stay changes: regenerate makes version 2
        encounter_patient = uow.session.scalars(select(Allergy)).first()
        assert encounter_patient is not None
        uow.session.add(
            Allergy(patient_id=encounter_patient.patient_id, substance="latex",
                    severity=AllergySeverity.SEVERE)
        )  # fmt: skip
        uow.commit()
    with make_uow() as uow:
        second = packets.generate_packet(uow, NURSE, encounter_id=stay, large_print=True)
    assert second.new and second.info.version == 2 and second.info.large_print
    assert "latex" in text_of(second.pdf)
    with make_uow() as uow:
        versions = packets.list_packets(uow, NURSE, stay)
        old = packets.get_packet(uow, NURSE, first.info.id)
    assert [v.version for v in versions] == [2, 1]
    assert old.pdf == first.pdf  # the earlier version is still there, unchanged

    with make_uow() as uow:
        packets.record_output(uow, NURSE, first.info.id, "reprint", "Ward printer")
    with make_uow() as uow:
        events = uow.session.scalars(
            select(AuditEvent).where(AuditEvent.entity == "discharge_packet")
        ).all()
        actions = [(e.action, e.entity_id) for e in events]
        assert ("generate", "V900001#1") in actions and ("generate", "V900001#2") in actions
        assert ("reprint", "V900001#1") in actions
        reprint_event = next(e for e in events if e.action == "reprint")
        assert json.loads(reprint_event.details or "{}")["after"]["sha256"] == first.info.sha256
        assert all(e.patient_id is not None for e in events)

    with make_uow() as uow:
        document = stay_document(uow, NURSE, "V900001")
    assert [p["version"] for p in document["packets"]] == [2, 1]


def test_language_defaults_to_patient_and_unknown_rejected(
    make_uow: Callable[[], UnitOfWork], stay: int
) -> None:
    with make_uow() as uow:
        spanish = packets.generate_packet(uow, NURSE, encounter_id=stay, language="es")
    text = text_of(spanish.pdf)
    assert "Plan de cuidados después del hospital" in text
    assert "por la boca, dos veces al día" in text  # metformin BID in Spanish
    with make_uow() as uow, pytest.raises(ValidationError):
        packets.generate_packet(uow, NURSE, encounter_id=stay, language="fr")
    with make_uow() as uow, pytest.raises(NotFoundError):
        packets.generate_packet(uow, NURSE, visit_number="NOPE")
    assert packets.packet_language("ES") == "es" and packets.packet_language("zh") == "en"


def test_permissions(make_uow: Callable[[], UnitOfWork], stay: int) -> None:
    with make_uow() as uow, pytest.raises(PermissionDeniedError):
        packets.generate_packet(uow, PHARMACIST, encounter_id=stay)
    with make_uow() as uow, pytest.raises(PermissionDeniedError):
        packet_batch.discharges_on(uow, NURSE, "4W", FIXED_NOW.date())
    with make_uow() as uow:
        rows = packet_batch.discharges_on(uow, CASE_MANAGER, "4w", FIXED_NOW.date())
    assert [r.visit_number for r in rows] == ["V900001"]


def test_discharges_of_a_day(make_uow: Callable[[], UnitOfWork], stay: int) -> None:
    with make_uow() as uow:
        s = uow.session
        unit = make_unit(s, "5E", "5 East")
        four_west = s.scalars(select(Unit).where(Unit.code == "4W")).one()
        make_stay(s, make_patient(s, "Gone", "Home"), four_west, status=EncounterStatus.DISCHARGED,
                  discharged=FIXED_NOW - timedelta(hours=2), visit_number="V2")  # fmt: skip
        make_stay(s, make_patient(s, "Yester", "Day"), four_west,
                  status=EncounterStatus.DISCHARGED, discharged=FIXED_NOW - timedelta(days=1),
                  visit_number="V3")  # fmt: skip
        make_stay(s, make_patient(s, "Other", "Ward"), unit, planned_discharge=FIXED_NOW,
                  visit_number="V4")  # fmt: skip
        make_stay(s, make_patient(s, "Can", "Celled"), four_west, status=EncounterStatus.CANCELLED,
                  planned_discharge=FIXED_NOW, visit_number="V5")  # fmt: skip
        uow.commit()
    with make_uow() as uow:
        rows = packet_batch.discharges_on(uow, CASE_MANAGER, "4W", FIXED_NOW.date())
        assert [r.visit_number for r in rows] == ["V2", "V900001"]
        with pytest.raises(NotFoundError):
            packet_batch.discharges_on(uow, CASE_MANAGER, "9Z", FIXED_NOW.date())
        jobs = packet_batch.plan_batch(uow, CASE_MANAGER, [r.encounter_id for r in rows])
    rendered = packets.render_job(jobs[1])
    with make_uow() as uow:
        stored = packets.store_rendered(uow, CASE_MANAGER, jobs[1], rendered)
    assert stored.info.page_count == rendered.pages >= 1
    with make_uow() as uow:
        assert packets.unchanged_packet(uow, jobs[1]) is not None
        assert packets.unchanged_packet(uow, jobs[0]) is None
