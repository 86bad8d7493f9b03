"""Enumerations shared by the data model and the rules (stored as their string values)."""

from __future__ import annotations

from enum import StrEnum


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"


class EncounterClass(StrEnum):
    """FHIR v3 ActCode encounter classes we store (IMP, EMER, AMB, OBSENC)."""

    INPATIENT = "inpatient"
    EMERGENCY = "emergency"
    AMBULATORY = "ambulatory"
    OBSERVATION = "observation"


class AdmissionType(StrEnum):
    ELECTIVE = "elective"
    URGENT = "urgent"
    EMERGENCY = "emergency"


class CodeSystem(StrEnum):
    ICD10CM = "icd10cm"
    SNOMED = "snomed"
    OTHER = "other"


class AllergySeverity(StrEnum):
    MILD = "mild"
    MODERATE = "moderate"
    SEVERE = "severe"
    UNKNOWN = "unknown"


class MedicationList(StrEnum):
    """Which of the three reconciliation lists a medication entry belongs to."""

    HOME = "home"
    INPATIENT = "inpatient"
    DISCHARGE = "discharge"


class MedicationSource(StrEnum):
    """Where a home-list entry came from (shown beside it in reconciliation)."""

    PATIENT = "patient"
    CAREGIVER = "caregiver"
    PHARMACY = "pharmacy"
    PRIOR_RECORD = "prior_record"
    IMPORT = "import"
    ORDER = "order"
