"""The discharge sign-off on both databases: refusals per site policy, acknowledgements, the
state machine and follow-up tasks, the ADT feed coming first, the frozen record and addenda."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from tests.conftest import FIXED_NOW
from tests.discharge_helpers import MakeUow, book_pcp, make_ready, nurse, seed_stay
from transitions.config import SiteConfig
from transitions.db.discharge_models import DischargeAcknowledgement, DischargeSignoff
from transitions.db.engine import Database
from transitions.db.followup_models import FollowupTask
from transitions.db.models import AuditEvent, Encounter
from transitions.domain.encounter_status import EncounterStatus
from transitions.errors import ConflictError, PermissionDeniedError, ValidationError
from transitions.services import discharge, readiness
from transitions.services.discharge import DischargeBlockedError
from transitions.services.encounters import stay_document
from transitions.services.interop_records import apply_adt_status
from transitions.services.uow import Actor, UnitOfWork

PCP_ACK = [("pcp_summary", "summary faxed by the ward clerk")]


def audit(make_uow: MakeUow, action: str) -> list[tuple[str, dict[str, object]]]:
    """(username, details) of the audit events of ``action``, oldest first."""
    with make_uow() as uow:
        rows = uow.session.execute(
            select(AuditEvent.username, AuditEvent.details)
            .where(AuditEvent.action == action)
            .order_by(AuditEvent.id)
        ).all()
    return [(user, json.loads(details or "{}")) for user, details in rows]


def tasks(make_uow: MakeUow, stay_id: int) -> list[str]:
    with make_uow() as uow:
        return sorted(
            t.kind.value
            for t in uow.session.scalars(
                select(FollowupTask).where(FollowupTask.encounter_id == stay_id)
            )
        )


def test_refused_with_one_line_per_item_and_nothing_saved(make_uow: MakeUow) -> None:
    stay = seed_stay(make_uow)
    book_pcp(make_uow, stay)
    with make_uow() as uow, pytest.raises(DischargeBlockedError) as caught:
        discharge.discharge_patient(uow, nurse(), stay.id, "home", PCP_ACK)
    keys = [item.key for item in caught.value.items]
    assert keys == [
        "medicines_plan", "medrec_signed", "written_plan", "education", "if_problem",
        "teach_back",
    ]  # fmt: skip
    lines = caught.value.lines
    assert len(lines) == len(keys)
    assert lines[1].startswith("medrec_signed: ") and "blocks discharge (site policy)" in lines[1]
    assert "acknowledge it with a reason" in lines[0]
    with make_uow() as uow:
        encounter = uow.session.get(Encounter, stay.id)
        assert encounter is not None and encounter.status is EncounterStatus.DISCHARGE_PLANNED
        assert uow.session.scalar(select(func.count()).select_from(DischargeAcknowledgement)) == 0
    assert tasks(make_uow, stay.id) == []


def test_discharge_moves_the_stay_creates_tasks_and_freezes_the_record(
    make_uow: MakeUow,
) -> None:
    stay = seed_stay(make_uow, status=EncounterStatus.ADMITTED)
    make_ready(make_uow, stay)
    with make_uow() as uow:
        before = readiness.stay_readiness(uow, nurse(), stay.id)
    assert [i.key for i in before.red_checklist if i.status == "missing"] == ["pcp_summary"]
    with make_uow() as uow:
        record = discharge.discharge_patient(uow, nurse(), stay.id, "home", PCP_ACK)
    assert record.disposition == "home" and record.disposition_display == "Home"
    assert record.discharge_time == FIXED_NOW and record.signed_by == "Dana Lee, RN"
    assert not record.completed_adt
    assert record.readiness.ready
    assert record.readiness.item("pcp_summary").status == "acknowledged"
    assert record.readiness.item("pcp_summary").reason == "summary faxed by the ward clerk"
    with make_uow() as uow:
        encounter = uow.session.get(Encounter, stay.id)
        assert encounter is not None
        assert encounter.status is EncounterStatus.DISCHARGED
        assert encounter.discharge_disposition == "home" and encounter.discharged_by_id == 1
    # admitted -> discharge_planned -> ready -> discharged, each step audited
    changes = [details["after"] for _, details in audit(make_uow, "change_status")]
    assert changes == ["discharge_planned", "ready", "discharged"]
    assert tasks(make_uow, stay.id) == ["contact", "readmission", "visit"]
    signed = audit(make_uow, "sign_off")
    assert len(signed) == 1 and signed[0][0] == "rn.lee"
    assert signed[0][1]["acknowledged"] == {"pcp_summary": "summary faxed by the ward clerk"}
    assert len(audit(make_uow, "acknowledge")) == 1
    # after sign-off the telephone call is the created task
    with make_uow() as uow:
        after = readiness.stay_readiness(uow, nurse(), stay.id)
    assert after.item("phone_call").detail.startswith("follow-up call due 2026-")
    with make_uow() as uow:
        document = stay_document(uow, nurse(), stay.visit)
    assert document["discharge"]["disposition"] == "home"
    assert document["discharge"]["readiness"]["ready"] is True


def test_the_record_is_frozen_and_later_notes_are_addenda(make_uow: MakeUow) -> None:
    stay = seed_stay(make_uow)
    make_ready(make_uow, stay)
    with make_uow() as uow:
        discharge.discharge_patient(uow, nurse(), stay.id, "snf", PCP_ACK)
    with make_uow() as uow, pytest.raises(ValidationError, match="frozen"):
        discharge.discharge_patient(uow, nurse(), stay.id, "home", PCP_ACK)
    with make_uow() as uow, pytest.raises(ValidationError, match="addendum"):
        discharge.acknowledge(uow, nurse(), stay.id, "appointments", "late")
    with make_uow() as uow, pytest.raises(ValidationError, match="write the addendum"):
        discharge.add_addendum(uow, nurse(), stay.id, "  ")
    with make_uow() as uow:
        record = discharge.add_addendum(
            uow, nurse(), stay.id, "Daughter called: SNF bed confirmed for 16:00."
        )
    assert [a.text for a in record.addenda] == ["Daughter called: SNF bed confirmed for 16:00."]
    assert record.disposition == "snf"
    assert len(audit(make_uow, "addendum")) == 1
    with make_uow() as uow:
        again = discharge.discharge_record(uow, nurse(), stay.id)
    assert again is not None and again.readiness == record.readiness


def test_adt_discharge_first_is_completed_not_duplicated(make_uow: MakeUow) -> None:
    stay = seed_stay(make_uow, status=EncounterStatus.READY)
    make_ready(make_uow, stay)
    feed = Actor.system("adt")
    adt_time = FIXED_NOW - timedelta(hours=1)
    with make_uow() as uow:
        encounter = uow.session.get(Encounter, stay.id)
        assert encounter is not None
        apply_adt_status(
            uow, feed, encounter, EncounterStatus.DISCHARGED, source="hl7", event="A03",
            when=adt_time,
        )  # fmt: skip
        uow.commit()
    assert tasks(make_uow, stay.id) == ["contact", "readmission", "visit"]
    created = len(audit(make_uow, "create_tasks"))
    # the feed's discharge changed the packet's cover (discharge date): print it again
    from tests.discharge_helpers import print_packet

    print_packet(make_uow, stay)
    with make_uow() as uow:
        record = discharge.discharge_patient(uow, nurse(), stay.id, "home", PCP_ACK)
    assert record.completed_adt and record.discharge_time == adt_time
    assert tasks(make_uow, stay.id) == ["contact", "readmission", "visit"]
    assert len(audit(make_uow, "create_tasks")) == created
    assert audit(make_uow, "change_status") == []
    completed = audit(make_uow, "complete_discharge")
    assert completed[0][1]["after"] == {"disposition": "home"}
    with make_uow() as uow:
        encounter = uow.session.get(Encounter, stay.id)
        assert encounter is not None
        assert encounter.discharge_disposition == "home" and encounter.discharged_by_id == 1
        assert encounter.discharge_time == adt_time
        assert uow.session.scalar(select(func.count()).select_from(DischargeSignoff)) == 1


def test_acknowledgements_follow_site_policy(
    database: Database, site: SiteConfig, clock: Callable[[], datetime]
) -> None:
    def uow_with(policy: SiteConfig) -> Callable[[], UnitOfWork]:
        return lambda: UnitOfWork(database, policy, now=clock)

    make_uow = uow_with(site)
    stay = seed_stay(make_uow)
    with make_uow() as uow, pytest.raises(ValidationError, match="blocks discharge under site"):
        discharge.acknowledge(uow, nurse(), stay.id, "medrec_signed", "pharmacy closed")
    with make_uow() as uow, pytest.raises(ValidationError, match="unknown checklist item"):
        discharge.acknowledge(uow, nurse(), stay.id, "vibes", "ok")
    with make_uow() as uow, pytest.raises(ValidationError, match="say why"):
        discharge.acknowledge(uow, nurse(), stay.id, "education", "   ")
    with make_uow() as uow:
        r = discharge.acknowledge(uow, nurse(), stay.id, "education", "patient asleep")
    assert r.item("education").status == "acknowledged"
    with make_uow() as uow:
        r = discharge.acknowledge(uow, nurse(), stay.id, "education", "teach at 14:00")
    assert r.item("education").reason == "teach at 14:00"
    details = [d for _, d in audit(make_uow, "acknowledge")]
    assert details[1]["before"] == "patient asleep" and details[1]["after"] == "teach at 14:00"
    # a site that lets nothing block: with every item acknowledged the stay may go
    lenient = uow_with(replace(site, discharge_blocking=()))
    with lenient() as uow:
        r = readiness.stay_readiness(uow, nurse(), stay.id)
    acks = [(i.key, "accepted by the charge nurse") for i in r.unacknowledged_items]
    with lenient() as uow:
        record = discharge.discharge_patient(uow, nurse(), stay.id, "home", acks)
    assert record.readiness.ready
    assert {i.status for i in record.readiness.red_checklist} == {"done", "acknowledged"}
    # ...but a policy that now blocks an acknowledged item ignores the acknowledgement
    other = seed_stay(make_uow, visit="V7000002", unit_code="5E", with_user=False)
    with make_uow() as uow:
        discharge.acknowledge(uow, nurse(), other.id, "pcp_summary", "fax down")
    strict = uow_with(replace(site, discharge_blocking=("pcp_summary",)))
    with strict() as uow:
        r = readiness.stay_readiness(uow, nurse(), other.id)
    assert r.item("pcp_summary").status == "missing" and r.item("pcp_summary").blocking
    with make_uow() as uow:
        r = discharge.withdraw_acknowledgement(uow, nurse(), other.id, "pcp_summary")
    assert r.item("pcp_summary").status == "missing"
    assert len(audit(make_uow, "withdraw_acknowledgement")) == 1


def test_disposition_permission_and_version_checks(make_uow: MakeUow) -> None:
    stay = seed_stay(make_uow)
    make_ready(make_uow, stay)
    with make_uow() as uow, pytest.raises(ValidationError, match="unknown discharge disposition"):
        discharge.discharge_patient(uow, nurse(), stay.id, "beach", PCP_ACK)
    with make_uow() as uow, pytest.raises(ValidationError, match="choose where"):
        discharge.discharge_patient(uow, nurse(), stay.id, "", PCP_ACK)
    pharmacist = Actor(2, "rph", "Sam Kim, PharmD", frozenset({"pharmacist"}))
    with make_uow() as uow, pytest.raises(PermissionDeniedError):
        discharge.discharge_patient(uow, pharmacist, stay.id, "home", PCP_ACK)
    other_ward = replace(nurse(), units=frozenset({999}))
    with make_uow() as uow, pytest.raises(PermissionDeniedError):
        discharge.discharge_patient(uow, other_ward, stay.id, "home", PCP_ACK)
    with make_uow() as uow, pytest.raises(ConflictError):
        discharge.discharge_patient(uow, nurse(), stay.id, "home", PCP_ACK, expected_version=99)
    with make_uow() as uow:
        cancelled = uow.session.get(Encounter, stay.id)
        assert cancelled is not None
        cancelled.status = EncounterStatus.CANCELLED
        uow.commit()
    with make_uow() as uow, pytest.raises(ValidationError, match="cannot be discharged"):
        discharge.discharge_patient(uow, nurse(), stay.id, "home", PCP_ACK)
