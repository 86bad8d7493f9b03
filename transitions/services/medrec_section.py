"""The ``medication_reconciliation`` section of ``encounter show --json``, and the signed
document frozen at each signature."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from transitions.db.medrec_models import (
    MedrecSignedVersion,
)
from transitions.db.models import Encounter
from transitions.domain.medrec.workflow import (
    ReconciliationStatus,
)
from transitions.services.encounters import register_stay_section
from transitions.services.medrec_view import (
    DischargeLine,
    ReconciliationView,
    SourceLine,
    load_state,
)
from transitions.services.uow import UnitOfWork

# -- encounter show -------------------------------------------------------------------------


def signed_document(view: ReconciliationView) -> dict[str, Any]:
    return {
        "status": view.status,
        "home": [_source_json(line) for line in view.home],
        "inpatient": [_source_json(line) for line in view.inpatient],
        "discharge": [_discharge_json(line) for line in view.discharge],
        "problems": [
            {
                "kind": p.kind,
                "severity": p.severity,
                "items": list(p.items),
                "message": p.message,
                "acknowledged": (
                    {
                        "reason": p.acknowledged.reason,
                        "by": p.acknowledged.by,
                        "at": p.acknowledged.at,
                    }
                    if p.acknowledged
                    else None
                ),
            }  # fmt: skip
            for p in view.problems
        ],
        "pharmacist_review_suggested": view.boost.suggested,
        "pharmacist_review_reason": view.boost.reason,
    }


def _source_json(line: SourceLine) -> dict[str, Any]:
    return {
        "id": line.key,
        "drug": line.drug,
        "dose": line.dose,
        "route": line.route,
        "frequency": line.frequency,
        "prn": line.prn,
        "source": line.source,
        "recorded_at": line.recorded_at,
        "decision": line.decision,
        "reason": line.reason,
    }


def _discharge_json(line: DischargeLine) -> dict[str, Any]:
    return {
        "id": line.key,
        "drug": line.drug,
        "dose": line.dose,
        "route": line.route,
        "frequency": line.frequency,
        "form": line.form,
        "prn": line.prn,
        "indication": line.indication,
        "duration_days": line.duration_days,
        "instructions": line.instructions,
        "times": list(line.times),
        "from": line.from_key,
        "decision": line.decision,
        "reason": line.reason,
        "unparsed": line.sig_unparsed,
        "decided_by": line.decided_by,
        "decided_at": line.decided_at,
    }


def _stay_section(uow: UnitOfWork, encounter: Encounter) -> dict[str, Any]:
    """The signed reconciliation (what was signed, as it was signed) and earlier versions."""
    state = load_state(uow, encounter.id)
    versions = list(
        uow.session.scalars(
            select(MedrecSignedVersion)
            .where(MedrecSignedVersion.encounter_id == encounter.id)
            .order_by(MedrecSignedVersion.revision)
        )
    )
    current = versions[-1] if versions and state and state.status.read_only else None
    return {
        "status": (state.status if state else ReconciliationStatus.DRAFT).value,
        "signed": (
            {
                "revision": current.revision,
                "signed_by": current.signed_by_name,
                "signed_at": current.signed_at,
                "second_signed_by": current.second_signed_by_name,
                "second_signed_at": current.second_signed_at,
                **json.loads(current.document),
            }
            if current
            else None
        ),
        "earlier_versions": [
            {
                "revision": v.revision,
                "signed_by": v.signed_by_name,
                "signed_at": v.signed_at,
                "reopened_by": v.reopened_by_name,
                "reopened_at": v.reopened_at,
                "reopen_reason": v.reopen_reason,
            }
            for v in versions
            if v is not current
        ],
    }


register_stay_section("medication_reconciliation", _stay_section)
