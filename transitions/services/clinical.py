"""Recording a stay's clinical facts: diagnoses (validated codes) and allergies."""

from __future__ import annotations

from sqlalchemy import select

from transitions.db.models import Allergy, Diagnosis, Encounter, Patient
from transitions.domain.codes import check_diagnosis_code
from transitions.domain.enums import AllergySeverity, CodeSystem
from transitions.errors import NotFoundError, ValidationError
from transitions.services.permissions import require, require_stay
from transitions.services.uow import Actor, UnitOfWork


def _encounter(uow: UnitOfWork, encounter_id: int) -> Encounter:
    encounter = uow.session.get(Encounter, encounter_id)
    if encounter is None:
        raise NotFoundError(f"no stay with id {encounter_id}")
    return encounter


def add_diagnosis(
    uow: UnitOfWork,
    actor: Actor,
    encounter_id: int,
    code: str,
    *,
    code_system: CodeSystem = CodeSystem.ICD10CM,
    principal: bool = False,
    description: str | None = None,
) -> int:
    """Add a diagnosis; ICD-10-CM codes must exist and get their official description.

    A new principal diagnosis demotes the previous one (a stay has at most one).
    """
    require(actor, "stay.edit")
    normalized, official = check_diagnosis_code(code_system, code)
    encounter = _encounter(uow, encounter_id)
    require_stay(actor, "stay.edit", encounter.unit_id)
    existing = list(encounter.diagnoses)
    if any(d.code_system is code_system and d.code == normalized for d in existing):
        raise ValidationError(f"{normalized} is already recorded for this stay", field="code")
    if principal:
        for other in existing:
            other.principal = False
    diagnosis = Diagnosis(
        code_system=code_system,
        code=normalized,
        description=official or (description.strip() if description else None),
        principal=principal,
        rank=max((d.rank for d in existing), default=0) + 1,
    )
    encounter.diagnoses.append(diagnosis)
    uow.session.flush()
    uow.audit(
        actor,
        "add",
        "diagnosis",
        diagnosis.id,
        patient_id=encounter.patient_id,
        details={
            "after": {"code": normalized, "system": code_system.value, "principal": principal}
        },
    )
    uow.commit()
    return diagnosis.id


def add_allergy(
    uow: UnitOfWork,
    actor: Actor,
    patient_mrn: str,
    substance: str,
    *,
    reaction: str | None = None,
    severity: AllergySeverity = AllergySeverity.UNKNOWN,
) -> int:
    """Record an allergy on the patient (allergies belong to the person, not the stay)."""
    require(actor, "stay.edit")
    substance = substance.strip()
    if not substance:
        raise ValidationError("enter the substance the patient is allergic to", field="substance")
    patient = uow.session.scalar(select(Patient).where(Patient.mrn == patient_mrn))
    if patient is None:
        raise NotFoundError(f"no patient with MRN '{patient_mrn}'")
    if any(a.substance.lower() == substance.lower() for a in patient.allergies):
        raise ValidationError(f"an allergy to {substance} is already recorded", field="substance")
    allergy = Allergy(
        substance=substance,
        reaction=reaction.strip() if reaction else None,
        severity=severity,
        recorded_at=uow.now(),
    )
    patient.allergies.append(allergy)
    uow.session.flush()
    uow.audit(
        actor,
        "add",
        "allergy",
        allergy.id,
        patient_id=patient.id,
        details={"after": {"substance": substance, "severity": severity.value}},
    )
    uow.commit()
    return allergy.id
