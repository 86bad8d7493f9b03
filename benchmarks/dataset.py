"""Benchmark databases built with the demo generator, cached between runs.

SQLite files live in ``benchmarks/.cache/``; PostgreSQL data in a schema per size on the test
server. A cache entry is migrated to the current schema head and reused if it holds the expected
number of patients; otherwise it is rebuilt.

Sizes are given in patients; the demo makes about 3.2 encounters per patient, so
3,100 / 31,000 / 310,000 patients give roughly 10k / 100k / 1M encounters ("tiny", 40 patients,
is for the smoke test in ``make test``). PostgreSQL gets a copy of the SQLite rows (COPY), so
both databases hold the same hospital.

The patients are spread over the years a hospital of the demo's beds needs to see them
(:meth:`Census.for_beds`: its wards about 85 % full today, discharges at the beds' pace), not
over the demo's one busy year, in which a 1M-encounter hospital had 84,000 patients in bed.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, text

from transitions.config import load_site_config
from transitions.db import migrate
from transitions.db.engine import Database, create_db_engine
from transitions.db.followup_models import FollowupTask
from transitions.db.models import Encounter, Patient
from transitions.demo.followup_history import seed_demo_followups
from transitions.demo.generator import generate_demo, hospital_beds
from transitions.demo.timeline import Census

CACHE = Path(__file__).resolve().parent / ".cache"
SEED = 2026
TODAY = date(2026, 11, 25)
TZ = ZoneInfo("America/New_York")
POSTGRES_URL = os.environ.get(
    "TRANSITIONS_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
ENCOUNTER_SIZES = {"tiny": 40, "10k": 3_100, "100k": 31_000, "1M": 310_000}
#: Appended to the PostgreSQL schema names (the smoke test uses its own, then drops it).
SCHEMA_TAG = ""


def _ready(db: Database, patients: int) -> bool:
    try:
        current = migrate.current_revision(db.engine)
        if current is None:
            return False
        if current != migrate.head_revision():
            migrate.upgrade(db.engine)  # a newer schema: migrate the cached data, don't rebuild
        _add_missing_indexes(db)
        with db.engine.connect() as connection:
            return (
                connection.scalar(select(func.count()).select_from(Patient)) == patients
                and connection.scalar(select(FollowupTask.id).limit(1)) is not None
            )
    except Exception:  # noqa: BLE001 - anything wrong with the cache means rebuild
        return False


def _add_missing_indexes(db: Database) -> None:
    """Indexes of the models a cached database lacks (one made while the head migration was
    still growing): created here so the figures are taken with the schema as it is now."""
    from sqlalchemy import inspect

    from transitions.db.models import Base

    inspector = inspect(db.engine)
    for table in Base.metadata.sorted_tables:
        present = {index["name"] for index in inspector.get_indexes(table.name)}
        for index in table.indexes:
            if index.name not in present:
                index.create(db.engine)


def encounter_count(db: Database) -> int:
    with db.engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(Encounter)) or 0)


def _generate(db: Database, patients: int) -> None:
    """The demo hospital plus the follow-up history of its past discharges (as ``make run``)."""
    census = Census.for_beds(patients, hospital_beds())
    generate_demo(db, patients=patients, seed=SEED, today=TODAY, tz=TZ, census=census)
    noon = datetime.combine(TODAY, time(12, 0), tzinfo=TZ).astimezone(UTC)
    seed_demo_followups(db, load_site_config(), SEED, now=lambda: noon)


def sqlite_url(patients: int) -> str:
    return f"sqlite:///{CACHE / f'hospital-{patients}-{SEED}.db'}"


def schema_name(patients: int) -> str:
    return f"bench_hospital_{patients}_{SEED}{SCHEMA_TAG}"


def postgres_url(patients: int) -> str:
    return f"{POSTGRES_URL}?options=-csearch_path%3D{schema_name(patients)}"


def sqlite_database(patients: int) -> Database:
    CACHE.mkdir(exist_ok=True)
    url = sqlite_url(patients)
    db = Database(create_db_engine(url))
    if not _ready(db, patients):
        db.dispose()
        path = CACHE / f"hospital-{patients}-{SEED}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        db = Database(create_db_engine(url))
        migrate.upgrade(db.engine)
        _generate(db, patients)
        with db.engine.connect() as connection:
            connection.exec_driver_sql("ANALYZE")
    return db


def postgres_database(patients: int) -> Database:
    schema = schema_name(patients)
    db = Database(create_db_engine(postgres_url(patients)))
    if not _ready(db, patients):
        db.dispose()
        admin = create_db_engine(POSTGRES_URL)
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        admin.dispose()
        db = Database(create_db_engine(postgres_url(patients)))
        migrate.upgrade(db.engine)
        source = sqlite_database(patients)
        copy_rows(source, db)
        source.dispose()
        with db.engine.begin() as connection:
            connection.execute(text("ANALYZE"))
    return db


def copy_rows(source: Database, target: Database) -> None:
    """Every row of the SQLite benchmark database into the migrated, empty PostgreSQL schema,
    with COPY: the same hospital on both databases, in minutes (the generator's follow-up
    history takes ~20 times longer on PostgreSQL, one ORM round trip after another)."""
    from transitions.db.models import Base

    with source.engine.connect() as src, target.engine.begin() as dst:
        # stored SQLite timestamps are UTC; no per-row triggers (change notifications), no FK
        # checks (the rows are consistent in the source)
        dst.exec_driver_sql("SET LOCAL timezone = 'UTC'")
        dst.exec_driver_sql("SET LOCAL session_replication_role = replica")
        cursor = dst.connection.driver_connection.cursor()  # type: ignore[union-attr]
        for table in Base.metadata.sorted_tables:
            names = ", ".join(f'"{column.name}"' for column in table.columns)
            rows = src.exec_driver_sql(f'SELECT {names} FROM "{table.name}"')
            with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
                while chunk := rows.fetchmany(10_000):
                    for row in chunk:
                        copy.write_row(row)
            if "id" in table.c and table.c.id.primary_key and table.c.id.autoincrement:
                dst.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f'coalesce(max(id), 0) + 1, false) FROM "{table.name}"'
                )


def database(kind: str, patients: int) -> Database:
    return sqlite_database(patients) if kind == "sqlite" else postgres_database(patients)


def url(kind: str, patients: int) -> str:
    return sqlite_url(patients) if kind == "sqlite" else postgres_url(patients)


def main(argv: list[str] | None = None) -> int:
    """Build (or check) the cached databases: ``python -m benchmarks.dataset --size 1M``."""
    import argparse
    import time as clock

    parser = argparse.ArgumentParser(description="build the cached benchmark databases")
    parser.add_argument("--size", choices=sorted(ENCOUNTER_SIZES), action="append")
    parser.add_argument("--postgres", action="store_true", help="also on PostgreSQL")
    args = parser.parse_args(argv)
    for size in args.size or ["10k"]:
        for kind in ["sqlite", "postgresql"] if args.postgres else ["sqlite"]:
            started = clock.perf_counter()
            db = database(kind, ENCOUNTER_SIZES[size])
            count = encounter_count(db)
            db.dispose()
            seconds = clock.perf_counter() - started
            print(f"{kind} {size}: {count:,} encounters ready in {seconds:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
