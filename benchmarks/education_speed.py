"""Time the education service on a demo hospital (SQLite): the progress a worklist would show for
every current inpatient, one stay's full education view, and the live reading-level score.

    .venv/bin/python -m benchmarks.education_speed [--patients 2000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from transitions.config import load_site_config
from transitions.db import migrate
from transitions.db.engine import Database
from transitions.demo.generator import generate_demo
from transitions.domain.education.reading import reading_level
from transitions.services import education
from transitions.services.encounters import StayFilter, list_stays
from transitions.services.uow import Actor, UnitOfWork

TEXT = (
    "Weigh yourself each morning and write it down. Walk for ten minutes twice a day. "
    "Call the clinic if your weight goes up by three pounds in a day. " * 6
)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=2000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    site = load_site_config()
    tz = ZoneInfo("America/New_York")
    actor = Actor.system("bench")
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(f"sqlite:///{Path(tmp) / 'bench.db'}")
        migrate.upgrade(db.engine)
        generate_demo(db, patients=args.patients, seed=3, today=date(2026, 11, 25), tz=tz)
        with UnitOfWork(db, site) as uow:
            ids = [r.encounter_id for r in list_stays(uow, actor, StayFilter.worklist())]
        start = time.perf_counter()
        with UnitOfWork(db, site) as uow:
            progress = education.education_progress(uow, actor, ids)
        worklist_s = time.perf_counter() - start
        if "--profile" in argv:
            import cProfile
            import pstats

            with UnitOfWork(db, site) as uow:
                cProfile.runctx(
                    "education.education_progress(uow, actor, ids)", globals(), locals(), "/tmp/p"
                )
            pstats.Stats("/tmp/p").sort_stats("cumulative").print_stats(18)
        start = time.perf_counter()
        for encounter_id in ids[:50]:
            with UnitOfWork(db, site) as uow:
                education.get_education(uow, actor, encounter_id)
        view_ms = (time.perf_counter() - start) / min(50, len(ids)) * 1000
        reading_level(TEXT)  # warm the syllable dictionary
        start = time.perf_counter()
        for n in range(100):
            reading_level(f"{TEXT} Day {n}.")  # distinct texts: textstat caches by text
        reading_ms = (time.perf_counter() - start) / 100 * 1000
        db.dispose()
    print(f"current inpatients: {len(ids)} (progress computed for {len(progress)})")
    print(f"education_progress for all of them: {worklist_s:.2f} s")
    print(f"get_education, one stay: {view_ms:.1f} ms")
    print(f"reading_level of {len(TEXT.split())} words: {reading_ms:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
