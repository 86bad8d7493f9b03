"""The ADT feed on both databases: store raw first, apply, ACK codes, idempotency, A11/A13 undo,
A08 after A03, matching by MRN within authority, quarantine and reprocessing, the real samples."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.factories import make_provider, make_unit
from tests.interop.messages import adt
from transitions.db.interop_models import InboundMessage, MessageStatus, QuarantineEntry
from transitions.db.models import AuditEvent, Diagnosis, Encounter, Patient, User
from transitions.domain.encounter_status import EncounterStatus
from transitions.domain.enums import EncounterClass
from transitions.errors import PermissionDeniedError
from transitions.interop.hl7v2 import split_messages
from transitions.services import encounters, interop
from transitions.services.uow import Actor, UnitOfWork

UowFactory = Callable[[], UnitOfWork]


def send(make_uow: UowFactory, text: str | bytes) -> interop.IngestResult:
    raw = text.encode() if isinstance(text, str) else text
    return interop.receive_hl7(make_uow, interop.adt_actor(), raw, "test")


def stay(make_uow: UowFactory, visit: str = "V9001") -> Encounter:
    with make_uow() as uow:
        found = uow.session.scalar(select(Encounter).where(Encounter.visit_number == visit))
        assert found is not None
        uow.session.expunge(found)
        return found


def make_user(make_uow: UowFactory, role: str) -> Actor:
    with make_uow() as uow:
        user = User(username=f"{role}.one", display_name=role, password_hash="x", roles=role)
        uow.session.add(user)
        uow.session.commit()
        return Actor(user.id, user.username, user.display_name, frozenset({role}))


def count(make_uow: UowFactory, model: type) -> int:
    with make_uow() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


@pytest.fixture
def ward(make_uow: UowFactory) -> None:
    with make_uow() as uow:
        make_unit(uow.session, "4W")
        make_provider(uow.session, "Okafor", "Ada")
        uow.session.commit()


def test_a01_admits_and_is_acknowledged(make_uow: UowFactory, ward: None) -> None:
    result = send(make_uow, adt("A01", control_id="CTRL-1"))
    assert (result.ack_code, result.control_id, result.status) == (
        "AA",
        "CTRL-1",
        MessageStatus.PROCESSED,
    )
    encounter = stay(make_uow)
    assert encounter.status is EncounterStatus.ADMITTED
    assert encounter.encounter_class is EncounterClass.INPATIENT
    assert (encounter.room, encounter.bed, encounter.hospital_service) == ("412", "A", "MED")
    assert encounter.unit_id is not None and encounter.attending_id is not None
    with make_uow() as uow:
        patient = uow.session.scalar(select(Patient))
        assert patient is not None
        assert (patient.mrn, patient.preferred_language, patient.interpreter_needed) == (
            "MR1001",
            "es",
            True,
        )
        assert patient.caregiver_name == "Ben Testperson"
        message = uow.session.scalar(select(InboundMessage))
        assert message is not None and message.raw == adt("A01", control_id="CTRL-1").encode()
        assert message.encounter_id == encounter.id


def test_same_message_twice_changes_nothing(make_uow: UowFactory, ward: None) -> None:
    send(make_uow, adt("A01", extra="DG1|1||I50.23^Heart failure^I10||||||||||||1"))
    before = stay(make_uow)
    audits = count(make_uow, AuditEvent)
    again = send(make_uow, adt("A01", extra="DG1|1||I50.23^Heart failure^I10||||||||||||1"))
    assert (again.ack_code, again.status) == ("AA", MessageStatus.DUPLICATE)
    after = stay(make_uow)
    assert after.version_id == before.version_id
    assert count(make_uow, Diagnosis) == 1
    assert count(make_uow, Encounter) == 1
    # only the receipt of the second copy is audited, nothing about the record changed
    assert count(make_uow, AuditEvent) == audits + 1


def test_discharge_then_late_a08_does_not_reopen(make_uow: UowFactory, ward: None) -> None:
    send(make_uow, adt("A01"))
    result = send(
        make_uow,
        adt("A03", control_id="C2", discharge="202611241500", disposition="03"),
    )
    assert result.ack_code == "AA"
    discharged = stay(make_uow)
    assert discharged.status is EncounterStatus.DISCHARGED
    assert discharged.discharge_disposition == "snf"
    late = send(make_uow, adt("A08", control_id="C3", family="Testperson-Lee"))
    assert late.ack_code == "AA"
    assert stay(make_uow).status is EncounterStatus.DISCHARGED
    with make_uow() as uow:
        patient = uow.session.scalar(select(Patient))
        assert patient is not None and patient.family_name == "Testperson-Lee"
        audit = uow.session.scalar(select(AuditEvent).where(AuditEvent.action == "adt_status"))
        assert audit is not None and audit.details is not None
        assert json.loads(audit.details)["source"] == "adt"


def test_a13_undoes_discharge_and_a11_cancels(make_uow: UowFactory, ward: None) -> None:
    send(make_uow, adt("A01"))
    send(make_uow, adt("A03", control_id="C2", discharge="202611241500", disposition="01"))
    undo = send(make_uow, adt("A13", control_id="C3"))
    assert undo.ack_code == "AA"
    reopened = stay(make_uow)
    assert reopened.status is EncounterStatus.ADMITTED
    assert (reopened.discharge_time, reopened.discharge_disposition) == (None, None)
    assert send(make_uow, adt("A13", control_id="C3b")).ack_code == "AA"  # again: no change
    assert send(make_uow, adt("A11", control_id="C4")).ack_code == "AA"
    assert stay(make_uow).status is EncounterStatus.CANCELLED


def test_a11_after_discharge_is_an_error_and_quarantined(make_uow: UowFactory, ward: None) -> None:
    send(make_uow, adt("A01"))
    send(make_uow, adt("A03", control_id="C2", discharge="202611241500"))
    result = send(make_uow, adt("A11", control_id="C3"))
    assert (result.ack_code, result.control_id) == ("AE", "C3")
    assert "A13" in (result.reason or "")
    assert stay(make_uow).status is EncounterStatus.DISCHARGED
    assert count(make_uow, QuarantineEntry) == 1


def test_mrn_is_matched_within_its_authority(make_uow: UowFactory, ward: None) -> None:
    send(make_uow, adt("A01", authority="GHH", visit="V1"))
    send(make_uow, adt("A01", authority="OTHER", visit="V2", control_id="C2", given="Bea"))
    send(make_uow, adt("A01", authority="GHH", visit="V3", control_id="C3"))
    with make_uow() as uow:
        patients = uow.session.scalars(select(Patient).order_by(Patient.id)).all()
        assert [p.given_name for p in patients] == ["Alma", "Bea"]
        assert patients[0].mrn == "MR1001" and patients[1].mrn != "MR1001"
        stays = uow.session.scalars(select(Encounter).order_by(Encounter.id)).all()
        assert [s.patient_id for s in stays] == [patients[0].id, patients[1].id, patients[0].id]


def test_unknown_stay_is_quarantined_then_reprocessed(make_uow: UowFactory, ward: None) -> None:
    early = send(make_uow, adt("A03", control_id="EARLY", discharge="202611241500"))
    assert early.ack_code == "AE" and "A01" in (early.reason or "")
    admin = make_user(make_uow, "admin")
    with make_uow() as uow:
        rows = interop.list_quarantine(uow, admin)
    assert [r.control_id for r in rows] == ["EARLY"]
    assert "MSH|" in rows[0].raw_text and rows[0].reason
    send(make_uow, adt("A01"))
    again = interop.reprocess(make_uow, admin, rows[0].message_id)
    assert again.ack_code == "AA"
    assert stay(make_uow).status is EncounterStatus.DISCHARGED
    with make_uow() as uow:
        assert interop.list_quarantine(uow, admin) == []
    nurse = make_user(make_uow, "nurse")
    with make_uow() as uow, pytest.raises(PermissionDeniedError):
        interop.list_quarantine(uow, nurse)


@pytest.mark.parametrize(
    ("raw", "code", "reason"),
    [
        (b"hello world", "AR", "MSH"),
        (b"MSH|^~\\&|A|B|C|D|2026||ORU^R01|X1|P|2.5\rPID|1", "AR", "ORU^R01"),
        (b"MSH|^~\\&|A|B|C|D|2026||ADT^A99|X2|P|2.5\rPID|1", "AR", "A99"),
        (b"MSH|^~\\&|A|B|C|D|2026||ADT^A01|X3|P|2.5\rEVN|A01\rPV1|1|I", "AE", "PID"),
    ],
)
def test_bad_messages_are_quarantined_with_a_reason(
    make_uow: UowFactory, raw: bytes, code: str, reason: str
) -> None:
    result = send(make_uow, raw)
    assert result.ack_code == code
    assert reason in (result.reason or "")
    with make_uow() as uow:
        message = uow.session.scalar(select(InboundMessage))
        assert message is not None and message.raw == raw
        assert message.status is MessageStatus.QUARANTINED


def test_ed_registration_counts_as_ed_visit(make_uow: UowFactory, ward: None) -> None:
    send(make_uow, adt("A04", visit="ED1", patient_class="E", admit="202610010800"))
    send(make_uow, adt("A03", visit="ED1", control_id="C2", discharge="202610011200"))
    send(make_uow, adt("A01", visit="IN1", control_id="C3", admit="202611200800"))
    with make_uow() as uow:
        detail = encounters.get_stay(uow, Actor.system("t"), visit_number="IN1")
    assert detail.prior.ed_visits_6_months == 1


def test_readmission_within_30_days_is_linked(make_uow: UowFactory, ward: None) -> None:
    send(make_uow, adt("A01", visit="S1", admit="202610010800"))
    send(make_uow, adt("A03", visit="S1", control_id="C2", discharge="202610050800"))
    send(make_uow, adt("A01", visit="S2", control_id="C3", admit="202610200800"))
    send(make_uow, adt("A01", visit="S3", control_id="C4", admit="202612300800"))
    assert stay(make_uow, "S2").readmission_of_id == stay(make_uow, "S1").id
    assert stay(make_uow, "S3").readmission_of_id is None
    with make_uow() as uow:
        doc = encounters.stay_document(uow, Actor.system("t"), "S2")
    assert doc["readmission_of"] == "S1"
    assert doc["interop"]["messages"] == 1


def test_shared_samples_import(make_uow: UowFactory, shared_data: Path) -> None:
    results = []
    for path in sorted((shared_data / "hl7v2-samples").glob("*.hl7")):
        for raw in split_messages(path.read_bytes()):
            results.append((path.name, send(make_uow, raw)))
    accepted = [name for name, r in results if r.accepted]
    rejected = {name: r.reason for name, r in results if not r.accepted}
    assert len(accepted) == 6
    assert set(rejected) == {"RDE-O11-01.hl7", "RDS-O13-01.hl7", "SIU-S12-01.hl7"}
    assert all("not accepted on the ADT interface" in (r or "") for r in rejected.values())
    everyman = stay(make_uow, "40007716")
    assert everyman.status is EncounterStatus.DISCHARGED  # A08 after A03 did not reopen
    with make_uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Patient)) == 2
        duck = uow.session.scalar(select(Patient).where(Patient.family_name == "DUCK"))
        assert duck is not None
        duck_stay = uow.session.scalar(select(Encounter).where(Encounter.patient_id == duck.id))
        # same visit number from another assigning authority: a different, local number
        assert duck_stay is not None and duck_stay.visit_number.startswith("40007716-")
        codes = uow.session.scalars(select(Diagnosis.code)).all()
        assert sorted(codes) == ["422504002", "71596"]


def test_expected_discharge_from_pv2(make_uow: UowFactory, ward: None) -> None:
    send(make_uow, adt("A01", extra="PV2|||||||||202611261400"))
    planned = stay(make_uow).planned_discharge_time
    assert planned is not None and planned.isoformat() == "2026-11-26T19:00:00+00:00"
