"""`transitions config check | show`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transitions.cli import main


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
