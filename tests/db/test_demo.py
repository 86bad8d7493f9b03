"""The demo-hospital generator on both databases: determinism, plausibility, links, refusals."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from transitions.config import SiteConfig
from transitions.db.engine import Database
from transitions.db.models import (
    Allergy,
    Base,
    Diagnosis,
    Encounter,
    LabResult,
    MedicationEntry,
    Patient,
    Unit,
)
from transitions.demo import generator
from transitions.demo.data import demo_data
from transitions.demo.directory import luhn_check_digit, npi_for
from transitions.demo.generator import (
    DemoSummary,
    database_is_empty,
    generate_demo,
    hospital_beds,
)
from transitions.demo.timeline import DEMO_CENSUS, Census
from transitions.domain.codes import check_diagnosis_code, check_discharge_disposition
from transitions.domain.encounter_status import ACTIVE_STATUSES, EncounterStatus
from transitions.domain.enums import CodeSystem, EncounterClass, MedicationList
from transitions.errors import ValidationError
from transitions.services import encounters
from transitions.services.encounters import StayFilter, local_day_bounds
from transitions.services.uow import Actor, UnitOfWork

UowFactory = Callable[[], UnitOfWork]
#: The day the tests' fixed clock (tests.conftest.FIXED_NOW) falls on in New York.
TODAY = date(2026, 11, 25)
DEMO_TABLES = (
    "unit", "clinic", "provider", "patient", "allergy", "encounter", "diagnosis", "lab_result",
    "medication_entry",
)  # fmt: skip


def _generate(db: Database, site: SiteConfig, patients: int, seed: int = 7) -> DemoSummary:
    return generate_demo(db, patients=patients, seed=seed, today=TODAY, tz=site.timezone)


def _canonical(value: Any) -> Any:
    if isinstance(value, datetime):
        assert value.tzinfo is not None
        return value.isoformat()
    if isinstance(value, Decimal | float):
        return f"{Decimal(str(value)):.4f}"
    return value


def _dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every demo row of every table, ordered by id, in a database-independent form."""
    dump: dict[str, list[tuple[Any, ...]]] = {}
    with db.engine.connect() as connection:
        for name in DEMO_TABLES:
            table = Base.metadata.tables[name]
            rows = connection.execute(select(table).order_by(table.c.id))
            dump[name] = [tuple(_canonical(v) for v in row) for row in rows]
    return dump


def _fresh_sqlite(template: Path, path: Path) -> Database:
    shutil.copyfile(template, path)
    return Database.open(f"sqlite:///{path}")


# -- data files ----------------------------------------------------------------------------------


def test_every_code_in_the_data_files_is_valid_icd10cm() -> None:
    data = demo_data()
    assert len(data.all_codes()) > 100
    for code in data.all_codes():
        normalized, description = check_diagnosis_code(CodeSystem.ICD10CM, code)
        assert normalized == code
        assert description == data.descriptions[code]
    for profile in data.profiles.values():
        for disposition in profile.disposition.items:
            check_discharge_disposition(disposition)
        for unit_code, _service in profile.placement.items:
            assert unit_code in {u.code for u in data.units}


def test_directory_is_fictional_and_well_formed() -> None:
    data = demo_data()
    assert len(data.units) == 5
    assert 35 <= len(data.providers) <= 45
    assert 12 <= len(data.clinics) <= 18
    numbers = [c["phone"] for c in data.clinics] + [c["fax"] for c in data.clinics]
    numbers += [u.phone for u in data.units]
    assert all(re.fullmatch(r"\(\d{3}\) 555-01\d\d", n) for n in numbers), numbers
    npis = [npi_for(n) for n in range(len(data.providers))]
    assert len(set(npis)) == len(npis)
    assert all(
        len(npi) == 10 and luhn_check_digit("80840" + npi[:9]) == int(npi[9]) for npi in npis
    )


# -- generation ----------------------------------------------------------------------------------


def test_same_inputs_give_identical_rows(
    database: Database,
    site: SiteConfig,
    sqlite_template: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Same seed -> same rows, across databases and chunk sizes; another seed differs."""
    first = _generate(database, site, 70)
    reference = _dump(database)

    monkeypatch.setattr(generator, "CHUNK_PATIENTS", 16)  # different chunking, same data
    other = _fresh_sqlite(sqlite_template, tmp_path / "second.db")
    try:
        assert _generate(other, site, 70) == first
        assert _dump(other) == reference
    finally:
        other.dispose()

    different = _fresh_sqlite(sqlite_template, tmp_path / "third.db")
    try:
        _generate(different, site, 70, seed=8)
        assert _dump(different)["patient"] != reference["patient"]
    finally:
        different.dispose()


def test_summary_matches_the_rows_and_proportions_are_sane(
    database: Database, site: SiteConfig
) -> None:
    calls: list[tuple[int, int]] = []
    summary = generate_demo(
        database,
        patients=200,
        seed=11,
        today=TODAY,
        tz=site.timezone,
        progress=lambda done, total: calls.append((done, total)),
    )
    assert calls[-1] == (200, 200)
    assert summary.to_json()["patients"] == 200
    window_start, _ = local_day_bounds(TODAY - timedelta(days=90), site.timezone)
    today_start, _ = local_day_bounds(TODAY, site.timezone)
    with database.session() as s:

        def count(model: type[Base]) -> int:
            return int(s.scalar(select(func.count()).select_from(model)) or 0)

        inpatient = Encounter.encounter_class == EncounterClass.INPATIENT
        assert count(Patient) == summary.patients == 200
        assert count(Unit) == summary.units == 5
        assert count(Encounter) == summary.encounters
        assert count(MedicationEntry) == summary.medications
        assert summary.providers >= 35 and summary.clinics >= 12
        current = s.scalar(
            select(func.count()).where(inpatient, Encounter.status.in_(sorted(ACTIVE_STATUSES)))
        )
        assert current == summary.current_inpatients
        assert 0.15 <= current / 200 <= 0.40
        discharged = s.scalar(
            select(func.count()).where(
                inpatient,
                Encounter.discharge_time >= window_start,
                Encounter.discharge_time < today_start,
            )
        )
        assert discharged == summary.discharged_last_90_days
        readmissions = s.scalar(
            select(func.count()).where(Encounter.readmission_of_id.is_not(None))
        )
        assert readmissions == summary.readmissions
        assert 0.05 <= readmissions / discharged <= 0.30

        patients = s.scalars(select(Patient)).all()
        ages = sorted((TODAY - p.birth_date).days // 365 for p in patients)
        assert ages[0] >= 18 and ages[len(ages) // 2] >= 60
        languages = Counter(p.preferred_language for p in patients)
        assert 0.04 <= languages["es"] / 200 <= 0.22
        assert all(p.interpreter_needed is False for p in patients if p.preferred_language == "en")
        assert sum(p.pcp_id is None for p in patients) < 60
        assert sum(p.caregiver_name is not None for p in patients) > 60
        assert len({p.mrn for p in patients}) == 200
        assert all(p.mrn[0] == "M" and len(p.mrn) == 8 for p in patients)
        allergic = s.scalar(select(func.count(func.distinct(Allergy.patient_id))))
        assert allergic is not None and 0 < allergic < 200

        stays = s.scalars(select(Encounter)).all()
        assert len({e.visit_number for e in stays}) == len(stays)
        assert all(e.version_id == 1 for e in stays)
        for e in stays:
            assert e.admit_time.tzinfo is not None
            if e.status is EncounterStatus.DISCHARGED:
                assert e.discharge_time is not None and e.discharge_time > e.admit_time
                assert e.discharge_disposition is not None
                check_discharge_disposition(e.discharge_disposition)
            else:
                assert e.discharge_time is None and e.unit_id is not None
                assert TODAY - timedelta(days=20) <= e.admit_time.date() < TODAY
        assert any(e.encounter_class is EncounterClass.EMERGENCY for e in stays)
        # every inpatient stay has a home list of at most 15 drugs, labs and a principal diagnosis
        home = Counter(
            s.scalars(
                select(MedicationEntry.encounter_id).where(
                    MedicationEntry.list_kind == MedicationList.HOME
                )
            )
        )
        assert max(home.values()) <= 15
        orders = s.scalar(
            select(func.count()).where(MedicationEntry.list_kind == MedicationList.INPATIENT)
        )
        assert orders and orders >= summary.current_inpatients
        loinc = Counter(s.scalars(select(LabResult.loinc_code)))
        assert set(loinc) == {"718-7", "2951-2", "2823-3", "2160-0"}
        assert loinc["2951-2"] <= loinc["718-7"]
        hemoglobin = s.scalars(select(LabResult.value).where(LabResult.loinc_code == "718-7")).all()
        assert any(v < 10 for v in hemoglobin) and any(v > 13 for v in hemoglobin)
        principal = s.scalar(select(func.count()).where(Diagnosis.principal))
        assert principal == len(stays)


def test_every_stored_code_is_valid(database: Database, site: SiteConfig) -> None:
    _generate(database, site, 120)
    with database.session() as s:
        rows = s.execute(select(Diagnosis.code, Diagnosis.description).distinct()).all()
    assert rows
    for code, description in rows:
        assert check_diagnosis_code(CodeSystem.ICD10CM, code) == (code, description)


def test_worklist_has_discharges_planned_today_and_tomorrow_on_several_units(
    database: Database, site: SiteConfig, make_uow: UowFactory, actor: Actor
) -> None:
    _generate(database, site, 200)
    with make_uow() as uow:
        worklist = encounters.list_stays(uow, actor, StayFilter.worklist())
        today = encounters.list_stays(uow, actor, StayFilter.worklist(discharge_date=TODAY))
        tomorrow = encounters.list_stays(
            uow, actor, StayFilter.worklist(discharge_date=TODAY + timedelta(days=1))
        )
        detail = encounters.get_stay(uow, actor, encounter_id=today[0].encounter_id)
    assert len(worklist) > 30
    assert len({row.unit_code for row in today}) >= 3
    assert len({row.unit_code for row in tomorrow}) >= 3
    assert any(row.preferred_language != "en" for row in worklist)
    beds = Counter((row.unit_code, row.room) for row in worklist)
    assert all(row.room and "-" in row.room for row in worklist)
    assert beds.most_common(1)[0][1] == 1  # nobody shares a bed
    assert detail.labs and detail.diagnoses and detail.diagnoses[0].principal
    assert any(m.list_kind == "inpatient" for m in detail.medications)
    assert detail.attending is not None


@pytest.mark.parametrize("census", [DEMO_CENSUS, Census.for_beds(300, 24)], ids=["demo", "beds"])
def test_readmissions_point_at_an_index_discharge_within_30_days(
    database: Database, site: SiteConfig, census: Census
) -> None:
    summary = generate_demo(
        database, patients=200, seed=3, today=TODAY, tz=site.timezone, census=census
    )
    assert summary.readmissions > 0
    index = aliased(Encounter)
    with database.session() as s:
        pairs = s.execute(
            select(Encounter, index).join(index, Encounter.readmission_of_id == index.id)
        ).all()
        assert len(pairs) == summary.readmissions
        for stay, prior in pairs:
            assert stay.patient_id == prior.patient_id
            assert prior.encounter_class is EncounterClass.INPATIENT
            assert prior.status is EncounterStatus.DISCHARGED and prior.discharge_time
            assert prior.discharge_time < stay.admit_time
            assert stay.admit_time - prior.discharge_time <= timedelta(days=30)
        # and no other inpatient stay began within 30 days of the same patient's discharge
        inpatient = s.scalars(
            select(Encounter)
            .where(Encounter.encounter_class == EncounterClass.INPATIENT)
            .order_by(Encounter.patient_id, Encounter.admit_time)
        ).all()
    for before, after in zip(inpatient, inpatient[1:], strict=False):
        if before.patient_id != after.patient_id:
            continue
        assert before.discharge_time is not None and before.discharge_time < after.admit_time
        readmitted = after.admit_time - before.discharge_time <= timedelta(days=30)
        assert (after.readmission_of_id == before.id) == readmitted


def test_census_for_beds_spreads_patients_over_the_years_a_hospital_needs(
    database: Database, site: SiteConfig
) -> None:
    """The benchmark databases' census: the wards about 85 % full today, discharges at the pace
    of the beds in use over the mean stay, and the rest of the history spread over years."""
    assert hospital_beds() == 5 * 64
    assert Census.for_beds(40, 320) == DEMO_CENSUS  # a small demo keeps its busy year
    census = Census.for_beds(1_000, 40)  # 34 beds in use, ~7 discharges a day
    assert census.current_share == pytest.approx(0.034)
    assert census.past_window_days == round(1_000 * (1 - 0.034) / (34 / 5))
    summary = generate_demo(
        database, patients=1_000, seed=5, today=TODAY, tz=site.timezone, census=census
    )
    assert 15 <= summary.current_inpatients <= 55
    today_start, _ = local_day_bounds(TODAY, site.timezone)
    with database.session() as s:
        latest = s.execute(
            select(func.max(Encounter.discharge_time))
            .where(Encounter.encounter_class == EncounterClass.INPATIENT)
            .group_by(Encounter.patient_id)
        ).scalars()
        ages = sorted((today_start - t).days for t in latest if t is not None)
        oldest = s.scalar(select(func.min(Encounter.admit_time)))
    assert oldest is not None
    # latest discharges reach back across the window, not only the demo's last 90 days
    assert ages[len(ages) // 2] > 45
    assert ages[-1] > census.past_window_days - 10
    assert (today_start - oldest).days < census.past_window_days + 400


def test_refuses_a_database_with_patients_and_bad_sizes(
    database: Database, site: SiteConfig
) -> None:
    assert database_is_empty(database)
    with pytest.raises(ValidationError, match="at least 1"):
        _generate(database, site, 0)
    assert database_is_empty(database)
    _generate(database, site, 5)
    assert not database_is_empty(database)
    with pytest.raises(ValidationError, match="already has patients"):
        _generate(database, site, 5)
    with database.session() as s:
        assert s.scalar(select(func.count()).select_from(Patient)) == 5


def test_ids_keep_working_after_the_bulk_insert(database: Database, site: SiteConfig) -> None:
    """PostgreSQL sequences were moved past the pre-assigned ids: ORM inserts still work."""
    _generate(database, site, 10)
    with database.session() as s:
        unit = Unit(code="ICU", name="Intensive Care", active=True)
        s.add(unit)
        s.flush()
        assert unit.id == 6
        s.commit()


def test_existing_units_are_reused(database: Database, site: SiteConfig) -> None:
    with database.session() as s:
        s.add(Unit(code="4W", name="Four West (site name)", active=True))
        s.commit()
    assert not database_is_empty(database)
    summary = _generate(database, site, 20)
    with database.session() as s:
        names = {code: name for code, name in s.execute(select(Unit.code, Unit.name))}
    assert summary.units == 5 and len(names) == 5
    assert names["4W"] == "Four West (site name)"
