"""Render the Assessment step on a demo patient to PNG files (not a test).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.assessment_screenshots [out_dir] [es]

The demo hospital is generated into a temporary SQLite file; a nurse answers functional status,
food and transportation questions, and saves; then the other tabs are shown. With ``es`` the UI
runs in Spanish.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.screenshots import PASSWORD
from transitions.config import load_site_config
from transitions.db import migrate
from transitions.db.engine import Database
from transitions.demo.generator import generate_demo
from transitions.services import assessment, auth
from transitions.services.uow import Actor, UnitOfWork
from ui.context import AppContext
from ui.i18n import install_translators
from ui.main_window import MainWindow
from ui.tasks import SynchronousRunner
from ui.workspace.assessment.answers import ChoiceField
from ui.workspace.assessment.step import AssessmentStep

REPO = Path(__file__).resolve().parents[2]


def pump() -> None:
    for _ in range(5):
        QApplication.processEvents()


def save(widget: QWidget, out: Path, name: str) -> None:
    pump()
    target = out / name
    widget.grab().save(str(target))
    print(target)


def choose(step: AssessmentStep, key: str, value: str) -> None:
    field = step.field(key)
    assert isinstance(field, ChoiceField)
    field.choose(value)


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else REPO / "screenshots"
    spanish = len(argv) > 2 and argv[2] == "es"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(argv[:1])
    app.setApplicationName("Transitions")
    if spanish:
        install_translators(app, "es")
    prefix = "assess-es" if spanish else "assess"
    site = load_site_config()
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(f"sqlite:///{Path(tmp) / 'assess.db'}")
        migrate.upgrade(db.engine)
        tz = site.timezone
        generate_demo(db, patients=40, seed=7, today=now.astimezone(tz).date(), tz=tz)
        with UnitOfWork(db, site) as uow:
            admin = auth.create_first_admin(uow, "mgarcia", "María García, RN", PASSWORD, PASSWORD)
        nurse = Actor(admin.user_id, admin.username, admin.display_name, frozenset({"nurse"}))
        ctx = AppContext(db, site, SynchronousRunner(), actor=nurse)
        window = MainWindow(ctx)
        window.resize(1500, 950)
        window.start()
        window.show()
        pump()
        rows = window.worklist.model.rows()
        page = window.open_stay(rows[0])
        step = page.steps["assessment"]
        assert isinstance(step, AssessmentStep)
        save(window, out, f"{prefix}-01-function-as-opened.png")

        for item in ("bathing", "dressing", "toileting", "transferring", "continence", "feeding"):
            choose(step, f"katz_{item}_before", "independent")
            choose(step, f"katz_{item}_discharge", "independent")
        choose(step, "katz_bathing_discharge", "dependent")
        choose(step, "lawton_telephone_before", "own_initiative")
        choose(step, "lawton_shopping_before", "independent")
        pump()
        save(window, out, f"{prefix}-02-function-unsaved.png")
        step.save()
        save(window, out, f"{prefix}-03-function-saved.png")

        step.tabs.setCurrentIndex(2)
        pages = step.pages
        pages[2].source.setCurrentIndex(1)  # caregiver or proxy
        choose(step, "hrsn_living_situation", "steady")
        choose(step, "hrsn_food_worry", "sometimes")
        choose(step, "hrsn_food_ran_out", "never")
        choose(step, "hrsn_transportation", "yes")
        choose(step, "hrsn_utilities", "__declined__")
        step.save()
        save(window, out, f"{prefix}-04-social-needs.png")
        step.tabs.setCurrentIndex(1)
        save(window, out, f"{prefix}-05-home-support.png")
        step.tabs.setCurrentIndex(3)
        save(window, out, f"{prefix}-06-barriers.png")

        # a patient the demo already assessed, with positive screens
        with UnitOfWork(db, site) as uow:
            assessed = {
                r.encounter_id: len(assessment.list_needs(uow, nurse, r.encounter_id))
                for r in rows[1:]
            }
        chosen = max(rows[1:], key=lambda r: assessed[r.encounter_id])
        other = window.open_stay(chosen)
        other_step = other.steps["assessment"]
        assert isinstance(other_step, AssessmentStep)
        other_step.tabs.setCurrentIndex(2)
        save(window, out, f"{prefix}-07-demo-patient-with-needs.png")
        window.close()
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
