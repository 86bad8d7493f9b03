"""Deterministic demo hospital: a believable, entirely fictional patient population.

    summary = generate_demo(db, patients=2_000, seed=7, today=date(2026, 11, 25), tz=tz)

The same ``(patients, seed, today, tz)`` always produces the same rows with the same ids (into
an empty database): every patient is drawn from its own ``random.Random`` seeded from ``seed``
and its position, and every timestamp is derived from ``today`` — never from the wall clock.

Rows are written with bulk Core inserts, a chunk of patients at a time (bounded memory), in ONE
transaction: an interrupted or failed run leaves the database as it was. A ``progress`` callback
that raises cancels the run the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from random import Random
from typing import Any

from sqlalchemy import select

from transitions.db.engine import Database
from transitions.demo.assessments import add_demo_assessments
from transitions.demo.clinical import (
    diagnosis_codes,
    diagnosis_rows,
    home_med_rows,
    lab_rows,
    order_rows,
)
from transitions.demo.data import DemoData, demo_data
from transitions.demo.directory import write_directory
from transitions.demo.followups import add_demo_followups
from transitions.demo.people import Directory, PatientCase, make_patient
from transitions.demo.timeline import (
    DEMO_CENSUS,
    STANDARD_ROOMS,
    Census,
    Stay,
    Wards,
    at,
    plan_stays,
)
from transitions.demo.writer import BulkWriter, table
from transitions.errors import ValidationError

#: Patients generated and inserted per chunk (and per ``progress`` call).
CHUNK_PATIENTS = 2_000
#: MRNs are 'M' + 7 digits: a permutation that stays unique below 9,000,000 patients.
MAX_PATIENTS = 2_000_000
#: Visit numbers are 'V' + 8 digits: a permutation that stays unique below 90,000,000 visits.
_VISIT_MULTIPLIER = 48_271
_VISIT_SPACE = 90_000_000
TABLES = ("patient", "allergy", "encounter", "diagnosis", "lab_result", "medication_entry")


@dataclass(frozen=True)
class DemoSummary:
    units: int
    providers: int
    clinics: int
    patients: int
    encounters: int
    current_inpatients: int
    discharged_last_90_days: int
    readmissions: int
    medications: int

    def to_json(self) -> dict[str, int]:
        return asdict(self)


def hospital_beds() -> int:
    """The demo hospital's standard beds: every ward's rooms, two beds each."""
    return len(demo_data().units) * STANDARD_ROOMS * 2


def visit_number_for(sequence: int) -> str:
    return f"V{10_000_000 + (sequence * _VISIT_MULTIPLIER) % _VISIT_SPACE:08d}"


def database_is_empty(db: Database) -> bool:
    """True when the database has no patients and no units (a fresh install)."""
    with db.engine.connect() as connection:
        return (
            connection.scalar(select(table("patient").c.id).limit(1)) is None
            and connection.scalar(select(table("unit").c.id).limit(1)) is None
        )


@dataclass
class _Batch:
    """Rows of one chunk of patients, per table, plus the running totals."""

    rows: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {name: [] for name in TABLES}
    )

    def clear(self) -> None:
        for rows in self.rows.values():
            rows.clear()


@dataclass
class _Totals:
    encounters: int = 0
    current: int = 0
    discharged_90: int = 0
    readmissions: int = 0
    medications: int = 0


class _Generator:
    def __init__(
        self,
        writer: BulkWriter,
        data: DemoData,
        directory: Directory,
        seed: int,
        today: date,
        tz: tzinfo,
        census: Census,
    ) -> None:
        self.writer = writer
        self.census = census
        self.data = data
        self.directory = directory
        self.seed = seed
        self.today = today
        self.tz = tz
        self.wards = Wards(Random(f"transitions-demo:{seed}:wards"), directory.unit_floors)
        self.batch = _Batch()
        self.totals = _Totals()
        self.window_start = at(today - timedelta(days=90), 0, 0, tz)
        self.today_start = at(today, 0, 0, tz)

    def add_patient(self, index: int) -> None:
        rng = Random(f"transitions-demo:{self.seed}:{index}")
        writer = self.writer
        case = make_patient(
            rng, index, writer.next_id("patient"), self.data, self.directory, self.today
        )
        stays = plan_stays(rng, case, self.data, self.wards, self.today, self.tz, self.census)
        first = stays[0].admit
        self.batch.rows["patient"].append(
            {**case.row, "created_at": first, "updated_at": stays[-1].admit}
        )
        self._allergies(case, first)
        for stay in stays:
            stay.id = writer.next_id("encounter")
            self._encounter(rng, case, stay)
        latest = max((s for s in stays if s.inpatient), key=lambda s: s.admit)
        for stay in stays:
            self._clinical(rng, case, stay, latest=stay is latest)

    def _allergies(self, case: PatientCase, first: datetime) -> None:
        recorded = first + timedelta(minutes=30)
        for substance, reaction, severity in case.allergies:
            self.batch.rows["allergy"].append(
                {
                    "id": self.writer.next_id("allergy"),
                    "patient_id": case.patient_id,
                    "substance": substance,
                    "reaction": reaction,
                    "severity": severity.value,
                    "recorded_at": recorded,
                    "created_at": recorded,
                    "updated_at": recorded,
                    "version_id": 1,
                }
            )

    def _encounter(self, rng: Random, case: PatientCase, stay: Stay) -> None:
        totals = self.totals
        attending: int | None = None
        if stay.inpatient:
            pool = (
                self.directory.attending_ids.get(stay.service)
                or self.directory.attending_ids["MED"]
            )
            attending = rng.choice(pool)
            if stay.current:
                totals.current += 1
            elif stay.discharge is not None and (
                self.window_start <= stay.discharge < self.today_start
            ):
                totals.discharged_90 += 1
        if stay.readmission_of is not None:
            totals.readmissions += 1
        self.batch.rows["encounter"].append(
            {
                "id": stay.id,
                "visit_number": visit_number_for(totals.encounters),
                "patient_id": case.patient_id,
                "encounter_class": stay.encounter_class.value,
                "unit_id": self.directory.unit_ids[stay.unit_code] if stay.unit_code else None,
                "room": stay.room,
                "bed": stay.bed,
                "admit_time": stay.admit,
                "planned_discharge_time": stay.planned,
                "discharge_time": stay.discharge,
                "admission_type": stay.admission_type.value,
                "hospital_service": stay.service,
                "attending_id": attending,
                "discharge_disposition": stay.disposition,
                "status": stay.status.value,
                "discharged_by_id": None,
                "readmission_of_id": stay.readmission_of.id if stay.readmission_of else None,
                "created_at": stay.admit,
                "updated_at": stay.discharge or self.today_start,
                "version_id": 1,
            }
        )
        totals.encounters += 1

    def _add(self, table_name: str, rows: list[dict[str, Any]]) -> None:
        first = self.writer.next_id(table_name, len(rows))
        for n, row in enumerate(rows):
            row["id"] = first + n
        self.batch.rows[table_name] += rows

    def _clinical(self, rng: Random, case: PatientCase, stay: Stay, *, latest: bool) -> None:
        data = self.data
        codes = diagnosis_codes(rng, case, stay)
        self._add("diagnosis", diagnosis_rows(codes, stay.id, data, stay.admit))
        if not stay.inpatient:
            return
        self._add("lab_result", lab_rows(rng, case, stay, data, self.today, self.tz))
        meds = home_med_rows(rng, case, stay, latest)
        if stay.current:
            meds += order_rows(rng, case, stay, data)
        self._add("medication_entry", meds)
        self.totals.medications += len(meds)

    def flush(self) -> None:
        for name in TABLES:
            self.writer.insert(name, self.batch.rows[name])
        self.batch.clear()


def generate_demo(
    db: Database,
    *,
    patients: int,
    seed: int,
    today: date,
    tz: tzinfo,
    progress: Callable[[int, int], None] | None = None,
    census: Census = DEMO_CENSUS,
) -> DemoSummary:
    """Fill an empty database with a fictional hospital; see the module docstring.

    ``census`` spreads the patients over time: the demo's by default (a busy last year), or
    :meth:`Census.for_beds` with :func:`hospital_beds` for a hospital's years of history."""
    if patients < 1:
        raise ValidationError("the demo needs at least 1 patient", field="patients")
    if patients > MAX_PATIENTS:
        raise ValidationError(
            f"the demo generates at most {MAX_PATIENTS:,} patients (asked for {patients:,})",
            field="patients",
        )
    data = demo_data()
    with db.engine.begin() as connection:
        if connection.scalar(select(table("patient").c.id).limit(1)) is not None:
            raise ValidationError(
                "the database already has patients; demo data can only be generated into a "
                "database without patients (create a new database file or schema)"
            )
        writer = BulkWriter(connection)
        created = at(today - timedelta(days=400), 8, 0, tz)
        directory, counts = write_directory(writer, data, created)
        generator = _Generator(writer, data, directory, seed, today, tz, census)
        for start in range(0, patients, CHUNK_PATIENTS):
            end = min(start + CHUNK_PATIENTS, patients)
            for index in range(start, end):
                generator.add_patient(index)
            generator.flush()
            if progress is not None:
                progress(end, patients)
        add_demo_followups(writer, today, tz)
        add_demo_assessments(writer, today, tz)
        writer.finish()
    totals = generator.totals
    return DemoSummary(
        units=counts["units"],
        providers=counts["providers"],
        clinics=counts["clinics"],
        patients=patients,
        encounters=totals.encounters,
        current_inpatients=totals.current,
        discharged_last_90_days=totals.discharged_90,
        readmissions=totals.readmissions,
        medications=totals.medications,
    )
