"""Applying ADT messages to a batch's rows in memory (:class:`BatchState`), with the same rules,
the same audit events and the same follow-up work as the stay services.

Each message is applied in two steps. :meth:`AdtApplier.plan` decides, reading only, whether the
message can be applied and raises :class:`MessageError` (with the reason the message is
quarantined for) before anything is changed; :meth:`AdtApplier.execute` then changes the rows and
cannot fail for a reason of the message's own. So a rejected message leaves the batch exactly as
it was, and the next message sees the effect of every earlier one.

The rules (idempotent updates, A08 after A03 not reopening, A11/A13 undo, matching by MRN within
assigning authority, readmission links) are those of the single-message path this replaced and
of :mod:`transitions.services.interop_records`, which the FHIR import uses. A discharge of an
inpatient stay is scored (LACE, HOSPITAL) and gets its follow-up tasks (in
:mod:`interop_adt_followup`) as :func:`transitions.services.followup.create_followup_tasks`
does, from the same pure functions
(:func:`followup_risk.score_facts`, :func:`plan_tasks`); ``tests/interop/test_adt_batch.py``
checks the stored results against those services.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from transitions.domain.encounter_status import EncounterStatus
from transitions.domain.enums import AdmissionType, EncounterClass, Sex
from transitions.domain.followup import PlannedTask, TaskStatus
from transitions.interop import MessageError
from transitions.interop.hl7v2 import AdtMessage, AllergyData, DiagnosisData, LabData, PatientData
from transitions.services import discharge_void
from transitions.services.interop_adt_followup import followup_at_discharge, link_readmissions
from transitions.services.interop_adt_rows import (
    DiagnosisRow,
    LabRow,
    PatientRow,
    ReferenceData,
    StayRow,
    key_candidates,
)
from transitions.services.interop_adt_state import BatchState
from transitions.services.interop_records import update_patient_fields
from transitions.services.uow import Actor, UnitOfWork

SOURCE = "adt"
_DEFAULT_CLASS = {"A01": EncounterClass.INPATIENT, "A04": EncounterClass.AMBULATORY}
_READMISSION_EVENTS = frozenset({"A01", "A03", "A08", "A11", "A13"})


@dataclass
class Plan:
    """What :meth:`AdtApplier.plan` found: the records the message applies to (None = create)
    and the local keys new ones get."""

    patient: PatientRow | None
    new_mrn: str | None = None
    stay: StayRow | None = None
    new_visit_number: str | None = None
    unit_id: int | None = None
    attending_id: int | None = None
    target: EncounterStatus | None = None  # status change for an existing stay
    keep_location: bool = False  # a discharged stay's ward is not moved by a late message


def local_key(taken: set[str], value: str, authority: str) -> str:
    candidate, scoped = key_candidates(value, authority)
    if candidate not in taken:
        return candidate
    if scoped not in taken:
        return scoped
    raise MessageError(f"identifier '{value}' of '{authority}' collides with a local one")


class AdtApplier:
    def __init__(
        self,
        uow: UnitOfWork,
        actor: Actor,
        state: BatchState,
        refs: ReferenceData,
        task_plans: dict[tuple[Any, ...], list[PlannedTask]] | None = None,
    ) -> None:
        self.uow = uow
        self.actor = actor
        self.state = state
        self.refs = refs
        self.task_plans = task_plans if task_plans is not None else {}

    def audit(
        self,
        action: str,
        entity: str,
        entity_id: object,
        patient_id: int | None,
        details: dict[str, Any] | None,
    ) -> None:
        self.state.audits.append(
            self.uow.audit_row(self.actor, action, entity, entity_id, patient_id, details)
        )

    def local_date(self, moment: datetime) -> date:
        return moment.astimezone(self.uow.tz).date()

    # -- deciding ---------------------------------------------------------------------------------

    def plan(self, adt: AdtMessage) -> Plan:
        """Check that the message can be applied (raises :class:`MessageError`, in the order
        the checks are made when applying); adds the message's warnings. Changes nothing."""
        data = adt.patient
        plan = Plan(self.state.find_patient(data.authority, data.mrn))
        if plan.patient is None:
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
            plan.new_mrn = local_key(self.state.taken_mrns, data.mrn, data.authority)
        visit = adt.visit
        if visit is None:  # A28 / A31: the person only
            return plan
        event = adt.event
        stay = plan.stay = self.state.find_stay(visit.authority, visit.visit_number)
        if stay is not None and (plan.patient is None or stay.patient_id != plan.patient.id):
            raise MessageError(
                f"visit {visit.visit_number} ({visit.authority}) belongs to another patient"
            )
        plan.unit_id = self.refs.unit(visit.unit_code)
        if visit.unit_code and plan.unit_id is None:
            adt.warnings.append(f"PV1-3 unit '{visit.unit_code}' is not a known unit; ward not set")
        plan.attending_id = self.refs.provider(visit.attending) if visit.attending else None
        if visit.attending and plan.attending_id is None:
            adt.warnings.append("PV1-7 attending doctor is not in the provider directory")
        if stay is None:
            if event not in {"A01", "A04"}:
                raise MessageError(
                    f"{event} for visit {visit.visit_number} ({visit.authority}), which has not "
                    "been admitted or registered here; reprocess after the A01/A04 arrives"
                )
            plan.new_visit_number = local_key(
                self.state.taken_visits, visit.visit_number, visit.authority
            )
            return plan
        status = stay.status
        if event in {"A01", "A04"} and status is EncounterStatus.CANCELLED:
            plan.target = EncounterStatus.ADMITTED
        elif event in {"A01", "A04", "A02"} and status is EncounterStatus.DISCHARGED:
            adt.warnings.append(f"{event}: stay already discharged; it was not reopened")
            plan.keep_location = True
        elif event == "A03":
            if status.is_active:
                plan.target = EncounterStatus.DISCHARGED
            elif status is EncounterStatus.CANCELLED:
                raise MessageError(f"A03 for cancelled stay {stay.visit_number}")
        elif event == "A11":
            if status.is_active:
                plan.target = EncounterStatus.CANCELLED
            elif status is EncounterStatus.DISCHARGED:
                raise MessageError(
                    f"A11 cancel admit for stay {stay.visit_number}, which is discharged "
                    "(the discharge must be cancelled first, A13)"
                )
        elif event == "A13":
            if status is EncounterStatus.DISCHARGED:
                plan.target = EncounterStatus.ADMITTED
            elif status is EncounterStatus.CANCELLED:
                raise MessageError(f"A13 for cancelled stay {stay.visit_number}")
        return plan

    # -- applying ---------------------------------------------------------------------------------

    def execute(self, adt: AdtMessage, plan: Plan) -> tuple[int, int | None]:
        """Apply a planned message; returns (patient id, stay id or None)."""
        patient = self._upsert_patient(adt.patient, plan)
        self._add_allergies(patient, adt.allergies)
        visit = adt.visit
        if visit is None:
            return patient.id, None
        event = adt.event
        location: dict[str, Any] = {
            "unit_id": plan.unit_id,
            "room": visit.room if plan.unit_id else None,
            "bed": visit.bed if plan.unit_id else None,
        }
        values: dict[str, Any] = {
            **location,
            "hospital_service": visit.hospital_service,
            "attending_id": plan.attending_id,
            "planned_discharge_time": visit.expected_discharge,
        }
        stay = plan.stay
        if stay is None:
            assert plan.new_visit_number is not None
            klass = visit.patient_class or _DEFAULT_CLASS[event]
            if event == "A04" and klass is EncounterClass.INPATIENT:
                klass = EncounterClass.AMBULATORY
            admission_type = visit.admission_type or (
                AdmissionType.EMERGENCY
                if klass is EncounterClass.EMERGENCY
                else AdmissionType.ELECTIVE
            )
            stay = self._create_stay(
                patient,
                plan.new_visit_number,
                visit.authority,
                visit.visit_number,
                {
                    "encounter_class": klass,
                    "admit_time": visit.admit_time or adt.event_time or self.uow.now(),
                    "admission_type": admission_type,
                    "status": EncounterStatus.ADMITTED,
                    **{k: v for k, v in values.items() if v is not None},
                },
            )
        else:
            if plan.target is EncounterStatus.DISCHARGED:
                self._set_status(
                    stay,
                    plan.target,
                    event,
                    when=visit.discharge_time or adt.event_time,
                    disposition=visit.disposition,
                )
            elif plan.target is not None:
                self._set_status(stay, plan.target, event)
            if plan.keep_location:
                values = {k: v for k, v in values.items() if k not in location}
            if event in {"A01", "A04", "A08"} and visit.admit_time is not None:
                values["admit_time"] = visit.admit_time
            if event in {"A01", "A04", "A08"} and visit.admission_type is not None:
                values["admission_type"] = visit.admission_type
            self._update_stay(stay, values)
        self._add_diagnoses(stay, adt.diagnoses)
        self._add_labs(stay, adt.labs)
        if stay.encounter_class is EncounterClass.INPATIENT and event in _READMISSION_EVENTS:
            link_readmissions(self, patient)
        return patient.id, stay.id

    # -- patients ---------------------------------------------------------------------------------

    def _upsert_patient(self, data: PatientData, plan: Plan) -> PatientRow:
        pcp_id = self.refs.provider(data.pcp) if data.pcp is not None else None
        patient = plan.patient
        if patient is None:
            assert plan.new_mrn is not None and data.birth_date is not None
            language = data.language or "en"
            patient = self.state.insert_patient(
                plan.new_mrn,
                {
                    "family_name": data.family_name,
                    "given_name": data.given_name,
                    "middle_name": data.middle_name,
                    "birth_date": data.birth_date,
                    "sex": data.sex or Sex.UNKNOWN,
                    "preferred_language": language,
                    "interpreter_needed": language != "en",
                    "phone": data.phone,
                    "address_line": data.address_line,
                    "city": data.city,
                    "state": data.state,
                    "postal_code": data.postal_code,
                    "caregiver_name": data.caregiver_name,
                    "caregiver_relation": data.caregiver_relation,
                    "caregiver_phone": data.caregiver_phone,
                    "pcp_id": pcp_id,
                },
            )
            self.state.patient_keys[(data.authority, data.mrn)] = patient
            self.state.new_identifiers.append(
                {"patient_id": patient.id, "authority": data.authority, "value": data.mrn}
            )
            self.audit(
                "create",
                "patient",
                patient.mrn,
                patient.id,
                {"source": SOURCE, "authority": data.authority},
            )
            return patient
        changed = update_patient_fields(patient, data)
        if changed:
            self.state.dirty_patients[patient.id] = patient
            self.audit(
                "update", "patient", patient.mrn, patient.id, {"source": SOURCE, "changes": changed}
            )
        if pcp_id is not None and patient.pcp_id != pcp_id:
            patient.pcp_id = pcp_id
            self.state.dirty_patients[patient.id] = patient
        return patient

    def _add_allergies(self, patient: PatientRow, items: list[AllergyData]) -> None:
        added = 0
        for item in items:
            if item.substance.lower() in patient.allergies:
                continue
            patient.allergies.add(item.substance.lower())
            self.state.new_allergies.append(
                {
                    "patient_id": patient.id,
                    "substance": item.substance,
                    "reaction": item.reaction,
                    "severity": item.severity,
                    "recorded_at": self.uow.now(),
                }
            )
            added += 1
        if added:
            self.audit(
                "add", "allergy", patient.mrn, patient.id, {"source": SOURCE, "count": added}
            )

    # -- stays ------------------------------------------------------------------------------------

    def _create_stay(
        self,
        patient: PatientRow,
        visit_number: str,
        authority: str,
        value: str,
        values: dict[str, Any],
    ) -> StayRow:
        stay = self.state.insert_stay(patient, visit_number, values)
        self.state.stay_keys[(authority, value)] = stay
        self.state.new_visit_identifiers.append(
            {"encounter_id": stay.id, "authority": authority, "value": value}
        )
        self.audit(
            "create",
            "encounter",
            stay.visit_number,
            patient.id,
            {"source": SOURCE, "authority": authority, "status": stay.status.value},
        )
        return stay

    def _update_stay(self, stay: StayRow, values: dict[str, Any]) -> None:
        changed: dict[str, Any] = {}
        for name, value in values.items():
            if value is not None and getattr(stay, name) != value:
                changed[name] = {"before": getattr(stay, name), "after": value}
                setattr(stay, name, value)
        if changed:
            self.state.dirty_stays[stay.id] = stay
            self.audit(
                "update",
                "encounter",
                stay.visit_number,
                stay.patient_id,
                {"source": SOURCE, "changes": changed},
            )

    def _set_status(
        self,
        stay: StayRow,
        target: EncounterStatus,
        event: str,
        *,
        when: datetime | None = None,
        disposition: str | None = None,
    ) -> None:
        """:func:`interop_records.apply_adt_status` (the plan checked it is allowed)."""
        before = stay.status
        details: dict[str, Any] = {
            "source": SOURCE,
            "event": event,
            "before": before.value,
            "after": target.value,
        }
        if target is EncounterStatus.DISCHARGED:
            stay.discharge_time = when or self.uow.now()
            if disposition:
                stay.discharge_disposition = disposition
            details["disposition"] = disposition
            details["discharge_time"] = stay.discharge_time
        elif target is EncounterStatus.ADMITTED and before is EncounterStatus.DISCHARGED:
            details["undone_discharge_time"] = stay.discharge_time
            stay.discharge_time = None
            stay.discharge_disposition = None
            stay.discharged_by_id = None
        stay.status = target
        self.state.dirty_stays[stay.id] = stay
        self.audit("adt_status", "encounter", stay.visit_number, stay.patient_id, details)
        if target is EncounterStatus.ADMITTED and before is EncounterStatus.DISCHARGED:
            self._void_signoff(stay, event)
            self._cancel_tasks(stay, event)
        if (
            stay.encounter_class is EncounterClass.INPATIENT
            and target is EncounterStatus.DISCHARGED
        ):
            followup_at_discharge(self, stay)

    def _void_signoff(self, stay: StayRow, event: str) -> None:
        """:func:`discharge_void.void_signoff`: the cancelled discharge's sign-off is voided."""
        signoff = stay.signoff
        if signoff is None:
            return
        stay.signoff = None
        signoff.voided_at = self.uow.now()
        signoff.voided_by_name = self.actor.display_name[:120]
        signoff.voided_reason = discharge_void.A13_REASON
        self.state.voided_signoffs.append(signoff)
        details = discharge_void.void_details(
            signoff.id, signoff.signed_at, signoff.voided_reason, source=SOURCE, event=event
        )
        self.audit(discharge_void.ACTION, "discharge", stay.visit_number, stay.patient_id, details)

    def _cancel_tasks(self, stay: StayRow, event: str) -> None:
        """:func:`discharge_void.cancel_tasks`: the cancelled discharge's open tasks are
        cancelled (kept; no longer the stay's tasks, so the next discharge gets fresh ones)."""
        tasks = sorted(
            (t for t in stay.tasks.values() if t.status is TaskStatus.OPEN),
            key=lambda t: discharge_void.cancel_order(t.kind),
        )
        if not tasks:
            return
        now = self.uow.now()
        for task in tasks:
            del stay.tasks[task.kind]
            task.status = TaskStatus.CANCELLED
            task.outcome = discharge_void.A13_TASK_OUTCOME
            task.closed_at = now
            task.closed_by = self.actor.username
            if task.id is not None:  # else it is inserted cancelled
                self.state.dirty_tasks[task.id] = task
        details = discharge_void.cancel_details(
            ((t.kind, t.due_date) for t in tasks),
            discharge_void.A13_TASK_OUTCOME,
            source=SOURCE,
            event=event,
        )
        self.audit(
            discharge_void.TASKS_ACTION,
            "followup_task",
            stay.visit_number,
            stay.patient_id,
            details,
        )

    # -- clinical facts ---------------------------------------------------------------------------

    def _add_diagnoses(self, stay: StayRow, items: list[DiagnosisData]) -> None:
        existing = {(d.code_system, d.code) for d in stay.diagnoses}
        added = 0
        rank = max((d.rank for d in stay.diagnoses), default=0)
        for item in items:
            if (item.code_system, item.code) in existing:
                continue
            existing.add((item.code_system, item.code))
            if item.principal:
                for other in stay.diagnoses:
                    if other.principal:
                        other.principal = False
                        if other.id is not None:
                            self.state.dirty_diagnoses[other.id] = other
            rank += 1
            row = DiagnosisRow(
                None,
                stay.id,
                item.code_system,
                item.code,
                item.description,
                item.principal,
                rank,
            )
            stay.diagnoses.append(row)
            self.state.new_diagnoses.append(row)
            added += 1
        if added:
            self.audit(
                "add",
                "diagnosis",
                stay.visit_number,
                stay.patient_id,
                {"source": SOURCE, "count": added},
            )

    def _add_labs(self, stay: StayRow, items: list[LabData]) -> None:
        known = {(lab.loinc_code, lab.observed_at) for lab in stay.labs}
        added = 0
        for item in items:
            if (item.loinc_code, item.observed_at) in known:
                continue
            known.add((item.loinc_code, item.observed_at))
            row = LabRow(
                None, stay.id, item.loinc_code, item.name, item.value, item.unit, item.observed_at
            )
            stay.labs.append(row)
            self.state.new_labs.append(row)
            added += 1
        if added:
            self.audit(
                "add",
                "lab_result",
                stay.visit_number,
                stay.patient_id,
                {"source": SOURCE, "count": added},
            )
