"""A cancelled discharge (ADT A13) voids the nurse's sign-off, on both databases and through
both ADT paths: the record path (``apply_adt_status``, as the FHIR import uses) and the HL7 feed,
which applies its messages a batch at a time and writes the rows itself. The voided sign-off is
kept with who/when/why and an audit event; the stay reads as not signed off; after the next
discharge it is signed off again and the history holds both sign-offs."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from tests.conftest import FIXED_NOW
from tests.db.test_discharge import PCP_ACK, audit
from tests.discharge_helpers import MakeUow, Stay, make_ready, nurse, seed_stay
from tests.interop.messages import adt
from transitions.db.discharge_models import DischargeSignoff
from transitions.db.interop_models import PatientIdentifier, VisitIdentifier
from transitions.db.models import Encounter
from transitions.domain.encounter_status import EncounterStatus
from transitions.errors import ValidationError
from transitions.services import discharge, interop
from transitions.services.discharge_void import A13_REASON
from transitions.services.encounters import stay_document
from transitions.services.interop_records import apply_adt_status
from transitions.services.uow import Actor

FEED = Actor.system("adt")


def signoffs(make_uow: MakeUow, stay: Stay) -> list[DischargeSignoff]:
    """The stay's sign-offs, oldest first (detached)."""
    with make_uow() as uow:
        rows = list(
            uow.session.scalars(
                select(DischargeSignoff)
                .where(DischargeSignoff.encounter_id == stay.id)
                .order_by(DischargeSignoff.id)
            )
        )
        uow.session.expunge_all()
    return rows


def status(make_uow: MakeUow, stay: Stay) -> EncounterStatus:
    with make_uow() as uow:
        encounter = uow.session.get(Encounter, stay.id)
        assert encounter is not None
        return encounter.status


def adt_status(make_uow: MakeUow, stay: Stay, target: EncounterStatus, event: str) -> None:
    with make_uow() as uow:
        encounter = uow.session.get(Encounter, stay.id)
        assert encounter is not None
        apply_adt_status(uow, FEED, encounter, target, source="hl7", event=event)
        uow.commit()


def signed_off_stay(make_uow: MakeUow, disposition: str = "home") -> Stay:
    stay = seed_stay(make_uow)
    make_ready(make_uow, stay)
    with make_uow() as uow:
        discharge.discharge_patient(uow, nurse(), stay.id, disposition, PCP_ACK)
    with make_uow() as uow:
        discharge.add_addendum(uow, nurse(), stay.id, "Ride home confirmed with the daughter.")
    return stay


def assert_voided_and_signed_again(
    make_uow: MakeUow, stay: Stay, source: str, acks: tuple[tuple[str, str], ...] = ()
) -> None:
    """After the A13: voided and kept, audited, not signed off; then discharged and signed off
    again (``acks``: what else the nurse acknowledges then), with the history holding both."""
    assert status(make_uow, stay) is EncounterStatus.ADMITTED
    (row,) = signoffs(make_uow, stay)
    assert row.voided_at == FIXED_NOW and row.voided_by_name == "adt"
    assert row.voided_reason == A13_REASON
    assert row.disposition == "snf" and row.signed_by_name == "Dana Lee, RN"  # the record stays
    ((user, details),) = audit(make_uow, "void_signoff")
    assert user == "adt"
    assert details["signoff"] == row.id and details["reason"] == A13_REASON
    assert (details["source"], details["event"]) == (source, "A13")
    # the stay reads as not signed off: no record, the step lists the voided one
    with make_uow() as uow:
        assert discharge.discharge_record(uow, nurse(), stay.id) is None
    with make_uow() as uow:
        view = discharge.discharge_view(uow, nurse(), stay.id)
    assert view.record is None and view.status is EncounterStatus.ADMITTED
    (voided,) = view.voided
    assert (voided.signed_by, voided.voided_by, voided.reason) == (
        "Dana Lee, RN",
        "adt",
        A13_REASON,
    )
    assert voided.voided_at == FIXED_NOW and voided.disposition == "snf"
    with make_uow() as uow, pytest.raises(ValidationError, match="not signed off"):
        discharge.add_addendum(uow, nurse(), stay.id, "too early")
    # acknowledging is open again (it was refused while the sign-off stood)
    with make_uow() as uow:
        discharge.acknowledge(uow, nurse(), stay.id, "pcp_summary", "faxed again")
    # discharged again: a fresh sign-off
    with make_uow() as uow:
        record = discharge.discharge_patient(uow, nurse(), stay.id, "home", acks)
    assert record.disposition == "home" and not record.completed_adt
    # the addendum belongs to the stay: it is still there
    assert [a.text for a in record.addenda] == ["Ride home confirmed with the daughter."]
    assert status(make_uow, stay) is EncounterStatus.DISCHARGED
    first, second = signoffs(make_uow, stay)
    assert first.id == row.id and first.voided_at == FIXED_NOW
    assert second.voided_at is None and second.disposition == "home"
    with make_uow() as uow:
        again = discharge.discharge_record(uow, nurse(), stay.id)
    assert again is not None and again.disposition == "home"
    with make_uow() as uow:
        document = stay_document(uow, nurse(), stay.visit)
    assert document["discharge"]["disposition"] == "home"
    (history,) = document["voided_signoffs"]
    assert history["disposition"] == "snf" and history["voided_reason"] == A13_REASON
    json.dumps(document, default=str)
    # and the new one is frozen as the first was
    with make_uow() as uow, pytest.raises(ValidationError, match="frozen"):
        discharge.discharge_patient(uow, nurse(), stay.id, "home")


def test_a13_by_the_record_path_voids_the_signoff(make_uow: MakeUow) -> None:
    stay = signed_off_stay(make_uow, "snf")
    adt_status(make_uow, stay, EncounterStatus.ADMITTED, "A13")
    assert_voided_and_signed_again(make_uow, stay, "hl7")


def link_to_feed(make_uow: MakeUow, stay: Stay) -> None:
    """The stay as the hospital's ADT system knows it: MRN MR1001 and visit V9001 of GHH."""
    with make_uow() as uow:
        encounter = uow.session.get(Encounter, stay.id)
        assert encounter is not None
        uow.session.add_all(
            [
                PatientIdentifier(patient_id=encounter.patient_id, authority="GHH", value="MR1001"),
                VisitIdentifier(encounter_id=stay.id, authority="GHH", value="V9001"),
            ]
        )
        uow.commit()


def feed(make_uow: MakeUow, *messages: str) -> list[str]:
    """Send the messages as one batch; their ACK codes."""
    raws = [m.encode() for m in messages]
    results = interop.ingest_hl7(make_uow, interop.adt_actor(), raws, "test", batch_size=50)
    return [r.ack_code for r in results]


def message(event: str, control_id: str, **extra: str) -> str:
    return adt(event, control_id=control_id, family="Quigley", given="Maren", **extra)


def test_a13_by_the_batch_feed_voids_the_signoff(make_uow: MakeUow) -> None:
    stay = signed_off_stay(make_uow, "snf")
    link_to_feed(make_uow, stay)
    # one batch: the A13 voids it; a new A03 and a second A13 find nothing more to void
    acks = feed(
        make_uow,
        message("A13", "V1"),
        message("A03", "V2", discharge="202611251400", disposition="01"),
        message("A13", "V3"),
    )
    assert acks == ["AA", "AA", "AA"]
    # (the feed's PID-15 made the patient Spanish-speaking: interpreter-led teaching is missing)
    language = (("language", "teaching repeated with the phone interpreter"),)
    assert_voided_and_signed_again(make_uow, stay, "adt", language)
    # a second cancelled discharge voids the second sign-off, the first stays as it was
    assert feed(make_uow, message("A13", "V4")) == ["AA"]
    first, second = signoffs(make_uow, stay)
    assert first.voided_at == FIXED_NOW and second.voided_at == FIXED_NOW
    assert [d["signoff"] for _, d in audit(make_uow, "void_signoff")] == [first.id, second.id]
    with make_uow() as uow:
        view = discharge.discharge_view(uow, nurse(), stay.id)
    assert view.record is None and [v.disposition for v in view.voided] == ["snf", "home"]


def test_a13_without_a_signoff_changes_only_the_stay(make_uow: MakeUow) -> None:
    stay = seed_stay(make_uow, status=EncounterStatus.READY)
    adt_status(make_uow, stay, EncounterStatus.DISCHARGED, "A03")
    adt_status(make_uow, stay, EncounterStatus.ADMITTED, "A13")
    assert status(make_uow, stay) is EncounterStatus.ADMITTED
    link_to_feed(make_uow, stay)
    feed(make_uow, message("A03", "W1", discharge="202611251400"), message("A13", "W2"))
    assert status(make_uow, stay) is EncounterStatus.ADMITTED
    assert signoffs(make_uow, stay) == []
    assert audit(make_uow, "void_signoff") == []
    assert [d["event"] for _, d in audit(make_uow, "adt_status")] == ["A03", "A13"] * 2
    with make_uow() as uow:
        view = discharge.discharge_view(uow, nurse(), stay.id)
    assert view.record is None and view.voided == ()
