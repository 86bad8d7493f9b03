"""`transitions resources import|list`, the demo directory, and the care plan sections of
`transitions encounter show --json` (through the console script and in-process)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.careplan_seed import UowFactory, resource_id, seed_stay, user_actor
from tests.db.test_community_resources import GOOD, HEADER
from transitions.cli import main
from transitions.domain.assessment import NeedDomain
from transitions.domain.careplan import GoalLinkKind
from transitions.services import goals, referrals
from transitions.services.goals import GoalInput, GoalLinkRef
from transitions.services.referrals import ReferralInput

SCRIPT = Path(sys.executable).with_name("transitions")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, timeout=120, check=False
    )


def test_import_and_list_via_console_script(database_url: str, tmp_path: Path) -> None:
    good = tmp_path / "resources.csv"
    good.write_text(GOOD, encoding="utf-8")
    done = run("resources", "import", str(good), "--database", database_url, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"created": 3, "updated": 0}

    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "Soup Kitchen,food_bank,,,,,,,,,\nBad,soup,,,,,,,,,\n", "utf-8")
    done = run("resources", "import", str(bad), "--database", database_url)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "transitions resources: error: line 3 (row 2), column 'category': 'soup' is not a "
        "category (food_bank, medical_transport, housing_help, utility_assistance, "
        "meals_on_wheels, pharmacy_assistance, home_care_agency, domestic_violence)"
    ]

    done = run("resources", "list", "--category", "food bank", "--json", "--database", database_url)
    assert done.returncode == 0, done.stderr
    listed = json.loads(done.stdout)
    assert listed["count"] == 2  # nothing from the bad file ("Soup Kitchen" is not there)
    assert {r["name"] for r in listed["resources"]} == {"Hilltop Pantry"}
    assert listed["resources"][0]["languages"] == ["en", "es"]

    done = run("resources", "list", "--database", database_url)
    assert "Food bank" in done.stdout and "Ride Share Co-op" not in done.stdout  # inactive
    done = run("resources", "list", "--all", "--database", database_url)
    assert "Ride Share Co-op  (inactive)" in done.stdout

    done = run("resources", "list", "--category", "soup", "--database", database_url)
    assert done.returncode == 2 and "'soup' is not a resource category" in done.stderr


def test_missing_file_is_one_line(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resources", "import", "/nonexistent.csv", "--database", database_url]) == 2
    assert capsys.readouterr().err == (
        "transitions resources: error: file not found: /nonexistent.csv\n"
    )


def test_demo_loads_the_community_resources(
    database_url: str,
    site_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("TRANSITIONS_SITE_CONFIG", str(site_file))
    args = ["demo", "--patients", "5", "--seed", "2", "--today", "2026-11-25"]
    assert main([*args, "--without-followups", "--json", "--database", database_url]) == 0
    assert json.loads(capsys.readouterr().out)["community_resources"] == 18
    assert main(["resources", "list", "--json", "--database", database_url]) == 0
    listed = json.loads(capsys.readouterr().out)["resources"]
    categories = {r["category"] for r in listed}
    assert len(categories) == 8  # every category has a demo resource


def test_encounter_show_has_referrals_and_goals(
    database_url: str, make_uow: UowFactory, site_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRANSITIONS_SITE_CONFIG", str(site_file))
    stay = seed_stay(make_uow)
    nurse = user_actor(make_uow, "nurse")
    with make_uow() as uow:
        ride = referrals.add_referral(
            uow,
            nurse,
            stay.needs[NeedDomain.TRANSPORTATION],
            ReferralInput(
                resource_id(make_uow, "County Ride Connect"),
                follow_up_on=date(2026, 11, 27),
                notes="Ride booked for the PCP visit",
            ),
        )
    with make_uow() as uow:
        goals.add_goal(
            uow,
            nurse,
            stay.encounter_id,
            GoalInput(
                "Quiero ir a mi cita sin pedir favores",
                "Use the ride service for every visit this month",
                date(2026, 11, 25) + timedelta(days=30),
                links=(GoalLinkRef(GoalLinkKind.REFERRAL, ride),),
            ),
        )
    done = run("encounter", "show", stay.visit, "--json", "--database", database_url)
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    (referral,) = shown["referrals"]
    assert referral["resource_name"] == "County Ride Connect"
    assert referral["status"] == "referred" and referral["follow_up_on"] == "2026-11-27"
    assert referral["need_domain"] == "transportation"
    (goal,) = shown["goals"]
    assert goal["patient_words"] == "Quiero ir a mi cita sin pedir favores"
    assert goal["target_date"] == "2026-12-25" and goal["status"] == "active"
    assert goal["links"] == [{"kind": "referral", "ref": ride, "label": "County Ride Connect"}]
