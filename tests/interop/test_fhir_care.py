"""FHIR export of the care a stay received: the signed reconciliation (MedicationStatement per
decision, MedicationRequest for new/changed prescriptions), the education taught (CarePlan,
teach-back QuestionnaireResponses) and the latest packet (DocumentReference); validated with
fhir.resources R4B and re-imported into a fresh database (both databases)."""

from __future__ import annotations

import base64
import hashlib
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.db.test_medrec import seed
from tests.db.test_packet_workflows import _reconcile
from transitions.cli import main
from transitions.domain.education.enums import Learner, Method, TeachBackResult
from transitions.services import education, interop_care, interop_fhir, medrec, packets
from transitions.services.education import TeachingEntry
from transitions.services.medrec import MedInput
from transitions.services.uow import Actor, UnitOfWork

MakeUow = Callable[[], UnitOfWork]


def _of(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def _by_drug(resources: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["medicationCodeableConcept"]["text"]: r for r in resources}


def _teach(make_uow: MakeUow, actor: Actor, stay: int, result: TeachBackResult, **kw: Any) -> None:
    with make_uow() as uow:
        education.record_teaching(
            uow,
            actor,
            stay,
            TeachingEntry(
                module_id="heart-failure",
                item_id="daily-weight",
                learner=Learner.PATIENT,
                method=kw.pop("method", Method.VERBAL),
                result=result,
                **kw,
            ),
        )


@pytest.fixture
def cared_stay(make_uow: MakeUow, actor: Actor) -> tuple[int, bytes]:
    """Seeded stay: an added aspirin, a signed reconciliation, teaching taught twice, a packet."""
    stay, ids = seed(make_uow)
    with make_uow() as uow:
        medrec.add_discharge_medication(
            uow, actor, stay, MedInput(drug="aspirin", dose="81 mg", route="po", frequency="daily")
        )
    _reconcile(make_uow, stay, ids)
    _teach(make_uow, actor, stay, TeachBackResult.NEEDS_REINFORCEMENT)
    _teach(
        make_uow, actor, stay, TeachBackResult.UNDERSTOOD,
        method=Method.DEMONSTRATION, interpreter_used=False,
    )  # fmt: skip
    with make_uow() as uow:
        packet = packets.generate_packet(uow, actor, encounter_id=stay, language="en")
    return stay, packet.pdf


def test_export_carries_reconciliation_education_and_packet(
    make_uow: MakeUow,
    actor: Actor,
    cared_stay: tuple[int, bytes],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    stay, pdf = cared_stay
    with make_uow() as uow:
        text = interop_fhir.export_stay(uow, actor, "V0001")
    bundle = json.loads(text)
    from fhir.resources.R4B.bundle import Bundle

    Bundle.model_validate(bundle)
    kinds = Counter(e["resource"]["resourceType"] for e in bundle["entry"])
    # home furosemide, metformin, Eliquis + inpatient enoxaparin, insulin + added aspirin
    assert kinds["MedicationStatement"] == 6
    # changed metformin, new insulin glargine, added aspirin (continue and stop: none)
    assert kinds["MedicationRequest"] == 3
    assert kinds["CarePlan"] == 1 and kinds["QuestionnaireResponse"] == 1
    assert kinds["DocumentReference"] == 1

    statements = _by_drug(_of(bundle, "MedicationStatement"))
    assert statements["furosemide"]["status"] == "active"
    metformin = statements["metformin"]
    assert metformin["status"] == "active"
    assert (
        "1000 mg oral BID" in metformin["note"][0]["text"]
        and "A1c 9.1" in metformin["note"][0]["text"]
    )
    assert statements["Eliquis"]["status"] == "stopped"
    assert statements["Eliquis"]["statusReason"][0]["text"]
    assert statements["enoxaparin"]["status"] == "stopped"
    assert statements["enoxaparin"]["category"]["coding"][0]["code"] == "inpatient"
    assert statements["insulin glargine"]["status"] == "active"
    assert statements["furosemide"]["category"]["coding"][0]["code"] == "community"
    requests = _by_drug(_of(bundle, "MedicationRequest"))
    assert set(requests) == {"metformin", "insulin glargine", "aspirin"}
    assert statements["aspirin"]["basedOn"][0]["reference"] == (
        f"MedicationRequest/{requests['aspirin']['id']}"
    )
    assert all(r["intent"] == "order" for r in requests.values())
    assert requests["metformin"]["dosageInstruction"][0]["text"] == "1000 mg oral BID"
    assert "A1c 9.1" in requests["metformin"]["note"][0]["text"]

    (plan,) = _of(bundle, "CarePlan")
    assert (plan["status"], plan["intent"]) == ("active", "plan")
    assert plan["category"][0]["coding"][0]["code"] == "assess-plan"
    assert plan["subject"]["reference"].startswith("Patient/")
    assert plan["encounter"]["reference"] == f"Encounter/encounter-{stay}"
    (activity,) = plan["activity"]
    assert activity["detail"]["code"]["text"] == "Heart failure"
    # one of several required items taught: still in progress
    assert activity["detail"]["status"] == "in-progress"

    (answer,) = _of(bundle, "QuestionnaireResponse")
    assert activity["outcomeReference"][0]["reference"] == f"QuestionnaireResponse/{answer['id']}"
    assert answer["status"] == "completed" and answer["author"]["display"] == actor.display_name
    values = {i["linkId"]: i["answer"][0] for i in answer["item"]}
    # the latest record, not the first
    assert values["result"]["valueCoding"]["code"] == "understood"
    assert values["method"]["valueCoding"]["code"] == "demonstration"
    assert values["learner"]["valueCoding"]["code"] == "patient"
    assert values["interpreter-used"] == {"valueBoolean": False}
    assert answer["authored"].endswith("Z")

    (doc,) = _of(bundle, "DocumentReference")
    attachment = doc["content"][0]["attachment"]
    assert attachment["contentType"] == "application/pdf" and attachment["language"] == "en"
    assert base64.b64decode(attachment["data"]) == pdf
    assert base64.b64decode(attachment["hash"]) == hashlib.sha1(pdf).digest()  # noqa: S324
    assert doc["type"]["coding"][0]["code"] == "8653-8"
    assert doc["type"]["text"] == "Discharge instructions"
    assert attachment["title"] and attachment["creation"]

    # re-imported into an empty database: the facts come back, the care resources are skipped
    out = tmp_path / "v0001.json"
    out.write_text(text, encoding="utf-8")
    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    assert main(["import", "fhir", str(out), "--database", fresh]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["encounters_created"] == 1
    assert summary["skipped"] == {
        "CarePlan": 1,
        "QuestionnaireResponse": 1,
        "DocumentReference": 1,
        "MedicationStatement (restates a MedicationRequest of the bundle)": 1,
    }
    assert main(["encounter", "show", "V0001", "--json", "--database", fresh]) == 0
    shown = json.loads(capsys.readouterr().out)
    lists = sorted((m["list_kind"], m["drug_name"]) for m in shown["medications"])
    assert lists == [
        ("discharge", "aspirin"),
        ("discharge", "insulin glargine"),
        ("discharge", "metformin"),
        ("home", "Eliquis"),
        ("home", "furosemide"),
        ("home", "metformin"),
        ("inpatient", "enoxaparin"),
        ("inpatient", "insulin glargine"),
    ]


def test_contributor_extension_point_adds_resources_and_activities(
    make_uow: MakeUow, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without reconciliation, teaching or packet the medicines are exported as before; a
    contributor (the follow-up issue's hook) adds an Appointment and a CarePlan activity."""
    seed(make_uow)

    def follow_up(
        uow: UnitOfWork, encounter: Any, subject: dict[str, str], context: dict[str, str]
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        appointment = {
            "resourceType": "Appointment",
            "id": f"appointment-{encounter.id}",
            "status": "booked",
            "participant": [{"actor": subject, "status": "accepted"}],
        }
        step = {"detail": {"code": {"text": "Cardiology follow-up"}, "status": "scheduled"}}
        return [appointment], [step]

    monkeypatch.setattr(interop_care, "EXPORT_CONTRIBUTORS", [follow_up])
    with make_uow() as uow:
        bundle = json.loads(interop_fhir.export_stay(uow, actor, "V0001"))
    kinds = Counter(e["resource"]["resourceType"] for e in bundle["entry"])
    assert kinds["MedicationStatement"] == 3 and kinds["MedicationRequest"] == 0
    assert kinds["Appointment"] == 1 and kinds["DocumentReference"] == 0
    assert kinds["QuestionnaireResponse"] == 0
    (plan,) = _of(bundle, "CarePlan")
    assert [a["detail"]["code"]["text"] for a in plan["activity"]] == ["Cardiology follow-up"]
    assert all("category" not in s for s in _of(bundle, "MedicationStatement"))
