"""Render the Education step on a demo heart-failure patient to PNG files (not a test).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.education_screenshots [out_dir]

The demo hospital is generated into a temporary SQLite file; a nurse teaches the whole
heart-failure module with key presses only (Enter, Tab, arrows, Ctrl+Enter).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.screenshots import PASSWORD
from transitions.config import load_site_config
from transitions.db import migrate
from transitions.db.engine import Database
from transitions.demo.generator import generate_demo
from transitions.services import auth, education
from transitions.services.uow import Actor, UnitOfWork
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.tasks import SynchronousRunner
from ui.workspace.education.step import EducationStep

REPO = Path(__file__).resolve().parents[2]


def pump() -> None:
    for _ in range(5):
        QApplication.processEvents()


def save(widget: QWidget, out: Path, name: str) -> None:
    pump()
    target = out / name
    widget.grab().save(str(target))
    print(target)


def key(
    widget: QWidget, k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    QTest.keyClick(widget, k, mod)
    pump()


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else REPO / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(argv[:1])
    app.setApplicationName("Transitions")
    site = load_site_config()
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(f"sqlite:///{Path(tmp) / 'edu.db'}")
        migrate.upgrade(db.engine)
        tz = site.timezone
        generate_demo(db, patients=300, seed=7, today=now.astimezone(tz).date(), tz=tz)
        with UnitOfWork(db, site) as uow:
            admin = auth.create_first_admin(uow, "mgarcia", "María García, RN", PASSWORD, PASSWORD)
        nurse = Actor(admin.user_id, admin.username, admin.display_name, frozenset({"nurse"}))
        ctx = AppContext(db, site, SynchronousRunner(), actor=nurse)
        window = MainWindow(ctx)
        window.resize(1500, 900)
        window.start()
        window.show()
        QTest.qWaitForWindowExposed(window)
        window.activateWindow()
        pump()
        rows = window.worklist.model.rows()
        with UnitOfWork(db, site) as uow:

            def hf_principal(encounter_id: int) -> bool:
                view = education.get_education(uow, nurse, encounter_id)
                return any(m.module_id == "heart-failure" for m in view.modules)

            english = [r for r in rows if r.preferred_language == "en"]
            chosen = next(r for r in english if hf_principal(r.encounter_id))
        page = window.open_stay(chosen)
        page.navigator.setCurrentRow(page.step_keys().index("education"))
        step = page.steps["education"]
        assert isinstance(step, EducationStep)
        pump()
        save(window, out, "edu-01-education-step.png")

        table = step.items_table
        table.setFocus()
        hf_rows = [
            i
            for i in range(step.items_model.rowCount())
            if step.items_model.row_at(i).module.module_id == "heart-failure"
        ]
        for _ in range(hf_rows[0]):
            key(table, Qt.Key.Key_Down)
        panel = step.teach_panel
        for n in range(len(hf_rows)):
            if QApplication.focusWidget() is table:
                key(table, Qt.Key.Key_Return)
            key(panel.learner, Qt.Key.Key_Down)  # caregiver
            key(panel.learner, Qt.Key.Key_Down)  # patient and caregiver
            key(panel.learner, Qt.Key.Key_Tab)
            if n == 0:
                key(panel.method, Qt.Key.Key_Down)
                key(panel.method, Qt.Key.Key_Down)  # demonstration (the scale)
            key(panel.method, Qt.Key.Key_Tab)
            key(panel.result, Qt.Key.Key_Down)  # understood
            if n == 2:
                key(panel.result, Qt.Key.Key_Down)  # needs reinforcement
                key(panel.result, Qt.Key.Key_Tab)
                QTest.keyClicks(panel.notes, "Could not name leg swelling; re-teach with daughter.")
                pump()
                save(window, out, "edu-02-teach-form-filled.png")
            key(panel.result, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        # re-teach the item that needs reinforcement
        for i in hf_rows:
            if step.items_model.row_at(i).item.item_id == "symptoms":
                step._select_row(i)
        key(table, Qt.Key.Key_Return)
        key(panel.learner, Qt.Key.Key_Tab)
        key(panel.method, Qt.Key.Key_Tab)
        key(panel.result, Qt.Key.Key_Down)
        key(panel.result, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        for i in hf_rows:
            if step.items_model.row_at(i).item.item_id == "symptoms":
                step._select_row(i)
        save(window, out, "edu-03-heart-failure-module-taught.png")

        step.tabs.setCurrentIndex(1)
        step.boost_panel.combos["polypharmacy"].setCurrentIndex(1)
        step.boost_panel.combos["prior_hospitalization"].setCurrentIndex(1)
        step.boost_panel.combos["patient_support"].setCurrentIndex(2)
        step.boost_panel.save_button.click()
        save(window, out, "edu-04-boost.png")

        step.tabs.setCurrentIndex(2)
        step.instructions_panel.editor.setPlainText(
            "Weigh yourself each morning and write it down. Walk for 10 minutes twice a day.\n"
            "Subsequently, administer furosemide consistently; hemodynamic decompensation "
            "necessitates immediate communication with the cardiology practice."
        )
        step.instructions_panel.update_level()
        save(window, out, "edu-05-instructions-warning.png")

        spanish = [r for r in rows if r.preferred_language == "es"]
        if spanish:
            other = window.open_stay(spanish[0])
            other.navigator.setCurrentRow(other.step_keys().index("education"))
            save(window, out, "edu-06-spanish-interpreter.png")
        window.close()
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
