"""``make bench``: every benchmark, one process each, with the machine it ran on.

The cached databases are built first (10k/100k/1M encounters on SQLite and PostgreSQL; the 1M
ones take a while the first time, see benchmarks/README.md). Each script prints its own table;
benchmarks/README.md holds the figures of the last full run and the method.

    python -m benchmarks.run_all [--quick]     # --quick: 100k lists, fewer repeats
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import subprocess
import sys
import time
from datetime import datetime

from sqlalchemy import text

from benchmarks import dataset
from transitions.db.engine import create_db_engine


def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    try:
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError, AttributeError):
        memory = float("nan")
    try:
        engine = create_db_engine(dataset.POSTGRES_URL)
        with engine.connect() as connection:
            postgres = str(connection.scalar(text("SHOW server_version")))
        engine.dispose()
    except Exception:  # noqa: BLE001 - only for the header
        postgres = "not reachable"
    return (
        f"{datetime.now():%Y-%m-%d %H:%M}, {platform.node()}: {os.cpu_count()} cores, "
        f"{memory:.0f} GiB, load average {load:.1f}, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}, PostgreSQL {postgres}"
    )


def commands(quick: bool) -> list[list[str]]:
    lists_size = "100k" if quick else "1M"
    repeat = "3" if quick else "7"
    return [
        ["benchmarks.dataset", "--size", "100k", "--size", lists_size, "--postgres"],
        ["benchmarks.startup", "--size", "100k", "--postgres", "--repeat", repeat],
        ["benchmarks.lists", "--size", lists_size, "--postgres", "--repeat", repeat],
        ["benchmarks.workspace", "--size", "100k", "--postgres"],
        ["benchmarks.memory", "--size", "100k", "--postgres"],
        ["benchmarks.packet", "--repeat", "11" if quick else "31", "--batch", "40"],
        ["benchmarks.adt_ingest", "--messages", "2000" if quick else "10000"],
        ["benchmarks.demo_scale", "--patients", "10000" if quick else "100000", "--postgres"],
        ["benchmarks.medrec_speed", "--patients", "2000"],
        ["benchmarks.education_speed", "--patients", "2000"],
        ["benchmarks.followup_scale", "--patients", "5000" if quick else "20000"],
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="smaller sizes, fewer repeats")
    args = parser.parse_args(argv)
    print(machine(), flush=True)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    failed = []
    for command in commands(args.quick):
        print(f"\n## python -m {' '.join(command)}\n", flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", *command], env=env, check=False)
        print(f"\n({time.perf_counter() - started:.0f} s)", flush=True)
        if result.returncode != 0:
            failed.append(command[0])
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
