"""Small builders for test data (synthetic names only)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from itertools import count

from sqlalchemy.orm import Session

from tests.conftest import FIXED_NOW
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
    AllergySeverity,
    CodeSystem,
    EncounterClass,
    MedicationList,
    MedicationSource,
    Sex,
)

_seq = count(1)


def make_unit(session: Session, code: str = "4W", name: str = "4 West Medicine") -> Unit:
    unit = Unit(code=code, name=name, active=True)
    session.add(unit)
    session.flush()
    return unit


def make_provider(session: Session, family: str = "Okafor", given: str = "Ada") -> Provider:
    provider = Provider(
        family_name=family, given_name=given, credentials="MD", specialty="Medicine"
    )
    session.add(provider)
    session.flush()
    return provider


def make_patient(
    session: Session,
    family: str = "Testperson",
    given: str = "Alma",
    mrn: str | None = None,
    birth_date: date = date(1948, 3, 14),
    language: str = "en",
) -> Patient:
    patient = Patient(
        mrn=mrn or f"MRN{next(_seq):06d}",
        family_name=family,
        given_name=given,
        birth_date=birth_date,
        sex=Sex.FEMALE,
        preferred_language=language,
        interpreter_needed=language != "en",
    )
    session.add(patient)
    session.flush()
    return patient


def make_stay(
    session: Session,
    patient: Patient,
    unit: Unit | None,
    *,
    status: EncounterStatus = EncounterStatus.ADMITTED,
    admitted: datetime | None = None,
    planned_discharge: datetime | None = None,
    discharged: datetime | None = None,
    encounter_class: EncounterClass = EncounterClass.INPATIENT,
    visit_number: str | None = None,
    room: str | None = "412",
) -> Encounter:
    encounter = Encounter(
        visit_number=visit_number or f"V{next(_seq):07d}",
        patient=patient,
        encounter_class=encounter_class,
        unit_id=unit.id if unit else None,
        room=room,
        bed="A",
        admit_time=admitted or FIXED_NOW - timedelta(days=4),
        planned_discharge_time=planned_discharge,
        discharge_time=discharged,
        admission_type=AdmissionType.EMERGENCY,
        hospital_service="MED",
        status=status,
    )
    session.add(encounter)
    session.flush()
    return encounter


def add_clinical_details(session: Session, encounter: Encounter) -> None:
    """Heart-failure stay: diagnoses, a penicillin allergy, discharge labs, two home meds."""
    encounter.diagnoses.extend(
        [
            Diagnosis(
                code_system=CodeSystem.ICD10CM,
                code="I50.23",
                description="Acute on chronic systolic (congestive) heart failure",
                principal=True,
                rank=1,
            ),
            Diagnosis(
                code_system=CodeSystem.ICD10CM,
                code="E11.9",
                description="Type 2 diabetes mellitus without complications",
                principal=False,
                rank=2,
            ),
        ]
    )
    encounter.patient.allergies.append(
        Allergy(substance="penicillin", reaction="hives", severity=AllergySeverity.MODERATE)
    )
    at = encounter.admit_time + timedelta(days=3)
    encounter.labs.extend(
        [
            LabResult(
                loinc_code="718-7",
                name="Hemoglobin",
                value=Decimal("11.2"),
                unit="g/dL",
                observed_at=at,
            ),
            LabResult(
                loinc_code="2951-2",
                name="Sodium",
                value=Decimal("133"),
                unit="mmol/L",
                observed_at=at,
            ),
        ]
    )
    encounter.medications.extend(
        [
            MedicationEntry(
                list_kind=MedicationList.HOME,
                drug_name="furosemide",
                dose="40 mg",
                route="oral",
                frequency="daily",
                source=MedicationSource.PATIENT,
                recorded_at=encounter.admit_time,
            ),
            MedicationEntry(
                list_kind=MedicationList.HOME,
                drug_name="metformin",
                dose="500 mg",
                route="oral",
                frequency="BID",
                source=MedicationSource.PHARMACY,
                recorded_at=encounter.admit_time,
            ),
        ]
    )
    session.flush()
