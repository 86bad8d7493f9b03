"""The care a stay received, as FHIR R4 resources for the export Bundle (plain dicts).

- MedicationStatement: the reconciled list, one per home medicine, per decided inpatient order
  and per medicine added at discharge, with the status of its decision (continue/new/added ->
  active, change -> active with a note of the change and its reason, stop -> stopped with
  ``statusReason``). Category ``community`` (home list) or ``inpatient`` (an inpatient order):
  the importer maps them back to the same list. Added medicines have no list of their own:
  their statement is ``basedOn`` their MedicationRequest, which the importer reads instead.
- MedicationRequest (intent order, category discharge): only new or changed prescriptions.
- CarePlan (education): one activity per module taught, ``outcomeReference`` -> its
  teach-back QuestionnaireResponses.
- QuestionnaireResponse: the latest teach-back record of each taught item.
- DocumentReference: the latest stored discharge packet, PDF inline, SHA-1 hash.

EXTENSION POINTS (issues not merged yet): Appointment (follow-up visits), QuestionnaireResponse
for CTM-3 answers and the CarePlan's follow-up activities are contributed through
:attr:`CareData.extra_resources` and :attr:`CareData.extra_activities`, which the service fills
from ``transitions.services.interop_fhir.EXPORT_CONTRIBUTORS``.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from transitions.interop.fhir_import import LOINC_SYSTEM

if TYPE_CHECKING:
    from transitions.services.education import EducationView, ItemState, TeachingRecordView
    from transitions.services.medrec_view import DischargeLine, ReconciliationView, SourceLine

MED_STATEMENT_CATEGORY = "http://terminology.hl7.org/CodeSystem/medication-statement-category"
MED_REQUEST_CATEGORY = "http://terminology.hl7.org/CodeSystem/medicationrequest-category"
#: US Core CarePlan category ("Assessment and Plan of Treatment")
CAREPLAN_CATEGORY = "http://hl7.org/fhir/us/core/CodeSystem/careplan-category"
DOC_STATUS_TYPE = ("8653-8", "Hospital Discharge instructions")
#: decisions that make a discharge prescription (MedicationRequest)
PRESCRIBED = frozenset({"new", "added", "change"})


@dataclass(frozen=True)
class PacketDocument:
    version: int
    language: str
    pdf: bytes
    created_at: datetime
    created_by: str


@dataclass(frozen=True)
class CareData:
    """What the workflows stored about a stay, read by the service for the export."""

    reconciliation: ReconciliationView | None = None
    education: EducationView | None = None
    packet: PacketDocument | None = None
    #: EXTENSION POINT: whole resources from other issues (Appointment, CTM-3 answers...)
    extra_resources: list[dict[str, Any]] = field(default_factory=list)
    #: EXTENSION POINT: CarePlan activities from other issues (follow-up visits...)
    extra_activities: list[dict[str, Any]] = field(default_factory=list)


def _instant(value: datetime) -> str:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def dosage(dose: str | None, route: str | None, frequency: str | None, prn: bool) -> dict[str, Any]:
    """A Dosage the importer reads back: dose quantity, route text, the sig as text."""
    out: dict[str, Any] = {}
    text = " ".join(p for p in (dose, route, frequency) if p)
    if text:
        out["text"] = text + (" as needed" if prn else "")
    if route:
        out["route"] = {"text": route}
    if prn:
        out["asNeededBoolean"] = True
    if dose:
        value, _, unit = dose.partition(" ")
        with contextlib.suppress(ValueError):
            out["doseAndRate"] = [{"doseQuantity": {"value": float(value), "unit": unit}}]
    return out


def _category(system: str, code: str) -> dict[str, Any]:
    return {"coding": [{"system": system, "code": code}]}


def _describe(line: DischargeLine) -> str:
    return " ".join(p for p in (line.dose, line.route, line.frequency) if p) or line.drug


def _statement_of_source(
    line: SourceLine,
    change: DischargeLine | None,
    subject: dict[str, str],
    context: dict[str, str],
) -> dict[str, Any]:
    home = line.list_kind == "home"
    resource: dict[str, Any] = {
        "resourceType": "MedicationStatement",
        "id": f"medicationstatement-{line.entry_id}",
        "status": "stopped" if line.decision == "stop" else "active",
        "category": _category(MED_STATEMENT_CATEGORY, "community" if home else "inpatient"),
        "medicationCodeableConcept": {"text": line.drug},
        "subject": subject,
        "context": context,
        "dateAsserted": _instant(line.recorded_at),
    }
    found = dosage(line.dose, line.route, line.frequency, line.prn)
    if found:
        resource["dosage"] = [found]
    if line.indication:
        resource["reasonCode"] = [{"text": line.indication}]
    if line.decision == "stop":
        resource["statusReason"] = [{"text": line.reason or "stopped at discharge"}]
    notes = []
    if line.decision == "change":
        now = _describe(change) if change else "a new dose"
        notes.append(
            f"Changed at discharge to {now}" + (f" ({line.reason})" if line.reason else "")
        )
    elif line.decision in ("continue", "new"):
        notes.append("Continue at home" if line.decision == "continue" else "New: continue at home")
    if notes:
        resource["note"] = [{"text": n} for n in notes]
    return resource


def _request(
    line: DischargeLine, subject: dict[str, str], context: dict[str, str]
) -> dict[str, Any]:
    instruction = dosage(line.dose, line.route, line.frequency, line.prn)
    if line.duration_days:
        instruction["text"] = f"{instruction.get('text', line.drug)} for {line.duration_days} days"
    if line.instructions:
        instruction["patientInstruction"] = line.instructions
    if not instruction.get("text"):
        instruction["text"] = line.sig_text or line.drug
    resource: dict[str, Any] = {
        "resourceType": "MedicationRequest",
        "id": f"medicationrequest-d{line.decision_id}",
        "status": "active",
        "intent": "order",
        "category": [_category(MED_REQUEST_CATEGORY, "discharge")],
        "medicationCodeableConcept": {"text": line.drug},
        "subject": subject,
        "encounter": context,
        "authoredOn": _instant(line.decided_at),
        "requester": {"display": line.decided_by},
        "dosageInstruction": [instruction],
    }
    if line.indication:
        resource["reasonCode"] = [{"text": line.indication}]
    if line.decision == "change":
        resource["note"] = [{"text": "Changed dose" + (f": {line.reason}" if line.reason else "")}]
    elif line.decision in ("new", "added"):
        resource["note"] = [{"text": "New medicine"}]
    return resource


def medication_resources(
    rec: ReconciliationView, subject: dict[str, str], context: dict[str, str]
) -> list[dict[str, Any]]:
    """The reconciled list (statements) and the new/changed discharge prescriptions (requests)."""
    by_source = {line.from_key: line for line in rec.discharge if line.from_key}
    out: list[dict[str, Any]] = []
    for line in (*rec.home, *rec.inpatient):
        # an inpatient order nobody decided on is not part of the reconciled list
        if line.list_kind == "home" or line.decision:
            out.append(_statement_of_source(line, by_source.get(line.key), subject, context))
    requests = []
    for d in rec.discharge:
        if d.decision not in PRESCRIBED:
            continue
        request = _request(d, subject, context)
        requests.append(request)
        if d.from_key is None:  # added at discharge: nothing on the home or inpatient list
            statement: dict[str, Any] = {
                "resourceType": "MedicationStatement",
                "id": f"medicationstatement-d{d.decision_id}",
                "basedOn": [{"reference": f"MedicationRequest/{request['id']}"}],
                "status": "active",
                "category": _category(MED_STATEMENT_CATEGORY, "community"),
                "medicationCodeableConcept": {"text": d.drug},
                "subject": subject,
                "context": context,
                "dateAsserted": _instant(d.decided_at),
                "note": [{"text": "New: added at discharge"}],
            }
            found = dosage(d.dose, d.route, d.frequency, d.prn)
            if found:
                statement["dosage"] = [found]
            out.append(statement)
    return out + requests


# -- education -----------------------------------------------------------------------------


def _answer_item(link: str, text: str, answer: dict[str, Any]) -> dict[str, Any]:
    return {"linkId": link, "text": text, "answer": [answer]}


def _coding(value: str) -> dict[str, Any]:
    return {"valueCoding": {"code": value, "display": value.replace("_", " ")}}


def _teach_back(
    item: ItemState,
    record: TeachingRecordView,
    module_title: str,
    subject: dict[str, str],
    context: dict[str, str],
    plan_ref: str,
) -> dict[str, Any]:
    items = [
        _answer_item("topic", "Topic", {"valueString": f"{module_title}: {item.title_en}"}),
        _answer_item("learner", "Learner", _coding(record.learner)),
        _answer_item("method", "Teaching method", _coding(record.method)),
        _answer_item("result", "Teach-back result", _coding(record.result)),
    ]
    if record.interpreter_used is not None:
        items.append(
            _answer_item(
                "interpreter-used", "Interpreter used", {"valueBoolean": record.interpreter_used}
            )
        )
    return {
        "resourceType": "QuestionnaireResponse",
        "id": f"questionnaireresponse-teachback-{record.id}",
        "basedOn": [{"reference": plan_ref}],
        "status": "completed",
        "subject": subject,
        "encounter": context,
        "authored": _instant(record.taught_at),
        "author": {"display": record.taught_by},
        "item": items,
    }


def education_resources(
    education: EducationView | None,
    encounter_id: int,
    subject: dict[str, str],
    context: dict[str, str],
    extra_activities: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """A CarePlan of the modules taught (plus contributed activities) and one
    QuestionnaireResponse per taught item's latest teach-back."""
    plan_id = f"careplan-{encounter_id}"
    plan_ref = f"CarePlan/{plan_id}"
    activities: list[dict[str, Any]] = []
    answers: list[dict[str, Any]] = []
    for module in education.modules if education else ():
        taught = [(item, item.latest) for item in module.items if item.latest is not None]
        if not taught:
            continue
        outcomes = []
        for item, record in taught:
            assert record is not None
            response = _teach_back(item, record, module.title_en, subject, context, plan_ref)
            answers.append(response)
            outcomes.append({"reference": f"QuestionnaireResponse/{response['id']}"})
        activities.append(
            {
                "outcomeReference": outcomes,
                "detail": {
                    "kind": "CommunicationRequest",
                    "code": {"text": module.title_en},
                    "status": "completed" if module.progress.complete else "in-progress",
                    "description": f"Teaching {module.progress.label()} items",
                },
            }
        )
    activities.extend(extra_activities)
    if not activities:
        return answers
    plan = {
        "resourceType": "CarePlan",
        "id": plan_id,
        "status": "active",
        "intent": "plan",
        "category": [
            {
                "coding": [{"system": CAREPLAN_CATEGORY, "code": "assess-plan"}],
                "text": "Discharge education and follow-up",
            }
        ],
        "title": "Transition of care plan",
        "subject": subject,
        "encounter": context,
        "activity": activities,
    }
    return [plan, *answers]


# -- packet --------------------------------------------------------------------------------


def packet_resource(
    packet: PacketDocument, encounter_id: int, subject: dict[str, str], context: dict[str, str]
) -> dict[str, Any]:
    """The latest stored packet as a DocumentReference (PDF inline, SHA-1 as FHIR requires)."""
    code, display = DOC_STATUS_TYPE
    sha1 = base64.b64encode(hashlib.sha1(packet.pdf).digest()).decode("ascii")  # noqa: S324
    return {
        "resourceType": "DocumentReference",
        "id": f"documentreference-packet-{encounter_id}-{packet.version}",
        "status": "current",
        "docStatus": "final",
        "type": {
            "coding": [{"system": LOINC_SYSTEM, "code": code, "display": display}],
            "text": "Discharge instructions",
        },
        "subject": subject,
        "date": _instant(packet.created_at),
        "author": [{"display": packet.created_by}],
        "description": f"Discharge packet version {packet.version}",
        "content": [
            {
                "attachment": {
                    "contentType": "application/pdf",
                    "language": packet.language,
                    "data": base64.b64encode(packet.pdf).decode("ascii"),
                    "size": len(packet.pdf),
                    "hash": sha1,
                    "title": f"Discharge instructions (version {packet.version})",
                    "creation": _instant(packet.created_at),
                }
            }
        ],
        "context": {"encounter": [context]},
    }


def care_resources(
    care: CareData, encounter_id: int, subject: dict[str, str], context: dict[str, str]
) -> list[dict[str, Any]]:
    """Everything but the medicines (see :func:`medication_resources`)."""
    out: list[dict[str, Any]] = []
    if care.education is not None or care.extra_activities:
        out += education_resources(
            care.education, encounter_id, subject, context, care.extra_activities
        )
    if care.packet is not None:
        out.append(packet_resource(care.packet, encounter_id, subject, context))
    out.extend(care.extra_resources)
    return out
