"""`transitions user ...` and `transitions audit export` on both databases."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.factories import make_unit
from transitions.cli import main
from transitions.services.uow import UnitOfWork

SCRIPT = Path(sys.executable).parent / "transitions"


def cli(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *args: str,
    stdin: str = "",
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_user_lifecycle_and_audit_export(
    database_url: str,
    make_uow: Callable[[], UnitOfWork],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    with make_uow() as uow:
        make_unit(uow.session, "4W")
        uow.commit()
    db = ("--database", database_url)
    code, out, _ = cli(
        capsys,
        monkeypatch,
        "user",
        "add",
        "ivy",
        "--name",
        "Ivy Nurse",
        "--role",
        "nurse",
        "--unit",
        "4W",
        "--password-stdin",
        *db,
        stdin="tulip meadow river\n",
    )
    assert code == 0 and "must change the password" in out
    code, _, err = cli(
        capsys,
        monkeypatch,
        "user",
        "add",
        "bob",
        "--name",
        "Bob",
        "--role",
        "nurse",
        "--password-stdin",
        *db,
        stdin="Password2026!\n",
    )
    assert code == 2 and err.count("\n") == 1 and "common or breached" in err
    code, _, err = cli(
        capsys,
        monkeypatch,
        "user",
        "add",
        "bob",
        "--name",
        "Bob",
        "--role",
        "surgeon",
        "--password-stdin",
        *db,
        stdin="tulip meadow river\n",
    )
    assert code == 2 and "unknown role 'surgeon'" in err
    code, out, _ = cli(capsys, monkeypatch, "user", "list", "--json", *db)
    users = json.loads(out)["users"]
    assert [(u["username"], u["roles"], u["units"]) for u in users] == [("ivy", ["nurse"], ["4W"])]
    code, out, _ = cli(
        capsys,
        monkeypatch,
        "user",
        "reset-password",
        "ivy",
        "--password-stdin",
        *db,
        stdin="amber window frost\n",
    )
    assert code == 0 and "must choose a new one" in out
    assert cli(capsys, monkeypatch, "user", "disable", "ivy", *db)[0] == 0
    code, _, err = cli(capsys, monkeypatch, "user", "disable", "ivy", *db)
    assert code == 2 and "already disabled" in err
    code, _, err = cli(capsys, monkeypatch, "user", "disable", "nobody", *db)
    assert code == 2 and "no user 'nobody'" in err
    code, out, _ = cli(capsys, monkeypatch, "user", "list", *db)
    assert "disabled, must change password" in out

    target = tmp_path / "audit.csv"
    code, _, err = cli(
        capsys, monkeypatch, "audit", "export", "--action", "disable", "-o", str(target), *db
    )
    assert code == 0 and "wrote 1 audit events" in err
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert [(r["action"], r["entity"]) for r in rows] == [("disable", "user")]
    code, out, _ = cli(capsys, monkeypatch, "audit", "export", *db)
    actions = [r["action"] for r in csv.DictReader(io.StringIO(out))]
    assert actions == ["add", "reset_password", "disable", "export"]


def test_real_script_bad_date_and_help() -> None:
    result = subprocess.run(
        [str(SCRIPT), "audit", "export", "--from", "yesterday"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    for sub in (["user", "add"], ["user", "reset-password"], ["audit", "export"]):
        helped = subprocess.run(
            [str(SCRIPT), *sub, "--help"], capture_output=True, text=True, timeout=120, check=False
        )
        assert helped.returncode == 0 and "--database" in helped.stdout
