"""`transitions packet`: one packet, a unit's batch, and the exact error contract."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import FIXED_NOW
from tests.factories import add_clinical_details, make_patient, make_stay, make_unit
from transitions.cli import main
from transitions.domain.encounter_status import EncounterStatus
from transitions.services.uow import UnitOfWork

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def ward(make_uow: Callable[[], UnitOfWork], site_file: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TRANSITIONS_SITE_CONFIG", str(site_file))
    with make_uow() as uow:
        s = uow.session
        unit = make_unit(s, "4W", "4 West Medicine")
        for n, (family, language) in enumerate((("Quigley", "en"), ("Quintero", "es"))):
            stay = make_stay(
                s, make_patient(s, family, "Alma", mrn=f"MRN00{n}", language=language), unit,
                status=EncounterStatus.DISCHARGE_PLANNED,
                planned_discharge=FIXED_NOW + timedelta(hours=2), visit_number=f"V10{n}",
            )  # fmt: skip
            add_clinical_details(s, stay)
        uow.commit()


def _text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_single_packet(
    database_url: str, ward: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "packet.pdf"
    db = ["--database", database_url]
    assert main(["packet", "V100", "--out", str(out), *db]) == 0
    sha = capsys.readouterr().out.strip()
    assert sha == hashlib.sha256(out.read_bytes()).hexdigest()
    assert "After-Hospital Care Plan" in _text(out) and "furosemide" in _text(out)

    spanish = tmp_path / "es.pdf"
    assert main(["packet", "V100", "--out", str(spanish), "--language", "es", "--large-print",
                 *db]) == 0  # fmt: skip
    assert "Plan de cuidados" in _text(spanish)
    capsys.readouterr()
    # without --language: the patient's preferred language
    assert main(["packet", "V101", "--out", str(tmp_path / "q.pdf"), *db]) == 0
    assert "Plan de cuidados" in _text(tmp_path / "q.pdf")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["packet", "NOPE", "--out", "x.pdf"], "no stay with visit number 'NOPE'"),
        (["packet", "V100", "--out", "x.pdf", "--language", "fr"], "unknown language 'fr'"),
        (["packet", "--out", "x.pdf"], "give a VISIT_NUMBER"),
        (["packet", "--unit", "4W", "--out", "d"], "needs both --unit"),
        (["packet", "--unit", "9Z", "--date", "2026-11-25", "--out", "d"], "no unit with code"),
        (["packet", "--unit", "4W", "--date", "25/11/2026", "--out", "d"], "YYYY-MM-DD"),
    ],
)
def test_errors_are_one_line_exit_2(
    database_url: str,
    ward: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    try:
        code = main([*args, "--database", database_url])
    except SystemExit as exc:  # argparse's own errors (CliParser: one line, status 2)
        code = int(exc.code or 0)
    assert code == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()


def test_batch_writes_one_pdf_per_discharge(
    database_url: str, ward: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "batch"
    args = ["packet", "--unit", "4W", "--date", "2026-11-25", "--out", str(out)]
    assert main([*args, "--database", database_url]) == 0
    lines = capsys.readouterr().out.splitlines()
    files = sorted(out.iterdir())
    assert [f.name for f in files] == ["V100.pdf", "V101.pdf"]
    for line in lines:
        sha, path = line.split("  ")
        assert hashlib.sha256(Path(path).read_bytes()).hexdigest() == sha
    assert "Plan de cuidados" in _text(out / "V101.pdf")  # each patient's language
    assert "After-Hospital Care Plan" in _text(out / "V100.pdf")


def test_real_command(database_url: str, ward: None, tmp_path: Path, site_file: Path) -> None:
    exe = Path(sys.executable).parent / "transitions"
    out = tmp_path / "p.pdf"
    done = subprocess.run(
        [str(exe), "packet", "V100", "--out", str(out), "--database", database_url],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == hashlib.sha256(out.read_bytes()).hexdigest()
    bad = subprocess.run(
        [str(exe), "packet", "NOPE", "--out", str(out), "--database", database_url],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1
