"""The reconciliation JSON document: conversion and field-naming validation errors."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from transitions.domain.medrec.document import problems_to_json, reconciliation_from_json
from transitions.domain.medrec.models import Decision, Problem, ProblemKind, Severity
from transitions.errors import ValidationError

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


def test_example_converts() -> None:
    rec = reconciliation_from_json(EXAMPLE)
    assert rec.allergies[0].substance == "penicillin"
    (d1,) = rec.discharge
    assert (d1.decision, d1.from_id, d1.reason) == (Decision.CHANGE, "h1", "BP above goal")
    assert d1.dose is not None and d1.dose.display == "20 mg"
    assert d1.route == "oral"
    assert d1.frequency is not None and d1.frequency.code == "daily"
    assert rec.stopped[0].from_id == "i1"
    assert rec.source("i1") is rec.inpatient[0]


def test_lists_are_optional() -> None:
    rec = reconciliation_from_json({"home": [{"id": "h1", "drug": "aspirin"}]})
    assert rec.discharge == () and rec.home[0].dose is None


def test_sig_fills_missing_fields_and_keeps_what_it_cannot_read() -> None:
    rec = reconciliation_from_json(
        {
            "discharge": [
                {
                    "id": "d1",
                    "drug": "albuterol",
                    "sig": "2 puffs inh q4h prn sob",
                    "decision": "new",
                }
            ],
            "home": [
                {
                    "id": "h1",
                    "drug": "insulin glargine",
                    "sig": "10 units subq qhs, titrate per sugar log",
                }
            ],
        }
    )
    d1 = rec.discharge[0]
    assert d1.dose is not None and d1.dose.display == "2 puffs"
    assert (d1.route, d1.prn, d1.indication) == ("inhaled", True, "shortness of breath")
    h1 = rec.home[0]
    assert h1.frequency is not None and h1.frequency.code == "bedtime"
    assert "sugar" in h1.unparsed


def with_change(path: list[Any], value: Any) -> dict[str, Any]:
    doc = copy.deepcopy(EXAMPLE)
    target: Any = doc
    for key in path[:-1]:
        target = target[key]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return doc


_DELETE = object()


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (["discharge", 0, "dose"], "ten", "discharge[0].dose: 'ten' is not a dose like '10 mg'"),
        (
            ["discharge", 0, "route"],
            "telepathic",
            "discharge[0].route: 'telepathic' is not a route",
        ),
        (["discharge", 0, "drug"], "", "discharge[0].drug: drug name is empty"),
        (["discharge", 0, "drug"], _DELETE, "discharge[0].drug: missing"),
        (["discharge", 0, "decision"], "keep", "discharge[0].decision: unknown decision 'keep'"),
        (["discharge", 0, "decision"], _DELETE, "discharge[0].decision: missing"),
        (["discharge", 0, "from"], "h9", "discharge[0].from: 'h9' names no home or inpatient"),
        (["discharge", 0, "from"], _DELETE, "discharge[0].from: missing"),
        (
            ["discharge", 0, "frequency"],
            "whenever",
            "discharge[0].frequency: 'whenever' is not a frequency",
        ),
        (["discharge", 0, "frequency"], _DELETE, "discharge[0].frequency: missing"),
        (["discharge", 0, "id"], "h1", "discharge[0].id: duplicate id 'h1' (also home[0])"),
        (["discharge", 0, "colour"], "red", "discharge[0].colour: unknown field"),
        (["discharge", 0, "dose"], 20, "discharge[0].dose: must be a string"),
        (["discharge", 0, "prn"], "yes", "discharge[0].prn: must be true or false"),
        (["home", 0, "id"], _DELETE, "home[0].id: missing"),
        (["home", 0, "dose"], "ten", "home[0].dose: 'ten' is not a dose"),
        (["home", 0, "decision"], "continue", "home[0].decision: unknown field"),
        (["inpatient", 0, "id"], "h1", "inpatient[0].id: duplicate id 'h1' (also home[0])"),
        (["stopped", 0, "from"], "x", "stopped[0].from: 'x' names no home or inpatient"),
        (["stopped", 0, "from"], "h1", "stopped[0].from: 'h1' is also carried on by discharge[0]"),
        (["allergies", 0, "substance"], "", "allergies[0].substance: is empty"),
        (["allergies", 0], "penicillin", "allergies[0]: must be an object"),
        (["home"], {"id": "h1"}, "home: must be a list"),
        (["medications"], [], "medications: unknown field"),
    ],
)
def test_errors_name_the_field(path: list[Any], value: Any, message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        reconciliation_from_json(with_change(path, value))
    assert message in str(raised.value)
    assert str(raised.value).startswith(str(raised.value.field))


def test_new_medicine_cannot_come_from_home() -> None:
    doc = with_change(["discharge", 0, "decision"], "new")
    with pytest.raises(ValidationError, match=r"discharge\[0\]\.decision: 'new' cannot come"):
        reconciliation_from_json(doc)


def test_stopping_twice_is_an_error() -> None:
    doc = with_change(["stopped"], [{"from": "i1"}, {"from": "i1"}])
    with pytest.raises(ValidationError, match=r"stopped\[1\]\.from: 'i1' is already stopped"):
        reconciliation_from_json(doc)


@pytest.mark.parametrize("document", [[], "text", 3, None])
def test_document_must_be_an_object(document: Any) -> None:
    with pytest.raises(ValidationError, match="JSON object"):
        reconciliation_from_json(document)


def test_problems_json_shape() -> None:
    problem = Problem(ProblemKind.OMISSION, Severity.HIGH, ("h1",), "Home medicine ...")
    assert problems_to_json([problem]) == {
        "problems": [
            {
                "kind": "omission",
                "severity": "high",
                "items": ["h1"],
                "message": "Home medicine ...",
            }
        ]
    }
