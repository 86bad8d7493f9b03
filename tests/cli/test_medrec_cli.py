"""`transitions medrec check FILE.json --json` and `transitions medrec sig TEXT`: the contract."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from transitions.cli import main

SCRIPT = Path(sys.executable).parent / "transitions"

EXAMPLE: dict[str, Any] = {
    "allergies": [{"substance": "penicillin"}],
    "home": [{"id": "h1", "drug": "lisinopril", "dose": "10 mg", "route": "oral",
              "frequency": "daily"}],
    "inpatient": [{"id": "i1", "drug": "enoxaparin", "dose": "40 mg", "route": "subcutaneous",
                   "frequency": "daily"}],
    "discharge": [{"id": "d1", "drug": "lisinopril", "dose": "20 mg", "route": "oral",
                   "frequency": "daily", "from": "h1", "decision": "change",
                   "reason": "BP above goal"}],
    "stopped": [{"from": "i1", "reason": "inpatient VTE prophylaxis only"}],
}  # fmt: skip

BUSY: dict[str, Any] = {
    "allergies": [{"substance": "Penicillin"}, {"substance": "sulfa"}],
    "home": [
        {"id": "h1", "drug": "Zestril", "dose": "10 mg", "route": "po", "frequency": "daily"},
        {"id": "h2", "drug": "metformin", "dose": "500 mg", "route": "po", "frequency": "BID"},
        {"id": "h3", "drug": "glipizide", "dose": "5 mg", "route": "po", "frequency": "daily"},
    ],
    "discharge": [
        {"id": "d1", "drug": "Zestril", "dose": "10 mg", "route": "oral", "frequency": "daily",
         "from": "h1", "decision": "continue"},
        {"id": "d2", "drug": "Diovan", "dose": "80 mg", "route": "oral", "frequency": "daily",
         "decision": "new"},
        {"id": "d3", "drug": "Augmentin", "dose": "875 mg", "route": "oral", "frequency": "BID",
         "decision": "new"},
        {"id": "d4", "drug": "Coumadin", "dose": "5 mg", "route": "oral", "frequency": "qhs",
         "decision": "new"},
        {"id": "d5", "drug": "Frobozzamab", "dose": "1 tab", "route": "oral",
         "frequency": "daily", "decision": "new"},
    ],
    "stopped": [{"from": "h3"}],
}  # fmt: skip


def write(tmp_path: Path, data: Any, name: str = "rec.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        input=stdin,
        env={**os.environ, "TRANSITIONS_DATABASE_URL": "sqlite:////no/such/folder/t.db"},
    )


def check_json(capsys: pytest.CaptureFixture[str], path: Path) -> list[dict[str, Any]]:
    assert main(["medrec", "check", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["problems"]
    problems: list[dict[str, Any]] = data["problems"]
    return problems


def error_of(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as raised:
        raise SystemExit(main(list(args)))
    assert raised.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "Traceback" not in captured.err
    return captured.err


# --- the real console script ----------------------------------------------------------------------


def test_console_script_example_json(tmp_path: Path) -> None:
    result = run("medrec", "check", str(write(tmp_path, EXAMPLE)), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"problems": []}


def test_console_script_problems_still_exit_0(tmp_path: Path) -> None:
    result = run("medrec", "check", str(write(tmp_path, BUSY)), "--json")
    assert result.returncode == 0, result.stderr
    problems = json.loads(result.stdout)["problems"]
    assert {tuple(sorted(p)) for p in problems} == {("items", "kind", "message", "severity")}
    found = {(p["kind"], p["severity"], tuple(p["items"])) for p in problems}
    assert found == {
        ("duplication", "high", ("d1", "d2")),
        ("allergy", "high", ("d3",)),
        ("omission", "high", ("h2",)),
        ("unexplained_change", "moderate", ("h3",)),
        ("not_coded", "moderate", ("d5",)),
        ("high_alert", "info", ("d4",)),
    }


def test_console_script_invalid_input_is_one_line_exit_2(tmp_path: Path) -> None:
    bad = copy.deepcopy(EXAMPLE)
    bad["discharge"][0]["dose"] = "ten"
    result = run("medrec", "check", str(write(tmp_path, bad)), "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "transitions medrec: error: discharge[0].dose: 'ten' is not a dose like '10 mg'\n"
    )


def test_console_script_reads_stdin() -> None:
    result = run("medrec", "check", "-", "--json", stdin=json.dumps(EXAMPLE))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"problems": []}


# --- in-process -----------------------------------------------------------------------------------


def test_example_has_no_problems(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert check_json(capsys, write(tmp_path, EXAMPLE)) == []


def test_text_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["medrec", "check", str(write(tmp_path, BUSY))]) == 0
    out = capsys.readouterr().out
    assert "HIGH" in out and "omission" in out and "6 problems" in out
    assert main(["medrec", "check", str(write(tmp_path, EXAMPLE))]) == 0
    assert "No problems found." in capsys.readouterr().out


def mutate(path: list[Any], value: Any) -> dict[str, Any]:
    doc = copy.deepcopy(EXAMPLE)
    target: Any = doc
    for key in path[:-1]:
        target = target[key]
    if value is None:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return doc


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (
            mutate(["discharge", 0, "dose"], "ten"),
            "transitions medrec: error: discharge[0].dose: 'ten' is not a dose like '10 mg'",
        ),
        (
            mutate(["discharge", 0, "route"], "by osmosis"),
            "discharge[0].route: 'by osmosis' is not a route",
        ),
        (mutate(["discharge", 0, "drug"], "  "), "discharge[0].drug: drug name is empty"),
        (mutate(["discharge", 0, "drug"], None), "discharge[0].drug: missing"),
        (
            mutate(["discharge", 0, "decision"], "maybe"),
            "discharge[0].decision: unknown decision 'maybe'",
        ),
        (
            mutate(["discharge", 0, "from"], "h7"),
            "discharge[0].from: 'h7' names no home or inpatient",
        ),
        (
            mutate(["stopped", 0, "from"], "nope"),
            "stopped[0].from: 'nope' names no home or inpatient",
        ),
        (mutate(["inpatient", 0, "id"], "h1"), "inpatient[0].id: duplicate id 'h1'"),
        (mutate(["discharge", 0, "id"], "i1"), "discharge[0].id: duplicate id 'i1'"),
        (mutate(["home", 0, "strength"], "10 mg"), "home[0].strength: unknown field"),
        (mutate(["pharmacy"], []), "pharmacy: unknown field"),
        ('{"home": [', "not valid JSON"),
        ("[1, 2]", "must hold a JSON object"),
    ],
)
def test_invalid_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, document: Any, message: str
) -> None:
    err = error_of(capsys, "medrec", "check", str(write(tmp_path, document)), "--json")
    assert message in err
    assert err.startswith("transitions medrec: error: ")


def test_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    err = error_of(capsys, "medrec", "check", str(tmp_path / "absent.json"), "--json")
    assert "cannot read" in err


def test_site_vocabulary_option(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    doc = {"discharge": [{"id": "d1", "drug": "Zorkex", "dose": "1 tab", "route": "po",
                          "frequency": "daily", "decision": "new"}]}  # fmt: skip
    path = write(tmp_path, doc)
    assert [p["kind"] for p in check_json(capsys, path)] == ["not_coded"]
    site = write(
        tmp_path,
        "generic,ingredients,brands,classes\nfrobozzamab,frobozzamab,Zorkex,biologic\n",
        "site.csv",
    )
    assert main(["medrec", "check", str(path), "--vocabulary", str(site), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"problems": []}
    err = error_of(capsys, "medrec", "check", str(path), "--vocabulary", str(tmp_path / "x.csv"))
    assert "cannot read" in err


def test_missing_action_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["medrec"])
    assert raised.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_sig_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["medrec", "sig", "2 puffs inh q4h prn sob", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["route"] == "inhaled" and data["prn"] is True
    assert data["frequency"]["code"] == "q4h"
    assert data["indication"] == "shortness of breath"


def test_sig_text_flags_what_it_cannot_read(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["medrec", "sig", "1 tab po bid and a spoonful of sugar"]) == 0
    out = capsys.readouterr().out
    assert "twice a day" in out and "NOT UNDERSTOOD" in out and "spoonful" in out
