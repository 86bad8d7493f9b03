"""The ward worklist and the 30-day follow-up list: the services against hand-written SQL.

Each figure is the median of ``--repeat`` runs, the service and its baseline alternating, on the
largest ward (the benchmark nurse's, see :mod:`benchmarks.startup`):

* worklist, first page: ``list_stays(..., limit=100)`` — what the worklist paints first — vs.
  the same 100 rows by hand-written SQL;
* worklist, whole ward: ``list_stays`` vs. the same rows by hand-written SQL;
* follow-up list: ``list_followups`` (the ward's discharges of the last 30 days with their
  tasks, risk scores, call attempts and readmissions; one audit event) vs. hand-written SQL
  fetching the same rows and writing the audit event.

Hand-written SQL returns the driver's rows (on SQLite timestamps stay text); the services return
the rows the screens show. ``EXPLAIN`` (``--explain``) prints both databases' plans.

    python -m benchmarks.lists --size 1M [--postgres] [--repeat 7] [--explain]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select, text

from benchmarks import dataset
from benchmarks.startup import BENCH_USER, ensure_bench_user
from transitions.config import load_site_config
from transitions.db.engine import Database
from transitions.db.models import User
from transitions.services import auth, encounters
from transitions.services.encounters import StayFilter, local_day_bounds
from transitions.services.followup_list import FollowupFilter, list_followups
from transitions.services.uow import Actor, UnitOfWork

PAGE = 100
NOW = datetime(2026, 11, 25, 17, 0, tzinfo=UTC)  # the demo's today, 12:00 in New York

WORKLIST_SQL = """
    SELECT e.id, e.version_id, e.visit_number, e.room, e.bed, e.admit_time,
           e.planned_discharge_time, e.discharge_time, e.status, p.family_name, p.given_name,
           p.mrn, p.birth_date, p.sex, p.preferred_language, p.interpreter_needed, u.code
    FROM encounter e JOIN patient p ON p.id = e.patient_id LEFT JOIN unit u ON u.id = e.unit_id
    WHERE e.encounter_class = 'inpatient' AND e.unit_id = :unit
      AND e.status IN ('admitted', 'discharge_planned', 'ready')
    ORDER BY e.planned_discharge_time NULLS LAST, e.id
"""

WINDOW = """encounter_class = 'inpatient' AND status = 'discharged' AND unit_id = :unit
            AND discharge_time >= :start AND discharge_time < :end"""
READMISSIONS_SQL = f"""SELECT o.readmission_of_id, o.visit_number, o.admission_type, l.planned
        FROM encounter o LEFT JOIN readmission_link l ON l.encounter_id = o.id
        WHERE o.readmission_of_id IN (SELECT id FROM encounter WHERE {WINDOW})
          AND o.admit_time < :end ORDER BY o.admit_time DESC"""
#: PostgreSQL merge-joins the subquery above with every readmission in the history (100-380 ms
#: at 1M); with the window's ids (from the first statement) as one array it looks them up.
READMISSIONS_PG = """SELECT o.readmission_of_id, o.visit_number, o.admission_type, l.planned
        FROM encounter o LEFT JOIN readmission_link l ON l.encounter_id = o.id
        WHERE o.readmission_of_id = ANY(:ids) AND o.admit_time < :end
        ORDER BY o.admit_time DESC"""
FOLLOWUP_SQL = [
    f"""SELECT e.id, e.visit_number, e.discharge_time, p.family_name, p.given_name, p.mrn,
               p.phone, u.code
        FROM encounter e JOIN patient p ON p.id = e.patient_id
        LEFT JOIN unit u ON u.id = e.unit_id
        WHERE e.{WINDOW.replace("AND ", "AND e.")} ORDER BY e.discharge_time, e.id""",
    f"""SELECT t.id, t.encounter_id, t.kind, t.status, t.due_date, t.owner_id
        FROM followup_task t WHERE t.encounter_id IN (SELECT id FROM encounter WHERE {WINDOW})
          AND t.status <> 'cancelled'""",
    f"""SELECT r.encounter_id, r.stage, r.lace_score, r.lace_tier, r.hospital_score,
               r.hospital_tier, r.missing
        FROM risk_assessment r
        WHERE r.encounter_id IN (SELECT id FROM encounter WHERE {WINDOW})""",
    READMISSIONS_SQL,
    f"""SELECT a.task_id, a.reached FROM call_attempt a WHERE a.task_id IN (
            SELECT t.id FROM followup_task t
            WHERE t.encounter_id IN (SELECT id FROM encounter WHERE {WINDOW}))
        ORDER BY a.called_at""",
]
AUDIT_SQL = """INSERT INTO audit_event (occurred_at, username, workstation, entity, entity_id,
               action) VALUES (CURRENT_TIMESTAMP, 'benchmark', 'bench', 'followup_list', :code,
               'view')"""


def alternating(
    service: Callable[[], object], baseline: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """Medians in ms of the two, run one after the other ``repeat`` times (after a warm-up)."""
    service()
    baseline()
    times: dict[str, list[float]] = {"service": [], "baseline": []}
    for _ in range(repeat):
        for name, fn in (("service", service), ("baseline", baseline)):
            started = time.perf_counter()
            fn()
            times[name].append((time.perf_counter() - started) * 1000)
    return statistics.median(times["service"]), statistics.median(times["baseline"])


def nurse(db: Database) -> tuple[Actor, int, str]:
    code = ensure_bench_user(db)
    with UnitOfWork(db, load_site_config()) as uow:
        user = uow.session.scalar(select(User).where(User.username == BENCH_USER))
        assert user is not None
        actor = auth.actor_for(user, auth.unit_ids_of(uow, user.id))
    assert actor.units is not None and len(actor.units) == 1
    return actor, next(iter(actor.units)), code


def row(name: str, rows: int, service: float, baseline: float) -> str:
    met = "yes" if service <= 2 * baseline and service <= 50 else "no"
    return (
        f"| {name} | {rows:,} | {service:.1f} ms | {baseline:.1f} ms "
        f"| {service / baseline:.1f}x | {met} |"
    )


def bench(db: Database, kind: str, repeat: int, explain: bool) -> list[str]:
    site = load_site_config()
    actor, unit_id, code = nurse(db)
    lines = []

    def worklist(limit: int | None) -> Callable[[], list[Any]]:
        def run() -> list[Any]:
            with UnitOfWork(db, site, now=lambda: NOW) as uow:
                return encounters.list_stays(uow, actor, StayFilter.worklist(), limit=limit)

        return run

    def worklist_sql(limit: int | None) -> Callable[[], list[Any]]:
        statement = text(WORKLIST_SQL + (f" LIMIT {limit}" if limit else ""))

        def run() -> list[Any]:
            with db.engine.connect() as connection:
                return connection.execute(statement, {"unit": unit_id}).all()

        return run

    for label, limit in (("first page", PAGE), ("whole ward", None)):
        count = len(worklist(limit)())
        assert count == len(worklist_sql(limit)())
        service, baseline = alternating(worklist(limit), worklist_sql(limit), repeat)
        lines.append(row(f"worklist, {label} ({code})", count, service, baseline))

    def followups() -> list[Any]:
        with UnitOfWork(db, site, now=lambda: NOW) as uow:
            return list_followups(uow, actor, FollowupFilter(unit_code=code))

    start, _ = local_day_bounds(
        NOW.astimezone(site.timezone).date() - timedelta(days=30), site.timezone
    )
    _, end = local_day_bounds(NOW.astimezone(site.timezone).date(), site.timezone)
    if kind == "sqlite":  # stored as naive UTC text
        start, end = start.replace(tzinfo=None), end.replace(tzinfo=None)
    params = {"unit": unit_id, "start": start, "end": end, "code": code}

    def followups_sql() -> int:
        with db.engine.begin() as connection:
            stays = connection.execute(text(FOLLOWUP_SQL[0]), params).all()
            for statement in FOLLOWUP_SQL[1:]:
                if kind == "postgresql" and statement is READMISSIONS_SQL:
                    # the better plan on PostgreSQL, as the service does (see READMISSIONS_PG)
                    ids = [stay[0] for stay in stays]
                    connection.execute(text(READMISSIONS_PG), {**params, "ids": ids}).all()
                    continue
                connection.execute(text(statement), params).all()
            connection.execute(text(AUDIT_SQL), params)
        return len(stays)

    count = len(followups())
    assert count == followups_sql(), "the baseline lists other stays"
    service, baseline = alternating(followups, followups_sql, max(3, repeat // 2))
    lines.append(row(f"30-day follow-up list ({code})", count, service, baseline))
    if explain:
        explain_all(db, kind, {**params, "unit": unit_id})
    return lines


def explain_all(db: Database, kind: str, params: dict[str, Any]) -> None:
    prefix = "EXPLAIN QUERY PLAN " if kind == "sqlite" else "EXPLAIN "
    for statement in [WORKLIST_SQL + f" LIMIT {PAGE}", *FOLLOWUP_SQL]:
        with db.engine.connect() as connection:
            plan = connection.execute(text(prefix + statement), params).all()
        print(f"\n{kind}: {' '.join(statement.split())[:100]}...")
        for line in plan:
            print("    ", line[-1] if kind == "sqlite" else line[0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--size", choices=sorted(dataset.ENCOUNTER_SIZES), default="100k")
    parser.add_argument("--postgres", action="store_true", help="also on PostgreSQL")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--explain", action="store_true", help="print the query plans")
    args = parser.parse_args(argv)
    for kind in ["sqlite", "postgresql"] if args.postgres else ["sqlite"]:
        db = dataset.database(kind, dataset.ENCOUNTER_SIZES[args.size])
        encounters_count = dataset.encounter_count(db)
        print(f"\n{kind}, {encounters_count:,} encounters\n")
        print("| list | rows | service | hand-written SQL | ratio | <= 2x and <= 50 ms |")
        print("|---|---|---|---|---|---|")
        for line in bench(db, kind, args.repeat, args.explain):
            print(line, flush=True)
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
