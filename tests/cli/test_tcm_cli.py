"""`transitions tcm deadlines`: the exact headless contract (no database is opened)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from transitions.cli import main

SCRIPT = Path(sys.executable).with_name("transitions")


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    """The real console script, in the test's isolated user directories."""
    return subprocess.run(
        [str(SCRIPT), "tcm", "deadlines", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_console_script_prints_the_exact_json() -> None:
    # Wed 25 Nov 2026: Thu 26 Thanksgiving, Fri 27 (1), Mon 30 (2); +7, +14, +29 days.
    done = run_script("--discharged", "2026-11-25", "--json")
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        '{"contact_due": "2026-11-30", "visit_due_high": "2026-12-02", '
        '"visit_due_moderate": "2026-12-09", "period_end": "2026-12-24"}\n'
    )
    assert done.stderr == ""


@pytest.mark.parametrize(
    "args",
    [
        ("--discharged", "2026-02-30", "--json"),
        ("--discharged", "tomorrow", "--json"),
        ("--discharged", "2026-11-25", "--holidays", "XX", "--json"),
    ],
)
def test_console_script_bad_input_is_one_line_exit_2(args: tuple[str, ...]) -> None:
    done = run_script(*args)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("transitions tcm deadlines: error:")
    assert "Traceback" not in done.stderr


def _json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    assert main(argv) == 0
    out: dict[str, str] = json.loads(capsys.readouterr().out)
    return out


def test_holidays_none_ignores_christmas(capsys: pytest.CaptureFixture[str]) -> None:
    # Thu 24 Dec 2026, no holidays: Fri 25 (1), Mon 28 (2).
    out = _json(
        ["tcm", "deadlines", "--discharged", "2026-12-24", "--holidays", "none", "--json"], capsys
    )
    assert out["contact_due"] == "2026-12-28"
    # US: Fri 25 Christmas, Mon 28 (1), Tue 29 (2).
    out = _json(
        ["tcm", "deadlines", "--discharged", "2026-12-24", "--holidays", "US", "--json"], capsys
    )
    assert out == {
        "contact_due": "2026-12-29",
        "visit_due_high": "2026-12-31",
        "visit_due_moderate": "2027-01-07",
        "period_end": "2027-01-22",
    }


def test_other_country(capsys: pytest.CaptureFixture[str]) -> None:
    # Canada, Thu 2 Apr 2026: Fri 3 Good Friday, Mon 6 (1), Tue 7 (2).
    out = _json(
        ["tcm", "deadlines", "--discharged", "2026-04-02", "--holidays", "CA", "--json"], capsys
    )
    assert out["contact_due"] == "2026-04-07"


def test_default_is_the_site_calendar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["tcm", "deadlines", "--discharged", "2026-11-25", "--json"]
    assert _json(argv, capsys)["contact_due"] == "2026-11-30"  # built-in default: US
    site = tmp_path / "site.toml"
    site.write_text('[calendar]\nholidays = "none"\n', encoding="utf-8")
    monkeypatch.setenv("TRANSITIONS_SITE_CONFIG", str(site))
    # Thanksgiving no longer closes: Thu 26 (1), Fri 27 (2).
    assert _json(argv, capsys)["contact_due"] == "2026-11-27"


def test_bad_site_calendar_is_one_line_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site.toml"
    site.write_text('[calendar]\nholidays = "XX"\n', encoding="utf-8")
    monkeypatch.setenv("TRANSITIONS_SITE_CONFIG", str(site))
    assert main(["tcm", "deadlines", "--discharged", "2026-11-25", "--json"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "calendar.holidays" in err


@pytest.mark.parametrize(
    "args",
    [
        ["--discharged", "2026-13-01"],
        ["--discharged", "20261125"],
        ["--discharged", "2026-11-25", "--holidays", "US-ZZ"],
        [],
    ],
)
def test_argument_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["tcm", "deadlines", *args])
    assert info.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.splitlines()) == 1


def test_text_output_lists_skipped_holidays(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tcm", "deadlines", "--discharged", "2026-11-25", "--holidays", "US"]) == 0
    out = capsys.readouterr().out
    assert "Mon 2026-11-30" in out
    assert "Thanksgiving Day" in out


def test_no_database_is_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db_file = tmp_path / "never.db"
    monkeypatch.setenv("TRANSITIONS_DATABASE_URL", f"sqlite:///{db_file}")
    done = run_script("--discharged", "2026-11-25", "--json")
    assert done.returncode == 0, done.stderr
    assert not db_file.exists()
