"""Time medication reconciliation on a demo hospital (SQLite file).

    .venv/bin/python -m benchmarks.medrec_speed [--patients 2000]

Reports the median time to load one stay's reconciliation (lists + all checks), to record a
decision (validate + audit + commit + reload), and the BOOST suggestion for a whole worklist.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from transitions.config import load_site_config
from transitions.db import migrate
from transitions.db.engine import Database
from transitions.db.models import Encounter, MedicationEntry
from transitions.demo.generator import generate_demo
from transitions.domain.encounter_status import ACTIVE_STATUSES
from transitions.domain.enums import MedicationList
from transitions.domain.medrec.workflow import DecisionKind
from transitions.services import medrec
from transitions.services.uow import Actor, UnitOfWork


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=2000)
    args = parser.parse_args()
    site = load_site_config()
    actor = Actor.system("bench")
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(f"sqlite:///{Path(tmp) / 'bench.db'}")
        migrate.upgrade(db.engine)
        tz = site.timezone
        generate_demo(db, patients=args.patients, seed=3, today=datetime.now(UTC).date(), tz=tz)
        with UnitOfWork(db, site) as uow:
            active = list(
                uow.session.scalars(
                    select(Encounter.id).where(Encounter.status.in_(ACTIVE_STATUSES))
                )
            )
            homes = dict(
                uow.session.execute(
                    select(MedicationEntry.encounter_id, MedicationEntry.id).where(
                        MedicationEntry.list_kind == MedicationList.HOME
                    )
                ).all()
            )
        sample = [e for e in active if e in homes][:50]
        loads, decides = [], []
        for stay in sample:
            with UnitOfWork(db, site) as uow:
                start = time.perf_counter()
                medrec.get_reconciliation(uow, actor, stay)
                loads.append(time.perf_counter() - start)
            with UnitOfWork(db, site) as uow:
                start = time.perf_counter()
                medrec.decide(uow, actor, homes[stay], DecisionKind.CONTINUE)
                decides.append(time.perf_counter() - start)
        with UnitOfWork(db, site) as uow:
            start = time.perf_counter()
            result = medrec.pharmacist_review_suggestions(uow, active)
            boost = time.perf_counter() - start
        suggested = sum(1 for r in result.values() if r.suggested)
        print(f"patients {args.patients}, active stays {len(active)}, sample {len(sample)}")
        print(f"load reconciliation: median {statistics.median(loads) * 1000:.1f} ms")
        print(f"decide (continue):   median {statistics.median(decides) * 1000:.1f} ms")
        print(f"BOOST for {len(active)} stays: {boost * 1000:.0f} ms ({suggested} suggested)")
        db.dispose()


if __name__ == "__main__":
    main()
