"""`transitions education suggest VISIT_NUMBER --json` and `education modules --json`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.factories import add_clinical_details, make_patient, make_stay, make_unit
from transitions.cli import main
from transitions.db.models import MedicationEntry
from transitions.domain.enums import MedicationList, MedicationSource
from transitions.services import education
from transitions.services.education import TeachingEntry
from transitions.services.uow import Actor, UnitOfWork

SCRIPT = Path(sys.executable).parent / "transitions"


def seed(make_uow: Callable[[], UnitOfWork]) -> tuple[int, str]:
    with make_uow() as uow:
        stay = make_stay(uow.session, make_patient(uow.session), make_unit(uow.session))
        add_clinical_details(uow.session, stay)
        stay.medications.append(
            MedicationEntry(
                list_kind=MedicationList.DISCHARGE,
                drug_name="Coumadin 5 mg",
                source=MedicationSource.ORDER,
            )
        )
        ids = stay.id, stay.visit_number
        uow.commit()
    return ids


def test_suggest_json(
    make_uow: Callable[[], UnitOfWork], database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _, visit = seed(make_uow)
    assert main(["education", "suggest", visit, "--json", "--database", database_url]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["visit_number"] == visit
    reasons = {
        s["module_id"]: [(r["kind"], r["code"], r["matched"]) for r in s["reasons"]]
        for s in data["suggestions"]
    }
    assert reasons == {
        "general": [("always", "", "every patient")],
        "heart-failure": [("diagnosis", "I50.23", "I50")],
        "anticoagulation": [("med", "Coumadin 5 mg", "anticoagulant")],
    }


def test_suggest_unknown_visit_is_one_line_exit_2(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["education", "suggest", "V404", "--database", database_url]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no stay with visit number 'V404'" in err


def test_modules_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["education", "modules", "--language", "es", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["language"] == "es"
    hf = next(m for m in data["modules"] if m["id"] == "heart-failure")
    assert hf["title"] == "Insuficiencia cardíaca"
    weight = hf["items"][0]
    assert weight["id"] == "daily-weight" and weight["text"].startswith("Pésese")
    assert weight["teach_back"] and weight["call_doctor_if"]
    assert "I50" in hf["suggest"]["icd10"]
    assert len(data["modules"]) >= 12


def test_encounter_show_has_education_records(
    make_uow: Callable[[], UnitOfWork],
    database_url: str,
    actor: Actor,
    capsys: pytest.CaptureFixture[str],
) -> None:
    encounter_id, visit = seed(make_uow)
    with make_uow() as uow:
        education.record_teaching(
            uow,
            actor,
            encounter_id,
            TeachingEntry("heart-failure", "daily-weight", "both", "demonstration", "understood"),
        )
    assert main(["encounter", "show", visit, "--json", "--database", database_url]) == 0
    section = json.loads(capsys.readouterr().out)["education"]
    assert section["progress"]["done"] == 1
    hf = next(m for m in section["modules"] if m["id"] == "heart-failure")
    record = hf["items"][0]["records"][0]
    assert (record["learner"], record["method"], record["result"]) == (
        "both",
        "demonstration",
        "understood",
    )


def test_real_script(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    done = subprocess.run(
        [str(SCRIPT), "education", "modules", "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["modules"][0]["id"] == "general"
    bad = subprocess.run(
        [str(SCRIPT), "education", "modules", "--language", "fr"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
