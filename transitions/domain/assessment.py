"""Discharge assessment (issue 7, slice A): values stored by the assessment and its needs.

Pure: no database. The scoring rules live below the enumerations.
"""

from __future__ import annotations

from enum import StrEnum


class AnswerSource(StrEnum):
    """Who gave an answer: the patient, a caregiver or proxy, or the chart (the record)."""

    PATIENT = "patient"
    CAREGIVER = "caregiver"
    CHART = "chart"


class NeedDomain(StrEnum):
    """The kind of need a positive screen or a barrier opens."""

    HOUSING = "housing"
    FOOD = "food"
    TRANSPORTATION = "transportation"
    UTILITIES = "utilities"
    SAFETY = "safety"
    MEDICATION_COST = "medication_cost"
    PHONE = "phone"
    LANGUAGE = "language"
    HEALTH_LITERACY = "health_literacy"
    PRIMARY_CARE = "primary_care"
    CAREGIVER = "caregiver"
    FUNCTIONAL = "functional"


class NeedStatus(StrEnum):
    """open: still to be met; resolved: met or no longer screening positive; declined: the
    patient declined help with it."""

    OPEN = "open"
    RESOLVED = "resolved"
    DECLINED = "declined"
