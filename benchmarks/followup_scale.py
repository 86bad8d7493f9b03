"""Time follow-up at scale on SQLite: backfill of the demo's past discharges, the demo call
history, the 30-day list and the dashboard.

    .venv/bin/python -m benchmarks.followup_scale --patients 20000
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from transitions.config import load_site_config
from transitions.db import migrate
from transitions.db.engine import Database
from transitions.demo.followup_history import simulate_followup_history
from transitions.demo.generator import generate_demo
from transitions.services.followup_list import (
    FollowupFilter,
    backfill,
    dashboard_cells,
    list_followups,
)
from transitions.services.uow import Actor, UnitOfWork

TODAY = date(2026, 11, 25)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=20_000)
    args = parser.parse_args()
    site = load_site_config()
    now = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
    actor = Actor.system("benchmark")
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(f"sqlite:///{Path(folder) / 'bench.db'}")
        migrate.upgrade(db.engine)
        generate_demo(db, patients=args.patients, seed=5, today=TODAY, tz=site.timezone)

        def timed(label: str, work: object) -> object:
            started = time.perf_counter()
            with UnitOfWork(db, site, now=lambda: now) as uow:
                result = work(uow)  # type: ignore[operator]
            print(f"{label:<28} {time.perf_counter() - started:7.2f} s  {result}")
            return result

        timed("backfill", lambda uow: backfill(uow, actor))
        timed("demo call history", lambda uow: simulate_followup_history(uow, actor, seed=5))
        timed(
            "30-day list (all units)", lambda uow: len(list_followups(uow, actor, FollowupFilter()))
        )
        timed(
            "30-day list (4W, overdue)",
            lambda uow: len(
                list_followups(uow, actor, FollowupFilter(unit_code="4W", overdue_only=True))
            ),
        )
        timed(
            "dashboard (90 days)",
            lambda uow: len(dashboard_cells(uow, actor, first=date(2026, 8, 27), last=TODAY)),
        )
        db.dispose()


if __name__ == "__main__":
    main()
