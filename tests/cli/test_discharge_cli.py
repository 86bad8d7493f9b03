"""`transitions encounter readiness --json` and `transitions discharge` (in-process and through
the console script)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.discharge_helpers import MakeUow, book_pcp, make_ready, seed_stay
from transitions.cli import main

SCRIPT = Path(sys.executable).with_name("transitions")


@pytest.fixture(autouse=True)
def _site(site_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRANSITIONS_SITE_CONFIG", str(site_file))


def test_readiness_json_contract(
    database_url: str, make_uow: MakeUow, capsys: pytest.CaptureFixture[str]
) -> None:
    stay = seed_stay(make_uow)
    book_pcp(make_uow, stay)
    argv = ["encounter", "readiness", stay.visit, "--database", database_url, "--json"]
    assert main(argv) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"ready", "steps", "red_checklist"}
    assert out["ready"] is False
    assert list(out["steps"]) == [
        "assessment",
        "careplan",
        "medications",
        "appointments",
        "education",
        "packet",
        "risk",
    ]
    for step in out["steps"].values():
        assert set(step) == {"status", "problems"}
        assert step["status"] in {"done", "in_progress", "missing", "warning"}
        assert all(isinstance(p, str) for p in step["problems"])
    assert out["steps"]["appointments"] == {"status": "done", "problems": []}
    assert len(out["red_checklist"]) == 12
    for item in out["red_checklist"]:
        assert item["status"] in {"done", "missing", "acknowledged"}
        assert isinstance(item["item"], str) and isinstance(item["where"], str)
    first = out["red_checklist"][0]
    assert (first["item"], first["status"], first["where"]) == ("language", "done", "education")

    assert main(["encounter", "readiness", stay.visit, "--database", database_url]) == 0
    text = capsys.readouterr().out
    assert "not ready to discharge" in text and "missing      medrec_signed (blocks)" in text

    assert main(["encounter", "readiness", "V404", "--database", database_url, "--json"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "transitions encounter: error: no stay with visit number 'V404'"
    ]


def test_discharge_refused_one_line_per_item_then_done(
    database_url: str, make_uow: MakeUow, capsys: pytest.CaptureFixture[str]
) -> None:
    stay = seed_stay(make_uow)
    book_pcp(make_uow, stay)
    argv = ["discharge", stay.visit, "--disposition", "home", "--database", database_url]
    assert main([*argv, "--acknowledge", "education=patient asleep, teach at 14:00"]) == 2
    err = capsys.readouterr().err.splitlines()
    keys = [line.split(": ")[1] for line in err]
    assert keys == [
        "medicines_plan", "medrec_signed", "written_plan", "if_problem", "teach_back",
        "pcp_summary",
    ]  # fmt: skip
    assert all(line.startswith("transitions discharge: ") for line in err)
    assert "blocks discharge (site policy)" in err[1]

    make_ready(make_uow, stay)
    assert main([*argv, "--acknowledge", "pcp_summary=faxed by the ward clerk", "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["disposition"] == "home" and record["completed_adt"] is False
    assert record["signed_by"].startswith("cli:")
    pcp = next(i for i in record["readiness"]["red_checklist"] if i["item"] == "pcp_summary")
    assert (pcp["status"], pcp["reason"]) == ("acknowledged", "faxed by the ward clerk")

    assert main(["encounter", "show", stay.visit, "--database", database_url, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["status"] == "discharged" and shown["discharge_disposition"] == "home"
    assert sorted(t["kind"] for t in shown["followup"]["tasks"]) == [
        "contact", "readmission", "visit",
    ]  # fmt: skip
    # the unit manager's follow-up list has the new discharge
    assert main(["followups", "--unit", "4W", "--format", "json", "--database", database_url]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [f["visit_number"] for f in listed["followups"]] == [stay.visit]

    assert main(argv) == 2
    assert "frozen" in capsys.readouterr().err


def test_discharge_via_console_script(database_url: str, make_uow: MakeUow) -> None:
    stay = seed_stay(make_uow)
    base = [str(SCRIPT), "discharge", stay.visit, "--database", database_url]
    done = subprocess.run(
        [*base, "--disposition", "home", "--acknowledge", "nonsense"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert "is not ITEM=REASON" in done.stderr and len(done.stderr.splitlines()) == 1
    done = subprocess.run(
        [*base, "--disposition", "home"], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 8  # all but language, results, services, phone
    assert "Traceback" not in done.stderr
