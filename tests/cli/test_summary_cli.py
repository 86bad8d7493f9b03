"""`transitions summary show | course | send` (in-process and through the console script)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.db.test_pcp_summary import seed_summary
from transitions.cli import main
from transitions.services.uow import UnitOfWork

SCRIPT = Path(sys.executable).with_name("transitions")


@pytest.fixture
def outbox_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    site = tmp_path / "site.toml"
    site.write_text(
        '[hospital]\nname = "Test General Hospital"\ntimezone = "America/New_York"\n'
        f'[pcp_summary]\noutbox = "{outbox.as_posix()}"\nfax = "(555) 010-2499"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("TRANSITIONS_SITE_CONFIG", str(site))
    return outbox


def test_course_send_show_and_encounter_show(
    database_url: str,
    make_uow: Callable[[], UnitOfWork],
    outbox_site: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    seeded = seed_summary(make_uow)
    db = ["--database", database_url]
    assert main(["summary", "show", seeded.visit, *db, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["status"] is None and shown["hospital_course"] == ""
    assert shown["pcp"]["fax"] == "(555) 010-3301" and shown["outbox_configured"] is True

    course = tmp_path / "course.txt"
    course.write_text("Diuresed; stable on oral furosemide.\n", encoding="utf-8")
    assert main(["summary", "course", seeded.visit, "--file", str(course), *db]) == 0
    assert "hospital course saved" in capsys.readouterr().out

    assert main(["summary", "send", seeded.visit, *db, "--json"]) == 0
    sent = json.loads(capsys.readouterr().out)
    assert sent["method"] == "outbox" and sent["outbox"] == str(outbox_site)
    names = sorted(p.name for p in outbox_site.iterdir())
    assert names == [f"{sent['file_name']}.json", f"{sent['file_name']}.pdf"]

    printed = tmp_path / "fax.pdf"
    assert main(["summary", "send", seeded.visit, "--print-to", str(printed), *db]) == 0
    out = capsys.readouterr().out
    assert str(printed) in out and "fax cover included" in out
    first = PdfReader(printed).pages[0].extract_text()
    assert "FAX" in first and "(555) 010-2499" in first and "(555) 010-3301" in first

    assert main(["summary", "show", seeded.visit, *db]) == 0
    text = capsys.readouterr().out
    assert re.search(r"Summary: print \d{4}-\d\d-\d\d \d\d:\d\d by cli:", text)
    assert "Hospital course: written" in text

    assert main(["encounter", "show", seeded.visit, *db, "--json"]) == 0
    section = json.loads(capsys.readouterr().out)["pcp_summary"]
    assert [d["method"] for d in section["deliveries"]] == ["print", "outbox"]
    assert section["status"]["method"] == "print"
    assert section["hospital_course"] == "Diuresed; stable on oral furosemide."


def test_errors_are_one_line_exit_2(
    database_url: str,
    make_uow: Callable[[], UnitOfWork],
    site_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("TRANSITIONS_SITE_CONFIG", str(site_file))  # no outbox configured
    seeded = seed_summary(make_uow, reconciled=False)
    db = ["--database", database_url]
    assert main(["summary", "send", seeded.visit, *db]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "'pcp_summary.outbox' is empty" in err[0]
    assert main(["summary", "send", seeded.visit, "--fax", "555 010 3301", *db]) == 2
    assert "--fax goes with --print-to" in capsys.readouterr().err
    assert main(["summary", "show", "V404", *db]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "transitions summary: error: no stay with visit number 'V404'"
    ]


def test_console_script(
    database_url: str, make_uow: Callable[[], UnitOfWork], outbox_site: Path
) -> None:
    seeded = seed_summary(make_uow, reconciled=False)
    done = subprocess.run(
        [str(SCRIPT), "summary", "send", seeded.visit, "--database", database_url],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("sent to Celestine Harrowgate, MD: ")
    assert len(list(outbox_site.glob("pcp-summary_*.json"))) == 1
