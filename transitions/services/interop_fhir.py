"""FHIR R4 bundles in (one transaction per bundle) and one stay out as a collection Bundle."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from transitions.db.interop_models import InboundMessage, MessageProtocol, MessageStatus
from transitions.db.models import Encounter, Patient
from transitions.domain.encounter_status import EncounterStatus
from transitions.domain.enums import EncounterClass, MedicationList, MedicationSource
from transitions.errors import NotFoundError, TransitionsError, ValidationError
from transitions.interop import MessageError, where_it_failed
from transitions.services import interop_records as records
from transitions.services.interop import (
    IngestResult,
    UowFactory,
    quarantine_message,
    resolve_quarantine,
    store_raw,
)
from transitions.services.interop_records import MedicationData
from transitions.services.permissions import require
from transitions.services.uow import Actor, UnitOfWork

log = logging.getLogger(__name__)
SOURCE = "fhir"
_STATUS = {
    "finished": EncounterStatus.DISCHARGED,
    "cancelled": EncounterStatus.CANCELLED,
    "entered-in-error": EncounterStatus.CANCELLED,
}


@dataclass(frozen=True)
class BundleResult(IngestResult):
    counts: dict[str, Any] = field(default_factory=dict)


def receive_bundle(make_uow: UowFactory, actor: Actor, raw: bytes, source: str) -> BundleResult:
    with make_uow() as uow:
        message_id = store_raw(uow, actor, raw, source, MessageProtocol.FHIR)
    return process_bundle(make_uow, actor, message_id)


def process_bundle(make_uow: UowFactory, actor: Actor, message_id: int) -> BundleResult:
    from transitions.interop.fhir_import import read_bundle  # lazy: fhir.resources is heavy

    try:
        with make_uow() as uow:
            message = uow.session.get(InboundMessage, message_id)
            if message is None:
                raise NotFoundError(f"no interface message with id {message_id}")
            duplicate = uow.session.scalar(
                select(InboundMessage.id)
                .where(
                    InboundMessage.digest == message.digest,
                    InboundMessage.status == MessageStatus.PROCESSED,
                    InboundMessage.id != message.id,
                )
                .limit(1)
            )
            if duplicate is not None:
                message.status = MessageStatus.DUPLICATE
                message.processed_at = uow.now()
                message.warnings = f"identical to message {duplicate}; nothing changed"
                uow.commit()
                return BundleResult(message_id, "AA", None, MessageStatus.DUPLICATE)
            bundle = read_bundle(message.raw)
            counts = apply_bundle(uow, actor, bundle)
            message.message_type = "Bundle"
            message.status = MessageStatus.PROCESSED
            message.processed_at = uow.now()
            message.warnings = "\n".join(bundle.warnings)[:20000] or None
            resolve_quarantine(uow, actor, message)
            uow.commit()
            return BundleResult(message_id, "AA", None, MessageStatus.PROCESSED, counts=counts)
    except MessageError as exc:
        code, reason = exc.ack_code, str(exc)
    except TransitionsError as exc:
        code, reason = "AE", str(exc)
    except SQLAlchemyError as exc:
        code, reason = "AE", f"database refused the change: {type(exc).__name__}"
    except Exception as exc:  # a bug must not lose the bundle: quarantine it
        log.error("internal error on interface message %s: %s", message_id, where_it_failed(exc))
        code, reason = "AE", f"internal error: {type(exc).__name__}"
    result = quarantine_message(make_uow, actor, message_id, code, reason, None)
    return BundleResult(message_id, result.ack_code, None, result.status, result.reason)


def import_files(
    make_uow: UowFactory, actor: Actor, files: Iterable[tuple[Path, bytes]]
) -> dict[str, Any]:
    """Import bundles file by file; the first that fails stops with a one-line error naming it
    (that bundle is quarantined and nothing of it is imported; earlier files stay imported)."""
    total: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    files_done = 0
    for path, raw in files:
        result = receive_bundle(make_uow, actor, raw, f"file:{path.name}")
        if not result.accepted:
            done = f" ({files_done} earlier file(s) imported)" if files_done else ""
            raise ValidationError(
                f"{path}: {result.reason}; nothing from this bundle was imported{done}"
            )
        files_done += 1
        if result.status is MessageStatus.DUPLICATE:
            total["duplicates"] += 1
        for key, value in result.counts.items():
            if key == "skipped":
                skipped.update(value)
            elif isinstance(value, int):
                total[key] += value
    return {"files": files_done, **dict(sorted(total.items())), "skipped": dict(skipped)}


# -- applying a bundle --------------------------------------------------------------------------


def apply_bundle(uow: UnitOfWork, actor: Actor, bundle: Any) -> dict[str, Any]:
    from transitions.interop.fhir_import import medication_list

    patients: dict[str, Patient] = {}
    for ref, data in bundle.patients.items():
        patients[ref] = records.upsert_patient(uow, actor, data, SOURCE)
    uow.session.flush()
    encounters: dict[str, Encounter] = {}
    items = {}
    created = Counter[str]()
    for item in bundle.encounters:
        patient = patients[item.patient_ref]
        encounter = records.find_visit(uow, item.authority, item.value)
        target = _STATUS.get(item.status, EncounterStatus.ADMITTED)
        if encounter is None:
            encounter = records.create_visit(
                uow,
                actor,
                patient,
                authority=item.authority,
                value=item.value,
                encounter_class=item.encounter_class,
                admit_time=item.start,
                admission_type=item.admission_type,
                status=target,
                source=SOURCE,
                discharge_time=item.end if target is EncounterStatus.DISCHARGED else None,
                discharge_disposition=item.disposition,
                hospital_service=item.hospital_service,
            )
            created[item.encounter_class.value] += 1
        else:
            if encounter.patient_id != patient.id:
                raise MessageError(f"Encounter {item.value} belongs to another patient")
            records.update_visit(
                uow, actor, encounter, SOURCE, hospital_service=item.hospital_service
            )
            if target is EncounterStatus.DISCHARGED and encounter.status.is_active:
                records.apply_adt_status(
                    uow,
                    actor,
                    encounter,
                    target,
                    source=SOURCE,
                    event="Encounter.status=finished",
                    when=item.end,
                    disposition=item.disposition,
                )
        if item.attending is not None and encounter.attending_id is None:
            provider = records.find_provider(uow, item.attending)
            if provider is not None:
                encounter.attending_id = provider.id
        encounters[item.ref] = encounter
        items[item.ref] = item
    uow.session.flush()

    diagnoses: dict[str, list[Any]] = {}
    skipped = Counter(bundle.skipped)
    for ref, item in items.items():
        if item.reason is not None and not item.principal_condition_refs:
            diagnoses.setdefault(ref, []).append(item.reason)
    for _patient_ref, encounter_ref, condition_ref, diagnosis in bundle.conditions:
        if encounter_ref not in encounters:
            skipped["Condition (not linked to a stay)"] += 1
            continue
        principal = condition_ref in items[encounter_ref].principal_condition_refs
        if principal != diagnosis.principal:
            diagnosis = type(diagnosis)(
                diagnosis.code_system, diagnosis.code, diagnosis.description, principal
            )
        diagnoses.setdefault(encounter_ref, []).append(diagnosis)
    n_diagnoses = sum(
        records.add_diagnoses(uow, actor, encounters[ref], found, SOURCE)
        for ref, found in diagnoses.items()
    )
    n_allergies = 0
    by_patient: dict[str, list[Any]] = {}
    for patient_ref, allergy in bundle.allergies:
        by_patient.setdefault(patient_ref, []).append(allergy)
    for patient_ref, found in by_patient.items():
        n_allergies += records.add_allergies(uow, actor, patients[patient_ref], found, SOURCE)

    meds: dict[str, list[MedicationData]] = {}
    stays_of: dict[str, list[str]] = {}
    for ref, item in items.items():
        if item.encounter_class is EncounterClass.INPATIENT:
            stays_of.setdefault(item.patient_ref, []).append(ref)
    for med in bundle.medications:
        kind, source = medication_list(med)
        target_refs: list[str] = []
        stay = items.get(med.encounter_ref or "")
        if med.kind == "statement" or med.category in {"discharge", "inpatient"}:
            if stay is None:
                skipped[f"Medication{med.kind.title()} (not linked to a stay)"] += 1
                continue
            target_refs = [stay.ref]
        elif stay is not None and stay.encounter_class is EncounterClass.INPATIENT:
            target_refs = [stay.ref]
        else:
            # An outpatient prescription: on the home list of every later inpatient stay while it
            # is still active (Synthea gives no end date for 'stopped' ones: those are left out).
            kind, source = MedicationList.HOME, MedicationSource.PRIOR_RECORD
            if med.status != "active" or med.authored is None:
                skipped["MedicationRequest (outpatient, not active)"] += 1
                continue
            target_refs = [
                ref
                for ref in stays_of.get(med.patient_ref or "", [])
                if items[ref].start > med.authored
            ]
            if not target_refs:
                skipped["MedicationRequest (outpatient, no later stay)"] += 1
                continue
        for ref in target_refs:
            meds.setdefault(ref, []).append(
                MedicationData(
                    drug_name=med.drug_name,
                    dose=med.dose,
                    route=med.route,
                    frequency=med.frequency,
                    prn=med.prn,
                    indication=med.indication,
                    list_kind=kind,
                    source=source,
                    recorded_at=med.authored,
                )
            )
    n_meds = sum(
        records.add_medications(uow, actor, encounters[ref], found, SOURCE)
        for ref, found in meds.items()
    )
    labs: dict[str, list[Any]] = {}
    for encounter_ref, lab in bundle.labs:
        if encounter_ref in encounters:
            labs.setdefault(encounter_ref, []).append(lab)
    n_labs = sum(
        records.add_labs(uow, actor, encounters[ref], found, SOURCE) for ref, found in labs.items()
    )
    uow.session.flush()
    readmissions = sum(
        records.link_readmissions(uow, actor, patient.id, SOURCE) for patient in patients.values()
    )
    inpatient = sum(
        1 for item in items.values() if item.encounter_class is EncounterClass.INPATIENT
    )
    return {
        "bundles": 1,
        "patients": len(patients),
        "encounters": len(items),
        "encounters_created": sum(created.values()),
        "inpatient_stays": inpatient,
        "emergency_visits": sum(
            1 for i in items.values() if i.encounter_class is EncounterClass.EMERGENCY
        ),
        "diagnoses_added": n_diagnoses,
        "allergies_added": n_allergies,
        "medications_added": n_meds,
        "labs_added": n_labs,
        "readmissions_30_day": readmissions,
        "warnings": len(bundle.warnings),
        "skipped": dict(skipped),
    }


# -- export -------------------------------------------------------------------------------------


def export_stay(uow: UnitOfWork, actor: Actor, visit_number: str) -> str:
    """One stay as a FHIR R4 collection Bundle (JSON text), validated with fhir.resources R4B."""
    from transitions.interop.fhir_export import validate

    require(actor, "stay.view")
    encounter = uow.session.scalar(select(Encounter).where(Encounter.visit_number == visit_number))
    if encounter is None:
        raise NotFoundError(f"no stay with visit number '{visit_number}'")
    bundle = stay_bundle(uow, encounter)
    text = validate(bundle)
    uow.audit(
        actor,
        "export",
        "encounter",
        encounter.visit_number,
        patient_id=encounter.patient_id,
        details={"format": "fhir-r4-bundle", "resources": len(bundle["entry"])},
    )
    uow.commit()
    return text


def stay_bundle(uow: UnitOfWork, encounter: Encounter) -> dict[str, Any]:
    """The stay's FHIR R4 collection Bundle as a dict, not validated yet (no permission check,
    no audit: callers such as the summary to the PCP check, validate and audit)."""
    from transitions.db.interop_models import PatientIdentifier, VisitIdentifier
    from transitions.interop.fhir_export import build_bundle
    from transitions.services.interop_care import load_care

    patient = encounter.patient
    patient_ids = [
        (i.authority, i.value)
        for i in uow.session.scalars(
            select(PatientIdentifier)
            .where(PatientIdentifier.patient_id == patient.id)
            .order_by(PatientIdentifier.id)
        )
    ]
    visit_ids = [
        (i.authority, i.value)
        for i in uow.session.scalars(
            select(VisitIdentifier)
            .where(VisitIdentifier.encounter_id == encounter.id)
            .order_by(VisitIdentifier.id)
        )
    ]
    import transitions.services.careplan  # noqa: F401 - registers its export contributor
    import transitions.services.interop_followup  # noqa: F401 - registers its export contributor

    return build_bundle(
        patient,
        encounter,
        patient_ids=patient_ids,
        visit_ids=visit_ids,
        site_name=uow.site.hospital_name if hasattr(uow.site, "hospital_name") else "site",
        now=uow.now(),
        care=load_care(uow, encounter),
    )


def message_counts(uow: UnitOfWork) -> dict[str, int]:
    rows = uow.session.execute(
        select(InboundMessage.status, func.count()).group_by(InboundMessage.status)
    )
    return {status.value: count for status, count in rows}
