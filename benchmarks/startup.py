"""Cold start: process start -> first paint of the populated worklist, vs. a bare PySide6 window.

Each run is a fresh process (``subprocess``); the parent notes the wall clock just before it
starts the child, the child prints the wall clock when the worklist's table has painted rows (an
event filter on its viewport sees the Paint event with rows in the model and reports once it has
returned). The baseline is a bare ``QMainWindow`` with a label, timed the same way, alternated
with the app runs so both see the same machine load. Median of ``--repeat`` runs each.

The app runs through the real entry point (``ui.launcher.main``: site file, translations,
database open and schema check on the worker, first-administrator check, sign-in, main window,
worklist query). The one thing replaced is the person typing at the sign-in dialog: the child
calls the controller's real sign-in (argon2 password check, audit event) for a benchmark nurse
instead of opening the dialog. The nurse (``bench.nurse``, one ward: the largest) is created once
per database by :func:`ensure_bench_user`. Nothing in the application knows about benchmarks.

User settings (``workstation.ini``, log file) go to a temporary folder so a developer's own
preferences do not change the figure.

    python -m benchmarks.startup --size 100k [--postgres] [--repeat 7] [--profile out.prof]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any

from sqlalchemy import func, select, update

from benchmarks import dataset
from transitions.config import load_site_config
from transitions.db.engine import Database
from transitions.db.models import Encounter, Unit, User
from transitions.domain.encounter_status import ACTIVE_STATUSES
from transitions.services import security
from transitions.services.uow import Actor, UnitOfWork

BENCH_USER = "bench.nurse"
BENCH_PASSWORD = "benchmark-nurse-password-2026"  # noqa: S105 - a benchmark database only

BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow(); label = QLabel("hello"); window.setCentralWidget(label)
window.resize(1400, 850)

class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, done)
        return False

def done():
    print(time.time(), int(open("/proc/self/statm").read().split()[1]) * 4096 / 2**20, flush=True)
    import os; os._exit(0)

painted = Painted(); label.installEventFilter(painted)
window.show()
app.exec()
"""

#: The floor: the bare window plus the imports no screen over this database can do without
#: (SQLAlchemy's ORM and the application's models), to show what the ratio cannot go below.
FLOOR = BARE_WINDOW.replace(
    "import sys, time", "import sys, time\nimport sqlalchemy.orm, transitions.db.models"
)

APP = """
import os, sys, time
import ui.startup
from PySide6.QtCore import QEvent, QObject, QTimer
marks = {}

def mark(name):
    marks.setdefault(name, time.time())

class Painted(QObject):
    def __init__(self, window):
        super().__init__()
        self.window = window

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and self.window.worklist.model.rowCount() > 0:
            mark("painted")
            QTimer.singleShot(0, done)
        return False

def done():
    ended = time.time()
    print(" ".join(f"{name}={stamp:.6f}" for name, stamp in marks.items()), file=sys.stderr)
    print(ended, int(open("/proc/self/statm").read().split()[1]) * 4096 / 2**20, flush=True)
    os._exit(0)  # interpreter teardown is not part of the start

def show_sign_in(self, prefill=""):
    mark("sign-in")
    if os.environ["BENCH_SIGN_IN"] == "password":  # the real sign-in service (argon2 check)
        self._sign_in(os.environ["BENCH_USER"], os.environ["BENCH_PASSWORD"])
        return
    from sqlalchemy import select
    from transitions.db.models import User
    from transitions.services import auth

    def work(uow):  # the actor sign-in would return, without the password check
        user = uow.session.scalar(select(User).where(User.username == os.environ["BENCH_USER"]))
        return auth.actor_for(user, auth.unit_ids_of(uow, user.id))

    self._context().submit(work, self._signed_in, self._sign_in_failed)

original_open = ui.startup.StartupController._open_main_window

def open_main_window(self, actor):
    mark("signed-in")
    original_open(self, actor)
    mark("window")
    window = self.main_window
    window.worklist.model.modelReset.connect(lambda: mark("rows"))
    window._bench_filter = Painted(window)
    window.worklist.table.viewport().installEventFilter(window._bench_filter)

ui.startup.StartupController.show_sign_in = show_sign_in
ui.startup.StartupController._open_main_window = open_main_window
from ui.launcher import main
mark("imported")
sys.exit(main(["--database", sys.argv[1]]))
"""


def ensure_bench_user(db: Database) -> str:
    """The benchmark nurse on the ward with most current stays; returns that ward's code."""
    site = load_site_config()
    with UnitOfWork(db, site) as uow:
        unit_code = uow.session.execute(
            select(Unit.code)
            .join(Encounter, Encounter.unit_id == Unit.id)
            .where(Encounter.status.in_(sorted(ACTIVE_STATUSES)))
            .group_by(Unit.code)
            .order_by(func.count().desc(), Unit.code)
            .limit(1)
        ).scalar_one()
        exists = uow.session.scalar(select(User.id).where(User.username == BENCH_USER))
        if exists is None:
            security.add_user(
                uow, Actor.system("benchmark"), BENCH_USER, "Bench Nurse", ["nurse"],
                [unit_code], BENCH_PASSWORD,
            )  # fmt: skip
    with db.engine.begin() as connection:  # no forced password change at first sign-in
        connection.execute(
            update(User).where(User.username == BENCH_USER).values(must_change_password=False)
        )
    return str(unit_code)


def _run(code: str, *args: str, env: dict[str, str]) -> tuple[float, float, dict[str, float]]:
    """(ms from process start to first paint, resident MB then, ms to each step) of a child."""
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"the child failed ({result.returncode}):\n{result.stderr[-3000:]}")
    painted, rss = (float(x) for x in result.stdout.split()[-2:])
    steps: dict[str, float] = {}
    for line in result.stderr.splitlines():
        if line.startswith("imported="):
            for item in line.split():
                name, stamp = item.split("=")
                steps[name] = (float(stamp) - started) * 1000
    return (painted - started) * 1000, rss, steps


def child_env(folder: str, sign_in: str = "direct") -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": f"{folder}/config",
        "XDG_STATE_HOME": f"{folder}/state",
        "XDG_DATA_HOME": f"{folder}/data",
        "TRANSITIONS_UI_LANGUAGE": "en",
        "BENCH_USER": BENCH_USER,
        "BENCH_PASSWORD": BENCH_PASSWORD,
        "BENCH_SIGN_IN": sign_in,
    }


VARIANTS = ("bare", "floor", "app", "app+password")


def measure(url: str, repeat: int) -> dict[str, Any]:
    """Medians of each variant (ms, MB) and of the app's steps, runs alternating."""
    with tempfile.TemporaryDirectory() as folder:
        runs = {
            "bare": (BARE_WINDOW, (), child_env(folder)),
            "floor": (FLOOR, (), child_env(folder)),
            "app": (APP, (url,), child_env(folder)),
            "app+password": (APP, (url,), child_env(folder, "password")),
        }
        for code, args, env in runs.values():  # warm the OS file cache
            _run(code, *args, env=env)
        times: dict[str, list[float]] = {name: [] for name in runs}
        memory: dict[str, list[float]] = {name: [] for name in runs}
        steps: dict[str, list[float]] = {}
        for _ in range(repeat):
            for name, (code, args, env) in runs.items():
                ms, mb, marks = _run(code, *args, env=env)
                times[name].append(ms)
                memory[name].append(mb)
                if name == "app":
                    for step, at in marks.items():
                        steps.setdefault(step, []).append(at)
    return {
        "ms": {name: statistics.median(values) for name, values in times.items()},
        "mb": {name: statistics.median(values) for name, values in memory.items()},
        "steps": {step: statistics.median(values) for step, values in steps.items()},
        "runs": {name: sorted(round(v) for v in values) for name, values in times.items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--size", choices=sorted(dataset.ENCOUNTER_SIZES), default="100k")
    parser.add_argument("--postgres", action="store_true", help="also on PostgreSQL")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    patients = dataset.ENCOUNTER_SIZES[args.size]
    for kind in ["sqlite", "postgresql"] if args.postgres else ["sqlite"]:
        db = dataset.database(kind, patients)
        ward = ensure_bench_user(db)
        db.dispose()
        r = measure(dataset.url(kind, patients), args.repeat)
        bare = r["ms"]["bare"]
        bare_mb = r["mb"]["bare"]
        print(f"\n{kind} {args.size}, nurse on {ward}: bare window {bare:.0f} ms, {bare_mb:.0f} MB")
        print("| start | median | ratio to the bare window | resident memory |\n|---|---|---|---|")
        labels = {
            "floor": "floor: bare window + SQLAlchemy ORM + the models",
            "app": "the app: first paint of the populated worklist",
            "app+password": "the same with the real sign-in (argon2 check)",
        }
        for name, label in labels.items():
            ms = r["ms"][name]
            print(f"| {label} | {ms:.0f} ms | {ms / bare:.1f}x | {r['mb'][name]:.0f} MB |")
        steps = ", ".join(f"{step} {at:.0f}" for step, at in r["steps"].items())
        print(f"\napp steps (ms from process start, medians): {steps}")
        print(f"runs: {r['runs']}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
