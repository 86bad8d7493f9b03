"""`transitions appointments list` and `transitions directory import` (in-process and script)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from tests.db.test_appointments import DIRECTORY_CSV, at, book, seed
from transitions.cli import main
from transitions.domain.appointments import AppointmentType
from transitions.services.uow import Actor, UnitOfWork

SCRIPT = Path(sys.executable).with_name("transitions")


def test_appointments_list_json(
    database_url: str,
    make_uow: Callable[[], UnitOfWork],
    actor: Actor,
    site_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("TRANSITIONS_SITE_CONFIG", str(site_file))
    seeded = seed(make_uow)
    lab = book(make_uow, actor, seeded, at(date(2026, 11, 28), 9), type=AppointmentType.LAB)

    assert main(["appointments", "list", seeded.visit, "--database", database_url, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["visit_number"] == seeded.visit
    assert out["risk_tier"] == "moderate"
    assert out["deadlines"]["contact_due"] == "2026-11-30"
    assert out["deadlines"]["visit_due"] == "2026-12-09"
    assert [(a["id"], a["type"], a["status"]) for a in out["appointments"]] == [
        (lab, "lab", "booked")
    ]
    assert [w["code"] for w in out["appointments"][0]["warnings"]] == ["weekend", "outside_hours"]
    assert [w["code"] for w in out["warnings"]] == ["no_pcp_follow_up", "weekend", "outside_hours"]

    assert main(["appointments", "list", seeded.visit, "--database", database_url]) == 0
    text = capsys.readouterr().out
    assert "warning: no PCP follow-up booked" in text

    assert main(["encounter", "show", seeded.visit, "--database", database_url, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [a["type"] for a in shown["appointments"]] == ["lab"]
    assert shown["pending_tests"] == [] and shown["home_services"] == []


def test_unknown_visit_is_one_line_exit_2(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["appointments", "list", "V404", "--database", database_url, "--json"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == ["transitions appointments: error: no stay with visit number 'V404'"]


def test_directory_import_via_console_script(database_url: str, tmp_path: Path) -> None:
    good = tmp_path / "directory.csv"
    good.write_text(DIRECTORY_CSV, encoding="utf-8")
    done = subprocess.run(
        [str(SCRIPT), "directory", "import", str(good), "--database", database_url, "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["providers_created"] == 2

    bad = tmp_path / "bad.csv"
    bad.write_text("kind,name\nhospital,Somewhere\n", encoding="utf-8")
    done = subprocess.run(
        [str(SCRIPT), "directory", "import", str(bad), "--database", database_url],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "transitions directory: error: line 2: kind must be 'clinic' or 'provider'"
    ]


def test_directory_import_missing_file(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.csv"
    assert main(["directory", "import", str(missing), "--database", database_url]) == 2
    assert "file not found" in capsys.readouterr().err
