"""The worklist model holding N rows: resident memory against a bare window, and scrolling.

A fresh process loads the worklist's rows (``list_stays`` over every inpatient stay of the
benchmark database, repeated with new ids when there are fewer than N), puts them in the
worklist's model, proxy and table view (with its delegates) as the worklist page does, shows
it at 1400x850 and scrolls from top to bottom in 50 jumps, painting each at once
(``viewport().repaint()``): the median and worst paint are the smoothness figures (a frame at
60 Hz is 16.7 ms). It also sorts the 100,000 rows by name (a click on the column header).
Resident memory (``/proc/self/statm``) is read at the end, after the scroll; the baseline is
the bare window of :mod:`benchmarks.startup`, measured the same way.

    python -m benchmarks.memory --size 100k [--postgres] [--rows 100000]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile

from benchmarks import dataset, startup

CHILD = """
import json, statistics, sys, time
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from transitions.config import load_site_config
from transitions.db.engine import Database
from transitions.services import encounters
from transitions.services.encounters import StayFilter
from transitions.services.uow import Actor, UnitOfWork
from ui.widgets.tables import EmptyStateTableView
from ui.worklist.model import Column, StayFilterProxy, StayTableModel
try:  # the page's delegates (cells filled from each row's cached cells), when there are any
    from ui.worklist.delegate import install_delegates
except ImportError:
    install_delegates = None

app = QApplication(sys.argv[:1])
site = load_site_config()
db = Database.open(sys.argv[1])
wanted = int(sys.argv[2])
with UnitOfWork(db, site) as uow:
    loaded = encounters.list_stays(uow, Actor.system("benchmark"), StayFilter())[:wanted]
db.dispose()
rows = list(loaded)
copy = 1
while len(rows) < wanted:  # more rows than the database has: the same stays, other ids
    rows += [r._replace(encounter_id=r.encounter_id + copy * 10_000_000) for r in loaded]
    copy += 1
rows = rows[:wanted]
del loaded
model = StayTableModel(site.timezone, rows[0].admit_time.date())
proxy = StayFilterProxy()
proxy.setSourceModel(model)
view = EmptyStateTableView()
view.setModel(proxy)
view.setSortingEnabled(True)
view.sortByColumn(Column.PLANNED, Qt.SortOrder.AscendingOrder)
if install_delegates is not None:
    install_delegates(view, model, proxy)
view.resize(1400, 850)
started = time.perf_counter()
model.set_rows(rows)
view.show()
app.processEvents()
shown_ms = (time.perf_counter() - started) * 1000
del rows
bar = view.verticalScrollBar()
paints = []
cpu = []  # the GUI thread's CPU time: steadier than the wall clock on a shared machine
for step in range(51):
    bar.setValue(bar.maximum() * step // 50)
    started, started_cpu = time.perf_counter(), time.thread_time()
    view.viewport().repaint()
    paints.append((time.perf_counter() - started) * 1000)
    cpu.append((time.thread_time() - started_cpu) * 1000)
    app.processEvents()
started = time.perf_counter()
view.sortByColumn(Column.PATIENT, Qt.SortOrder.AscendingOrder)
app.processEvents()
view.viewport().repaint()
sort_ms = (time.perf_counter() - started) * 1000
rss = int(open("/proc/self/statm").read().split()[1]) * 4096 / 2**20
print(json.dumps({"rows": model.rowCount(), "rss_mb": rss, "shown_ms": shown_ms,
                  "paint_median_ms": statistics.median(paints), "paint_max_ms": max(paints),
                  "paint_cpu_median_ms": statistics.median(cpu),
                  "sort_ms": sort_ms}))
"""


def measure(url: str, rows: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        env = startup.child_env(folder)
        _, bare_mb, _ = startup._run(startup.BARE_WINDOW, env=env)
        result = subprocess.run(
            [sys.executable, "-c", CHILD, url, str(rows)],
            capture_output=True,
            text=True,
            env=env,
            timeout=900,
            check=False,
        )
    if result.returncode != 0:
        raise RuntimeError(f"the child failed:\n{result.stderr[-3000:]}")
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    figures["bare_mb"] = bare_mb
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--size", choices=sorted(dataset.ENCOUNTER_SIZES), default="100k")
    parser.add_argument("--postgres", action="store_true", help="also on PostgreSQL")
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args(argv)
    print(
        "| database | rows | RSS | bare window | paint median / worst (CPU median) | sort by name |"
    )
    print("|---|---|---|---|---|---|")
    for kind in ["sqlite", "postgresql"] if args.postgres else ["sqlite"]:
        dataset.database(kind, dataset.ENCOUNTER_SIZES[args.size]).dispose()
        r = measure(dataset.url(kind, dataset.ENCOUNTER_SIZES[args.size]), args.rows)
        print(
            f"| {kind} ({args.size}) | {r['rows']:,.0f} | {r['rss_mb']:.0f} MB "
            f"| {r['bare_mb']:.0f} MB | {r['paint_median_ms']:.1f} / {r['paint_max_ms']:.1f} ms "
            f"({r['paint_cpu_median_ms']:.1f} ms) "
            f"| {r['sort_ms']:.0f} ms |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
