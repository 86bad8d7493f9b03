"""The discharge summary to the primary care provider as a FHIR R4 DocumentReference (LOINC
18842-5 "Discharge summary"), PDF inline with its SHA-1 hash, added to the stay's Bundle so the
interface engine receives one self-contained file."""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, datetime
from typing import Any

from transitions.interop.fhir_import import LOINC_SYSTEM

DISCHARGE_SUMMARY = ("18842-5", "Discharge summary")


def summary_document_reference(
    *,
    pdf: bytes,
    encounter_id: int,
    patient_id: int,
    sequence: int,
    created_at: datetime,
    author: str,
    language: str,
    recipient: str | None,
) -> dict[str, Any]:
    code, display = DISCHARGE_SUMMARY
    when = created_at.astimezone(UTC).isoformat().replace("+00:00", "Z")
    sha1 = base64.b64encode(hashlib.sha1(pdf).digest()).decode("ascii")  # noqa: S324 - FHIR
    resource: dict[str, Any] = {
        "resourceType": "DocumentReference",
        "id": f"documentreference-pcp-summary-{encounter_id}-{sequence}",
        "status": "current",
        "docStatus": "final",
        "type": {
            "coding": [{"system": LOINC_SYSTEM, "code": code, "display": display}],
            "text": "Discharge summary for the primary care provider",
        },
        "subject": {"reference": f"Patient/patient-{patient_id}"},
        "date": when,
        "author": [{"display": author}],
        "description": f"Discharge summary for the primary care provider (sending {sequence})",
        "content": [
            {
                "attachment": {
                    "contentType": "application/pdf",
                    "language": language,
                    "data": base64.b64encode(pdf).decode("ascii"),
                    "size": len(pdf),
                    "hash": sha1,
                    "title": "Discharge summary",
                    "creation": when,
                }
            }
        ],
        "context": {"encounter": [{"reference": f"Encounter/encounter-{encounter_id}"}]},
    }
    if recipient:  # who it is for: routing is the interface engine's (no FHIR "recipient" here)
        resource["description"] = f"Discharge summary for {recipient} (sending {sequence})"
    return resource


def add_to_bundle(bundle: dict[str, Any], resource: dict[str, Any]) -> dict[str, Any]:
    """``bundle`` with ``resource`` appended as one more entry (same fullUrl scheme)."""
    entry = {
        "fullUrl": f"urn:transitions:{resource['resourceType']}/{resource['id']}",
        "resource": resource,
    }
    return {**bundle, "entry": [*bundle["entry"], entry]}
