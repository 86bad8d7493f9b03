"""The Transitions data model (SQLAlchemy 2 typed declarative).

Times are UTC (``UTCDateTime``); dates without a time (birth dates) are plain dates. Every
mutable table carries ``version_id`` for optimistic locking (see ``Tracked``). The audit table is
append-only and therefore has no version.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql.expression import false, text

from transitions.db.base import Base, Tracked, UTCDateTime, str_enum, utcnow
from transitions.domain.encounter_status import ACTIVE_STATUSES, EncounterStatus
from transitions.domain.enums import (
    AdmissionType,
    AllergySeverity,
    CodeSystem,
    EncounterClass,
    MedicationList,
    MedicationSource,
    Sex,
)

#: The condition of the partial indexes of current stays; a query uses them only when it has
#: this very condition (literal values, as ``encounters.list_stays`` writes it).
CURRENT_STAY = "status IN ({})".format(", ".join(f"'{s.value}'" for s in sorted(ACTIVE_STATUSES)))


class Unit(Tracked, Base):
    """A ward."""

    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Clinic(Tracked, Base):
    """A clinic or practice in the provider directory."""

    __tablename__ = "clinic"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(160))
    specialty: Mapped[str | None] = mapped_column(String(80))
    phone: Mapped[str | None] = mapped_column(String(40))
    fax: Mapped[str | None] = mapped_column(String(40))
    address: Mapped[str | None] = mapped_column(String(300))
    opening_hours: Mapped[str | None] = mapped_column(String(200))
    accepts_new_patients: Mapped[bool] = mapped_column(Boolean, default=True)


class Provider(Tracked, Base):
    """A clinician: hospital attending, primary care provider or specialist."""

    __tablename__ = "provider"

    id: Mapped[int] = mapped_column(primary_key=True)
    npi: Mapped[str | None] = mapped_column(String(10), unique=True)
    family_name: Mapped[str] = mapped_column(String(80))
    given_name: Mapped[str] = mapped_column(String(80))
    credentials: Mapped[str | None] = mapped_column(String(20))
    specialty: Mapped[str | None] = mapped_column(String(80))
    phone: Mapped[str | None] = mapped_column(String(40))
    fax: Mapped[str | None] = mapped_column(String(40))
    clinic_id: Mapped[int | None] = mapped_column(ForeignKey("clinic.id"))

    clinic: Mapped[Clinic | None] = relationship()

    @property
    def display_name(self) -> str:
        return self.name_of(self.given_name, self.family_name, self.credentials)

    @staticmethod
    def name_of(given_name: str, family_name: str, credentials: str | None) -> str:
        """:attr:`display_name` from the columns (for lists read as rows, not objects)."""
        suffix = f", {credentials}" if credentials else ""
        return f"{given_name} {family_name}{suffix}"


class Patient(Tracked, Base):
    __tablename__ = "patient"

    id: Mapped[int] = mapped_column(primary_key=True)
    mrn: Mapped[str] = mapped_column(String(32), unique=True)
    family_name: Mapped[str] = mapped_column(String(80))
    given_name: Mapped[str] = mapped_column(String(80))
    middle_name: Mapped[str | None] = mapped_column(String(80))
    birth_date: Mapped[date] = mapped_column(Date)
    sex: Mapped[Sex] = mapped_column(str_enum(Sex, "sex"))
    preferred_language: Mapped[str] = mapped_column(String(8), default="en")
    interpreter_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    phone: Mapped[str | None] = mapped_column(String(40))
    address_line: Mapped[str | None] = mapped_column(String(200))
    city: Mapped[str | None] = mapped_column(String(80))
    state: Mapped[str | None] = mapped_column(String(40))
    postal_code: Mapped[str | None] = mapped_column(String(16))
    caregiver_name: Mapped[str | None] = mapped_column(String(160))
    caregiver_relation: Mapped[str | None] = mapped_column(String(40))
    caregiver_phone: Mapped[str | None] = mapped_column(String(40))
    pcp_id: Mapped[int | None] = mapped_column(ForeignKey("provider.id"))
    preferred_pharmacy: Mapped[str | None] = mapped_column(String(200))

    pcp: Mapped[Provider | None] = relationship()
    encounters: Mapped[list[Encounter]] = relationship(back_populates="patient")
    allergies: Mapped[list[Allergy]] = relationship(
        back_populates="patient", order_by="Allergy.id", cascade="all, delete-orphan"
    )

    __table_args__ = (Index("ix_patient_names", "family_name", "given_name"),)

    @property
    def display_name(self) -> str:
        return f"{self.family_name}, {self.given_name}"


class Encounter(Tracked, Base):
    """One hospital stay or visit. Inpatient stays move through :class:`EncounterStatus`."""

    __tablename__ = "encounter"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_number: Mapped[str] = mapped_column(String(32), unique=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"))
    encounter_class: Mapped[EncounterClass] = mapped_column(
        str_enum(EncounterClass, "encounter_class")
    )
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    room: Mapped[str | None] = mapped_column(String(16))
    bed: Mapped[str | None] = mapped_column(String(8))
    admit_time: Mapped[datetime] = mapped_column(UTCDateTime())
    planned_discharge_time: Mapped[datetime | None] = mapped_column(UTCDateTime())
    discharge_time: Mapped[datetime | None] = mapped_column(UTCDateTime())
    admission_type: Mapped[AdmissionType] = mapped_column(str_enum(AdmissionType, "admission_type"))
    hospital_service: Mapped[str | None] = mapped_column(String(40))
    attending_id: Mapped[int | None] = mapped_column(ForeignKey("provider.id"))
    discharge_disposition: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[EncounterStatus] = mapped_column(str_enum(EncounterStatus, "encounter_status"))
    discharged_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    # Set when this stay began within 30 days of an earlier discharge (index stay).
    readmission_of_id: Mapped[int | None] = mapped_column(ForeignKey("encounter.id"))

    patient: Mapped[Patient] = relationship(back_populates="encounters")
    unit: Mapped[Unit | None] = relationship()
    attending: Mapped[Provider | None] = relationship()
    discharged_by: Mapped[User | None] = relationship()
    diagnoses: Mapped[list[Diagnosis]] = relationship(
        back_populates="encounter",
        order_by="(Diagnosis.principal.desc(), Diagnosis.rank)",
        cascade="all, delete-orphan",
    )
    labs: Mapped[list[LabResult]] = relationship(
        back_populates="encounter", order_by="LabResult.observed_at", cascade="all, delete-orphan"
    )
    medications: Mapped[list[MedicationEntry]] = relationship(
        back_populates="encounter", order_by="MedicationEntry.id", cascade="all, delete-orphan"
    )

    __table_args__ = (
        # Ward worklist: one ward's current stays in planned-discharge order. A plain index on
        # planned_discharge_time made SQLite scan every stay in that order (EXPLAIN; 4-20x slower).
        Index("ix_encounter_unit_status_planned", "unit_id", "status", "planned_discharge_time"),
        Index("ix_encounter_status_planned", "status", "planned_discharge_time"),
        # Current stays only (small, whatever the history): a ward's or every ward's worklist in
        # its display order (planned discharge, none planned last, id) straight from the index,
        # so its first page costs the same at 10k or 1M encounters (EXPLAIN, benchmarks/).
        Index(
            "ix_encounter_current_unit_planned",
            "unit_id",
            "planned_discharge_time",
            "id",
            sqlite_where=text(CURRENT_STAY),
            postgresql_where=text(CURRENT_STAY),
        ),
        Index(
            "ix_encounter_current_planned",
            "planned_discharge_time",
            "id",
            sqlite_where=text(CURRENT_STAY),
            postgresql_where=text(CURRENT_STAY),
        ),
        Index("ix_encounter_patient_admit", "patient_id", "admit_time"),
        Index("ix_encounter_discharge_time", "discharge_time"),
        # a ward's discharges in a window (the follow-up list), whatever the years of history
        Index("ix_encounter_unit_discharge", "unit_id", "discharge_time"),
        # a stay's readmissions (its record, the follow-up list): was a scan of every stay
        Index("ix_encounter_readmission_of", "readmission_of_id"),
    )


class Diagnosis(Tracked, Base):
    __tablename__ = "diagnosis"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(ForeignKey("encounter.id", ondelete="CASCADE"))
    code_system: Mapped[CodeSystem] = mapped_column(str_enum(CodeSystem, "code_system"))
    code: Mapped[str] = mapped_column(String(20))
    description: Mapped[str | None] = mapped_column(String(300))
    principal: Mapped[bool] = mapped_column(Boolean, default=False)
    rank: Mapped[int] = mapped_column(Integer, default=1)

    encounter: Mapped[Encounter] = relationship(back_populates="diagnoses")

    __table_args__ = (Index("ix_diagnosis_encounter", "encounter_id"),)


class Allergy(Tracked, Base):
    __tablename__ = "allergy"

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id", ondelete="CASCADE"))
    substance: Mapped[str] = mapped_column(String(120))
    reaction: Mapped[str | None] = mapped_column(String(200))
    severity: Mapped[AllergySeverity] = mapped_column(str_enum(AllergySeverity, "allergy_severity"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    patient: Mapped[Patient] = relationship(back_populates="allergies")

    __table_args__ = (Index("ix_allergy_patient", "patient_id"),)


class LabResult(Tracked, Base):
    """A laboratory result (LOINC coded), e.g. hemoglobin 718-7, sodium 2951-2."""

    __tablename__ = "lab_result"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(ForeignKey("encounter.id", ondelete="CASCADE"))
    loinc_code: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(120))
    value: Mapped[Decimal] = mapped_column(Numeric(12, 4))
    unit: Mapped[str] = mapped_column(String(20))
    observed_at: Mapped[datetime] = mapped_column(UTCDateTime())

    encounter: Mapped[Encounter] = relationship(back_populates="labs")

    __table_args__ = (Index("ix_lab_result_encounter", "encounter_id"),)


class MedicationEntry(Tracked, Base):
    """A medication on one of a stay's lists (home, inpatient orders, discharge)."""

    __tablename__ = "medication_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(ForeignKey("encounter.id", ondelete="CASCADE"))
    list_kind: Mapped[MedicationList] = mapped_column(str_enum(MedicationList, "medication_list"))
    drug_name: Mapped[str] = mapped_column(String(200))
    dose: Mapped[str | None] = mapped_column(String(40))
    route: Mapped[str | None] = mapped_column(String(40))
    frequency: Mapped[str | None] = mapped_column(String(60))
    prn: Mapped[bool] = mapped_column(Boolean, default=False)
    indication: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[MedicationSource] = mapped_column(
        str_enum(MedicationSource, "medication_source")
    )
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    encounter: Mapped[Encounter] = relationship(back_populates="medications")

    __table_args__ = (Index("ix_medication_entry_encounter", "encounter_id", "list_kind"),)


class User(Tracked, Base):
    """A person who signs in. Unit scopes: ``security_models.UserUnit``."""

    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(200))
    roles: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_sign_in: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: set by an administrator's password reset: the next sign-in must choose a new password
    must_change_password: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )

    @property
    def role_set(self) -> frozenset[str]:
        return frozenset(r for r in self.roles.split(",") if r)


class AuditEvent(Base):
    """Append-only record of who did what to which patient's record, from where, and when."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    username: Mapped[str] = mapped_column(String(64))
    workstation: Mapped[str] = mapped_column(String(120))
    patient_id: Mapped[int | None] = mapped_column(ForeignKey("patient.id"))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(40))
    details: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index("ix_audit_event_time", "occurred_at"),
        Index("ix_audit_event_patient", "patient_id"),
    )


__all__ = [
    "AuditEvent",
    "Allergy",
    "Base",
    "Clinic",
    "Diagnosis",
    "Encounter",
    "LabResult",
    "MedicationEntry",
    "Patient",
    "Provider",
    "Unit",
    "User",
]


# Workflow areas (medication reconciliation, appointments, ...) keep their tables in their own
# modules ``transitions/db/<area>_models.py``. Importing them here puts every table into
# ``Base.metadata`` (migrations, tests). One line per area, below:
# isort: off
from transitions.db import medrec_models  # noqa: E402,F401
from transitions.db import security_models  # noqa: E402,F401
from transitions.db import education_models  # noqa: E402,F401
from transitions.db import packet_models  # noqa: E402,F401
from transitions.db import interop_models  # noqa: E402,F401
from transitions.db import followup_models  # noqa: E402,F401
from transitions.db import appointments_models  # noqa: E402,F401
from transitions.db import assessment_models  # noqa: E402,F401
from transitions.db import careplan_models  # noqa: E402,F401
from transitions.db import pcp_summary_models  # noqa: E402,F401
from transitions.db import discharge_models  # noqa: E402,F401
