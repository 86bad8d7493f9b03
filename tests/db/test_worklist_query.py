"""The worklist query's shape on both databases: display order, first page, its index."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import event, text

from tests.conftest import FIXED_NOW
from tests.factories import make_patient, make_stay, make_unit
from transitions.db.base import date_reader, utc_reader
from transitions.db.engine import Database
from transitions.db.models import Encounter
from transitions.domain.encounter_status import EncounterStatus
from transitions.services import encounters
from transitions.services.encounters import StayFilter, StayRow, age_on
from transitions.services.uow import Actor, UnitOfWork

UowFactory = Callable[[], UnitOfWork]


def _seed(make_uow: UowFactory) -> list[int]:
    """Four current stays on 4W: planned tomorrow, today, none, today (again); one discharged."""
    with make_uow() as uow:
        s = uow.session
        w4 = make_unit(s, "4W", "4 West Medicine")
        today = FIXED_NOW + timedelta(hours=2)
        tomorrow = make_stay(
            s, make_patient(s, "Able", "Ann", mrn="M1"), w4, planned_discharge=today + timedelta(1)
        )
        planned_today = make_stay(
            s, make_patient(s, "Baker", "Bo", mrn="M2"), w4, planned_discharge=today
        )
        unplanned = make_stay(s, make_patient(s, "Cole", "Cy", mrn="M3"), w4)
        today_too = make_stay(
            s, make_patient(s, "Dunn", "Di", mrn="M4"), w4, planned_discharge=today
        )
        make_stay(
            s,
            make_patient(s, "Gone", "Home", mrn="M5"),
            w4,
            status=EncounterStatus.DISCHARGED,
            discharged=FIXED_NOW - timedelta(days=1),
        )
        uow.commit()
        return [planned_today.id, today_too.id, tomorrow.id, unplanned.id]


def test_worklist_order_is_planned_then_none_on_both_databases(
    make_uow: UowFactory, actor: Actor
) -> None:
    expected = _seed(make_uow)
    with make_uow() as uow:
        rows = encounters.list_stays(uow, actor, StayFilter.worklist(unit_code="4W"))
        first = encounters.list_stays(uow, actor, StayFilter.worklist(), limit=2)
        everyone = encounters.list_stays(uow, actor, StayFilter())  # any status: no partial index
    # same planned time: by id; no planned discharge: last (SQLite would put NULLs first)
    assert [r.encounter_id for r in rows] == expected
    assert [r.encounter_id for r in first] == expected[:2]
    assert len(everyone) == 5 and everyone[-1].planned_discharge_time is None


@contextmanager
def _statements(db: Database) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if "FROM encounter" in statement:
            seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def test_worklist_query_can_use_the_index_of_current_stays(
    database: Database, make_uow: UowFactory, actor: Actor
) -> None:
    """The statement the service sends (literal statuses) matches the partial index's condition:
    the ward's rows come in display order from the index, without a sort."""
    _seed(make_uow)
    with _statements(database) as seen, make_uow() as uow:
        unit_id = uow.session.execute(text("SELECT id FROM unit WHERE code = '4W'")).scalar_one()
        ward = Actor(1, "nurse", "Nurse", frozenset({"nurse"}), units=frozenset({unit_id}))
        encounters.list_stays(uow, ward, StayFilter.worklist(), limit=100)
    statement, parameters = seen[-1]
    with database.engine.connect() as connection:
        if database.is_sqlite:
            plan = " ".join(
                str(row[-1])
                for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
            )
            assert "ix_encounter_current_unit_planned" in plan
            assert "TEMP B-TREE" not in plan
        else:  # a tiny table would be read whole: ask whether the index can serve at all
            connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
            connection.exec_driver_sql("SET LOCAL enable_sort = off")
            plan = " ".join(
                str(row[0])
                for row in connection.exec_driver_sql(f"EXPLAIN {statement}", parameters)
            )
            assert "ix_encounter_current_unit_planned" in plan


def test_stay_rows_are_whole_and_typed_as_the_orm_reads_them(
    make_uow: UowFactory, actor: Actor
) -> None:
    """``list_stays`` builds its rows as plain tuples and reads timestamps, dates and enums
    raw: every field is there, equal to (and typed as) the ORM's values."""
    _seed(make_uow)
    with make_uow() as uow:
        rows = encounters.list_stays(uow, actor, StayFilter())
        stays = {e.id: e for e in uow.session.query(Encounter).all()}
        tz, today = uow.tz, uow.today()
        until = uow.now().astimezone(tz).date()
        expected = []
        for row in rows:
            e, p = stays[row.encounter_id], stays[row.encounter_id].patient
            end = e.discharge_time.astimezone(tz).date() if e.discharge_time else until
            expected.append(
                StayRow(
                    encounter_id=e.id,
                    version_id=e.version_id,
                    visit_number=e.visit_number,
                    patient_name=f"{p.family_name}, {p.given_name}",
                    mrn=p.mrn,
                    birth_date=p.birth_date,
                    age=age_on(p.birth_date, today),
                    sex=p.sex.value,
                    preferred_language=p.preferred_language,
                    interpreter_needed=p.interpreter_needed,
                    unit_code=e.unit.code if e.unit else None,
                    room=f"{e.room}-{e.bed}" if e.room and e.bed else e.room,
                    admit_time=e.admit_time,
                    planned_discharge_time=e.planned_discharge_time,
                    discharge_time=e.discharge_time,
                    length_of_stay_days=(end - e.admit_time.astimezone(tz).date()).days,
                    status=e.status,
                )
            )
    assert rows == expected
    assert any(row.discharge_time is not None for row in rows)
    for row, want in zip(rows, expected, strict=True):
        assert type(row) is StayRow and len(row) == len(StayRow._fields)
        for name in StayRow._fields:
            got, wanted = getattr(row, name), getattr(want, name)
            assert type(got) is type(wanted), name
            if name.endswith("_time") and got is not None:
                assert got.tzinfo is UTC and wanted.tzinfo is UTC
        assert row.to_json() == want.to_json() and hash(row) == hash(want)


def test_raw_readers_convert_each_distinct_value_once(database: Database) -> None:
    read = utc_reader(database.engine.dialect)
    day = date_reader(database.engine.dialect)
    if database.is_sqlite:
        stored: Any = "2026-11-25 17:30:00.000000"
        born: Any = "1948-03-14"
    else:
        stored = datetime(2026, 11, 25, 12, 30, tzinfo=ZoneInfo("America/New_York"))
        born = date(1948, 3, 14)
    first = read(stored)
    assert first == datetime(2026, 11, 25, 17, 30, tzinfo=UTC) and first.tzinfo is UTC
    assert read(stored) is first  # converted once
    assert read(None) is None
    assert day(born) == date(1948, 3, 14) and day(None) is None
