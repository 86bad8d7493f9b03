"""A cancelled discharge (ADT A13) cancels the follow-up tasks it created, on both databases and
through both ADT paths: the record path (``apply_adt_status``, as the FHIR import uses) and the
HL7 feed, which applies its messages a batch at a time and writes the rows itself. The open
tasks are kept cancelled (who, when, why; audited without patient data), closed ones stay as
they are; nothing reads the cancelled ones as due or done (the follow-up list, the call log,
the RED checklist's phone call); the next discharge gets fresh tasks due from its own date; and
both paths leave the same rows."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select

from tests.conftest import FIXED_NOW
from tests.db.test_discharge import audit
from tests.discharge_helpers import MakeUow, Stay, seed_stay
from tests.interop.messages import adt
from transitions.db.followup_models import FollowupTask
from transitions.db.interop_models import PatientIdentifier, VisitIdentifier
from transitions.db.models import AuditEvent, Encounter, Patient
from transitions.domain.encounter_status import EncounterStatus
from transitions.domain.followup import TaskKind, TaskStatus
from transitions.errors import ValidationError
from transitions.services import followup, followup_calls, interop
from transitions.services.discharge_void import A13_TASK_OUTCOME
from transitions.services.encounters import stay_document
from transitions.services.followup_list import FollowupFilter, list_followups
from transitions.services.interop_records import apply_adt_status
from transitions.services.readiness import readiness_of
from transitions.services.readiness_messages import MessageKey
from transitions.services.uow import Actor

FEED = Actor.system("adt")
#: the cancelled discharge: Friday 20 Nov 2026 10:00 New York (contact due Tue 24, overdue now)
FIRST = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
FIRST_HL7 = "202611201000"
#: the real one: Wednesday 25 Nov 2026 10:00 New York (Thanksgiving skipped: contact due Mon 30)
SECOND = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
SECOND_HL7 = "202611251000"
TODAY = FIXED_NOW.date()

Row = tuple[Any, ...]


def task_rows(make_uow: MakeUow, stay: Stay) -> list[Row]:
    """(kind, status, due, outcome, closed_at, closed_by, event_date) of the stay's tasks."""
    with make_uow() as uow:
        return [
            (t.kind, t.status, t.due_date, t.outcome, t.closed_at, t.closed_by, t.event_date)
            for t in uow.session.scalars(
                select(FollowupTask)
                .where(FollowupTask.encounter_id == stay.id)
                .order_by(FollowupTask.id)
            )
        ]


def record_path(make_uow: MakeUow, stay: Stay, event: str, when: datetime | None = None) -> None:
    target = EncounterStatus.ADMITTED if event == "A13" else EncounterStatus.DISCHARGED
    with make_uow() as uow:
        encounter = uow.session.get(Encounter, stay.id)
        assert encounter is not None
        apply_adt_status(uow, FEED, encounter, target, source="adt", event=event, when=when)
        uow.commit()


def link_to_feed(make_uow: MakeUow, stay: Stay, mrn: str) -> None:
    """The stay as the hospital's ADT system knows it: MRN ``mrn``, visit = our visit number."""
    with make_uow() as uow:
        encounter = uow.session.get(Encounter, stay.id)
        assert encounter is not None
        uow.session.add_all(
            [
                PatientIdentifier(patient_id=encounter.patient_id, authority="GHH", value=mrn),
                VisitIdentifier(encounter_id=stay.id, authority="GHH", value=stay.visit),
            ]
        )
        uow.commit()


def feed(make_uow: MakeUow, *messages: str) -> list[str]:
    """Send the messages as one batch; their ACK codes."""
    raws = [m.encode() for m in messages]
    results = interop.ingest_hl7(make_uow, interop.adt_actor(), raws, "test", batch_size=50)
    return [r.ack_code for r in results]


def message(stay: Stay, mrn: str, event: str, control_id: str, discharge: str = "") -> str:
    return adt(
        event,
        control_id=control_id,
        mrn=mrn,
        visit=stay.visit,
        family="Quigley",
        given="Maren",
        discharge=discharge,
        disposition="01" if discharge else "",
    )


def phone_call(make_uow: MakeUow, stay: Stay, *, without_phone: bool = False) -> Any:
    """The RED checklist's phone-call item (optionally as if no number were on file)."""
    with make_uow() as uow:
        encounter = uow.session.get(Encounter, stay.id)
        assert encounter is not None
        if without_phone:
            patient = uow.session.get(Patient, encounter.patient_id)
            assert patient is not None
            patient.phone = patient.caregiver_phone = None
            uow.session.flush()
        item = next(i for i in readiness_of(uow, encounter).red_checklist if i.key == "phone_call")
        uow.session.rollback()
    return item


def listed(make_uow: MakeUow, actor: Actor, stay: Stay) -> list[Any]:
    with make_uow() as uow:
        rows = list_followups(uow, actor, FollowupFilter(as_of=TODAY))
    return [r for r in rows if r.encounter_id == stay.id]


def close_contact_as_reached(make_uow: MakeUow, actor: Actor, stay: Stay) -> None:
    with make_uow() as uow:
        log = followup.get_call_log(uow, actor, stay.id)
    contact = log.task(TaskKind.CONTACT)
    assert contact is not None
    with make_uow() as uow:
        followup_calls.log_call(
            uow,
            actor,
            contact.task_id,
            expected_version=contact.version_id,
            number="555-0100",
            reached=True,
        )


def check_first_discharge(make_uow: MakeUow, actor: Actor, stay: Stay) -> None:
    """Discharged on the 20th: three open tasks, the contact call overdue on the list."""
    rows = task_rows(make_uow, stay)
    assert [(r[0], r[1], r[2]) for r in rows] == [
        (TaskKind.CONTACT, TaskStatus.OPEN, date(2026, 11, 24)),
        (TaskKind.VISIT, TaskStatus.OPEN, rows[1][2]),
        (TaskKind.READMISSION, TaskStatus.OPEN, date(2026, 12, 20)),
    ]
    (row,) = listed(make_uow, actor, stay)
    assert row.overdue and row.next_due == date(2026, 11, 24)
    item = phone_call(make_uow, stay, without_phone=True)
    assert item.status == "done" and item.message.key == MessageKey.RED_CALL_DUE


def check_cancelled(make_uow: MakeUow, actor: Actor, stay: Stay, contact_done: bool) -> None:
    """After the A13: the open tasks cancelled (the done contact call kept), audited without
    patient data; nothing reads them as due or done."""
    rows = task_rows(make_uow, stay)
    cancelled = (A13_TASK_OUTCOME, FIXED_NOW, "adt", None)
    expected_status = {
        TaskKind.CONTACT: TaskStatus.DONE if contact_done else TaskStatus.CANCELLED,
        TaskKind.VISIT: TaskStatus.CANCELLED,
        TaskKind.READMISSION: TaskStatus.CANCELLED,
    }
    assert [(r[0], r[1]) for r in rows] == list(expected_status.items())
    for r in rows:
        if r[1] is TaskStatus.CANCELLED:
            assert r[3:] == cancelled
        else:
            assert r[3:] == ("reached", FIXED_NOW, "test", TODAY)  # untouched
    ((user, details),) = audit(make_uow, "cancel_tasks")
    assert user == "adt"
    kinds = [k.value for k, s in expected_status.items() if s is TaskStatus.CANCELLED]
    assert list(details["before"]) == kinds  # kind -> the due date it had
    assert (details["outcome"], details["source"], details["event"]) == (
        A13_TASK_OUTCOME,
        "adt",
        "A13",
    )
    text = json.dumps(details)
    with make_uow() as uow:
        encounter = uow.session.get(Encounter, stay.id)
        assert encounter is not None and encounter.status is EncounterStatus.ADMITTED
        patient = uow.session.get(Patient, encounter.patient_id)
        assert patient is not None
        for phi in (patient.family_name, patient.given_name, patient.mrn, "555"):
            assert phi not in text
    # not due: off the follow-up list (the stay is in a bed), no call log for it
    assert listed(make_uow, actor, stay) == []
    with make_uow() as uow, pytest.raises(ValidationError, match="not discharged"):
        followup.get_call_log(uow, actor, stay.id)
    item = phone_call(make_uow, stay)
    if contact_done:  # the call that was made stands (closed tasks are kept as they are)
        assert item.status == "done" and item.message.key == MessageKey.RED_CALL_DUE
    else:  # not done: again a call to arrange at discharge (none without a number)
        assert item.status == "done" and item.message.key == MessageKey.RED_CALL_AT_DISCHARGE
        assert phone_call(make_uow, stay, without_phone=True).status == "missing"
    # `encounter show` lists them as the cancelled discharge's history
    with make_uow() as uow:
        section = stay_document(uow, actor, stay.visit)["followup"]
    assert section["tasks"] == []
    assert [t["kind"] for t in section["cancelled_tasks"]] == kinds
    assert {t["outcome"] for t in section["cancelled_tasks"]} == {A13_TASK_OUTCOME}


def check_second_discharge(make_uow: MakeUow, actor: Actor, stay: Stay, contact_done: bool) -> None:
    """Discharged again on the 25th: fresh tasks due from the 25th (a done one still counts)."""
    rows = task_rows(make_uow, stay)
    fresh = [(r[0], r[2]) for r in rows if r[1] is TaskStatus.OPEN]
    assert [r[1] for r in rows].count(TaskStatus.CANCELLED) == (2 if contact_done else 3)
    assert (TaskKind.CONTACT, date(2026, 11, 30)) in fresh or contact_done
    assert (TaskKind.READMISSION, date(2026, 12, 25)) in fresh
    assert len(fresh) == (2 if contact_done else 3)
    with make_uow() as uow:
        log = followup.get_call_log(uow, actor, stay.id)
    assert [t.kind for t in log.tasks] == list(TaskKind)  # one of each, none cancelled
    assert TaskStatus.CANCELLED not in {t.status for t in log.tasks}
    assert not any(t.overdue for t in log.tasks)
    (row,) = listed(make_uow, actor, stay)
    assert not row.overdue and row.discharged == date(2026, 11, 25)
    item = phone_call(make_uow, stay, without_phone=True)
    assert item.status == "done"
    if contact_done:
        assert row.next_task == "visit"
    else:
        assert row.next_due == date(2026, 11, 30)
        assert item.message.param("due") == "2026-11-30"


@pytest.mark.parametrize("contact_done", [False, True], ids=["all_open", "contact_done"])
def test_a13_by_the_record_path_cancels_the_open_tasks(
    make_uow: MakeUow, actor: Actor, contact_done: bool
) -> None:
    stay = seed_stay(make_uow, status=EncounterStatus.READY)
    record_path(make_uow, stay, "A03", FIRST)
    check_first_discharge(make_uow, actor, stay)
    if contact_done:
        close_contact_as_reached(make_uow, actor, stay)
    record_path(make_uow, stay, "A13")
    check_cancelled(make_uow, actor, stay, contact_done)
    record_path(make_uow, stay, "A03", SECOND)
    check_second_discharge(make_uow, actor, stay, contact_done)


@pytest.mark.parametrize("contact_done", [False, True], ids=["all_open", "contact_done"])
def test_a13_by_the_batch_feed_cancels_the_open_tasks(
    make_uow: MakeUow, actor: Actor, contact_done: bool
) -> None:
    stay = seed_stay(make_uow, status=EncounterStatus.READY)
    link_to_feed(make_uow, stay, "MR1001")
    assert feed(make_uow, message(stay, "MR1001", "A03", "F1", FIRST_HL7)) == ["AA"]
    check_first_discharge(make_uow, actor, stay)
    if contact_done:
        close_contact_as_reached(make_uow, actor, stay)
    assert feed(make_uow, message(stay, "MR1001", "A13", "F2")) == ["AA"]
    check_cancelled(make_uow, actor, stay, contact_done)
    assert feed(make_uow, message(stay, "MR1001", "A03", "F3", SECOND_HL7)) == ["AA"]
    check_second_discharge(make_uow, actor, stay, contact_done)


def test_both_paths_leave_the_same_task_rows_and_audit(make_uow: MakeUow) -> None:
    """The same discharge, cancel and discharge again by the record path, by the feed a message
    per batch, and by the feed in one batch (the cancelled tasks are written before their
    successors): the same task rows and the same task audit events."""
    by_record = seed_stay(make_uow, status=EncounterStatus.READY, visit="V7000001")
    by_feed = seed_stay(
        make_uow, status=EncounterStatus.READY, visit="V7000002", unit_code="5E", with_user=False
    )
    in_one_batch = seed_stay(
        make_uow, status=EncounterStatus.READY, visit="V7000003", unit_code="6N", with_user=False
    )
    record_path(make_uow, by_record, "A03", FIRST)
    record_path(make_uow, by_record, "A13")
    record_path(make_uow, by_record, "A03", SECOND)
    link_to_feed(make_uow, by_feed, "MR2002")
    for n, (event, when) in enumerate([("A03", FIRST_HL7), ("A13", ""), ("A03", SECOND_HL7)]):
        assert feed(make_uow, message(by_feed, "MR2002", event, f"G{n}", when)) == ["AA"]
    link_to_feed(make_uow, in_one_batch, "MR3003")
    acks = feed(
        make_uow,
        message(in_one_batch, "MR3003", "A03", "H1", FIRST_HL7),
        message(in_one_batch, "MR3003", "A13", "H2"),
        message(in_one_batch, "MR3003", "A03", "H3", SECOND_HL7),
    )
    assert acks == ["AA"] * 3
    expected = task_rows(make_uow, by_record)
    assert [r[1] for r in expected] == [TaskStatus.CANCELLED] * 3 + [TaskStatus.OPEN] * 3
    assert task_rows(make_uow, by_feed) == expected
    assert task_rows(make_uow, in_one_batch) == expected

    def task_audit(stay: Stay) -> list[tuple[str, str]]:
        with make_uow() as uow:
            rows = uow.session.execute(
                select(AuditEvent.action, AuditEvent.details)
                .where(
                    AuditEvent.entity == "followup_task",
                    AuditEvent.entity_id == stay.visit,
                )
                .order_by(AuditEvent.id)
            ).all()
        return [(action, details) for action, details in rows]

    events = task_audit(by_record)
    assert [a for a, _ in events] == ["create_tasks", "cancel_tasks", "create_tasks"]
    assert task_audit(by_feed) == events
    assert task_audit(in_one_batch) == events
