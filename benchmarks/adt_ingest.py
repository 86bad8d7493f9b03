"""ADT feed ingest speed on SQLite next to python-hl7's parse-only rate on the same messages.

    .venv/bin/python -m benchmarks.adt_ingest [--messages 10000]

The stream: synthetic patients, each admitted (A01), updated (A08, with a DG1 and an AL1) and
discharged (A03); every 10th visit is an ED registration (A04) instead. Ingest is the real path
(`interop.receive_hl7`): store raw (commit), parse + apply + mark processed (commit), on a fresh
migrated SQLite file (WAL, synchronous=NORMAL). Parse-only is `hl7.parse` on each message.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from transitions.config import load_site_config
from transitions.db import migrate
from transitions.db.engine import Database, create_db_engine
from transitions.services import interop
from transitions.services.uow import UnitOfWork

FAMILIES = ["Testperson", "Samplewood", "Examplar", "Mockley", "Fictus", "Placeholt"]
GIVEN = ["Alma", "Ben", "Cora", "Dev", "Eli", "Faye", "Gus", "Hana"]


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=10_000)
    args = parser.parse_args()
    messages = stream(args.messages)
    raw = [m.encode() for m in messages]

    import hl7

    started = time.perf_counter()
    for message in messages:
        hl7.parse(message)
    parse_seconds = time.perf_counter() - started

    # the ICD-10-CM code set loads once per process (~2 s); a listener pays it at start-up
    import simple_icd_10_cm  # noqa: F401

    site = load_site_config()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        engine = create_db_engine(f"sqlite:///{path}")
        migrate.upgrade(engine)
        engine.dispose()
        db = Database.open(f"sqlite:///{path}")
        actor = interop.adt_actor()

        def make_uow() -> UnitOfWork:
            return UnitOfWork(db, site)

        accepted = 0
        started = time.perf_counter()
        for message in raw:
            accepted += interop.receive_hl7(make_uow, actor, message, "bench").accepted
        ingest_seconds = time.perf_counter() - started
        size = path.stat().st_size
        db.dispose()

    parse_rate = len(messages) / parse_seconds
    ingest_rate = len(messages) / ingest_seconds
    print(f"messages:           {len(messages):,} ({accepted:,} accepted)")
    print(f"python-hl7 parse:   {parse_seconds:8.2f} s  {parse_rate:10,.0f} messages/s")
    print(f"ingest into SQLite: {ingest_seconds:8.2f} s  {ingest_rate:10,.0f} messages/s")
    print(f"ratio ingest/parse: {ingest_rate / parse_rate:.3f} (goal >= 0.5)")
    print(f"database size:      {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
