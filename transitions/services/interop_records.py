"""Writing what an interface sent into the core tables: patients and stays matched by identifier
within their assigning authority, diagnoses/allergies/labs/medications added once, readmission
links, and the feed-driven status path :func:`apply_adt_status`.

Everything here runs inside the caller's unit of work and never commits; the caller (one HL7
message, one FHIR bundle) commits once. Every change is audited with the interface as source.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute

from transitions.db.interop_models import PatientIdentifier, VisitIdentifier
from transitions.db.models import (
    Allergy,
    Diagnosis,
    Encounter,
    LabResult,
    MedicationEntry,
    Patient,
    Provider,
    Unit,
)
from transitions.domain.encounter_status import EncounterStatus
from transitions.domain.enums import (
    AdmissionType,
    EncounterClass,
    MedicationList,
    MedicationSource,
    Sex,
)
from transitions.interop import LOCAL_MRN_SYSTEM, LOCAL_VISIT_SYSTEM, MessageError
from transitions.interop.hl7v2 import (
    AllergyData,
    DiagnosisData,
    LabData,
    PatientData,
    ProviderRef,
)
from transitions.services.discharge_void import A13_REASON, cancel_tasks, void_signoff
from transitions.services.uow import Actor, UnitOfWork

#: A stay that starts within this many days of an earlier inpatient discharge is a readmission.
READMISSION_WINDOW = timedelta(days=30)

#: The patient fields an ADT message (PID, NK1) may set; the batch feed updates the same ones.
PATIENT_FIELDS = (
    "family_name",
    "given_name",
    "middle_name",
    "birth_date",
    "sex",
    "phone",
    "address_line",
    "city",
    "state",
    "postal_code",
    "caregiver_name",
    "caregiver_relation",
    "caregiver_phone",
)


@dataclass(frozen=True)
class MedicationData:
    drug_name: str
    dose: str | None
    route: str | None
    frequency: str | None
    prn: bool
    indication: str | None
    list_kind: MedicationList
    source: MedicationSource
    recorded_at: datetime | None


def _local_key(
    uow: UnitOfWork, column: InstrumentedAttribute[str], value: str, authority: str
) -> str:
    """The local MRN / visit number for an external one: the same text when it is free and fits,
    else made unique with a short hash of the authority."""
    candidate = value if len(value) <= 32 else value.replace("-", "")
    if len(candidate) > 32:
        candidate = hashlib.sha256(value.encode()).hexdigest()[:32]
    if uow.session.scalar(select(func.count()).where(column == candidate)) == 0:
        return candidate
    suffix = hashlib.sha256(f"{authority}|{value}".encode()).hexdigest()[:6]
    scoped = f"{candidate[:25]}-{suffix}"
    if uow.session.scalar(select(func.count()).where(column == scoped)) == 0:
        return scoped
    raise MessageError(f"identifier '{value}' of '{authority}' collides with a local one")


# -- patients ---------------------------------------------------------------------------------


def find_patient(uow: UnitOfWork, authority: str, mrn: str) -> Patient | None:
    if authority == LOCAL_MRN_SYSTEM:
        local = uow.session.scalar(select(Patient).where(Patient.mrn == mrn))
        if local is not None:
            return local
    return uow.session.scalar(
        select(Patient)
        .join(PatientIdentifier, PatientIdentifier.patient_id == Patient.id)
        .where(PatientIdentifier.authority == authority, PatientIdentifier.value == mrn)
    )


def update_patient_fields(patient: Any, data: PatientData) -> dict[str, Any]:
    """Set the fields the message carries (None: not sent, left as is) on ``patient`` (a
    :class:`Patient` or the batch feed's row); returns the audit's changes, field -> before and
    after."""
    changed: dict[str, Any] = {}
    for name in PATIENT_FIELDS:
        value = getattr(data, name)
        if value is not None and getattr(patient, name) != value:
            changed[name] = {"before": getattr(patient, name), "after": value}
            setattr(patient, name, value)
    if data.language and patient.preferred_language != data.language:
        changed["preferred_language"] = {
            "before": patient.preferred_language,
            "after": data.language,
        }
        patient.preferred_language = data.language
    return changed


def upsert_patient(uow: UnitOfWork, actor: Actor, data: PatientData, source: str) -> Patient:
    """The patient with this MRN in this authority, created or updated from ``data``."""
    patient = find_patient(uow, data.authority, data.mrn)
    if patient is None:
        missing = [
            name
            for name, value in (
                ("family name (PID-5.1 / Patient.name.family)", data.family_name),
                ("given name (PID-5.2 / Patient.name.given)", data.given_name),
                ("birth date (PID-7 / Patient.birthDate)", data.birth_date),
            )
            if not value
        ]
        if missing:
            raise MessageError(f"new patient MRN {data.mrn}: missing {', '.join(missing)}")
        assert data.family_name and data.given_name and data.birth_date
        language = data.language or "en"
        patient = Patient(
            mrn=_local_key(uow, Patient.mrn, data.mrn, data.authority),
            family_name=data.family_name,
            given_name=data.given_name,
            middle_name=data.middle_name,
            birth_date=data.birth_date,
            sex=data.sex or Sex.UNKNOWN,
            preferred_language=language,
            interpreter_needed=language != "en",
            phone=data.phone,
            address_line=data.address_line,
            city=data.city,
            state=data.state,
            postal_code=data.postal_code,
            caregiver_name=data.caregiver_name,
            caregiver_relation=data.caregiver_relation,
            caregiver_phone=data.caregiver_phone,
        )
        uow.session.add(patient)
        uow.session.flush()
        uow.session.add(
            PatientIdentifier(patient_id=patient.id, authority=data.authority, value=data.mrn)
        )
        uow.audit(
            actor,
            "create",
            "patient",
            patient.mrn,
            patient_id=patient.id,
            details={"source": source, "authority": data.authority},
        )
    else:
        changed = update_patient_fields(patient, data)
        if changed:
            uow.audit(
                actor,
                "update",
                "patient",
                patient.mrn,
                patient_id=patient.id,
                details={"source": source, "changes": changed},
            )
    if data.pcp is not None:
        pcp = find_provider(uow, data.pcp)
        if pcp is not None and patient.pcp_id != pcp.id:
            patient.pcp_id = pcp.id
    return patient


def find_provider(uow: UnitOfWork, ref: ProviderRef) -> Provider | None:
    if ref.identifier and ref.identifier.isdigit() and len(ref.identifier) == 10:
        found = uow.session.scalar(select(Provider).where(Provider.npi == ref.identifier))
        if found is not None:
            return found
    if ref.family_name and ref.given_name:
        return uow.session.scalars(
            select(Provider)
            .where(
                func.lower(Provider.family_name) == ref.family_name.lower(),
                func.lower(Provider.given_name) == ref.given_name.lower(),
            )
            .order_by(Provider.id)
        ).first()
    return None


def find_unit(uow: UnitOfWork, code: str | None) -> Unit | None:
    if not code:
        return None
    return uow.session.scalar(select(Unit).where(Unit.code == code))


# -- stays ----------------------------------------------------------------------------------


def find_visit(uow: UnitOfWork, authority: str, value: str) -> Encounter | None:
    if authority == LOCAL_VISIT_SYSTEM:
        local = uow.session.scalar(select(Encounter).where(Encounter.visit_number == value))
        if local is not None:
            return local
    return uow.session.scalar(
        select(Encounter)
        .join(VisitIdentifier, VisitIdentifier.encounter_id == Encounter.id)
        .where(VisitIdentifier.authority == authority, VisitIdentifier.value == value)
    )


def create_visit(
    uow: UnitOfWork,
    actor: Actor,
    patient: Patient,
    *,
    authority: str,
    value: str,
    encounter_class: EncounterClass,
    admit_time: datetime,
    admission_type: AdmissionType,
    status: EncounterStatus,
    source: str,
    **values: Any,
) -> Encounter:
    encounter = Encounter(
        visit_number=_local_key(uow, Encounter.visit_number, value, authority),
        patient_id=patient.id,
        encounter_class=encounter_class,
        admit_time=admit_time,
        admission_type=admission_type,
        status=status,
        **values,
    )
    uow.session.add(encounter)
    uow.session.flush()
    uow.session.add(VisitIdentifier(encounter_id=encounter.id, authority=authority, value=value))
    uow.audit(
        actor,
        "create",
        "encounter",
        encounter.visit_number,
        patient_id=patient.id,
        details={"source": source, "authority": authority, "status": status.value},
    )
    return encounter


def update_visit(
    uow: UnitOfWork, actor: Actor, encounter: Encounter, source: str, **values: Any
) -> None:
    """Set the given non-None fields; audit what changed."""
    changed: dict[str, Any] = {}
    for name, value in values.items():
        if value is not None and getattr(encounter, name) != value:
            changed[name] = {"before": getattr(encounter, name), "after": value}
            setattr(encounter, name, value)
    if changed:
        uow.audit(
            actor,
            "update",
            "encounter",
            encounter.visit_number,
            patient_id=encounter.patient_id,
            details={"source": source, "changes": changed},
        )


def apply_adt_status(
    uow: UnitOfWork,
    actor: Actor,
    encounter: Encounter,
    target: EncounterStatus,
    *,
    source: str,
    event: str,
    when: datetime | None = None,
    disposition: str | None = None,
) -> None:
    """Feed-driven status change: the hospital's ADT system is the source of truth for admission,
    discharge and their cancellation, so this path does not go through the nurse's discharge
    state machine (which only allows ready -> discharged). Allowed here:

    - any active status -> discharged (A03), cancelled (A11)
    - discharged -> admitted (A13 cancel discharge), cancelled -> admitted (A01 re-sent)

    Audited as action ``adt_status`` with the source and the event. A cancelled discharge
    voids the nurse's sign-off of it and cancels its open follow-up tasks
    (:mod:`transitions.services.discharge_void`).
    """
    before = encounter.status
    allowed = {
        EncounterStatus.DISCHARGED: before.is_active,
        EncounterStatus.CANCELLED: before.is_active,
        EncounterStatus.ADMITTED: before in {EncounterStatus.DISCHARGED, EncounterStatus.CANCELLED},
    }
    if not allowed.get(target, False):
        raise MessageError(
            f"{event}: stay {encounter.visit_number} is {before.value}; "
            f"it cannot become {target.value}"
        )
    details: dict[str, Any] = {
        "source": source,
        "event": event,
        "before": before.value,
        "after": target.value,
    }
    if target is EncounterStatus.DISCHARGED:
        encounter.discharge_time = when or uow.now()
        if disposition:
            encounter.discharge_disposition = disposition
        details["disposition"] = disposition
        details["discharge_time"] = encounter.discharge_time
    elif target is EncounterStatus.ADMITTED and before is EncounterStatus.DISCHARGED:
        details["undone_discharge_time"] = encounter.discharge_time
        encounter.discharge_time = None
        encounter.discharge_disposition = None
        encounter.discharged_by_id = None
    encounter.status = target
    uow.audit(
        actor,
        "adt_status",
        "encounter",
        encounter.visit_number,
        patient_id=encounter.patient_id,
        details=details,
    )
    if target is EncounterStatus.ADMITTED and before is EncounterStatus.DISCHARGED:
        void_signoff(uow, actor, encounter, A13_REASON, source=source, event=event)
        cancel_tasks(uow, actor, encounter, source=source, event=event)
    # The feed's discharges get the same follow-up as the nurse's: risk scores and the
    # contact / visit / readmission tasks (lazy import: followup uses the stay services).
    from transitions.services import followup

    uow.session.flush()
    followup.on_status_changed(uow, actor, encounter, target)


# -- clinical facts ----------------------------------------------------------------------------


def add_diagnoses(
    uow: UnitOfWork, actor: Actor, encounter: Encounter, items: Iterable[DiagnosisData], source: str
) -> int:
    existing = {(d.code_system, d.code) for d in encounter.diagnoses}
    added = 0
    rank = max((d.rank for d in encounter.diagnoses), default=0)
    for item in items:
        if (item.code_system, item.code) in existing:
            continue
        existing.add((item.code_system, item.code))
        if item.principal:
            for other in encounter.diagnoses:
                other.principal = False
        rank += 1
        encounter.diagnoses.append(
            Diagnosis(
                code_system=item.code_system,
                code=item.code,
                description=item.description,
                principal=item.principal,
                rank=rank,
            )
        )
        added += 1
    if added:
        uow.audit(
            actor,
            "add",
            "diagnosis",
            encounter.visit_number,
            patient_id=encounter.patient_id,
            details={"source": source, "count": added},
        )
    return added


def add_allergies(
    uow: UnitOfWork, actor: Actor, patient: Patient, items: Iterable[AllergyData], source: str
) -> int:
    known = {a.substance.lower() for a in patient.allergies}
    added = 0
    for item in items:
        if item.substance.lower() in known:
            continue
        known.add(item.substance.lower())
        patient.allergies.append(
            Allergy(
                substance=item.substance,
                reaction=item.reaction,
                severity=item.severity,
                recorded_at=uow.now(),
            )
        )
        added += 1
    if added:
        uow.audit(
            actor,
            "add",
            "allergy",
            patient.mrn,
            patient_id=patient.id,
            details={"source": source, "count": added},
        )
    return added


def add_labs(
    uow: UnitOfWork, actor: Actor, encounter: Encounter, items: Iterable[LabData], source: str
) -> int:
    known = {(lab.loinc_code, lab.observed_at) for lab in encounter.labs}
    added = 0
    for item in items:
        if (item.loinc_code, item.observed_at) in known:
            continue
        known.add((item.loinc_code, item.observed_at))
        encounter.labs.append(LabResult(**{f.name: getattr(item, f.name) for f in fields(LabData)}))
        added += 1
    if added:
        uow.audit(
            actor,
            "add",
            "lab_result",
            encounter.visit_number,
            patient_id=encounter.patient_id,
            details={"source": source, "count": added},
        )
    return added


def add_medications(
    uow: UnitOfWork,
    actor: Actor,
    encounter: Encounter,
    items: Iterable[MedicationData],
    source: str,
) -> int:
    known = {(m.list_kind, m.drug_name.lower()) for m in encounter.medications}
    added = 0
    for item in items:
        key = (item.list_kind, item.drug_name.lower())
        if key in known:
            continue
        known.add(key)
        encounter.medications.append(
            MedicationEntry(
                list_kind=item.list_kind,
                drug_name=item.drug_name,
                dose=item.dose,
                route=item.route,
                frequency=item.frequency,
                prn=item.prn,
                indication=item.indication,
                source=item.source,
                recorded_at=item.recorded_at or uow.now(),
            )
        )
        added += 1
    if added:
        uow.audit(
            actor,
            "add",
            "medication",
            encounter.visit_number,
            patient_id=encounter.patient_id,
            details={"source": source, "count": added},
        )
    return added


# -- readmissions -----------------------------------------------------------------------------


def link_readmissions(uow: UnitOfWork, actor: Actor, patient_id: int, source: str) -> int:
    """Set ``readmission_of_id`` on every inpatient stay of the patient that began within 30 days
    of an earlier inpatient discharge (and clear it where that no longer holds). Returns how many
    stays are readmissions."""
    stays = list(
        uow.session.scalars(
            select(Encounter)
            .where(
                Encounter.patient_id == patient_id,
                Encounter.encounter_class == EncounterClass.INPATIENT,
            )
            .order_by(Encounter.admit_time, Encounter.id)
        )
    )
    counted = [s for s in stays if s.status is not EncounterStatus.CANCELLED]
    readmissions = 0
    linked: list[Encounter] = []
    for stay in stays:
        index = None
        if stay.status is not EncounterStatus.CANCELLED:
            for earlier in counted:
                if (
                    earlier.id != stay.id
                    and earlier.discharge_time is not None
                    and earlier.discharge_time <= stay.admit_time
                    and stay.admit_time - earlier.discharge_time <= READMISSION_WINDOW
                ):
                    index = earlier  # the latest such discharge wins (ordered by admission)
        new_id = index.id if index is not None else None
        if stay.readmission_of_id != new_id:
            uow.audit(
                actor,
                "link_readmission",
                "encounter",
                stay.visit_number,
                patient_id=patient_id,
                details={
                    "source": source,
                    "before": stay.readmission_of_id,
                    "after": new_id,
                },
            )
            stay.readmission_of_id = new_id
        if new_id is not None:
            readmissions += 1
            linked.append(stay)
    if linked:
        # planned/unplanned, days after, and the index stay's 30-day check closed as readmitted
        from transitions.services import followup

        uow.session.flush()
        for stay in linked:
            followup.link_readmission(uow, actor, stay)
    return readmissions
