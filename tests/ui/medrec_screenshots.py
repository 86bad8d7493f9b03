"""Render the Medications step on a demo patient to PNG files for review (not a test).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.medrec_screenshots [out_dir]

Uses the demo generator's hospital, picks a stay with allergies, several home medicines and
inpatient orders, makes a few decisions through the services as a nurse would, and saves the
page, the page with a warning clicked, and the add-medicine dialog showing a field error.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
import tempfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from tests.ui.screenshots import PASSWORD, build_database, save
from transitions.config import load_site_config
from transitions.db.models import Allergy, Encounter, MedicationEntry
from transitions.domain.encounter_status import ACTIVE_STATUSES
from transitions.domain.enums import MedicationList
from transitions.domain.medrec.workflow import DecisionKind
from transitions.services import auth, encounters, medrec
from transitions.services.medrec import MedInput
from transitions.services.uow import UnitOfWork
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.tasks import SynchronousRunner
from ui.workspace.medrec.dialogs import MedicationDialog
from ui.workspace.medrec.page import MedicationsStep
from ui.workspace.page import PatientWorkspace

REPO = Path(__file__).resolve().parents[2]


def pick_stay(uow: UnitOfWork) -> int:
    """An active stay with an allergy, 4+ home medicines and 2+ inpatient orders."""
    counts = (
        select(MedicationEntry.encounter_id, MedicationEntry.list_kind, func.count())
        .group_by(MedicationEntry.encounter_id, MedicationEntry.list_kind)
        .subquery()
    )
    rows = uow.session.execute(select(counts)).all()
    per: dict[int, dict[str, int]] = {}
    for encounter_id, kind, count in rows:
        per.setdefault(encounter_id, {})[str(kind)] = count
    active = set(
        uow.session.scalars(select(Encounter.id).where(Encounter.status.in_(ACTIVE_STATUSES)))
    )
    allergic = set(
        uow.session.scalars(
            select(Encounter.id).join(Allergy, Allergy.patient_id == Encounter.patient_id)
        )
    )
    good = [
        e
        for e, c in per.items()
        if e in active and e in allergic and c.get("home", 0) >= 4 and c.get("inpatient", 0) >= 2
    ]
    return sorted(good)[0]


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else REPO / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(argv[:1])
    app.setApplicationName("Transitions")
    site = load_site_config()
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as tmp:
        db = build_database(Path(tmp) / "screens.db", site, now)
        with UnitOfWork(db, site) as uow:
            admin = auth.create_first_admin(uow, "mgarcia", "María García, RN", PASSWORD, PASSWORD)
        nurse = replace(admin, roles=frozenset({"nurse"}))
        with UnitOfWork(db, site) as uow:
            stay_id = pick_stay(uow)
            entries = uow.session.execute(
                select(MedicationEntry.id, MedicationEntry.list_kind)
                .where(MedicationEntry.encounter_id == stay_id)
                .order_by(MedicationEntry.id)
            ).all()
            row = next(
                r
                for r in encounters.list_stays(uow, nurse, encounters.StayFilter.worklist())
                if r.encounter_id == stay_id
            )
        home = [e for e in entries if e.list_kind is MedicationList.HOME]
        inpatient = [e for e in entries if e.list_kind is MedicationList.INPATIENT]
        print(f"stay {stay_id}: {len(home)} home, {len(inpatient)} inpatient")
        with UnitOfWork(db, site) as uow:
            medrec.decide(uow, nurse, home[0].id, DecisionKind.CONTINUE)
        with UnitOfWork(db, site) as uow:
            medrec.decide(
                uow, nurse, home[1].id, DecisionKind.STOP, reason_code="no_longer_indicated"
            )
        with UnitOfWork(db, site) as uow:
            medrec.decide(uow, nurse, inpatient[0].id, DecisionKind.NEW)
        with UnitOfWork(db, site) as uow:
            medrec.add_discharge_medication(
                uow, nurse, stay_id, MedInput(drug="Bactrim DS", sig="1 tab po bid x 7 days")
            )

        ctx = AppContext(db, site, SynchronousRunner(), actor=nurse)
        window = MainWindow(ctx)
        window.resize(1500, 900)
        window.start()
        workspace = window.open_stay(row)
        assert isinstance(workspace, PatientWorkspace)
        workspace.navigator.setCurrentRow(workspace.step_keys().index("medications"))
        page = workspace.steps["medications"]
        assert isinstance(page, MedicationsStep)
        save(window, out, "medrec-01-page.png")
        first_warning = page.problem_model.index(0, 2)
        page.problem_table.setFocus()
        page.problem_table.setCurrentIndex(first_warning)
        save(window, out, "medrec-02-warning-selected.png")
        page.add_medicine()
        dialog = page.dialog
        assert isinstance(dialog, MedicationDialog)
        dialog.drug.setText("Lasix")
        dialog.dose.setText("ten")
        dialog.route.setText("po")
        dialog.frequency.setText("daily")
        dialog.try_accept()
        save(dialog, out, "medrec-03-add-dialog-error.png")
        dialog.reject()
        window.close()
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
