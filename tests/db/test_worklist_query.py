"""The worklist query's shape on both databases: display order, first page, its index."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from sqlalchemy import event, text

from tests.conftest import FIXED_NOW
from tests.factories import make_patient, make_stay, make_unit
from transitions.db.engine import Database
from transitions.domain.encounter_status import EncounterStatus
from transitions.services import encounters
from transitions.services.encounters import StayFilter
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
