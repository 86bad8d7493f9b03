"""`transitions --self-test`: in-process on both databases, failures, and the installed command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from transitions.config import load_site_config
from transitions.db import migrate
from transitions.db.engine import Database
from transitions.errors import DatabaseUnavailableError
from transitions.services import encounters
from ui.launcher import main
from ui.self_test import run_self_test

REPO = Path(__file__).resolve().parents[2]


def test_passes_on_a_new_sqlite_file_and_migrates_it(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    assert main(["--self-test", "--database", url]) == 0
    out, err = capsys.readouterr()
    assert out == "self-test passed\n"
    assert err == ""
    db = Database.open(url)
    try:
        assert migrate.current_revision(db.engine) == migrate.head_revision()
    finally:
        db.dispose()


def test_passes_on_both_databases_with_a_ward(
    qtbot: QtBot, database_url: str, ward: object, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_self_test(database_url) == 0
    assert capsys.readouterr().out == "self-test passed\n"


def test_unreachable_database_is_one_line_and_exit_1(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'missing-folder' / 'x.db'}"
    assert run_self_test(url) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("self-test failed: cannot open database")


def test_worklist_failure_fails_the_check(
    qtbot: QtBot,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*_args: object, **_kwargs: object) -> object:
        raise DatabaseUnavailableError("the server went away")

    monkeypatch.setattr(encounters, "list_stays", broken)
    assert run_self_test(f"sqlite:///{tmp_path / 'x.db'}") == 1
    err = capsys.readouterr().err
    assert err == "self-test failed: the worklist failed: The server went away.\n"


def test_bad_site_file_fails_the_check(
    qtbot: QtBot,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    site = tmp_path / "site.toml"
    site.write_text("[policy]\nidle_lock_minutes = 0\n")
    monkeypatch.setenv("TRANSITIONS_SITE_CONFIG", str(site))
    assert run_self_test(f"sqlite:///{tmp_path / 'x.db'}") == 1
    assert "policy.idle_lock_minutes" in capsys.readouterr().err
    monkeypatch.delenv("TRANSITIONS_SITE_CONFIG")
    load_site_config()  # the defaults are still fine


def test_installed_command_runs_the_self_test(tmp_path: Path) -> None:
    command = Path(sys.executable).with_name("transitions")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [str(command), "--self-test", "--database", f"sqlite:///{tmp_path / 'cmd.db'}"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "self-test passed\n", "")
