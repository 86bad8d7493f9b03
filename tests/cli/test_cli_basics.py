"""The `transitions` command: version, help, database options and errors, on both databases."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from tests.conftest import FIXED_NOW
from tests.factories import add_clinical_details, make_patient, make_stay, make_unit
from transitions import __version__
from transitions.cli import main
from transitions.domain.encounter_status import EncounterStatus
from transitions.services.uow import UnitOfWork

SCRIPT = Path(sys.executable).parent / "transitions"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, timeout=120, check=False
    )


def test_version_and_help() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"transitions {__version__}"
    for sub in (["db", "upgrade"], ["demo"], ["encounter", "show"], ["encounter", "list"]):
        helped = run(*sub, "--help")
        assert helped.returncode == 0, sub
        assert "--database" in helped.stdout


def test_bad_arguments_are_one_line_and_exit_2() -> None:
    result = run("encounter", "list", "--discharge-date", "25/11/2026")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "'25/11/2026' is not a date in YYYY-MM-DD form" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "postgresql://nurse:s3cret@127.0.0.1:1/ward",
            "postgresql+psycopg://nurse:***@127.0.0.1:1/ward",
        ),
        ("bogus-url", "database URL 'bogus-url' is malformed"),
        ("sqlite:////no/such/folder/x.db", "folder /no/such/folder does not exist"),
    ],
)
def test_unreachable_or_malformed_database(url: str, expected: str) -> None:
    result = run("encounter", "list", "--database", url)
    assert result.returncode == 2
    assert expected in result.stderr
    assert "s3cret" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_environment_variable_chooses_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRANSITIONS_DATABASE_URL", f"sqlite:///{tmp_path / 'env.db'}")
    result = run("db", "upgrade")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "env.db").exists()


def test_default_database_lives_in_the_user_data_dir() -> None:
    result = run("db", "current")
    assert result.returncode == 0, result.stderr
    assert "empty (no schema)" in result.stdout


def test_db_commands_on_a_fresh_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    assert main(["db", "check", "--database", url]) == 1
    assert "run 'transitions db upgrade'" in capsys.readouterr().out
    assert main(["db", "upgrade", "--database", url]) == 0
    assert "migrated from empty to" in capsys.readouterr().out
    assert main(["db", "check", "--database", url]) == 0
    assert main(["db", "current", "--database", url]) == 0
    assert "(newest)" in capsys.readouterr().out
    assert main(["db", "backup", str(tmp_path / "copy.db"), "--database", url]) == 0
    assert (tmp_path / "copy.db").exists()


def _seed(make_uow: Callable[[], UnitOfWork]) -> None:
    with make_uow() as uow:
        s = uow.session
        unit = make_unit(s, "4W")
        other = make_unit(s, "5E", "5 East")
        stay = make_stay(
            s,
            make_patient(s, "Vandermeer", "Ines", mrn="MRN555001"),
            unit,
            status=EncounterStatus.DISCHARGE_PLANNED,
            planned_discharge=FIXED_NOW + timedelta(hours=3),
            visit_number="V0000001",
        )
        add_clinical_details(s, stay)
        make_stay(
            s, make_patient(s, "Oyelaran", "Tobi", mrn="MRN555002"), other, visit_number="V0000002"
        )
        make_stay(
            s,
            make_patient(s, "Lindqvist", "Bo", mrn="MRN555003"),
            unit,
            status=EncounterStatus.DISCHARGED,
            discharged=FIXED_NOW - timedelta(days=1),
            visit_number="V0000003",
        )
        uow.commit()


def test_encounter_list_and_show_json(
    database_url: str,
    make_uow: Callable[[], UnitOfWork],
    site_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("TRANSITIONS_SITE_CONFIG", str(site_file))
    _seed(make_uow)

    assert main(["encounter", "list", "--database", database_url, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["count"] == 3
    assert {e["visit_number"] for e in listed["encounters"]} == {"V0000001", "V0000002", "V0000003"}

    assert (
        main(
            [
                "encounter",
                "list",
                "--database",
                database_url,
                "--json",
                "--unit",
                "4W",
                "--status",
                "active",
            ]
        )
        == 0
    )
    assert [e["mrn"] for e in json.loads(capsys.readouterr().out)["encounters"]] == ["MRN555001"]

    day = (FIXED_NOW - timedelta(days=1)).date().isoformat()
    assert (
        main(["encounter", "list", "--database", database_url, "--json", "--discharge-date", day])
        == 0
    )
    assert [e["visit_number"] for e in json.loads(capsys.readouterr().out)["encounters"]] == [
        "V0000003"
    ]

    assert main(["encounter", "show", "V0000001", "--database", database_url, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["patient"]["display_name"] == "Vandermeer, Ines"
    assert shown["status"] == "discharge_planned"
    assert shown["diagnoses"][0] == {
        "code": "I50.23",
        "code_system": "icd10cm",
        "description": "Acute on chronic systolic (congestive) heart failure",
        "principal": True,
    }
    assert [a["substance"] for a in shown["allergies"]] == ["penicillin"]
    assert {lab["loinc_code"] for lab in shown["labs"]} == {"718-7", "2951-2"}
    assert [m["drug_name"] for m in shown["medications"]] == ["furosemide", "metformin"]

    assert main(["encounter", "show", "V9999999", "--database", database_url]) == 2
    assert capsys.readouterr().err.strip() == (
        "transitions encounter: error: no stay with visit number 'V9999999'"
    )
    assert main(["encounter", "list", "--database", database_url, "--unit", "ZZ"]) == 2
    assert "no unit with code 'ZZ'" in capsys.readouterr().err
