"""Time the demo-hospital generator at scale on SQLite (and PostgreSQL with --postgres).

    .venv/bin/python -m benchmarks.demo_scale --patients 100000 [--postgres] [--keep]

SQLite: a fresh migrated file in a temporary directory. PostgreSQL: a fresh schema
(``demo_scale_<pid>``) on the test server, migrated with alembic, dropped afterwards unless
``--keep``. Prints the summary, seconds, rows per second and the database size.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, text

from transitions.db import migrate
from transitions.db.engine import Database, create_db_engine
from transitions.db.models import Base
from transitions.demo.generator import DemoSummary, generate_demo

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
DEMO_TABLES = (
    "unit", "clinic", "provider", "patient", "allergy", "encounter", "diagnosis", "lab_result",
    "medication_entry",
)  # fmt: skip


def _row_count(db: Database) -> int:
    total = 0
    with db.engine.connect() as connection:
        for name in DEMO_TABLES:
            table = Base.metadata.tables[name]
            total += int(connection.scalar(select(func.count()).select_from(table)) or 0)
    return total


def _progress(started: float) -> Callable[[int, int], None]:
    def report(done: int, total: int) -> None:
        elapsed = time.perf_counter() - started
        print(f"\r  {done:>9,} / {total:,} patients  {elapsed:7.1f} s", end="", file=sys.stderr)
        if done == total:
            print(file=sys.stderr)

    return report


def _run(db: Database, args: argparse.Namespace) -> tuple[DemoSummary, float, int]:
    started = time.perf_counter()
    summary = generate_demo(
        db,
        patients=args.patients,
        seed=args.seed,
        today=date.fromisoformat(args.today),
        tz=ZoneInfo(args.timezone),
        progress=_progress(started),
    )
    seconds = time.perf_counter() - started
    return summary, seconds, _row_count(db)


def _report(label: str, summary: DemoSummary, seconds: int | float, rows: int, size: str) -> None:
    print(f"\n== {label}")
    for key, value in summary.to_json().items():
        print(f"  {key:<24} {value:>12,}")
    print(f"  {'rows written':<24} {rows:>12,}")
    print(f"  {'seconds':<24} {seconds:>12.1f}")
    print(f"  {'rows per second':<24} {rows / seconds:>12,.0f}")
    print(f"  {'patients per second':<24} {summary.patients / seconds:>12,.0f}")
    print(f"  {'size':<24} {size:>12}", flush=True)


def _mib(size: int) -> str:
    return f"{size / 2**20:,.1f} MiB"


def bench_sqlite(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="demo-scale-") as tmp:
        path = Path(tmp) / "demo.db"
        db = Database.open(f"sqlite:///{path}")
        migrate.upgrade(db.engine)
        summary, seconds, rows = _run(db, args)
        with db.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.dispose()
        _report(f"SQLite ({path.name})", summary, seconds, rows, _mib(path.stat().st_size))


def bench_postgres(args: argparse.Namespace) -> None:
    schema = f"demo_scale_{os.getpid()}"
    admin = create_db_engine(args.postgres_url)
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    db = Database(
        create_db_engine(args.postgres_url, connect_args={"options": f"-csearch_path={schema}"})
    )
    try:
        migrate.upgrade(db.engine)
        summary, seconds, rows = _run(db, args)
        with db.engine.connect() as connection:
            database_size = int(
                connection.scalar(text("SELECT pg_database_size(current_database())")) or 0
            )
            schema_size = int(
                connection.scalar(
                    text(
                        "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                        "JOIN pg_namespace n ON n.oid = c.relnamespace "
                        "WHERE n.nspname = :schema AND c.relkind IN ('r', 'm')"
                    ),
                    {"schema": schema},
                )
                or 0
            )
        size = f"schema {_mib(schema_size)}; database {_mib(database_size)}"
        _report(f"PostgreSQL (schema {schema})", summary, seconds, rows, size)
    finally:
        db.dispose()
        if not args.keep:
            with admin.begin() as connection:
                connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--patients", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--today", default="2026-11-25", help="ISO date the demo treats as today")
    parser.add_argument("--timezone", default="America/New_York")
    parser.add_argument("--postgres", action="store_true", help="also run on PostgreSQL")
    parser.add_argument("--postgres-only", action="store_true", help="skip SQLite")
    parser.add_argument("--postgres-url", default=DEFAULT_POSTGRES_URL)
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL schema")
    args = parser.parse_args(argv)
    if not args.postgres_only:
        bench_sqlite(args)
    if args.postgres or args.postgres_only:
        bench_postgres(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
