"""Follow-up services on both databases: discharge hook, call log, unable to reach, readmission
linking, list, audit, `encounter show` sections, CLI contract."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import fields
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from tests.conftest import FIXED_NOW
from tests.factories import add_clinical_details, make_patient, make_stay, make_unit
from transitions.cli import main
from transitions.db.models import AuditEvent
from transitions.domain.encounter_status import EncounterStatus
from transitions.domain.enums import AdmissionType
from transitions.domain.followup import CallAnswers, TaskKind, TaskStatus
from transitions.errors import ConflictError, ValidationError
from transitions.services import encounters, followup, followup_calls
from transitions.services.followup_list import FollowupFilter, FollowupRow, list_followups
from transitions.services.uow import Actor, UnitOfWork


def _discharge(make_uow: Callable[[], UnitOfWork], actor: Actor) -> int:
    with make_uow() as uow:
        s = uow.session
        unit = make_unit(s)
        stay = make_stay(
            s,
            make_patient(s),
            unit,
            status=EncounterStatus.READY,
            admitted=FIXED_NOW - timedelta(days=6),
        )
        add_clinical_details(s, stay)
        uow.commit()
        stay_id, version = stay.id, stay.version_id
    with make_uow() as uow:
        encounters.change_status(
            uow,
            actor,
            stay_id,
            EncounterStatus.DISCHARGED,
            expected_version=version,
            disposition="home",
        )
    return stay_id


def test_discharge_creates_scored_tasks_and_calls_close_them(
    make_uow: Callable[[], UnitOfWork], actor: Actor
) -> None:
    stay_id = _discharge(make_uow, actor)
    with make_uow() as uow:
        log = followup.get_call_log(uow, actor, stay_id)
    assert [t.kind for t in log.tasks] == [TaskKind.CONTACT, TaskKind.VISIT, TaskKind.READMISSION]
    assert log.risk is not None and "HOSPITAL.P" in log.risk.missing  # no procedure table
    lace_l = next(i for i in log.risk.lace if i.key == "L")
    assert lace_l.value == 6 and lace_l.points == 4
    contact = log.task(TaskKind.CONTACT)
    assert contact is not None
    # Wednesday 2026-11-25 discharge: Thanksgiving Thursday skipped -> Fri 27, Mon 30
    assert contact.due_date.isoformat() == "2026-11-30"
    for n in range(2):
        with make_uow() as uow:
            if n == 0:
                with pytest.raises(ValidationError):
                    followup_calls.close_unable_to_reach(
                        uow, actor, contact.task_id, expected_version=contact.version_id
                    )
        with make_uow() as uow:
            log = followup_calls.log_call(
                uow,
                actor,
                contact.task_id,
                expected_version=contact.version_id,
                number="555-0100",
                reached=False,
            )
        contact = log.task(TaskKind.CONTACT)
        assert contact is not None
    with make_uow() as uow:
        log = followup_calls.close_unable_to_reach(
            uow, actor, contact.task_id, expected_version=contact.version_id
        )
    assert log.task(TaskKind.CONTACT).status is TaskStatus.UNABLE_TO_REACH  # type: ignore[union-attr]
    with make_uow() as uow:
        actions = set(uow.session.scalars(select(AuditEvent.action)))
    assert {"create_tasks", "assess_risk", "log_call", "close_task"} <= actions


def test_reached_call_needs_escalation_reason(
    make_uow: Callable[[], UnitOfWork], actor: Actor
) -> None:
    stay_id = _discharge(make_uow, actor)
    with make_uow() as uow:
        contact = followup.get_call_log(uow, actor, stay_id).task(TaskKind.CONTACT)
    assert contact is not None
    with make_uow() as uow, pytest.raises(ValidationError) as err:
        followup_calls.log_call(
            uow,
            actor,
            contact.task_id,
            expected_version=contact.version_id,
            number="555",
            reached=True,
            answers=CallAnswers(escalate=True),
        )
    assert err.value.field == "escalation_reason"
    with make_uow() as uow:
        log = followup_calls.log_call(
            uow,
            actor,
            contact.task_id,
            expected_version=contact.version_id,
            number="555",
            reached=True,
            answers=CallAnswers(ctm3={"q1": 4, "q2": 3, "q3": 0}),
        )
    assert log.attempts[0].answers["ctm3_score"] == pytest.approx(83.3)  # type: ignore[index]


def test_new_admission_within_30_days_is_linked(
    make_uow: Callable[[], UnitOfWork], actor: Actor
) -> None:
    stay_id = _discharge(make_uow, actor)
    with make_uow() as uow:
        s = uow.session
        index = s.get(encounters.Encounter, stay_id)
        assert index is not None
        again = make_stay(s, index.patient, None, admitted=FIXED_NOW + timedelta(days=10))
        link = followup.link_readmission(uow, actor, again)
        uow.commit()
        assert link is not None and link.days_after == 10 and not link.planned
        visit = again.visit_number
    with make_uow() as uow:
        doc = encounters.stay_document(uow, actor, visit)
    assert doc["followup"]["readmission_of"]["planned"] is False
    assert "risk" in doc
    with make_uow() as uow:
        index_vn = uow.session.get(encounters.Encounter, stay_id).visit_number  # type: ignore[union-attr]
        doc = encounters.stay_document(uow, actor, index_vn)
    assert doc["followup"]["readmitted"][0]["visit_number"] == visit
    assert doc["risk"]["latest"]["stage"] == "discharge"
    check = next(t for t in doc["followup"]["tasks"] if t["kind"] == "readmission")
    assert check["outcome"] == "readmitted"


def test_list_and_cli_contract(
    make_uow: Callable[[], UnitOfWork],
    actor: Actor,
    database_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _discharge(make_uow, actor)
    with make_uow() as uow:
        rows = list_followups(
            uow, actor, FollowupFilter(as_of=FIXED_NOW.date() + timedelta(days=6))
        )
    assert len(rows) == 1 and rows[0].overdue and rows[0].next_task == "contact"
    code = main(
        ["followups", "--as-of", "2026-12-01", "--format", "json", "--database", database_url]
    )
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["count"] == 1 and data["followups"][0]["overdue"] is True
    assert main(["followups", "--format", "csv", "--database", database_url]) == 0
    assert capsys.readouterr().out.startswith("patient_name,mrn,unit")
    with pytest.raises(SystemExit) as exit_:
        main(["followups", "--as-of", "2026-13-01", "--format", "json", "--database", database_url])
    assert exit_.value.code == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert (
        main(["followups", "--unit", "NOPE", "--format", "json", "--database", database_url]) == 2
    )
    with make_uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(AuditEvent)) > 0


def test_real_command_prints_the_list(
    make_uow: Callable[[], UnitOfWork], actor: Actor, database_url: str
) -> None:
    import subprocess
    import sys
    from pathlib import Path

    _discharge(make_uow, actor)
    exe = Path(sys.executable).parent / "transitions"
    done = subprocess.run(
        [
            str(exe),
            "followups",
            "--as-of",
            "2026-11-26",
            "--format",
            "csv",
            "--database",
            database_url,
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("patient_name,mrn") and len(lines) == 2
    bad = subprocess.run(
        [str(exe), "followups", "--database", database_url],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1


def test_planning_scores_flag_missing_labs_and_recompute_uses_new_ones(
    make_uow: Callable[[], UnitOfWork], actor: Actor
) -> None:
    from decimal import Decimal

    from transitions.db.models import LabResult
    from transitions.domain.followup import RiskStage
    from transitions.services.followup_risk import recompute_risk

    with make_uow() as uow:
        s = uow.session
        stay = make_stay(
            s, make_patient(s), make_unit(s), planned_discharge=FIXED_NOW + timedelta(days=1)
        )
        uow.commit()
        stay_id, version, visit = stay.id, stay.version_id, stay.visit_number
    with make_uow() as uow:
        encounters.change_status(
            uow, actor, stay_id, EncounterStatus.DISCHARGE_PLANNED, expected_version=version
        )
    with make_uow() as uow:
        doc = encounters.stay_document(uow, actor, visit)
    planning = doc["risk"]["latest"]
    assert planning["stage"] == "planning"
    assert {"HOSPITAL.H", "HOSPITAL.S", "HOSPITAL.P"} <= set(planning["missing"])
    assert any("Sodium" in line and "missing" in line for line in planning["why"])
    with make_uow() as uow:
        uow.session.add(
            LabResult(
                encounter_id=stay_id,
                loinc_code="2951-2",
                name="Sodium",
                value=Decimal("130"),
                unit="mmol/L",
                observed_at=FIXED_NOW - timedelta(hours=2),
            )
        )
        uow.commit()
    with make_uow() as uow:
        view = recompute_risk(uow, actor, stay_id, RiskStage.PLANNING)
    sodium = next(i for i in view.hospital if i.key == "S")
    assert sodium.points == 1 and not sodium.missing and "HOSPITAL.S" not in view.missing


def test_readmission_check_waits_for_day_30_and_planned_flag_is_audited(
    make_uow: Callable[[], UnitOfWork], actor: Actor
) -> None:
    stay_id = _discharge(make_uow, actor)
    with make_uow() as uow:
        check = followup.get_call_log(uow, actor, stay_id).task(TaskKind.READMISSION)
    assert check is not None
    with make_uow() as uow, pytest.raises(ValidationError):
        followup_calls.close_readmission_check(
            uow, actor, check.task_id, expected_version=check.version_id
        )
    with make_uow() as uow:
        index = uow.session.get(encounters.Encounter, stay_id)
        assert index is not None
        again = make_stay(uow.session, index.patient, None, admitted=FIXED_NOW + timedelta(days=3))
        again.admission_type = AdmissionType.ELECTIVE
        link = followup.link_readmission(uow, actor, again)
        uow.commit()
        assert link is not None and link.planned
        again_id, version = again.id, link.version_id
    with make_uow() as uow:
        followup_calls.set_readmission_planned(
            uow, actor, again_id, planned=False, expected_version=version
        )
    with make_uow() as uow:
        assert "set_planned" in set(uow.session.scalars(select(AuditEvent.action)))
        with pytest.raises(ConflictError):
            followup_calls.set_readmission_planned(
                uow, actor, again_id, planned=True, expected_version=version
            )


def test_followup_rows_are_whole_and_typed(
    make_uow: Callable[[], UnitOfWork], actor: Actor
) -> None:
    """``list_followups`` builds its rows from raw values without the dataclass's __init__:
    every field is there and typed as declared (a call attempt, a readmission, risk scores)."""
    stay_id = _discharge(make_uow, actor)
    with make_uow() as uow:
        log = followup.get_call_log(uow, actor, stay_id)
        contact = log.task(TaskKind.CONTACT)
        assert contact is not None
    with make_uow() as uow:
        followup_calls.log_call(
            uow,
            actor,
            contact.task_id,
            expected_version=contact.version_id,
            number="555-0100",
            reached=False,
        )
    with make_uow() as uow:
        index = uow.session.get(encounters.Encounter, stay_id)
        assert index is not None
        again = make_stay(uow.session, index.patient, None, admitted=FIXED_NOW + timedelta(days=3))
        # no readmission link row yet: planned when elective
        again.admission_type = AdmissionType.ELECTIVE
        again.readmission_of_id = stay_id
        uow.commit()
        readmission = again.visit_number
    with make_uow() as uow:
        rows = list_followups(
            uow, actor, FollowupFilter(as_of=FIXED_NOW.date() + timedelta(days=6))
        )
    (row,) = rows
    assert list(vars(row)) == [f.name for f in fields(FollowupRow)]
    assert row == FollowupRow(**vars(row)) and hash(row) == hash(FollowupRow(**vars(row)))
    assert type(row.discharged) is date and type(row.next_due) is date
    assert row.next_task == "contact" and type(row.next_task) is str
    assert row.next_task_id == contact.task_id and row.overdue is True
    assert row.call_attempts == 1 and row.last_call == "no answer (1)"
    assert row.readmitted == readmission and row.readmission_planned is True
    assert row.lace_score is not None and row.tier in ("low", "moderate", "high")
    assert isinstance(row.risk_missing, tuple) and "HOSPITAL.P" in row.risk_missing
    assert row.owner is not None and row.owner.endswith("team")
