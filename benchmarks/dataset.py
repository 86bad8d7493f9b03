"""Benchmark databases built with the demo generator, cached between runs.

SQLite files live in ``benchmarks/.cache/``; PostgreSQL data in a schema per size on the test
server. A cache entry is migrated to the current schema head and reused if it holds the expected
number of patients; otherwise it is rebuilt.

Sizes are given in patients; the demo makes about 3.2 encounters per patient, so
3,100 / 31,000 / 310,000 patients give roughly 10k / 100k / 1M encounters.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, text

from transitions.db import migrate
from transitions.db.engine import Database, create_db_engine
from transitions.db.models import Encounter, Patient
from transitions.demo.generator import generate_demo

CACHE = Path(__file__).resolve().parent / ".cache"
SEED = 2026
TODAY = date(2026, 11, 25)
TZ = ZoneInfo("America/New_York")
POSTGRES_URL = os.environ.get(
    "TRANSITIONS_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
ENCOUNTER_SIZES = {"10k": 3_100, "100k": 31_000, "1M": 310_000}


def _ready(db: Database, patients: int) -> bool:
    try:
        current = migrate.current_revision(db.engine)
        if current is None:
            return False
        if current != migrate.head_revision():
            migrate.upgrade(db.engine)  # a newer schema: migrate the cached data, don't rebuild
        with db.engine.connect() as connection:
            return connection.scalar(select(func.count()).select_from(Patient)) == patients
    except Exception:  # noqa: BLE001 - anything wrong with the cache means rebuild
        return False


def encounter_count(db: Database) -> int:
    with db.engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(Encounter)) or 0)


def sqlite_url(patients: int) -> str:
    return f"sqlite:///{CACHE / f'demo-{patients}-{SEED}.db'}"


def postgres_url(patients: int) -> str:
    return f"{POSTGRES_URL}?options=-csearch_path%3Dbench_{patients}_{SEED}"


def sqlite_database(patients: int) -> Database:
    CACHE.mkdir(exist_ok=True)
    url = sqlite_url(patients)
    db = Database(create_db_engine(url))
    if not _ready(db, patients):
        db.dispose()
        path = CACHE / f"demo-{patients}-{SEED}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        db = Database(create_db_engine(url))
        migrate.upgrade(db.engine)
        generate_demo(db, patients=patients, seed=SEED, today=TODAY, tz=TZ)
        with db.engine.connect() as connection:
            connection.exec_driver_sql("ANALYZE")
    return db


def postgres_database(patients: int) -> Database:
    schema = f"bench_{patients}_{SEED}"
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
        generate_demo(db, patients=patients, seed=SEED, today=TODAY, tz=TZ)
        with db.engine.begin() as connection:
            connection.execute(text("ANALYZE"))
    return db


def database(kind: str, patients: int) -> Database:
    return sqlite_database(patients) if kind == "sqlite" else postgres_database(patients)


def url(kind: str, patients: int) -> str:
    return sqlite_url(patients) if kind == "sqlite" else postgres_url(patients)
