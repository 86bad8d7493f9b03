"""`transitions encounter show VISIT --json`: the `assessment` and `needs` sections (the headless
contract of the discharge assessment), through the console script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.db.test_assessment import save, seed
from transitions.services.assessment import AnswerEntry
from transitions.services.uow import Actor, UnitOfWork

SCRIPT = Path(sys.executable).with_name("transitions")


def show(database_url: str, visit: str, site_file: Path) -> dict[str, object]:
    done = subprocess.run(
        [str(SCRIPT), "encounter", "show", visit, "--database", database_url, "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "TRANSITIONS_SITE_CONFIG": str(site_file)},
    )
    assert done.returncode == 0, done.stderr
    document: dict[str, object] = json.loads(done.stdout)
    return document


def test_encounter_show_has_assessment_and_needs(
    database_url: str,
    make_uow: Callable[[], UnitOfWork],
    actor: Actor,
    site_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seeded = seed(make_uow, language="es", pcp=True)
    empty = show(database_url, seeded.visit, site_file)
    section = empty["assessment"]
    assert isinstance(section, dict)
    assert section["version"] is None
    assert section["readiness"] == {"state": "missing", "problems": ["No assessment recorded"]}
    assert section["answers"]["limited_english"] == {
        "value": "yes",
        "declined": False,
        "source": "chart",
        "recorded_by": None,
        "recorded_at": None,
        "derived": True,
    }
    assert empty["needs"] == []  # needs are opened when the assessment is saved

    save(
        make_uow,
        actor,
        seeded,
        [
            AnswerEntry("hrsn_food_worry", "often", source="caregiver"),
            AnswerEntry("hrsn_housing_problems", ["mold", "pests"]),
            AnswerEntry("hrsn_transportation", declined=True),
            AnswerEntry("katz_bathing_before", "independent", source="chart"),
            AnswerEntry("katz_bathing_discharge", "dependent", source="chart"),
            AnswerEntry("caregiver_name", "Rosa Testperson"),
            AnswerEntry("caregiver_able_willing", "yes"),
        ],
    )
    document = show(database_url, seeded.visit, site_file)
    section = document["assessment"]
    assert isinstance(section, dict)
    assert set(section) == {
        "version",
        "updated_at",
        "updated_by",
        "readiness",
        "missing",
        "answers",
        "scores",
        "screens",
        "caregiver",
    }
    assert section["version"] == 1 and section["updated_by"] == "test"
    assert section["updated_at"] == "2026-11-25T15:00:00Z"
    assert section["readiness"]["state"] == "in_progress"
    food = section["answers"]["hrsn_food_worry"]
    assert food == {
        "value": "often",
        "declined": False,
        "source": "caregiver",
        "recorded_by": "test",
        "recorded_at": "2026-11-25T15:00:00Z",
        "derived": False,
    }
    assert section["answers"]["hrsn_housing_problems"]["value"] == ["pests", "mold"]
    assert section["answers"]["hrsn_transportation"]["declined"] is True
    assert section["answers"]["hrsn_transportation"]["value"] is None
    assert "hrsn_food_ran_out" in section["missing"]
    assert section["scores"]["katz"]["discharge"] == {
        "total": 0,
        "answered": 1,
        "items": 6,
        "maximum": 6,
        "band": None,
    }
    assert section["screens"]["food"] == {
        "positive": True,
        "answered": True,
        "source_question": "hrsn_food_worry",
    }
    assert section["screens"]["transportation"]["positive"] is False
    assert section["caregiver"] == {
        "name": "Rosa Testperson",
        "relation": None,
        "phone": None,
        "able_and_willing": "yes",
    }
    needs = document["needs"]
    assert isinstance(needs, list)
    assert [(n["domain"], n["status"], n["source_question"]) for n in needs] == [
        ("housing", "open", "hrsn_housing_problems"),
        ("food", "open", "hrsn_food_worry"),
        ("language", "open", "limited_english"),
        ("functional", "open", "katz_bathing_discharge"),
    ]
    assert set(needs[0]) == {
        "id",
        "domain",
        "description",
        "source_question",
        "status",
        "identified_at",
        "identified_by",
        "referenced",
        "version",
    }
    assert needs[1]["description"] == "Food insecurity (AHC screen)"
    assert needs[1]["identified_at"] == "2026-11-25T15:00:00Z"
