"""`transitions risk lace | hospital | charlson`: the exact JSON contract, errors, no database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from transitions.cli import main

SCRIPT = Path(sys.executable).parent / "transitions"

LACE = ["risk", "lace", "--los-days", "7", "--emergent", "--charlson", "2", "--ed-visits", "1"]
HOSPITAL = [
    "risk",
    "hospital",
    "--hemoglobin",
    "11.9",
    "--sodium",
    "134.9",
    "--oncology",
    "--procedure",
    "--nonelective",
    "--admissions-12mo",
    "6",
    "--los-days",
    "5",
]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, **(env or {})},
    )


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    assert main([*args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def error_of(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as raised:
        status = main(list(args))
        raise SystemExit(status)
    assert raised.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "Traceback" not in captured.err
    return captured.err


# --- the real console script ------------------------------------------------------------------


def test_console_script_json_contract() -> None:
    lace = run(*LACE, "--json")
    assert lace.returncode == 0, lace.stderr
    assert json.loads(lace.stdout) == {
        "score": 11,
        "points": {"L": 5, "A": 3, "C": 2, "E": 1},
        "tier": "high",
    }
    hospital = run(*HOSPITAL, "--json")
    assert hospital.returncode == 0, hospital.stderr
    assert json.loads(hospital.stdout) == {"score": 13, "tier": "high"}
    charlson = run("risk", "charlson", "E11.9", "e1122", "I50.9", "--json")
    assert charlson.returncode == 0, charlson.stderr
    assert json.loads(charlson.stdout) == {"charlson": 4, "categories": ["chf", "diabwc"]}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["risk", "lace", "--los-days", "-1", "--elective", "--charlson", "0", "--ed-visits", "0"],
         "'-1' must not be negative"),
        (["risk", "charlson", "I5.09"], "'I5.09' is not an ICD-10 code"),
        ([*HOSPITAL[:3], "twelve", *HOSPITAL[4:]], "'twelve' is not a number"),
    ],
)  # fmt: skip
def test_console_script_errors_are_one_line_exit_2(args: list[str], message: str) -> None:
    result = run(*args, "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_no_database_is_opened() -> None:
    unreachable = {"TRANSITIONS_DATABASE_URL": "sqlite:////no/such/folder/transitions.db"}
    result = run(*LACE, "--json", env=unreachable)
    assert result.returncode == 0, result.stderr
    result = run("--database", "bogus-url", "risk", "charlson", "I50.9", env=unreachable)
    assert result.returncode == 0, result.stderr


# --- LACE in-process ----------------------------------------------------------------------------


def lace_args(los: int, acuity: str, charlson: int, ed: int) -> list[str]:
    return [
        "risk",
        "lace",
        "--los-days",
        str(los),
        acuity,
        "--charlson",
        str(charlson),
        "--ed-visits",
        str(ed),
    ]


@pytest.mark.parametrize(
    ("los", "acuity", "charlson", "ed", "expected"),
    [
        (4, "--elective", 0, 0, {"score": 4, "points": {"L": 4, "A": 0, "C": 0, "E": 0},
                                 "tier": "low"}),
        (1, "--elective", 1, 3, {"score": 5, "points": {"L": 1, "A": 0, "C": 1, "E": 3},
                                 "tier": "moderate"}),
        (4, "--emergent", 0, 2, {"score": 9, "points": {"L": 4, "A": 3, "C": 0, "E": 2},
                                 "tier": "moderate"}),
        (14, "--elective", 3, 0, {"score": 10, "points": {"L": 7, "A": 0, "C": 3, "E": 0},
                                  "tier": "high"}),
        (0, "--emergent", 4, 4, {"score": 12, "points": {"L": 0, "A": 3, "C": 5, "E": 4},
                                 "tier": "high"}),
    ],
)  # fmt: skip
def test_lace_json(
    capsys: pytest.CaptureFixture[str],
    los: int,
    acuity: str,
    charlson: int,
    ed: int,
    expected: dict[str, object],
) -> None:
    output = run_json(capsys, *lace_args(los, acuity, charlson, ed))
    assert output == expected
    assert list(output) == ["score", "points", "tier"]


def test_lace_text_explains_the_score(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(LACE) == 0
    out = capsys.readouterr().out
    assert out.startswith("LACE 11: high risk\n")
    assert "Length of stay: 7 (7-13 days)" in out
    assert "CMAJ 2010;182(6):551-557" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (lace_args(1, "--emergent", 0, 0)[:4] + ["--charlson", "0", "--ed-visits", "0"],
         "one of the arguments --emergent --elective is required"),
        ([*lace_args(1, "--emergent", 0, 0), "--elective"], "not allowed with argument"),
        (lace_args(1, "--emergent", -3, 0), "'-3' must not be negative"),
        (["risk", "lace", "--los-days", "2.5", "--emergent", "--charlson", "0", "--ed-visits",
          "0"], "'2.5' is not a whole number"),
        (["risk", "lace", "--los-days", "2", "--emergent", "--charlson", "0"],
         "the following arguments are required: --ed-visits"),
    ],
)  # fmt: skip
def test_lace_errors(capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    assert message in error_of(capsys, *args)


# --- HOSPITAL in-process ------------------------------------------------------------------------


def hospital_args(hb: str, na: str, flags: tuple[str, ...], admissions: int, los: int) -> list[str]:
    return [
        "risk",
        "hospital",
        "--hemoglobin",
        hb,
        "--sodium",
        na,
        *flags,
        "--admissions-12mo",
        str(admissions),
        "--los-days",
        str(los),
    ]


NONE = ("--no-oncology", "--no-procedure", "--elective")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (hospital_args("12.0", "135", NONE, 1, 4), {"score": 0, "tier": "low"}),
        (hospital_args("11.9", "134.9", NONE, 2, 4), {"score": 4, "tier": "low"}),
        (hospital_args("12", "135", NONE, 5, 5), {"score": 4, "tier": "low"}),
        (hospital_args("11.9", "135", NONE, 2, 5), {"score": 5, "tier": "intermediate"}),
        (
            hospital_args("13", "140", ("--oncology", "--no-procedure", "--elective"), 2, 5),
            {"score": 6, "tier": "intermediate"},
        ),
        (
            hospital_args("13", "140", ("--no-oncology", "--procedure", "--nonelective"), 6, 1),
            {"score": 7, "tier": "high"},
        ),
    ],
)
def test_hospital_json(
    capsys: pytest.CaptureFixture[str], args: list[str], expected: dict[str, object]
) -> None:
    assert run_json(capsys, *args) == expected


def test_hospital_text_explains_the_score(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(HOSPITAL) == 0
    out = capsys.readouterr().out
    assert out.startswith("HOSPITAL 13: high risk\n")
    assert "Hemoglobin at discharge: 11.9 (below 12 g/dL)" in out
    assert "JAMA Intern Med 2013;173(8):632-638" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (hospital_args("nan", "135", NONE, 0, 1), "'nan' is not a number"),
        (hospital_args("-1", "135", NONE, 0, 1), "'-1' must not be negative"),
        (hospital_args("120", "135", NONE, 0, 1), "hemoglobin 120 g/dL is not plausible"),
        (hospital_args("12", "135", NONE, -1, 1), "'-1' must not be negative"),
        (hospital_args("12", "135", ("--no-oncology", "--elective"), 0, 1),
         "one of the arguments --procedure --no-procedure is required"),
    ],
)  # fmt: skip
def test_hospital_errors(capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    assert message in error_of(capsys, *args)


# --- Charlson in-process ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        (["E11.9", "E11.22"], {"charlson": 2, "categories": ["diabwc"]}),
        (["K70.30", "I85.00"], {"charlson": 4, "categories": ["msld"]}),
        (["C34.90", "C78.00"], {"charlson": 6, "categories": ["metacanc"]}),
        (["i509", "I50.9", "I509"], {"charlson": 2, "categories": ["chf"]}),
        (["I10"], {"charlson": 0, "categories": []}),
        (["88805009", "44054006"], {"charlson": 3, "categories": ["chf", "diab"]}),
        (["K25.9", "G81.90"], {"charlson": 0, "categories": ["hp", "pud"]}),
    ],
)
def test_charlson_json(
    capsys: pytest.CaptureFixture[str], codes: list[str], expected: dict[str, object]
) -> None:
    assert run_json(capsys, "risk", "charlson", *codes) == expected


def test_charlson_text_lists_codes_and_superseded(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["risk", "charlson", "E11.9", "E11.22", "Z00.00"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Charlson index 2\n")
    assert "not counted: severe form present" in out
    assert "Z00.00" in out


@pytest.mark.parametrize(
    ("codes", "message"),
    [(["XYZ"], "'XYZ' is not an ICD-10 code"), (["I50.9", "88805008"], "not a SNOMED CT")],
)
def test_charlson_errors(
    capsys: pytest.CaptureFixture[str], codes: list[str], message: str
) -> None:
    assert message in error_of(capsys, "risk", "charlson", *codes, "--json")


def test_charlson_needs_a_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert "the following arguments are required: CODE" in error_of(capsys, "risk", "charlson")
