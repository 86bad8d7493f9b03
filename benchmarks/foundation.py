"""Foundation measurements: worklist query, opening a stay, cold start, worklist model memory.

Each figure is measured against a baseline in the same run (median of repeats), so the ratio
survives a noisy machine:

* worklist query (every ward's current stays through ``list_stays``) vs. the same rows by
  hand-written SQL;
* opening a stay (``get_stay``: patient, stay, diagnoses, allergies, labs, medicines, prior
  utilisation) vs. hand-written SQL fetching the same data;
* cold start to a populated, painted worklist (fresh process) vs. a bare PySide6 window;
* resident memory of a process holding the worklist model with N rows vs. a bare window.

    python -m benchmarks.foundation --size 1M [--postgres] [--repeat 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select, text

from benchmarks import dataset
from transitions.config import load_site_config
from transitions.db.engine import Database
from transitions.db.models import Encounter
from transitions.domain.encounter_status import EncounterStatus
from transitions.services import encounters
from transitions.services.encounters import StayFilter
from transitions.services.uow import Actor, UnitOfWork

ACTOR = Actor.system("benchmark")
HERE = Path(__file__).resolve().parent

WORKLIST_SQL = text(
    """
    SELECT e.id, e.version_id, e.visit_number, p.family_name, p.given_name, p.mrn, p.birth_date,
           p.sex, p.preferred_language, p.interpreter_needed, u.code, e.room, e.bed,
           e.admit_time, e.planned_discharge_time, e.discharge_time, e.status
    FROM encounter e JOIN patient p ON p.id = e.patient_id LEFT JOIN unit u ON u.id = e.unit_id
    WHERE e.encounter_class = 'inpatient' AND e.unit_id = :unit
      AND e.status IN ('admitted', 'discharge_planned', 'ready')
    ORDER BY e.planned_discharge_time, e.id
    """
)

STAY_SQL = [
    text(
        "SELECT e.*, p.*, u.code, u.name FROM encounter e JOIN patient p ON p.id = e.patient_id "
        "LEFT JOIN unit u ON u.id = e.unit_id WHERE e.id = :id"
    ),
    text("SELECT * FROM diagnosis WHERE encounter_id = :id ORDER BY principal DESC, rank"),
    text("SELECT * FROM lab_result WHERE encounter_id = :id ORDER BY observed_at"),
    text("SELECT * FROM medication_entry WHERE encounter_id = :id ORDER BY id"),
    text(
        "SELECT * FROM allergy WHERE patient_id = (SELECT patient_id FROM encounter WHERE id = :id)"
    ),
    text(
        "SELECT count(*) FROM encounter o, encounter e WHERE e.id = :id "
        "AND o.patient_id = e.patient_id AND o.encounter_class = 'emergency' "
        "AND o.admit_time < e.admit_time"
    ),
    text(
        "SELECT count(*) FROM encounter o, encounter e WHERE e.id = :id "
        "AND o.patient_id = e.patient_id AND o.encounter_class = 'inpatient' "
        "AND o.id <> e.id AND o.admit_time < e.admit_time"
    ),
]


AUDIT_SQL = text(
    "INSERT INTO audit_event (occurred_at, username, workstation, patient_id, entity, entity_id, "
    "action) SELECT CURRENT_TIMESTAMP, 'benchmark', 'bench', patient_id, 'encounter', "
    "visit_number, 'view' FROM encounter WHERE id = :id"
)


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm caches and connections
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def row(name: str, figure: float, baseline: float, unit: str = "ms") -> str:
    return f"| {name} | {figure:.1f} {unit} | {baseline:.1f} {unit} | {figure / baseline:.2f}x |"


def bench_queries(db: Database, repeat: int) -> list[str]:
    site = load_site_config()
    with db.engine.connect() as connection:
        units = connection.execute(text("SELECT id, code FROM unit ORDER BY code")).all()
    uow = UnitOfWork(db, site)

    def worklist() -> None:
        for _unit_id, code in units:
            with uow:
                encounters.list_stays(uow, ACTOR, StayFilter.worklist(unit_code=code))

    def worklist_sql() -> None:
        with db.engine.connect() as connection:
            for unit_id, _code in units:
                connection.execute(WORKLIST_SQL, {"unit": unit_id}).all()

    with db.engine.connect() as connection:
        stay_ids = list(
            connection.scalars(
                select(Encounter.id)
                .where(Encounter.status == EncounterStatus.DISCHARGE_PLANNED)
                .order_by(Encounter.id)
                .limit(20)
            )
        )

    def open_stays() -> None:
        for stay_id in stay_ids:
            with uow:
                encounters.get_stay(uow, ACTOR, encounter_id=stay_id)

    def open_stays_sql() -> None:
        for stay_id in stay_ids:
            with db.engine.begin() as connection:
                for statement in STAY_SQL:
                    connection.execute(statement, {"id": stay_id}).all()
                connection.execute(AUDIT_SQL, {"id": stay_id})

    per_unit = len(units)
    wl, wl_sql = median_ms(worklist, repeat) / per_unit, median_ms(worklist_sql, repeat) / per_unit
    op = median_ms(open_stays, repeat) / len(stay_ids)
    op_sql = median_ms(open_stays_sql, repeat) / len(stay_ids)
    with db.engine.connect() as connection:
        rows = len(connection.execute(WORKLIST_SQL, {"unit": units[0][0]}).all())
    return [
        row(f"ward worklist query (one ward, ~{rows} stays)", wl, wl_sql),
        row("open a stay (all of its data; includes the view audit write)", op, op_sql),
    ]


def _child(code: str, *args: str) -> float:
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        check=True,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=600,
    )
    return float(result.stdout.strip().splitlines()[-1])


BARE_WINDOW = """
import time, sys
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication([])
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.resize(1400, 850); w.show()
app.processEvents(); w.grab()
mode = sys.argv[1]
if mode == "rss":
    print(int(open("/proc/self/statm").read().split()[1]) * 4096 / 2**20)
else:
    print((time.perf_counter() - t0) * 1000)
"""

APP_START = """
import time, sys
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication
from transitions.config import load_site_config
from transitions.services.admin import prepare_database
from transitions.services.uow import Actor
from ui.context import AppContext
from ui.tasks import BackgroundRunner
from ui.main_window import MainWindow
app = QApplication([])
site = load_site_config()
db = prepare_database(sys.argv[1], site)
ctx = AppContext(db=db, site=site, runner=BackgroundRunner(), actor=Actor.system("benchmark"))
from PySide6.QtCore import QEventLoop
window = MainWindow(ctx)
loop = QEventLoop()
window.worklist.model.modelReset.connect(loop.quit)
window.start()
loop.exec()  # until the worklist rows arrive (no busy polling: PySide 6.12 leaks None refs)
window.grab()  # first paint of the populated worklist
print((time.perf_counter() - t0) * 1000, flush=True)
import os
os._exit(0)  # skip interpreter teardown of the worker thread; not part of the measurement
"""

MODEL_RSS = """
import sys
from PySide6.QtWidgets import QApplication
from transitions.config import load_site_config
from transitions.db.engine import Database
from transitions.services import encounters
from transitions.services.encounters import StayFilter
from transitions.services.uow import Actor, UnitOfWork
from ui.worklist.model import StayTableModel
from PySide6.QtWidgets import QTableView
app = QApplication([])
site = load_site_config()
db = Database.open(sys.argv[1])
with UnitOfWork(db, site) as uow:
    rows = encounters.list_stays(uow, Actor.system("benchmark"), StayFilter())[: int(sys.argv[2])]
model = StayTableModel(site.timezone, rows[0].admit_time.date())
model.set_rows(rows)
view = QTableView(); view.setModel(model); view.resize(1400, 850); view.show()
for step in range(0, len(rows), max(1, len(rows) // 50)):
    view.scrollTo(model.index(step, 0)); app.processEvents()
del uow
print(len(rows), file=sys.stderr)
print(int(open("/proc/self/statm").read().split()[1]) * 4096 / 2**20)
"""


def bench_start(url: str, repeat: int) -> list[str]:
    bare = statistics.median(_child(BARE_WINDOW, "time") for _ in range(repeat))
    start = statistics.median(_child(APP_START, url) for _ in range(repeat))
    return [row("cold start to painted worklist (all wards)", start, bare)]


def bench_memory(url: str, rows: int) -> list[str]:
    bare = _child(BARE_WINDOW, "rss")
    model = _child(MODEL_RSS, url, str(rows))
    return [row(f"resident memory, worklist model with {rows:,} rows, scrolled", model, bare, "MB")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--size", choices=sorted(dataset.ENCOUNTER_SIZES), default="100k")
    parser.add_argument("--postgres", action="store_true", help="also on PostgreSQL")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--model-rows", type=int, default=100_000)
    args = parser.parse_args(argv)
    patients = dataset.ENCOUNTER_SIZES[args.size]
    kinds = ["sqlite", "postgresql"] if args.postgres else ["sqlite"]
    print("| measurement | figure | baseline | ratio |\n|---|---|---|---|")
    for kind in kinds:
        db = dataset.database(kind, patients)
        count = dataset.encounter_count(db)
        print(f"| **{kind}, {count:,} encounters** | | | |")
        for line in bench_queries(db, args.repeat):
            print(line, flush=True)
        db.dispose()
        url = dataset.url(kind, patients)
        for line in bench_start(url, max(3, args.repeat // 2)):
            print(line, flush=True)
        for line in bench_memory(url, args.model_rows):
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
