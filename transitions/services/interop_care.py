"""What the workflows stored about a stay, gathered for the FHIR export
(:class:`transitions.interop.fhir_care.CareData`).

EXTENSION POINT for issues not merged yet (follow-up appointments, CTM-3): append ONE
contributor to :data:`EXPORT_CONTRIBUTORS`. It gets the unit of work, the stay and the
``subject``/``encounter`` references, and returns ``(resources, careplan_activities)``:
whole resources (Appointment, QuestionnaireResponse for CTM-3 answers...) go into the Bundle,
activities (follow-up visits...) into the stay's CarePlan. The export validates everything with
fhir.resources R4B; the importer counts these resource types as skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from transitions.db.models import Encounter
from transitions.db.packet_models import DischargePacket
from transitions.interop.fhir_care import CareData, PacketDocument
from transitions.services import education, medrec_view
from transitions.services.uow import UnitOfWork

Resources = list[dict[str, Any]]
Contributor = Callable[
    [UnitOfWork, Encounter, dict[str, str], dict[str, str]], tuple[Resources, Resources]
]
#: EXTENSION POINT: (uow, encounter, subject, context) -> (resources, careplan activities)
EXPORT_CONTRIBUTORS: list[Contributor] = []


def _reconciliation(uow: UnitOfWork, encounter: Encounter) -> medrec_view.ReconciliationView | None:
    """The reconciliation when one was started (a stored state or any decision)."""
    view = medrec_view.build_view(uow, encounter)
    started = (
        medrec_view.load_state(uow, encounter.id) is not None
        or bool(view.discharge)
        or any(line.decision for line in (*view.home, *view.inpatient))
    )
    return view if started else None


def _education(uow: UnitOfWork, encounter: Encounter) -> education.EducationView | None:
    view = education.plan_view(uow, encounter)
    taught = any(item.history for module in view.modules for item in module.items)
    return view if taught else None


def _packet(uow: UnitOfWork, encounter: Encounter) -> PacketDocument | None:
    row = uow.session.scalar(
        select(DischargePacket)
        .where(DischargePacket.encounter_id == encounter.id)
        .order_by(DischargePacket.version.desc())
        .limit(1)
    )
    if row is None:
        return None
    return PacketDocument(row.version, row.language, row.pdf, row.created_at, row.created_by)


def load_care(uow: UnitOfWork, encounter: Encounter) -> CareData:
    subject = {"reference": f"Patient/patient-{encounter.patient_id}"}
    context = {"reference": f"Encounter/encounter-{encounter.id}"}
    resources: Resources = []
    activities: Resources = []
    for contributor in EXPORT_CONTRIBUTORS:
        more, steps = contributor(uow, encounter, subject, context)
        resources += more
        activities += steps
    return CareData(
        reconciliation=_reconciliation(uow, encounter),
        education=_education(uow, encounter),
        packet=_packet(uow, encounter),
        extra_resources=resources,
        extra_activities=activities,
    )
