"""What the discharge summary to the primary care provider says: plain frozen dataclasses.

Built from a stay by :mod:`transitions.services.pcp_summary_content`, rendered by
:mod:`transitions.packet.summary_render`. The register is clinical (codes, doses, routes,
scores), unlike the patient's packet. Times are aware datetimes in the hospital's zone.
Empty tuples / ``None`` print a short "none recorded" line, never an invented value.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class SummaryPatient:
    name: str
    mrn: str
    birth_date: date
    age: int
    sex: str
    language: str
    interpreter_needed: bool
    phone: str | None = None
    caregiver: str | None = None
    pharmacy: str | None = None


@dataclass(frozen=True)
class SummaryStay:
    visit_number: str
    admitted: datetime
    #: the actual discharge, else the planned one (``discharge_planned`` True), else None
    discharge: datetime | None
    discharge_planned: bool
    length_of_stay_days: int
    unit: str | None = None
    admission_type: str | None = None
    service: str | None = None
    attending: str | None = None
    disposition: str | None = None
    discharged_by: str | None = None


@dataclass(frozen=True)
class Recipient:
    """Who the summary is for: the patient's PCP on record, or a name typed by the sender."""

    name: str | None
    practice: str | None = None
    phone: str | None = None
    fax: str | None = None
    address: str | None = None


@dataclass(frozen=True)
class SummaryDiagnosis:
    code: str
    system: str
    description: str | None
    principal: bool


@dataclass(frozen=True)
class SummaryAllergy:
    substance: str
    reaction: str | None
    severity: str


@dataclass(frozen=True)
class SummaryMedication:
    #: "new", "changed", "continued" or "stopped"
    group: str
    name: str
    dose: str | None = None
    route: str | None = None
    frequency: str | None = None
    prn: bool = False
    indication: str | None = None
    #: changed medicines: dose, route and frequency before
    previous: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class SummaryMedications:
    #: False until the reconciliation is signed: the home list as recorded is shown instead
    final: bool
    signed_by: str | None = None
    signed_at: datetime | None = None
    verified_by: str | None = None
    verified_at: datetime | None = None
    medications: tuple[SummaryMedication, ...] = ()


@dataclass(frozen=True)
class SummaryPendingResult:
    test: str
    ordered_by: str | None
    expected: date | None
    responsible: str | None
    #: how the patient will be told (phone, portal, letter, at follow-up)
    notify: str


@dataclass(frozen=True)
class SummaryAppointment:
    starts: datetime
    #: appointment type code (pcp_follow_up, specialist, lab, ...)
    kind: str
    with_whom: str | None
    place: str | None
    phone: str | None
    status: str


@dataclass(frozen=True)
class TransitionalCare:
    """CMS transitional care management deadlines (interactive contact, face-to-face visit)."""

    contact_due: date
    visit_due: date
    tier: str


@dataclass(frozen=True)
class SummaryHomeService:
    kind: str
    description: str
    vendor: str | None
    phone: str | None
    starts: date | None


@dataclass(frozen=True)
class SummaryLab:
    name: str
    value: str
    unit: str
    observed: datetime


@dataclass(frozen=True)
class SummaryRisk:
    lace_score: int
    lace_tier: str
    hospital_score: int
    hospital_tier: str
    tier: str
    #: inputs that were not recorded (scored 0)
    missing: tuple[str, ...]
    #: "planning" or "discharge"; None when computed for this summary (nothing stored yet)
    stage: str | None
    computed_at: datetime


@dataclass(frozen=True)
class SummaryEducation:
    module: str
    done: int
    required: int
    needs_reinforcement: int


@dataclass(frozen=True)
class SummaryContent:
    hospital: str
    hospital_phone: str | None
    patient: SummaryPatient
    stay: SummaryStay
    recipient: Recipient
    diagnoses: tuple[SummaryDiagnosis, ...]
    allergies: tuple[SummaryAllergy, ...]
    hospital_course: str
    course_by: str | None
    course_at: datetime | None
    medications: SummaryMedications
    pending_results: tuple[SummaryPendingResult, ...]
    appointments: tuple[SummaryAppointment, ...]
    transitional_care: TransitionalCare | None
    home_services: tuple[SummaryHomeService, ...]
    labs: tuple[SummaryLab, ...]
    risk: SummaryRisk | None
    education: tuple[SummaryEducation, ...]


@dataclass(frozen=True)
class FaxCover:
    """The fax cover sheet: no clinical content and no patient name on it."""

    to_name: str
    to_fax: str
    to_phone: str | None
    to_practice: str | None
    from_hospital: str
    from_unit: str | None
    from_sender: str
    from_phone: str | None
    from_fax: str | None
    sent_at: datetime
