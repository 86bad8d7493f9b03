"""`transitions drugs import FILE` and the signed reconciliation in `encounter show --json`."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.db.test_medrec import nurse, seed
from transitions.cli import main
from transitions.domain.medrec.workflow import DecisionKind
from transitions.services import medrec
from transitions.services.uow import UnitOfWork

SCRIPT = Path(sys.executable).parent / "transitions"
SITE_CSV = (
    "generic,ingredients,brands,synonyms,rxcui,classes,source\n"
    "finerenone,finerenone,Kerendia,,,,\n"
    "ensifentrine,ensifentrine,Ohtuvayre,,,,\n"
)


def test_import_then_reimport(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "site-drugs.csv"
    csv.write_text(SITE_CSV, encoding="utf-8")
    assert main(["drugs", "import", str(csv), "--database", database_url]) == 0
    assert capsys.readouterr().out == "Imported 2 drugs (2 added, 0 updated).\n"
    assert main(["drugs", "import", str(csv), "--database", database_url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"added": 0, "updated": 2}


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("generic,ingredients\nx,x\n", "missing column 'classes'"),
        ("generic,ingredients,classes\nfoo,foo,not_a_class\n", "line 2: unknown class"),
        ("generic,ingredients,classes\n,foo,\n", "line 2: generic name is empty"),
    ],
)
def test_bad_csv_is_one_line_exit_2(
    database_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: str,
    expected: str,
) -> None:
    csv = tmp_path / "bad.csv"
    csv.write_text(content, encoding="utf-8")
    assert main(["drugs", "import", str(csv), "--database", database_url]) == 2
    err = capsys.readouterr().err
    assert expected in err and err.count("\n") == 1


def test_missing_file_via_the_real_script(database_url: str, tmp_path: Path) -> None:
    done = subprocess.run(
        [str(SCRIPT), "drugs", "import", str(tmp_path / "nope.csv"), "--database", database_url],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "cannot read" in done.stderr and "Traceback" not in done.stderr


def test_encounter_show_has_the_signed_reconciliation(
    make_uow: Callable[[], UnitOfWork], database_url: str
) -> None:
    stay, ids = seed(make_uow)
    rn = nurse()
    for drug in ("furosemide", "metformin", "Eliquis"):
        with make_uow() as uow:
            view = medrec.decide(uow, rn, ids[drug], DecisionKind.CONTINUE)
    with make_uow() as uow:
        medrec.sign(uow, rn, stay, expected_version=view.version_id)
    done = subprocess.run(
        [str(SCRIPT), "encounter", "show", "V0001", "--json", "--database", database_url],
        capture_output=True,
        text=True,
        check=True,
    )
    section = json.loads(done.stdout)["medication_reconciliation"]
    assert section["status"] == "signed"
    assert section["signed"]["signed_by"] == "Dana Lee, RN"
    assert [d["drug"] for d in section["signed"]["discharge"]] == [
        "furosemide",
        "metformin",
        "Eliquis",
    ]
    assert section["signed"]["pharmacist_review_suggested"] is True
