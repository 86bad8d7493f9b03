"""Stays: one stay's full record and the discharge state machine (the ward worklist's list is
:mod:`transitions.services.stay_list`, its names importable from here too)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from importlib import import_module
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import joinedload, selectinload

from transitions.db.followup_models import ReadmissionLink
from transitions.db.models import Encounter, Patient, Provider
from transitions.domain.codes import check_discharge_disposition, discharge_dispositions
from transitions.domain.encounter_status import (
    EncounterStatus,
    check_transition,
)
from transitions.domain.enums import EncounterClass
from transitions.errors import ConflictError, NotFoundError, ValidationError
from transitions.services.json_values import jsonable
from transitions.services.permissions import require, require_stay
from transitions.services.stay_list import (  # the stays list's names stay importable from here
    StayFilter as StayFilter,
)
from transitions.services.stay_list import StayRow as StayRow
from transitions.services.stay_list import age_on as age_on
from transitions.services.stay_list import length_of_stay_days as length_of_stay_days
from transitions.services.stay_list import list_stays as list_stays
from transitions.services.stay_list import list_units as list_units
from transitions.services.stay_list import local_day_bounds as local_day_bounds
from transitions.services.stay_list import room_label
from transitions.services.uow import Actor, UnitOfWork

# An ED visit that starts this close before an admission is the one that led to it (LACE "E").
ED_VISIT_LEADING_TO_ADMISSION = timedelta(hours=24)


# -- one stay ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PriorUtilization:
    """Counts derived from stored encounters (used by LACE 'E' and HOSPITAL 'A')."""

    ed_visits_6_months: int
    admissions_12_months: int


def prior_utilization(uow: UnitOfWork, encounter: Encounter) -> PriorUtilization:
    admit = encounter.admit_time
    ed_visit = and_(
        Encounter.encounter_class == EncounterClass.EMERGENCY,
        Encounter.admit_time >= admit - relativedelta(months=6),
        Encounter.admit_time < admit - ED_VISIT_LEADING_TO_ADMISSION,
    )
    admission = and_(
        Encounter.encounter_class == EncounterClass.INPATIENT,
        Encounter.id != encounter.id,
        Encounter.status != EncounterStatus.CANCELLED,
    )
    # both counts in one statement over the last 12 months (the ED window lies inside them)
    ed_visits, admissions = uow.session.execute(
        select(
            func.sum(case((ed_visit, 1), else_=0)),
            func.sum(case((admission, 1), else_=0)),
        ).where(
            Encounter.patient_id == encounter.patient_id,
            Encounter.admit_time >= admit - relativedelta(months=12),
            Encounter.admit_time < admit,
        )
    ).one()
    return PriorUtilization(
        ed_visits_6_months=int(ed_visits or 0), admissions_12_months=int(admissions or 0)
    )


@dataclass(frozen=True)
class DiagnosisView:
    code: str
    code_system: str
    description: str | None
    principal: bool


@dataclass(frozen=True)
class AllergyView:
    substance: str
    reaction: str | None
    severity: str


@dataclass(frozen=True)
class LabView:
    loinc_code: str
    name: str
    value: Decimal
    unit: str
    observed_at: datetime


@dataclass(frozen=True)
class MedicationView:
    list_kind: str
    drug_name: str
    dose: str | None
    route: str | None
    frequency: str | None
    prn: bool
    indication: str | None
    source: str
    recorded_at: datetime


@dataclass(frozen=True)
class ReadmissionView:
    """A 30-day readmission, seen from either stay."""

    visit_number: str
    admit_time: datetime
    #: None until the follow-up service has classified it
    planned: bool | None


@dataclass(frozen=True)
class PatientView:
    mrn: str
    family_name: str
    given_name: str
    birth_date: date
    age: int
    sex: str
    preferred_language: str
    interpreter_needed: bool
    phone: str | None
    address: str | None
    caregiver: str | None
    primary_care_provider: str | None
    preferred_pharmacy: str | None

    @property
    def display_name(self) -> str:
        return f"{self.family_name}, {self.given_name}"


@dataclass(frozen=True)
class StayDetail:
    """Everything about one stay: what the workspace and `encounter show` present."""

    encounter_id: int
    version_id: int
    visit_number: str
    status: EncounterStatus
    encounter_class: str
    unit_code: str | None
    unit_name: str | None
    room: str | None
    admit_time: datetime
    planned_discharge_time: datetime | None
    discharge_time: datetime | None
    length_of_stay_days: int
    admission_type: str
    hospital_service: str | None
    attending: str | None
    discharge_disposition: str | None
    discharge_disposition_display: str | None
    discharged_by: str | None
    readmission_of: str | None
    patient: PatientView
    diagnoses: list[DiagnosisView] = field(default_factory=list)
    allergies: list[AllergyView] = field(default_factory=list)
    labs: list[LabView] = field(default_factory=list)
    medications: list[MedicationView] = field(default_factory=list)
    prior: PriorUtilization = PriorUtilization(0, 0)
    #: this stay began within 30 days of ``readmission_of``'s discharge: planned or not
    readmission_planned: bool | None = None
    #: later stays that were readmissions after this one
    readmitted: tuple[ReadmissionView, ...] = ()

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = jsonable(asdict(self))
        data["patient"]["display_name"] = self.patient.display_name
        return data


def load_encounter(
    uow: UnitOfWork, *, encounter_id: int | None, visit_number: str | None
) -> Encounter:
    # The stay's one-of relations joined into its row, its lists one query each: 5 queries
    # where one per relation made 10 (and half the time in the ORM's loading machinery).
    options = (
        joinedload(Encounter.patient).joinedload(Patient.pcp),
        joinedload(Encounter.patient).selectinload(Patient.allergies),
        joinedload(Encounter.unit),
        joinedload(Encounter.attending),
        joinedload(Encounter.discharged_by),
        selectinload(Encounter.diagnoses),
        selectinload(Encounter.labs),
        selectinload(Encounter.medications),
    )
    encounter: Encounter | None
    if encounter_id is not None:
        # by id, a stay this unit of work already holds is used as it is (no SQL; relations
        # not loaded yet load when used): the workspace's steps each ask for the stay
        encounter = uow.session.get(Encounter, encounter_id, options=options)
    else:
        encounter = uow.session.scalar(
            select(Encounter).options(*options).where(Encounter.visit_number == visit_number)
        )
    if encounter is None:
        what = f"visit number '{visit_number}'" if visit_number else f"id {encounter_id}"
        raise NotFoundError(f"no stay with {what}")
    return encounter


#: ``encounter show`` sections added by workflow modules: name -> function of (uow, encounter)
#: returning JSON-ready data. Each workflow registers its section with
#: :func:`register_stay_section` at import; ``STAY_SECTION_MODULES`` lists those modules.
StaySection = Callable[[UnitOfWork, Encounter], Any]
_STAY_SECTIONS: dict[str, StaySection] = {}
STAY_SECTION_MODULES: tuple[str, ...] = (
    "transitions.services.medrec",
    "transitions.services.appointments",
    "transitions.services.education",
    "transitions.services.packets",
    "transitions.services.interop",
    "transitions.services.followup",
    "transitions.services.assessment",
    "transitions.services.careplan",
    "transitions.services.pcp_summary",
    "transitions.services.discharge",
)


def register_stay_section(name: str, section: StaySection) -> None:
    if name in _STAY_SECTIONS and _STAY_SECTIONS[name] is not section:
        raise ValueError(f"stay section '{name}' is registered twice")
    _STAY_SECTIONS[name] = section


def stay_document(uow: UnitOfWork, actor: Actor, visit_number: str) -> dict[str, Any]:
    """Everything about one stay as JSON-ready data: the core record plus every workflow's
    section (medications, appointments, education, risk, tasks... as they are added)."""
    for module in STAY_SECTION_MODULES:
        import_module(module)
    require(actor, "stay.view")
    encounter = load_encounter(uow, encounter_id=None, visit_number=visit_number)
    require_stay(actor, "stay.view", encounter.unit_id)
    document = _detail(uow, encounter).to_json()
    for name, section in _STAY_SECTIONS.items():
        document[name] = jsonable(section(uow, encounter))
    uow.audit(actor, "view", "encounter", encounter.visit_number, patient_id=encounter.patient_id)
    uow.commit()
    return document


def get_stay(
    uow: UnitOfWork,
    actor: Actor,
    *,
    encounter_id: int | None = None,
    visit_number: str | None = None,
) -> StayDetail:
    """Load one stay and record that ``actor`` viewed this patient's record."""
    require(actor, "stay.view")
    encounter = load_encounter(uow, encounter_id=encounter_id, visit_number=visit_number)
    require_stay(actor, "stay.view", encounter.unit_id)
    detail = _detail(uow, encounter)
    uow.audit(actor, "view", "encounter", encounter.visit_number, patient_id=encounter.patient_id)
    uow.commit()
    return detail


def _detail(uow: UnitOfWork, encounter: Encounter) -> StayDetail:
    patient = encounter.patient
    pcp: Provider | None = patient.pcp
    readmission_of = None
    # One statement: this stay, the stays readmitted after it and the stay it readmits, each
    # with its readmission link (this stay's own; the later stays' to this one).
    link = and_(
        ReadmissionLink.encounter_id == Encounter.id,
        or_(
            ReadmissionLink.encounter_id == encounter.id,
            ReadmissionLink.index_encounter_id == encounter.id,
        ),
    )
    which = [Encounter.id == encounter.id, Encounter.readmission_of_id == encounter.id]
    if encounter.readmission_of_id is not None:
        which.append(Encounter.id == encounter.readmission_of_id)
    related = uow.session.execute(
        select(
            Encounter.id,
            Encounter.visit_number,
            Encounter.admit_time,
            Encounter.readmission_of_id,
            ReadmissionLink.planned,
        )
        .outerjoin(ReadmissionLink, link)
        .where(or_(*which))
        .order_by(Encounter.admit_time)
    ).all()
    planned: dict[int, bool] = {row.id: row.planned for row in related if row.planned is not None}
    if encounter.readmission_of_id is not None:
        readmission_of = next(
            (row.visit_number for row in related if row.id == encounter.readmission_of_id), None
        )
    readmitted = tuple(
        ReadmissionView(row.visit_number, row.admit_time, planned.get(row.id))
        for row in related
        if row.readmission_of_id == encounter.id
    )
    address = ", ".join(
        part
        for part in (patient.address_line, patient.city, patient.state, patient.postal_code)
        if part
    )
    caregiver = None
    if patient.caregiver_name:
        relation = f" ({patient.caregiver_relation})" if patient.caregiver_relation else ""
        phone = f", {patient.caregiver_phone}" if patient.caregiver_phone else ""
        caregiver = f"{patient.caregiver_name}{relation}{phone}"
    disposition = encounter.discharge_disposition
    return StayDetail(
        encounter_id=encounter.id,
        version_id=encounter.version_id,
        visit_number=encounter.visit_number,
        status=encounter.status,
        encounter_class=encounter.encounter_class.value,
        unit_code=encounter.unit.code if encounter.unit else None,
        unit_name=encounter.unit.name if encounter.unit else None,
        room=room_label(encounter.room, encounter.bed),
        admit_time=encounter.admit_time,
        planned_discharge_time=encounter.planned_discharge_time,
        discharge_time=encounter.discharge_time,
        length_of_stay_days=length_of_stay_days(
            encounter.admit_time, encounter.discharge_time or uow.now(), uow.tz
        ),
        admission_type=encounter.admission_type.value,
        hospital_service=encounter.hospital_service,
        attending=encounter.attending.display_name if encounter.attending else None,
        discharge_disposition=disposition,
        discharge_disposition_display=discharge_dispositions().get(disposition or ""),
        discharged_by=encounter.discharged_by.display_name if encounter.discharged_by else None,
        readmission_of=readmission_of,
        patient=PatientView(
            mrn=patient.mrn,
            family_name=patient.family_name,
            given_name=patient.given_name,
            birth_date=patient.birth_date,
            age=age_on(patient.birth_date, uow.today()),
            sex=patient.sex.value,
            preferred_language=patient.preferred_language,
            interpreter_needed=patient.interpreter_needed,
            phone=patient.phone,
            address=address or None,
            caregiver=caregiver,
            primary_care_provider=pcp.display_name if pcp else None,
            preferred_pharmacy=patient.preferred_pharmacy,
        ),
        diagnoses=[
            DiagnosisView(d.code, d.code_system.value, d.description, d.principal)
            for d in encounter.diagnoses
        ],
        allergies=[
            AllergyView(a.substance, a.reaction, a.severity.value) for a in patient.allergies
        ],
        labs=[
            LabView(lab.loinc_code, lab.name, lab.value, lab.unit, lab.observed_at)
            for lab in encounter.labs
        ],
        medications=[
            MedicationView(
                m.list_kind.value,
                m.drug_name,
                m.dose,
                m.route,
                m.frequency,
                m.prn,
                m.indication,
                m.source.value,
                m.recorded_at,
            )
            for m in encounter.medications
        ],
        prior=prior_utilization(uow, encounter),
        readmission_planned=planned.get(encounter.id) if readmission_of else None,
        readmitted=readmitted,
    )


def change_status(
    uow: UnitOfWork,
    actor: Actor,
    encounter_id: int,
    target: EncounterStatus,
    *,
    expected_version: int,
    disposition: str | None = None,
) -> StayDetail:
    """Move a stay through the discharge state machine; discharging records who, when, where to."""
    require(actor, "stay.status")
    encounter = load_encounter(uow, encounter_id=encounter_id, visit_number=None)
    require_stay(actor, "stay.status", encounter.unit_id)
    if encounter.version_id != expected_version:
        raise ConflictError(
            f"stay {encounter.visit_number} was changed by someone else since you opened it; "
            "reload it and try again",
            theirs={"status": encounter.status.value},
        )
    apply_status_change(uow, actor, encounter, target, disposition=disposition)
    uow.session.flush()
    detail = _detail(uow, encounter)
    uow.commit()
    return detail


def apply_status_change(
    uow: UnitOfWork,
    actor: Actor,
    encounter: Encounter,
    target: EncounterStatus,
    *,
    disposition: str | None = None,
) -> None:
    """One state-machine step of a loaded stay, its follow-up hooks and its audit event; the
    caller checked permissions and commits (``change_status``, the discharge sign-off)."""
    before = encounter.status
    check_transition(before, target)
    details: dict[str, Any] = {"before": before.value, "after": target.value}
    if target is EncounterStatus.DISCHARGED:
        if not disposition:
            raise ValidationError("choose where the patient is discharged to", field="disposition")
        encounter.discharge_disposition = check_discharge_disposition(disposition)
        encounter.discharge_time = uow.now()
        encounter.discharged_by_id = actor.user_id
        details["disposition"] = disposition
    encounter.status = target
    from transitions.services import followup  # noqa: PLC0415 - imports this module

    followup.on_status_changed(uow, actor, encounter, target)
    uow.audit(
        actor,
        "change_status",
        "encounter",
        encounter.visit_number,
        patient_id=encounter.patient_id,
        details=details,
    )


# -- JSON ------------------------------------------------------------------------------------------
