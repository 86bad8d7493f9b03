"""Batched ADT ingest, on both databases: a batch ends exactly as its messages applied one at a
time would; a failing message is quarantined alone and takes nothing with it; a batch that
cannot be written (a record changed meanwhile) is applied again one message per transaction;
the raw messages are committed before anything is applied; a running feed sees units and
doctors added while it runs; discharge scores equal the follow-up service's."""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, func, select, text, update

from tests.conftest import _truncate_all
from tests.factories import make_provider, make_unit
from tests.interop.adt_stream import adt_stream
from tests.interop.messages import adt
from transitions.config import SiteConfig
from transitions.db.engine import Database
from transitions.db.followup_models import FollowupTask, ReadmissionLink, RiskAssessment
from transitions.db.interop_models import InboundMessage, MessageStatus, QuarantineEntry
from transitions.db.models import AuditEvent, Encounter, Patient, Provider, Unit
from transitions.domain.followup import RiskStage, TaskKind, TaskStatus
from transitions.interop.hl7v2 import AdtMessage, split_messages
from transitions.services import followup_risk, interop
from transitions.services.interop_adt import AdtApplier, Plan
from transitions.services.interop_adt_state import BatchState
from transitions.services.interop_feed import AdtFeed, durable_commits
from transitions.services.uow import UnitOfWork

UowFactory = Callable[[], UnitOfWork]
TABLES = [
    "patient",
    "interop_patient_identifier",
    "encounter",
    "interop_visit_identifier",
    "diagnosis",
    "allergy",
    "lab_result",
    "risk_assessment",
    "followup_task",
    "readmission_link",
    "interop_message",
    "interop_quarantine",
]
NOT_COMPARED = {"created_at", "updated_at", "version_id", "occurred_at", "raw"}


def seed(make_uow: UowFactory) -> None:
    with make_uow() as uow:
        make_unit(uow.session, "4W")
        uow.session.add(Provider(family_name="Okafor", given_name="Ada", npi="1234567890"))
        uow.session.commit()


def dump(database: Database) -> dict[str, Any]:
    """Every row the feed writes, minus row timestamps and versions (a batch writes a row once
    where one message at a time writes it once per message)."""

    def plain(row: Any) -> dict[str, Any]:
        return {k: str(v) for k, v in row.items() if k not in NOT_COMPARED}

    result: dict[str, Any] = {}
    with database.engine.connect() as connection:
        for table in TABLES:
            rows = connection.execute(text(f"SELECT * FROM {table} ORDER BY id")).mappings()
            result[table] = [plain(row) for row in rows]
        audits = connection.execute(text("SELECT * FROM audit_event ORDER BY id")).mappings()
        events = [plain(row) for row in audits]
    for event in events:
        del event["id"]
    # receipts are written per batch, before the batch is applied: compare them as a set
    result["receipts"] = sorted(
        json.dumps(e, sort_keys=True) for e in events if e["action"] == "receive"
    )
    result["audit"] = [e for e in events if e["action"] != "receive"]
    return result


def second_database(database: Database, tmp_path: Path, sqlite_template: Path) -> Database:
    if database.is_sqlite:
        path = tmp_path / "second.db"
        shutil.copyfile(sqlite_template, path)
        return Database.open(f"sqlite:///{path}")
    _truncate_all(database)
    return database


def outcome(results: list[interop.IngestResult]) -> list[tuple[Any, ...]]:
    return [(r.message_id, r.ack_code, r.control_id, r.status, r.reason) for r in results]


def test_batches_end_as_one_message_at_a_time(
    database: Database,
    site: SiteConfig,
    clock: Callable[[], datetime],
    tmp_path: Path,
    sqlite_template: Path,
    shared_data: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    raws = adt_stream(240)
    for path in sorted((shared_data / "hl7v2-samples").glob("*.hl7")):
        raws += split_messages(path.read_bytes())
    actor = interop.adt_actor()

    def factory(db: Database) -> UowFactory:
        return lambda: UnitOfWork(db, site, now=clock)

    seed(factory(database))
    one_by_one = [interop.receive_hl7(factory(database), actor, raw, "test") for raw in raws]
    expected = dump(database)
    other = second_database(database, tmp_path, sqlite_template)
    try:
        seed(factory(other))
        with caplog.at_level(logging.WARNING):
            batched = list(interop.ingest_hl7(factory(other), actor, raws, "test", batch_size=40))
        assert "one at a time" not in caplog.text  # every batch was written as a batch
        assert outcome(batched) == outcome(one_by_one)
        assert dump(other) == expected
    finally:
        if other is not database:
            other.dispose()
    # and the stream exercised what it should, without internal errors
    statuses = [r.status for r in batched]
    assert statuses.count(MessageStatus.PROCESSED) > 150
    assert MessageStatus.DUPLICATE in statuses and MessageStatus.QUARANTINED in statuses
    assert not [r.reason for r in batched if "internal error" in (r.reason or "")]
    assert len(expected["readmission_link"]) > 5 and len(expected["risk_assessment"]) > 20


@pytest.fixture
def ward(make_uow: UowFactory) -> None:
    seed(make_uow)


def ingest(make_uow: UowFactory, *texts: str, batch_size: int = 500) -> list[interop.IngestResult]:
    raws = [t.encode() for t in texts]
    return list(
        interop.ingest_hl7(make_uow, interop.adt_actor(), raws, "test", batch_size=batch_size)
    )


def visit(make_uow: UowFactory, number: str) -> Encounter | None:
    with make_uow() as uow:
        found = uow.session.scalar(select(Encounter).where(Encounter.visit_number == number))
        if found is not None:
            uow.session.expunge(found)
        return found


def test_a_failing_message_is_quarantined_alone(
    make_uow: UowFactory, ward: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_execute = AdtApplier.execute

    def execute(self: AdtApplier, message: AdtMessage, plan: Plan) -> tuple[int, int | None]:
        if message.control_id == "BAD":
            raise RuntimeError("a bug while applying")
        return real_execute(self, message, plan)

    monkeypatch.setattr(AdtApplier, "execute", execute)
    results = ingest(
        make_uow,
        adt("A01", control_id="OK1", visit="V1"),
        adt("A01", control_id="BAD", visit="V2"),
        adt("A08", control_id="OK2", visit="V1", family="Testperson-Lee"),
        adt("A03", control_id="LATE", visit="V2", discharge="202611241500"),
    )
    assert [(r.control_id, r.ack_code) for r in results] == [
        ("OK1", "AA"),
        ("BAD", "AE"),
        ("OK2", "AA"),
        ("LATE", "AE"),  # its admission failed: quarantined for that, on its own
    ]
    assert results[1].reason == "internal error: RuntimeError"
    assert visit(make_uow, "V1") is not None and visit(make_uow, "V2") is None
    with make_uow() as uow:
        patient = uow.session.scalar(select(Patient))
        assert patient is not None and patient.family_name == "Testperson-Lee"
        statuses = dict(
            uow.session.execute(select(InboundMessage.control_id, InboundMessage.status)).all()
        )
        assert statuses == {
            "OK1": MessageStatus.PROCESSED,
            "BAD": MessageStatus.QUARANTINED,
            "OK2": MessageStatus.PROCESSED,
            "LATE": MessageStatus.QUARANTINED,
        }
        assert uow.session.scalar(select(func.count()).select_from(QuarantineEntry)) == 2


def test_a_batch_that_cannot_be_written_is_applied_one_message_at_a_time(
    make_uow: UowFactory,
    database: Database,
    ward: None,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    assert ingest(make_uow, adt("A01", control_id="C1", visit="V1"))[0].accepted
    real_load = BatchState.load
    interfered = []

    def load(self: BatchState, conn: Connection, *args: Any) -> None:
        real_load(self, conn, *args)
        if not interfered:  # another workstation saves the patient while the batch is applied
            interfered.append(True)
            with database.engine.begin() as other:
                other.execute(update(Patient).values(version_id=Patient.version_id + 1))

    monkeypatch.setattr(BatchState, "load", load)
    with caplog.at_level(logging.WARNING):
        results = ingest(
            make_uow,
            adt("A08", control_id="C2", visit="V1", family="Testperson-Lee"),
            adt("A01", control_id="C3", visit="V2", family="Testperson-Lee"),
        )
    assert [r.ack_code for r in results] == ["AA", "AA"]
    assert "writing a batch of 2 interface messages failed (ConflictError)" in caplog.text
    assert visit(make_uow, "V2") is not None
    with make_uow() as uow:
        patient = uow.session.scalar(select(Patient))
        assert patient is not None and patient.family_name == "Testperson-Lee"
        assert patient.version_id == 3  # created, changed by the other workstation, then by C2


def test_raw_messages_are_committed_before_they_are_applied(
    make_uow: UowFactory, database: Database, ward: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_load = BatchState.load
    seen: list[int] = []

    def load(self: BatchState, conn: Connection, *args: Any) -> None:
        with database.engine.connect() as other:  # what another connection can see by now
            seen.append(
                int(
                    other.scalar(
                        select(func.count())
                        .select_from(InboundMessage)
                        .where(InboundMessage.status == MessageStatus.RECEIVED)
                    )
                    or 0
                )
            )
        real_load(self, conn, *args)

    monkeypatch.setattr(BatchState, "load", load)
    ingest(make_uow, *(adt("A01", control_id=f"C{n}", visit=f"V{n}") for n in range(3)))
    assert seen == [3]


def test_a_running_feed_sees_units_and_doctors_added_meanwhile(make_uow: UowFactory) -> None:
    feed = AdtFeed(make_uow, interop.adt_actor())
    first = feed.receive(adt("A01", control_id="C1", unit="9Z").encode(), "mllp")
    assert first.accepted
    with make_uow() as uow:
        warnings = uow.session.scalar(select(InboundMessage.warnings)) or ""
    assert "unit '9Z' is not a known unit" in warnings and "attending" in warnings
    stay = visit(make_uow, "V9001")
    assert stay is not None and stay.unit_id is None and stay.attending_id is None
    with make_uow() as uow:  # an administrator adds the ward and the doctor
        unit = make_unit(uow.session, "9Z", "9 Zeta")
        doctor = make_provider(uow.session, "Okafor", "Ada")
        uow.session.commit()
    assert feed.receive(adt("A08", control_id="C2", unit="9Z").encode(), "mllp").accepted
    stay = visit(make_uow, "V9001")
    assert stay is not None and (stay.unit_id, stay.attending_id) == (unit.id, doctor.id)


def test_readmission_and_duplicate_in_one_batch(make_uow: UowFactory, ward: None) -> None:
    results = ingest(
        make_uow,
        adt("A01", control_id="C1", visit="S1", admit="202610010800"),
        adt("A03", control_id="C2", visit="S1", discharge="202610050800"),
        adt("A01", control_id="C3", visit="S2", admit="202610200800"),
        adt("A01", control_id="C3", visit="S2", admit="202610200800"),
    )
    assert [r.status for r in results] == [MessageStatus.PROCESSED] * 3 + [MessageStatus.DUPLICATE]
    first, second = visit(make_uow, "S1"), visit(make_uow, "S2")
    assert first is not None and second is not None
    assert second.readmission_of_id == first.id
    with make_uow() as uow:
        link = uow.session.scalar(select(ReadmissionLink))
        assert link is not None and (link.encounter_id, link.index_encounter_id) == (
            second.id,
            first.id,
        )
        check = uow.session.scalar(
            select(FollowupTask).where(
                FollowupTask.encounter_id == first.id, FollowupTask.kind == TaskKind.READMISSION
            )
        )
        assert check is not None and (check.status, check.outcome) == (
            TaskStatus.DONE,
            "readmitted",
        )
        audit = uow.session.scalar(
            select(AuditEvent.details).where(
                AuditEvent.action == "link_readmission", AuditEvent.entity_id == "S2"
            )
        )
        # the index stay's real id (the batch knew it only once the stay was inserted)
        assert audit is not None and json.loads(audit) == {
            "source": "adt",
            "before": None,
            "after": first.id,
        }


def test_discharge_scores_equal_the_followup_service(make_uow: UowFactory, ward: None) -> None:
    ingest(
        make_uow,
        adt("A04", control_id="E1", visit="ED1", patient_class="E", admit="202609010800"),
        adt("A03", control_id="E2", visit="ED1", discharge="202609011400"),
        adt(
            "A01",
            control_id="C1",
            visit="S1",
            admit="202611170800",
            extra="DG1|1||I50.23^Heart failure^I10||||||||||||1\rDG1|2||N18.4^CKD^I10\r"
            "OBX|1|NM|718-7^Hemoglobin^LN||11.2|g/dL|||||F|||202611180800\r"
            "OBX|2|NM|2951-2^Sodium^LN||131|mmol/L|||||F|||202611180900",
        ),
        adt("A03", control_id="C2", visit="S1", discharge="202611241500", disposition="01"),
    )
    with make_uow() as uow:
        stay = uow.session.scalar(select(Encounter).where(Encounter.visit_number == "S1"))
        assert stay is not None
        stored = uow.session.scalar(
            select(RiskAssessment).where(RiskAssessment.encounter_id == stay.id)
        )
        assert stored is not None and stored.stage is RiskStage.DISCHARGE
        expected = followup_risk.score_facts(followup_risk.facts_of(uow, stay, RiskStage.DISCHARGE))
        assert (stored.lace_score, stored.hospital_score) == (
            expected["lace_score"],
            expected["hospital_score"],
        )
        assert json.loads(stored.details) == json.loads(json.dumps(expected["details"]))
        assert json.loads(stored.details)["inputs"]["ed_visits_6mo"] == 1
        kinds = uow.session.scalars(
            select(FollowupTask.kind).where(FollowupTask.encounter_id == stay.id)
        ).all()
        assert sorted(kinds) == sorted(TaskKind)
        assert uow.session.scalar(select(func.count()).select_from(Unit)) == 1


def test_durable_commits_make_sqlite_sync_every_commit(database: Database) -> None:
    durable_commits(database)
    durable_commits(database)  # once is enough; again changes nothing
    with database.engine.connect() as connection:
        if database.is_sqlite:  # 2 = FULL; PostgreSQL commits are durable anyway
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2


def test_nul_bytes_neither_stop_a_batch_nor_lose_a_message(
    make_uow: UowFactory, ward: None
) -> None:
    results = ingest(
        make_uow,
        adt("A01", control_id="C1", visit="V1"),
        adt("A01", control_id="C\x002", visit="V2"),  # NUL in MSH-10
        adt("A01", control_id="C3", visit="V3", admit="2026\x0011200830"),  # and in a reason
        adt("A01", control_id="C4", visit="V4"),
    )
    assert [r.ack_code for r in results] == ["AA", "AA", "AE", "AA"]
    assert results[1].control_id == "C\\x002" and "\x00" not in (results[2].reason or "")
    with make_uow() as uow:
        stored = uow.session.scalars(select(InboundMessage.raw).order_by(InboundMessage.id)).all()
        assert b"C\x002" in stored[1]  # the raw message exactly as received
    assert visit(make_uow, "V2") is not None and visit(make_uow, "V4") is not None
