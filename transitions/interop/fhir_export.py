"""One stay -> a FHIR R4 collection Bundle (plain dicts), validated with fhir.resources R4B.

Exported: Patient, Encounter (with hospitalization.dischargeDisposition), Condition,
AllergyIntolerance, Observation (hemoglobin, sodium) and the medicines: with a medication
reconciliation, the reconciled list (MedicationStatement, status per decision) and the new or
changed discharge prescriptions (MedicationRequest); without one, the home list
(MedicationStatement) and the discharge list (MedicationRequest) as stored. The care the stay
received (education CarePlan, teach-back QuestionnaireResponses, the latest packet as a
DocumentReference) comes from :mod:`transitions.interop.fhir_care`; Appointment, CTM-3 answers
and follow-up CarePlan activities are extension points there (issues not merged yet).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from transitions.db.models import Encounter, MedicationEntry, Patient
from transitions.domain.codes import discharge_dispositions
from transitions.domain.enums import CodeSystem, EncounterClass, MedicationList
from transitions.errors import ValidationError
from transitions.interop import LOCAL_MRN_SYSTEM, LOCAL_VISIT_SYSTEM
from transitions.interop.fhir_care import CareData, care_resources, dosage, medication_resources
from transitions.interop.fhir_import import ICD10CM_SYSTEM, LOINC_SYSTEM, SNOMED_SYSTEM, V2_0203

DISPOSITION_SYSTEM = "http://terminology.hl7.org/CodeSystem/discharge-disposition"
_CLASS = {
    EncounterClass.INPATIENT: ("IMP", "inpatient encounter"),
    EncounterClass.EMERGENCY: ("EMER", "emergency"),
    EncounterClass.AMBULATORY: ("AMB", "ambulatory"),
    EncounterClass.OBSERVATION: ("OBSENC", "observation encounter"),
}
_PRIORITY = {"emergency": "EM", "urgent": "UR", "elective": "EL"}
_STATUS = {"discharged": "finished", "cancelled": "cancelled"}


def _instant(value: datetime) -> str:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _mr(system: str, value: str) -> dict[str, Any]:
    return {
        "use": "usual",
        "type": {"coding": [{"system": V2_0203, "code": "MR"}]},
        "system": system or LOCAL_MRN_SYSTEM,
        "value": value,
    }


def _patient(patient: Patient, ids: list[tuple[str, str]]) -> dict[str, Any]:
    identifiers = [_mr(system, value) for system, value in ids]
    identifiers.append(_mr(LOCAL_MRN_SYSTEM, patient.mrn))
    given = [patient.given_name] + ([patient.middle_name] if patient.middle_name else [])
    resource: dict[str, Any] = {
        "resourceType": "Patient",
        "id": f"patient-{patient.id}",
        "identifier": identifiers,
        "name": [{"use": "official", "family": patient.family_name, "given": given}],
        "gender": patient.sex.value,
        "birthDate": patient.birth_date.isoformat(),
        "communication": [
            {
                "language": {
                    "coding": [{"system": "urn:ietf:bcp:47", "code": patient.preferred_language}]
                },
                "preferred": True,
            }
        ],
    }
    if patient.phone:
        resource["telecom"] = [{"system": "phone", "value": patient.phone}]
    address = {
        key: value
        for key, value in (
            ("line", [patient.address_line] if patient.address_line else None),
            ("city", patient.city),
            ("state", patient.state),
            ("postalCode", patient.postal_code),
        )
        if value
    }
    if address:
        resource["address"] = [address]
    if patient.caregiver_name:
        contact: dict[str, Any] = {"name": {"text": patient.caregiver_name}}
        parts = patient.caregiver_name.rsplit(" ", 1)
        if len(parts) == 2:
            contact["name"].update({"given": [parts[0]], "family": parts[1]})
        if patient.caregiver_relation:
            contact["relationship"] = [{"text": patient.caregiver_relation}]
        if patient.caregiver_phone:
            contact["telecom"] = [{"system": "phone", "value": patient.caregiver_phone}]
        resource["contact"] = [contact]
    return resource


def _code(system: CodeSystem, code: str, display: str | None) -> dict[str, Any]:
    uri = {CodeSystem.ICD10CM: ICD10CM_SYSTEM, CodeSystem.SNOMED: SNOMED_SYSTEM}.get(system)
    coding: dict[str, Any] = {"code": code}
    if uri:
        coding["system"] = uri
    if display:
        coding["display"] = display
    concept: dict[str, Any] = {"coding": [coding]}
    if display:
        concept["text"] = display
    return concept


def _medication(
    entry: MedicationEntry, subject: dict[str, str], context: dict[str, str]
) -> dict[str, Any]:
    found = dosage(entry.dose, entry.route, entry.frequency, entry.prn)
    medication = {"text": entry.drug_name}
    reason = [{"text": entry.indication}] if entry.indication else None
    if entry.list_kind is MedicationList.DISCHARGE:
        resource: dict[str, Any] = {
            "resourceType": "MedicationRequest",
            "id": f"medicationrequest-{entry.id}",
            "status": "active",
            "intent": "order",
            "category": [
                {
                    "coding": [
                        {
                            "system": "http://terminology.hl7.org/CodeSystem/"
                            "medicationrequest-category",
                            "code": "discharge",
                        }
                    ]
                }
            ],
            "medicationCodeableConcept": medication,
            "subject": subject,
            "encounter": context,
            "authoredOn": _instant(entry.recorded_at),
        }
        if found:
            resource["dosageInstruction"] = [found]
    else:
        resource = {
            "resourceType": "MedicationStatement",
            "id": f"medicationstatement-{entry.id}",
            # No reconciliation decisions exist yet: the home list is what the patient takes.
            "status": "active",
            "medicationCodeableConcept": medication,
            "subject": subject,
            "context": context,
            "dateAsserted": _instant(entry.recorded_at),
        }
        if found:
            resource["dosage"] = [found]
    if reason:
        resource["reasonCode"] = reason
    return resource


def build_bundle(
    patient: Patient,
    encounter: Encounter,
    *,
    patient_ids: list[tuple[str, str]],
    visit_ids: list[tuple[str, str]],
    site_name: str,
    now: datetime,
    care: CareData | None = None,
) -> dict[str, Any]:
    subject = {"reference": f"Patient/patient-{patient.id}"}
    context = {"reference": f"Encounter/encounter-{encounter.id}"}
    resources: list[dict[str, Any]] = [_patient(patient, patient_ids)]
    klass, klass_display = _CLASS[encounter.encounter_class]
    period = {"start": _instant(encounter.admit_time)}
    if encounter.discharge_time:
        period["end"] = _instant(encounter.discharge_time)
    identifiers = [
        {"system": s, "value": v} for s, v in visit_ids if s.startswith(("urn:", "http"))
    ]
    identifiers.insert(0, {"system": LOCAL_VISIT_SYSTEM, "value": encounter.visit_number})
    enc: dict[str, Any] = {
        "resourceType": "Encounter",
        "id": f"encounter-{encounter.id}",
        "identifier": identifiers,
        "status": _STATUS.get(encounter.status.value, "in-progress"),
        "class": {
            "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
            "code": klass,
            "display": klass_display,
        },
        "priority": {
            "coding": [
                {
                    "system": "http://terminology.hl7.org/CodeSystem/v3-ActPriority",
                    "code": _PRIORITY[encounter.admission_type.value],
                }
            ]
        },
        "subject": subject,
        "period": period,
        "serviceProvider": {"display": site_name},
    }
    if encounter.hospital_service:
        enc["serviceType"] = {"text": encounter.hospital_service}
    if encounter.attending is not None:
        enc["participant"] = [{"individual": {"display": encounter.attending.display_name}}]
    if encounter.discharge_disposition:
        code = encounter.discharge_disposition
        enc["hospitalization"] = {
            "dischargeDisposition": {
                "coding": [
                    {
                        "system": DISPOSITION_SYSTEM,
                        "code": code,
                        "display": discharge_dispositions().get(code, code),
                    }
                ]
            }
        }
    diagnoses = []
    for d in encounter.diagnoses:
        condition_id = f"condition-{d.id}"
        resources.append(
            {
                "resourceType": "Condition",
                "id": condition_id,
                "clinicalStatus": {
                    "coding": [
                        {
                            "system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                            "code": "active",
                        }
                    ]
                },
                "category": [
                    {
                        "coding": [
                            {
                                "system": "http://terminology.hl7.org/CodeSystem/"
                                "condition-category",
                                "code": "encounter-diagnosis",
                            }
                        ]
                    }
                ],
                "code": _code(d.code_system, d.code, d.description),
                "subject": subject,
                "encounter": context,
            }
        )
        diagnoses.append(
            {
                "condition": {"reference": f"Condition/{condition_id}"},
                "rank": 1 if d.principal else 2,
            }
        )
    if diagnoses:
        enc["diagnosis"] = diagnoses
    resources.insert(1, enc)
    for allergy in patient.allergies:
        resource: dict[str, Any] = {
            "resourceType": "AllergyIntolerance",
            "id": f"allergy-{allergy.id}",
            "clinicalStatus": {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/"
                        "allergyintolerance-clinical",
                        "code": "active",
                    }
                ]
            },
            "code": {"text": allergy.substance},
            "patient": subject,
            "recordedDate": _instant(allergy.recorded_at),
        }
        if allergy.reaction or allergy.severity.value != "unknown":
            reaction: dict[str, Any] = {
                "manifestation": [{"text": allergy.reaction or "reaction not recorded"}]
            }
            if allergy.severity.value != "unknown":
                reaction["severity"] = allergy.severity.value
            resource["reaction"] = [reaction]
        resources.append(resource)
    care = care or CareData()
    if care.reconciliation is not None:
        resources += medication_resources(care.reconciliation, subject, context)
    else:
        for entry in encounter.medications:
            if entry.list_kind in (MedicationList.HOME, MedicationList.DISCHARGE):
                resources.append(_medication(entry, subject, context))
    for lab in encounter.labs:
        resources.append(
            {
                "resourceType": "Observation",
                "id": f"observation-{lab.id}",
                "status": "final",
                "category": [
                    {
                        "coding": [
                            {
                                "system": "http://terminology.hl7.org/CodeSystem/"
                                "observation-category",
                                "code": "laboratory",
                            }
                        ]
                    }
                ],
                "code": {
                    "coding": [{"system": LOINC_SYSTEM, "code": lab.loinc_code}],
                    "text": lab.name,
                },
                "subject": subject,
                "encounter": context,
                "effectiveDateTime": _instant(lab.observed_at),
                "valueQuantity": {"value": float(lab.value), "unit": lab.unit},
            }
        )
    resources += care_resources(care, encounter.id, subject, context)
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": _instant(now),
        "entry": [
            {"fullUrl": f"urn:transitions:{r['resourceType']}/{r['id']}", "resource": r}
            for r in resources
        ],
    }


def validate(bundle: dict[str, Any]) -> str:
    """Validate with fhir.resources R4B and return the JSON text."""
    from fhir.resources.R4B.bundle import Bundle

    try:
        model = Bundle.model_validate(bundle)
    except Exception as exc:  # noqa: BLE001 - pydantic ValidationError
        raise ValidationError(f"export does not validate as FHIR R4: {exc}"[:500]) from None
    return json.dumps(json.loads(model.model_dump_json(exclude_none=True)), indent=2)
