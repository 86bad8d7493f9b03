"""Time the care plan services (SQLite): importing a large community-resource CSV, the
resources suggested for a need (category, language, distance), and one stay's care plan view.

    .venv/bin/python -m benchmarks.careplan_speed [--resources 5000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from transitions.config import load_site_config
from transitions.db import migrate
from transitions.db.assessment_models import Need
from transitions.db.engine import Database
from transitions.db.models import Encounter, Patient
from transitions.domain.assessment import NeedDomain, NeedStatus
from transitions.domain.careplan import vocabulary
from transitions.domain.encounter_status import EncounterStatus
from transitions.domain.enums import AdmissionType, EncounterClass, Sex
from transitions.services import careplan, community_resources, goals, referrals
from transitions.services.uow import Actor, UnitOfWork

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


def resource_csv(count: int, seed: int = 11) -> str:
    rng = random.Random(seed)
    categories = list(vocabulary().categories)
    lines = ["name,category,phone,address,zip,latitude,longitude,hours,languages"]
    for i in range(count):
        lat, lon = 43.16 + rng.uniform(-0.4, 0.4), -77.61 + rng.uniform(-0.5, 0.5)
        coords = f"{lat:.4f},{lon:.4f}" if rng.random() < 0.7 else ","
        languages = rng.choice(["en", "en;es", "es;en", "en;vi", "en;es;zh"])
        lines.append(
            f"Resource {i},{rng.choice(categories)},(585) 555-01{i % 100:02d},"
            f"{i} Main Street,146{rng.randint(80, 99)},{coords},Mon-Fri 09:00-17:00,{languages}"
        )
    return "\n".join(lines) + "\n"


def median_ms(call: Callable[[], object], repeat: int = 21) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--resources", type=int, default=5000)
    args = parser.parse_args(argv)
    site = load_site_config()
    actor = Actor.system("bench")
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(f"sqlite:///{Path(tmp) / 'bench.db'}")
        migrate.upgrade(db.engine)

        def uow() -> UnitOfWork:
            return UnitOfWork(db, site, now=lambda: NOW)

        text = resource_csv(args.resources)
        start = time.perf_counter()
        with uow() as u:
            community_resources.import_resources(u, actor, text)
        import_s = time.perf_counter() - start
        start = time.perf_counter()
        with uow() as u:
            result = community_resources.import_resources(u, actor, text)
        reimport_s = time.perf_counter() - start
        assert result.updated == args.resources

        with uow() as u:
            patient = Patient(
                mrn="BENCH1", family_name="Bench", given_name="Case", birth_date=date(1950, 1, 1),
                sex=Sex.FEMALE, preferred_language="es", interpreter_needed=True,
                postal_code="14695",
            )  # fmt: skip
            stay = Encounter(
                visit_number="VBENCH1", patient=patient, encounter_class=EncounterClass.INPATIENT,
                admit_time=NOW, admission_type=AdmissionType.EMERGENCY,
                status=EncounterStatus.ADMITTED,
            )  # fmt: skip
            u.session.add(stay)
            u.session.flush()
            needs = []
            for domain in (NeedDomain.FOOD, NeedDomain.TRANSPORTATION, NeedDomain.HOUSING):
                need = Need(
                    encounter_id=stay.id, domain=domain, source_question="bench",
                    description=domain.value, status=NeedStatus.OPEN, identified_at=NOW,
                )  # fmt: skip
                u.session.add(need)
                u.session.flush()
                needs.append(need.id)
            encounter_id = stay.id
            u.commit()

        def suggest() -> object:
            with uow() as u:
                return community_resources.suggest_resources(u, actor, needs[0])

        suggest_ms = median_ms(suggest)
        with uow() as u:
            found = community_resources.suggest_resources(u, actor, needs[0])
        for need_id in needs:
            with uow() as u:
                pick = community_resources.suggest_resources(u, actor, need_id).items[0]
                referrals.add_referral(u, actor, need_id, referrals.ReferralInput(pick.resource.id))
        for n in range(3):
            with uow() as u:
                goals.add_goal(
                    u, actor, encounter_id,
                    goals.GoalInput(f"goal {n}", "target", date(2026, 12, 20)),
                )  # fmt: skip

        def plan() -> object:
            with uow() as u:
                return careplan.get_care_plan(u, actor, encounter_id)

        plan_ms = median_ms(plan)
        db.dispose()
    print(
        f"| {args.resources:,} | {import_s:.2f} | {reimport_s:.2f} | "
        f"{suggest_ms:.1f} ({len(found.items):,} candidates) | {plan_ms:.1f} |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
