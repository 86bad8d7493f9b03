"""The rows the ADT feed works on in memory (:mod:`interop_adt_state` loads and writes them),
the local keys new patients and stays take, and the feed's cache of units and providers.

:class:`ReferenceData` keeps units and providers for a listener's or an import's whole life and
drops them as soon as either table changes (row count, highest id or sum of versions differ),
so a ward or doctor an administrator adds while the listener runs is found from the next
message on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import Connection, Select, Table, bindparam, func, select

from transitions.db.interop_models import MessageStatus
from transitions.db.models import Provider, Unit
from transitions.domain.encounter_status import EncounterStatus
from transitions.domain.enums import AdmissionType, CodeSystem, EncounterClass
from transitions.domain.followup import RiskStage, TaskKind, TaskStatus
from transitions.interop.hl7v2 import ProviderRef

PATIENT_COLUMNS = (
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
    "preferred_language",
    "pcp_id",
)
STAY_COLUMNS = (
    "unit_id",
    "room",
    "bed",
    "admit_time",
    "planned_discharge_time",
    "discharge_time",
    "admission_type",
    "hospital_service",
    "attending_id",
    "discharge_disposition",
    "status",
    "discharged_by_id",
    "readmission_of_id",
)
TASK_COLUMNS = ("status", "closed_at", "closed_by", "outcome", "event_date")
RISK_COLUMNS = (
    "computed_at",
    "lace_score",
    "lace_tier",
    "hospital_score",
    "hospital_tier",
    "missing",
    "details",
)
ENTRY_COLUMNS = ("ack_code", "reason", "resolved_at", "resolved_by")
SIGNOFF_VOID_COLUMNS = ("voided_at", "voided_by_name", "voided_reason")
MESSAGE_COLUMNS = (
    "control_id",
    "message_type",
    "status",
    "processed_at",
    "warnings",
    "patient_id",
    "encounter_id",
)


# -- rows -----------------------------------------------------------------------------------------


@dataclass(eq=False, slots=True)
class DiagnosisRow:
    id: int | None
    encounter_id: int
    code_system: CodeSystem
    code: str
    description: str | None
    principal: bool
    rank: int
    version_id: int = 1


@dataclass(eq=False, slots=True)
class LabRow:
    id: int | None
    encounter_id: int
    loinc_code: str
    name: str
    value: Decimal
    unit: str
    observed_at: datetime


@dataclass(eq=False, slots=True)
class TaskRow:
    id: int | None
    encounter_id: int
    kind: TaskKind
    status: TaskStatus
    due_date: date
    closed_at: datetime | None = None
    closed_by: str | None = None
    outcome: str | None = None
    event_date: date | None = None
    version_id: int = 1


@dataclass(eq=False, slots=True)
class RiskRow:
    id: int | None
    encounter_id: int
    stage: RiskStage
    computed_at: datetime | None = None
    lace_score: int = 0
    lace_tier: str = ""
    hospital_score: int = 0
    hospital_tier: str = ""
    missing: str = ""
    details: str = ""
    version_id: int = 1


@dataclass(eq=False, slots=True)
class SignoffRow:
    """A discharged stay's standing sign-off: an A13 voids it (the row is kept)."""

    id: int
    encounter_id: int
    signed_at: datetime
    version_id: int
    voided_at: datetime | None = None
    voided_by_name: str | None = None
    voided_reason: str | None = None


@dataclass(eq=False, slots=True)
class StayRow:
    id: int
    visit_number: str
    patient_id: int
    encounter_class: EncounterClass
    unit_id: int | None
    room: str | None
    bed: str | None
    admit_time: datetime
    planned_discharge_time: datetime | None
    discharge_time: datetime | None
    admission_type: AdmissionType
    hospital_service: str | None
    attending_id: int | None
    discharge_disposition: str | None
    status: EncounterStatus
    discharged_by_id: int | None
    readmission_of_id: int | None
    version_id: int
    diagnoses: list[DiagnosisRow] = field(default_factory=list)
    labs: list[LabRow] = field(default_factory=list)
    tasks: dict[TaskKind, TaskRow] = field(default_factory=dict)
    risks: dict[RiskStage, RiskRow] = field(default_factory=dict)
    linked: bool = False  # has a readmission_link row
    signoff: SignoffRow | None = None  # the standing discharge sign-off (discharged stays)


@dataclass(eq=False, slots=True)
class PatientRow:
    id: int
    mrn: str
    family_name: str
    given_name: str
    middle_name: str | None
    birth_date: date
    sex: Any
    phone: str | None
    address_line: str | None
    city: str | None
    state: str | None
    postal_code: str | None
    caregiver_name: str | None
    caregiver_relation: str | None
    caregiver_phone: str | None
    preferred_language: str
    pcp_id: int | None
    version_id: int
    allergies: set[str] = field(default_factory=set)  # substances, lower case
    stays: list[StayRow] = field(default_factory=list)  # in id order


@dataclass(eq=False, slots=True)
class EntryRow:
    """A quarantine entry (open ones are loaded for reprocessed messages)."""

    id: int | None
    message_id: int
    quarantined_at: datetime
    ack_code: str = ""
    reason: str = ""
    resolved_at: datetime | None = None
    resolved_by: str | None = None
    version_id: int = 1


@dataclass(eq=False, slots=True)
class StoredMessage:
    """An inbound HL7 message as stored, with its decoded and normalised text."""

    id: int
    body: str
    digest: str
    control_id: str | None
    message_type: str | None
    status: MessageStatus
    version_id: int
    patient_id: int | None = None
    encounter_id: int | None = None
    processed_at: datetime | None = None
    warnings: str | None = None
    #: open quarantine entries; None = not loaded (a message stored by this batch has none)
    entries: list[EntryRow] | None = None


def table_of(model: type[Any]) -> Table:
    """A mapped class's table (typed for Core statements)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


# -- reference data -----------------------------------------------------------------------------


def _npi(ref: ProviderRef) -> str | None:
    identifier = ref.identifier
    return identifier if identifier and identifier.isdigit() and len(identifier) == 10 else None


@cache
def _fingerprint() -> Select[Any]:
    return select(
        *(
            select(aggregate).select_from(table).scalar_subquery()
            for table in (Unit.__table__, Provider.__table__)
            for aggregate in (func.count(), func.max(table.c.id), func.sum(table.c.version_id))
        )
    )


@cache
def _by_code() -> Select[Any]:
    table = Unit.__table__
    return select(table.c.code, table.c.id).where(
        table.c.code.in_(bindparam("values", expanding=True))
    )


@cache
def _by_npi() -> Select[Any]:
    table = Provider.__table__
    return select(table.c.npi, table.c.id).where(
        table.c.npi.in_(bindparam("values", expanding=True))
    )


@cache
def _by_name() -> Select[Any]:
    table = Provider.__table__
    return (
        select(table.c.id)
        .where(
            func.lower(table.c.family_name) == bindparam("family"),
            func.lower(table.c.given_name) == bindparam("given"),
        )
        .order_by(table.c.id)
        .limit(1)
    )


class ReferenceData:
    """Units by code and providers by NPI or name, as :func:`interop_records.find_unit` and
    :func:`interop_records.find_provider` find them, cached until either table changes."""

    def __init__(self) -> None:
        self._stamp: tuple[Any, ...] | None = None
        self._units: dict[str, int | None] = {}
        self._npis: dict[str, int | None] = {}
        self._names: dict[tuple[str, str], int | None] = {}

    def refresh(
        self, conn: Connection, units: Iterable[str], providers: Iterable[ProviderRef]
    ) -> None:
        """Drop everything if units or providers changed; look up what is not cached yet."""
        stamp = tuple(conn.execute(_fingerprint()).one())
        if stamp != self._stamp:
            self._stamp = stamp
            self._units.clear()
            self._npis.clear()
            self._names.clear()
        codes = sorted({code for code in units if code and code not in self._units})
        if codes:
            found: dict[str, int] = {
                code: unit_id for code, unit_id in conn.execute(_by_code(), {"values": codes})
            }
            self._units.update({code: found.get(code) for code in codes})
        refs = list(providers)
        npis = sorted({n for n in map(_npi, refs) if n is not None and n not in self._npis})
        if npis:
            found = {npi: pid for npi, pid in conn.execute(_by_npi(), {"values": npis})}
            self._npis.update({npi: found.get(npi) for npi in npis})
        for ref in refs:
            if ref.family_name and ref.given_name:
                key = (ref.family_name.lower(), ref.given_name.lower())
                if key not in self._names:
                    self._names[key] = conn.execute(
                        _by_name(), {"family": key[0], "given": key[1]}
                    ).scalar()

    def unit(self, code: str | None) -> int | None:
        return self._units.get(code) if code else None

    def provider(self, ref: ProviderRef) -> int | None:
        npi = _npi(ref)
        if npi is not None and self._npis.get(npi) is not None:
            return self._npis[npi]
        if ref.family_name and ref.given_name:
            return self._names.get((ref.family_name.lower(), ref.given_name.lower()))
        return None


# -- local keys ---------------------------------------------------------------------------------


def key_candidates(value: str, authority: str) -> tuple[str, str]:
    """The local MRN / visit number for an external one: the same text when it is free and
    fits, else the second candidate, made unique with a short hash of the authority."""
    candidate = value if len(value) <= 32 else value.replace("-", "")
    if len(candidate) > 32:
        candidate = hashlib.sha256(value.encode()).hexdigest()[:32]
    suffix = hashlib.sha256(f"{authority}|{value}".encode()).hexdigest()[:6]
    return candidate, f"{candidate[:25]}-{suffix}"
