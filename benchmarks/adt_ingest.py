"""ADT feed ingest speed next to python-hl7's parse-only rate on the same messages.

    .venv/bin/python -m benchmarks.adt_ingest [--messages 10000] [--repeat 5] [--single 1]
        [--dir /tmp] [--normal-sync] [--postgres]

The stream: synthetic patients, each admitted (A01), updated (A08, with a DG1 and an AL1) and
discharged (A03, scored and given its follow-up tasks); every 10th visit is an ED registration
(A04) instead. Each repetition, on the same messages:

- parse-only: ``hl7.parse`` of every message (python-hl7);
- stream ingest: the real path of ``transitions import hl7`` (``AdtFeed.receive_many``): each
  batch of up to 500 messages stored raw and committed, then applied and committed, on a fresh
  migrated SQLite file in ``--dir`` (WAL; synchronous=FULL as the import and the listener use
  it, ``--normal-sync`` for the application's default NORMAL);
- with ``--single N`` (N repetitions): one message at a time as the MLLP listener does
  (``AdtFeed.receive``: store + commit, apply + commit, before the next message).

The machine is shared, so each repetition's ratio is taken within the repetition and the
medians are reported. ``--postgres`` runs the stream ingest on a fresh PostgreSQL schema too.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import text

from transitions.config import SiteConfig, load_site_config
from transitions.db import migrate
from transitions.db.engine import Database, create_db_engine
from transitions.services import interop
from transitions.services.interop_feed import AdtFeed, durable_commits
from transitions.services.uow import UnitOfWork

FAMILIES = ["Testperson", "Samplewood", "Examplar", "Mockley", "Fictus", "Placeholt"]
GIVEN = ["Alma", "Ben", "Cora", "Dev", "Eli", "Faye", "Gus", "Hana"]
DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def stream(count: int) -> list[str]:
    messages: list[str] = []
    start = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)
    visit = 0
    while len(messages) < count:
        visit += 1
        admit = start + timedelta(hours=7 * visit)
        ts = admit.strftime("%Y%m%d%H%M")
        out = (admit + timedelta(days=3)).strftime("%Y%m%d%H%M")
        mrn = f"B{visit % 4000:06d}"
        name = f"{FAMILIES[visit % len(FAMILIES)]}^{GIVEN[visit % len(GIVEN)]}"
        pid = f"PID|1||{mrn}^^^BENCH^MR||{name}||19{40 + visit % 50:02d}0{1 + visit % 9}15|F"
        ed = visit % 10 == 0
        klass = "E" if ed else "I"
        pv1 = f"PV1|1|{klass}|4W^{400 + visit % 30}^A||||||MED|||||||||{{}}|V{visit:07d}^^^BENCH^VN"
        pv1 += "|" * 24 + f"|{ts}"
        events = ["A04", "A03"] if ed else ["A01", "A08", "A03"]
        for n, event in enumerate(events):
            extra = ""
            if event == "A08":
                extra = "\rDG1|1||I50.23^Heart failure^I10||||||||||||1\rAL1|1|DA|^Penicillin|MO"
            segment_pv1 = pv1.replace("{}", "")
            if event == "A03":
                segment_pv1 += f"|{out}"
            messages.append(
                f"MSH|^~\\&|ADT|BENCH|TRANS|BENCH|{ts}||ADT^{event}|C{visit}-{n}|P|2.5\r"
                f"EVN|{event}|{ts}\r{pid}\r{segment_pv1}{extra}"
            )
    return messages[:count]


def parse_rate(messages: list[str]) -> float:
    import hl7

    started = time.perf_counter()
    for message in messages:
        hl7.parse(message)
    return len(messages) / (time.perf_counter() - started)


def ingest_rate(
    db: Database, site: SiteConfig, raw: list[bytes], single: bool = False
) -> tuple[float, int]:
    """Messages/s through the feed, and how many were accepted."""

    def make_uow() -> UnitOfWork:
        return UnitOfWork(db, site)

    feed = AdtFeed(make_uow, interop.adt_actor())
    started = time.perf_counter()
    if single:
        accepted = sum(feed.receive(message, "bench").accepted for message in raw)
    else:
        accepted = sum(result.accepted for result in feed.receive_many(raw, "bench"))
    return len(raw) / (time.perf_counter() - started), accepted


def on_sqlite(
    folder: str, run: Callable[[Database], tuple[float, int]], durable: bool
) -> tuple[float, int]:
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        engine = create_db_engine(url)
        migrate.upgrade(engine)
        engine.dispose()
        db = Database.open(url)
        if durable:
            durable_commits(db)
        try:
            return run(db)
        finally:
            db.dispose()


def on_postgres(url: str, run: Callable[[Database], tuple[float, int]]) -> tuple[float, int]:
    schema = f"adt_ingest_{os.getpid()}"
    admin = create_db_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    db = Database(create_db_engine(url, connect_args={"options": f"-csearch_path={schema}"}))
    try:
        migrate.upgrade(db.engine)
        return run(db)
    finally:
        db.dispose()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5, help="repetitions (median reported)")
    parser.add_argument("--single", type=int, default=0, help="repetitions one message at a time")
    parser.add_argument("--dir", default=tempfile.gettempdir(), help="folder of the SQLite file")
    parser.add_argument("--normal-sync", action="store_true", help="SQLite synchronous=NORMAL")
    parser.add_argument("--postgres", action="store_true", help="stream ingest on PostgreSQL too")
    parser.add_argument("--postgres-url", default=DEFAULT_POSTGRES_URL)
    args = parser.parse_args()
    messages = stream(args.messages)
    raw = [m.encode() for m in messages]
    site = load_site_config()
    # the ICD-10-CM code set loads once per process (~3 s), before the first repetition
    import simple_icd_10_cm  # noqa: F401

    rows: dict[str, list[tuple[float, float]]] = {}
    for rep in range(max(args.repeat, args.single)):
        plan: list[tuple[str, Callable[[Database], tuple[float, int]], bool]] = []
        if rep < args.repeat:
            plan.append(("stream, SQLite", lambda db: ingest_rate(db, site, raw), False))
            if args.postgres:
                plan.append(("stream, PostgreSQL", lambda db: ingest_rate(db, site, raw), True))
        if rep < args.single:
            plan.append(
                ("one at a time, SQLite", lambda db: ingest_rate(db, site, raw, True), False)
            )
        for name, run, postgres in plan:
            parsed = parse_rate(messages)
            if postgres:
                rate, accepted = on_postgres(args.postgres_url, run)
            else:
                rate, accepted = on_sqlite(args.dir, run, not args.normal_sync)
            assert accepted == len(raw), f"{name}: only {accepted} of {len(raw)} accepted"
            rows.setdefault(name, []).append((parsed, rate))
            print(
                f"rep {rep + 1} {name:<24} parse {parsed:7,.0f}/s  ingest {rate:7,.0f}/s  "
                f"ratio {rate / parsed:.3f}",
                flush=True,
            )
    print(f"\n{len(raw):,} messages, medians of each repetition's figures:")
    for name, figures in rows.items():
        parse = statistics.median(p for p, _ in figures)
        ingest = statistics.median(i for _, i in figures)
        ratio = statistics.median(i / p for p, i in figures)
        print(
            f"{name:<24} n={len(figures)}  parse-only {parse:7,.0f}/s  ingest {ingest:7,.0f}/s  "
            f"ratio {ratio:.3f} (range {min(i / p for p, i in figures):.3f}-"
            f"{max(i / p for p, i in figures):.3f})"
        )


if __name__ == "__main__":
    main()
