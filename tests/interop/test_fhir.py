"""FHIR R4 import (Synthea bundles, invalid input) and export (validated, re-imported), on both
databases; CLI contracts in-process and via the installed program."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.factories import add_clinical_details, make_patient, make_stay, make_unit
from transitions.cli import main
from transitions.db.interop_models import InboundMessage, MessageStatus
from transitions.db.models import Encounter, MedicationEntry, Patient
from transitions.domain.encounter_status import EncounterStatus
from transitions.domain.enums import EncounterClass, MedicationList, MedicationSource
from transitions.services import interop_fhir
from transitions.services.uow import Actor, UnitOfWork

UowFactory = Callable[[], UnitOfWork]
SCRIPT = Path(sys.executable).parent / "transitions"
ACTOR = Actor.system("test")


def import_one(make_uow: UowFactory, raw: bytes, name: str = "b.json") -> dict[str, Any]:
    return interop_fhir.import_files(make_uow, ACTOR, [(Path(name), raw)])


def count(make_uow: UowFactory, model: type) -> int:
    with make_uow() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


def test_synthea_bundles_import(make_uow: UowFactory, shared_data: Path) -> None:
    files = [(p, p.read_bytes()) for p in sorted((shared_data / "synthea-r4").glob("*.json"))]
    assert len(files) == 20
    summary = interop_fhir.import_files(make_uow, ACTOR, files)
    assert summary["files"] == 20 and summary["patients"] == 20
    assert summary["inpatient_stays"] == 263
    assert summary["emergency_visits"] == 40
    assert summary["medications_added"] > 1000
    assert summary["readmissions_30_day"] > 0
    assert summary["skipped"]["Procedure"] == 437  # no procedure table yet
    with make_uow() as uow:
        s = uow.session
        inpatient = s.scalar(
            select(func.count())
            .select_from(Encounter)
            .where(Encounter.encounter_class == EncounterClass.INPATIENT)
        )
        assert inpatient == 263
        readmissions = s.scalar(
            select(func.count())
            .select_from(Encounter)
            .where(Encounter.readmission_of_id.is_not(None))
        )
        assert readmissions == summary["readmissions_30_day"]
        for stay in s.scalars(select(Encounter).where(Encounter.readmission_of_id.is_not(None))):
            index = s.get(Encounter, stay.readmission_of_id)
            assert index is not None and index.discharge_time is not None
            assert 0 <= (stay.admit_time - index.discharge_time).days <= 30
        home = s.scalar(
            select(func.count())
            .select_from(MedicationEntry)
            .where(MedicationEntry.list_kind == MedicationList.HOME)
        )
        assert home and home > 0
    # the same files again: recognised as duplicates, nothing added
    again = interop_fhir.import_files(make_uow, ACTOR, files)
    assert again["duplicates"] == 20
    assert count(make_uow, Encounter) == 776


def _bundle(*resources: dict[str, Any]) -> bytes:
    return json.dumps(
        {
            "resourceType": "Bundle",
            "type": "collection",
            "entry": [{"resource": r} for r in resources],
        }
    ).encode()


PATIENT = {
    "resourceType": "Patient",
    "id": "p1",
    "identifier": [
        {
            "type": {
                "coding": [
                    {"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}
                ]
            },
            "system": "urn:test",
            "value": "F100",
        }
    ],
    "name": [{"family": "Testperson", "given": ["Cora"]}],
    "birthDate": "1950-02-03",
    "gender": "female",
}


def test_invalid_resource_names_file_and_field_and_imports_nothing(
    make_uow: UowFactory, capsys: pytest.CaptureFixture[str], database_url: str, tmp_path: Path
) -> None:
    bad_encounter = {
        "resourceType": "Encounter",
        "id": "e1",
        "status": "finished",
        "class": {"code": "IMP"},
        "period": {"start": "last tuesday"},
        "subject": {"reference": "Patient/p1"},
    }
    path = tmp_path / "broken.json"
    path.write_bytes(_bundle(PATIENT, bad_encounter))
    assert main(["import", "fhir", str(path), "--database", database_url]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "broken.json" in err and "Encounter/e1" in err and "period.start" in err
    assert count(make_uow, Patient) == 0  # the valid Patient of that bundle was not imported
    with make_uow() as uow:
        message = uow.session.scalar(select(InboundMessage))
        assert message is not None and message.status is MessageStatus.QUARANTINED

    path.write_text("{not json", encoding="utf-8")
    assert main(["import", "fhir", str(path), "--database", database_url]) == 2
    err = capsys.readouterr().err
    assert "broken.json" in err and "invalid JSON" in err and err.count("\n") == 1


def test_export_validates_and_reimports(
    make_uow: UowFactory, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with make_uow() as uow:
        unit = make_unit(uow.session)
        patient = make_patient(uow.session, "Exportperson", "Dana", mrn="EXP001")
        stay = make_stay(
            uow.session, patient, unit, status=EncounterStatus.READY, visit_number="VX1"
        )
        add_clinical_details(uow.session, stay)
        stay.status = EncounterStatus.DISCHARGED
        stay.discharge_time = stay.admit_time.replace(hour=20)
        stay.discharge_disposition = "home"
        stay.medications.append(
            MedicationEntry(
                list_kind=MedicationList.DISCHARGE,
                drug_name="furosemide",
                dose="20 mg",
                route="oral",
                frequency="daily",
                source=MedicationSource.ORDER,
                recorded_at=stay.admit_time,
            )
        )
        uow.session.commit()
    out = tmp_path / "vx1.json"
    assert main(["export", "fhir", "VX1", "--out", str(out), "--database", database_url]) == 0
    capsys.readouterr()
    bundle = json.loads(out.read_text())
    from fhir.resources.R4B.bundle import Bundle

    Bundle.model_validate(bundle)
    kinds = sorted(e["resource"]["resourceType"] for e in bundle["entry"])
    assert kinds == sorted(
        ["Patient", "Encounter", "Condition", "Condition", "AllergyIntolerance"]
        + ["MedicationStatement"] * 2
        + ["MedicationRequest"]
        + ["Observation"] * 2
    )
    encounter = next(
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Encounter"
    )
    assert encounter["hospitalization"]["dischargeDisposition"]["coding"][0]["code"] == "home"

    # into the same database: matched by local MRN and visit number, nothing duplicated
    before = (
        count(make_uow, Patient),
        count(make_uow, Encounter),
        count(make_uow, MedicationEntry),
    )
    same = import_one(make_uow, out.read_bytes())
    assert same["encounters_created"] == 0 and same["medications_added"] == 0
    after = (count(make_uow, Patient), count(make_uow, Encounter), count(make_uow, MedicationEntry))
    assert after == before

    # into an empty SQLite database: the stay comes back with its facts
    fresh = tmp_path / "fresh.db"
    status = main(["import", "fhir", str(out), "--database", f"sqlite:///{fresh}"])
    assert status == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["patients"] == 1 and summary["encounters_created"] == 1
    assert summary["diagnoses_added"] == 2 and summary["allergies_added"] == 1
    assert summary["medications_added"] == 3 and summary["labs_added"] == 2
    assert main(["encounter", "show", "VX1", "--json", "--database", f"sqlite:///{fresh}"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["status"] == "discharged" and shown["discharge_disposition"] == "home"
    assert shown["patient"]["mrn"] == "EXP001"
    assert {d["code"] for d in shown["diagnoses"]} == {"I50.23", "E11.9"}
    assert any(d["principal"] and d["code"] == "I50.23" for d in shown["diagnoses"])
    lists = sorted((m["list_kind"], m["drug_name"]) for m in shown["medications"])
    assert lists == [("discharge", "furosemide"), ("home", "furosemide"), ("home", "metformin")]


def test_cli_import_hl7_via_program(database_url: str, shared_data: Path) -> None:
    files = sorted(str(p) for p in (shared_data / "hl7v2-samples").glob("*.hl7"))
    done = subprocess.run(
        [str(SCRIPT), "import", "hl7", *files, "--database", database_url],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ},
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"accepted": 6, "rejected": 3}


def test_cli_export_unknown_visit(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(
        ["export", "fhir", "NOPE", "--out", str(tmp_path / "x.json"), "--database", database_url]
    )
    assert status == 2
    assert "NOPE" in capsys.readouterr().err
