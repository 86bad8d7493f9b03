"""`transitions config check | show`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from transitions.cli import main
from transitions.db.models import Unit
from transitions.services.uow import UnitOfWork


def test_show_masks_the_database_password(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TRANSITIONS_DATABASE_URL", "postgresql://nurse:s3cret@db/ward")
    assert main(["config", "show", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["database_url"] == "postgresql://nurse:***@db/ward"
    assert shown["hospital_name"] == "Riverside General Hospital"
    assert "s3cret" not in json.dumps(shown)


def test_check_names_the_bad_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site.toml"
    site.write_text('[hospital]\ntimezone = "Nowhere/Land"\n')
    monkeypatch.setenv("TRANSITIONS_SITE_CONFIG", str(site))
    assert main(["config", "check"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'hospital.timezone'" in err
    site.write_text('[hospital]\nname = "Lakeside"\n')
    assert main(["config", "check"]) == 0
    assert str(site) in capsys.readouterr().out


SITE_WITH_POLICY = """
[policy]
visit_deadline_days = { high = 10, moderate = 14, low = 21 }

[[units]]
code = "4W"
name = "4 West Medicine"
phone = "(555) 010-2441"

[[units]]
code = "3N"
name = "3 North"
active = false
"""


def test_check_warns_about_deadlines_beyond_cms_but_passes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site.toml"
    site.write_text(SITE_WITH_POLICY)
    monkeypatch.setenv("TRANSITIONS_SITE_CONFIG", str(site))
    assert main(["config", "check"]) == 0
    out, err = capsys.readouterr()
    assert "site configuration is valid" in out
    warnings = err.splitlines()
    assert len(warnings) == 2
    assert "'policy.visit_deadline_days.high' = 10 days" in warnings[0]
    assert "7 days (CPT 99496)" in warnings[0] and "Transitional Care Management" in warnings[0]
    assert "'policy.visit_deadline_days.low' = 21 days" in warnings[1]
    site.write_text("[policy.visit_deadline_days]\nhigh = 5\n")
    assert main(["config", "check"]) == 0
    assert capsys.readouterr().err == ""


def test_show_lists_deadlines_and_units(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site.toml"
    site.write_text(SITE_WITH_POLICY)
    monkeypatch.setenv("TRANSITIONS_SITE_CONFIG", str(site))
    assert main(["config", "show", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["visit_deadline_days"] == {"high": 10, "moderate": 14, "low": 21}
    assert shown["units"] == [
        {"code": "4W", "name": "4 West Medicine", "phone": "(555) 010-2441", "active": True},
        {"code": "3N", "name": "3 North", "phone": None, "active": False},
    ]
    assert main(["config", "show"]) == 0
    text = capsys.readouterr().out.splitlines()
    assert "visit_deadline_days.low = 21" in text
    assert "units.4W = 4 West Medicine, phone (555) 010-2441" in text
    assert "units.3N = 3 North (inactive)" in text


def test_check_names_a_bad_unit_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site.toml"
    site.write_text(SITE_WITH_POLICY + '\n[[units]]\ncode = "4w"\nname = "Again"\n')
    monkeypatch.setenv("TRANSITIONS_SITE_CONFIG", str(site))
    assert main(["config", "check"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'units[3].code': unit '4w' is already listed" in err


def test_db_upgrade_syncs_the_units(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    database_url: str,
    make_uow: Callable[[], UnitOfWork],
) -> None:
    site = tmp_path / "site.toml"
    site.write_text(SITE_WITH_POLICY)
    monkeypatch.setenv("TRANSITIONS_SITE_CONFIG", str(site))
    assert main(["db", "upgrade", "--database", database_url]) == 0
    out = capsys.readouterr().out
    assert "units from the site file: 2 created (4W, 3N), 0 updated, 0 unchanged" in out
    with make_uow() as uow:
        found = {u.code: (u.phone, u.active) for u in uow.session.scalars(select(Unit))}
    assert found == {"4W": ("(555) 010-2441", True), "3N": (None, False)}
    site.write_text(SITE_WITH_POLICY.replace("010-2441", "010-2499"))
    assert main(["db", "upgrade", "--database", database_url]) == 0
    assert "0 created, 1 updated (4W), 1 unchanged" in capsys.readouterr().out
    # any other command that opens the database syncs too
    site.write_text(SITE_WITH_POLICY.replace('name = "3 North"', 'name = "3 North Annex"'))
    assert main(["encounter", "list", "--json", "--database", database_url]) == 0
    with make_uow() as uow:
        assert uow.session.scalar(select(Unit.name).where(Unit.code == "3N")) == "3 North Annex"
