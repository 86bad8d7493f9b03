"""`transitions demo` then `transitions encounter list`, as the issue's 'done when' runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transitions.cli import main


def test_demo_then_list_on_both_databases(
    database_url: str,
    site_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("TRANSITIONS_SITE_CONFIG", str(site_file))
    args = ["demo", "--patients", "80", "--seed", "3", "--today", "2026-11-25", "--json"]
    assert main([*args, "--database", database_url]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["patients"] == 80
    assert summary["current_inpatients"] > 0

    assert (
        main(["encounter", "list", "--status", "active", "--json", "--database", database_url]) == 0
    )
    listed = json.loads(capsys.readouterr().out)
    assert listed["count"] == summary["current_inpatients"]

    assert (
        main(
            [
                "encounter",
                "list",
                "--discharge-date",
                "2026-11-25",
                "--status",
                "active",
                "--json",
                "--database",
                database_url,
            ]
        )
        == 0
    )
    today = json.loads(capsys.readouterr().out)["encounters"]
    assert today, "the demo plans discharges for today"

    visit = listed["encounters"][0]["visit_number"]
    assert main(["encounter", "show", visit, "--json", "--database", database_url]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["visit_number"] == visit and shown["diagnoses"]

    # the demo's past discharges have their follow-up: tasks, some overdue, calls made
    assert (
        main(["followups", "--as-of", "2026-11-25", "--format", "json", "--database", database_url])
        == 0
    )
    followups = json.loads(capsys.readouterr().out)
    assert followups["count"] > 0

    assert main([*args, "--database", database_url]) == 2
    assert "already" in capsys.readouterr().err


def test_demo_rejects_bad_sizes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["demo", "--patients", "0"])
    assert exited.value.code == 2
    assert "must be at least 1" in capsys.readouterr().err
