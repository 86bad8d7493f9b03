"""Render the Care plan step, its dialogs, the packet's "My goals" and the follow-up call screen
on the demo hospital to PNG files (not a test).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.careplan_screenshots [out_dir] [es]

A case manager opens a demo patient, sees the warnings for the needs without a referral, refers
the transport and the food need, sets three goals; then, after discharge, the follow-up caller
marks one goal met. With ``es`` the UI runs in Spanish.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from tests.conftest import FIXED_NOW
from tests.ui.screenshots import PASSWORD
from transitions.config import load_site_config
from transitions.db import migrate
from transitions.db.assessment_models import Need
from transitions.db.engine import Database
from transitions.db.models import Encounter
from transitions.demo.community import seed_demo_resources
from transitions.demo.generator import generate_demo
from transitions.domain.assessment import NeedDomain, NeedStatus
from transitions.domain.careplan import GoalStatus
from transitions.domain.encounter_status import EncounterStatus
from transitions.services import auth, encounters
from transitions.services.uow import Actor, UnitOfWork
from ui.context import AppContext
from ui.followup.call_dialog import CallLogDialog
from ui.i18n import install_translators
from ui.main_window import MainWindow
from ui.tasks import SynchronousRunner
from ui.workspace.careplan.dialogs import GoalDialog, ReferDialog
from ui.workspace.careplan.step import CarePlanStep

REPO = Path(__file__).resolve().parents[2]
GOALS = (
    ("I want to get to my appointments", "Go to every visit this month", "County Ride Connect"),
    ("Eat a hot meal every day", "Meals delivered 5 days a week", "Riverside Senior Meals"),
    ("Keep the water off my lungs", "Weigh every morning; call if up 2 lb in a day", None),
)


def pump() -> None:
    for _ in range(5):
        QApplication.processEvents()


def save(widget: QWidget, out: Path, name: str) -> None:
    pump()
    target = out / name
    widget.grab().save(str(target))
    print(target)


def ensure_needs(db: Database, site: object, encounter_id: int) -> None:
    """The chosen stay has open food and transportation needs (added if the demo has none)."""
    with UnitOfWork(db, site, now=lambda: FIXED_NOW) as uow:  # type: ignore[arg-type]
        have = {
            n.domain
            for n in uow.session.query(Need).filter(
                Need.encounter_id == encounter_id, Need.status == NeedStatus.OPEN
            )
        }
        texts = {
            NeedDomain.FOOD: "Food ran out before there was money to buy more",
            NeedDomain.TRANSPORTATION: "No ride to medical appointments",
            NeedDomain.HOUSING: "Worried about losing housing",
        }
        for domain, text in texts.items():
            if domain not in have:
                uow.session.add(
                    Need(
                        encounter_id=encounter_id, domain=domain, source_question="screenshots",
                        description=text, status=NeedStatus.OPEN, identified_at=uow.now(),
                    )
                )  # fmt: skip
        uow.commit()


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else REPO / "screenshots"
    spanish = len(argv) > 2 and argv[2] == "es"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(argv[:1])
    app.setApplicationName("Transitions")
    if spanish:
        install_translators(app, "es")
    prefix = "careplan-es" if spanish else "careplan"
    site = load_site_config()
    tz = site.timezone
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(f"sqlite:///{Path(tmp) / 'careplan.db'}")
        migrate.upgrade(db.engine)
        generate_demo(db, patients=40, seed=7, today=FIXED_NOW.astimezone(tz).date(), tz=tz)
        seed_demo_resources(db, site)
        with UnitOfWork(db, site) as uow:
            admin = auth.create_first_admin(uow, "cmoreno", "Carla Moreno, RN", PASSWORD, PASSWORD)
        manager = Actor(
            admin.user_id, admin.username, admin.display_name, frozenset({"case_manager"})
        )
        ctx = AppContext(db, site, SynchronousRunner(), now=lambda: FIXED_NOW, actor=manager)
        window = MainWindow(ctx)
        window.resize(1500, 950)
        window.start()
        pump()
        row = window.worklist.model.rows()[0]
        ensure_needs(db, site, row.encounter_id)
        page = window.open_stay(row)
        step = page.steps["careplan"]
        assert isinstance(step, CarePlanStep)
        page.navigator.setCurrentRow(page.step_keys().index("careplan"))
        step.reload()
        save(window, out, f"{prefix}-01-warnings.png")

        for domain, resource in (
            ("transportation", "County Ride Connect"),
            ("food", "Riverside Senior Meals Program"),
        ):
            for i in range(step.needs_model.rowCount()):
                if step.needs_model.row_at(i).domain == domain:
                    step.needs_table.setCurrentIndex(step.needs_model.index(i, 1))
            dialog = step.refer_selected()
            assert isinstance(dialog, ReferDialog)
            dialog.select_resource(resource)
            dialog.follow_up.check.setChecked(True)
            if domain == "food":
                save(dialog, out, f"{prefix}-02-refer-food.png")
            dialog.buttons.accepted.emit()
        for words, target, link in GOALS:
            goal = step.new_goal()
            assert isinstance(goal, GoalDialog)
            goal.words.setText(words)
            goal.target.setText(target)
            if link:
                for r in range(goal.links.count()):
                    if link in goal.links.item(r).text():
                        goal.set_link(goal.links.item(r).text())
            if link is None:
                save(goal, out, f"{prefix}-03-goal.png")
            goal.buttons.accepted.emit()
        save(window, out, f"{prefix}-04-referred-and-goals.png")

        with UnitOfWork(db, site, now=lambda: FIXED_NOW) as uow:
            for target in (EncounterStatus.DISCHARGE_PLANNED, EncounterStatus.READY,
                           EncounterStatus.DISCHARGED):  # fmt: skip
                encounter = uow.session.get_one(Encounter, row.encounter_id)
                if encounter.status is target or encounter.status is EncounterStatus.DISCHARGED:
                    continue
                try:
                    encounters.change_status(
                        uow, Actor.system("screens"), row.encounter_id, target,
                        expected_version=encounter.version_id, disposition="home",
                    )  # fmt: skip
                except Exception:  # noqa: BLE001 - the demo stay may skip a state
                    uow.session.rollback()
        ctx.now = lambda: FIXED_NOW + timedelta(days=2)
        ctx.actor = Actor(admin.user_id, admin.username, admin.display_name,
                          frozenset({"unit_manager"}))  # fmt: skip
        call = CallLogDialog(ctx, row.encounter_id)
        call.show()
        call.reload()
        panel = call.goals_panel
        panel.table.setCurrentIndex(panel.table.goals.index(2, 0))
        panel.editor.status.setCurrentIndex(panel.editor.status.findData(GoalStatus.MET))
        panel.editor.note.setText("Weighs every morning and writes it down")
        panel.editor.submit()
        save(call, out, f"{prefix}-05-call-goal-met.png")
        call.close()
        window.close()
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
