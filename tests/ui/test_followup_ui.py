"""The follow-up tab on the demo hospital: list, filters, call log by keyboard, dashboard, PDF."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.conftest import FIXED_NOW
from transitions.config import SiteConfig
from transitions.db.engine import Database
from transitions.demo.followup_history import simulate_followup_history
from transitions.demo.generator import generate_demo
from transitions.domain.followup import TaskKind, TaskStatus
from transitions.services.followup_list import backfill
from transitions.services.uow import Actor, UnitOfWork
from ui.context import AppContext
from ui.followup.model import OVERDUE, Col
from ui.followup.page import FollowupTab
from ui.tasks import SynchronousRunner

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


@pytest.fixture
def manager_ctx(
    database: Database, site: SiteConfig, make_uow: Callable[[], UnitOfWork], admin: Actor
) -> AppContext:
    generate_demo(
        database,
        patients=120,
        seed=7,
        today=FIXED_NOW.astimezone(site.timezone).date(),
        tz=site.timezone,
    )
    with make_uow() as uow:
        backfill(uow, Actor.system("test"))
    with make_uow() as uow:
        simulate_followup_history(uow, Actor.system("test"), seed=7)
    manager = replace(admin, roles=frozenset({"unit_manager"}))
    return AppContext(database, site, SynchronousRunner(), now=lambda: FIXED_NOW, actor=manager)


@pytest.fixture(autouse=True)
def _collect_widgets_on_the_gui_thread() -> Iterator[None]:
    """Collect this test's widget cycles here, not later on a worker thread."""
    yield
    _pump()
    gc.collect()


def _pump() -> None:
    app = QApplication.instance()
    assert app is not None
    for _ in range(3):
        app.processEvents()


def test_list_filters_call_log_and_dashboard(
    qtbot, manager_ctx: AppContext, tmp_path: Path, database: Database
) -> None:  # type: ignore[no-untyped-def]
    tab = FollowupTab(manager_ctx)
    qtbot.addWidget(tab)
    tab.resize(1500, 800)
    tab.show()
    page = tab.list_page
    rows = page.model.rows()
    assert rows, "the demo has patients in their 30-day window"
    assert any(r.overdue for r in rows) and any(r.readmitted for r in rows)
    overdue_row = next(i for i in range(page.proxy.rowCount()) if page.proxy.row_at(i).overdue)
    brush = page.proxy.index(overdue_row, Col.DUE).data(Qt.ItemDataRole.ForegroundRole)
    assert brush.color() == OVERDUE
    if (
        database.engine.dialect.name == "sqlite"
        and os.environ.get("QT_QPA_PLATFORM") == "offscreen"
    ):
        SCREENSHOTS.mkdir(exist_ok=True)
        _pump()
        tab.grab().save(str(SCREENSHOTS / "followup-list.png"))

    page.overdue_box.setChecked(True)
    assert page.model.rows() and all(r.overdue for r in page.model.rows())
    page.search.setText(page.model.rows()[0].mrn)
    assert page.proxy.rowCount() == 1

    csv_path = tmp_path / "list.csv"
    page.export_csv(csv_path)
    assert csv_path.read_text().splitlines()[0].startswith("patient_name,mrn")
    assert len(csv_path.read_text().splitlines()) == 2

    # one click (Enter) opens the call log; log a call with the keyboard only
    target = next((r for r in page.model.rows() if r.next_task == "contact"), None)
    if target is None:
        page.overdue_box.setChecked(False)
        page.search.clear()
        target = next(r for r in page.model.rows() if r.next_task == "contact")
    page.search.setText(target.mrn)
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert dialog is not None and dialog.log is not None
    dialog.number.setEditText("555-0199")
    qtbot.keyClick(dialog.reached, Qt.Key.Key_Space)
    assert dialog.reached.isChecked()
    qtbot.keyClicks(dialog.symptoms, "a bit short of breath")
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    contact = dialog.log.task(TaskKind.CONTACT)
    assert contact is not None and contact.status is TaskStatus.DONE
    assert dialog.log.attempts[-1].reached and dialog.log.attempts[-1].number == "555-0199"
    if (
        database.engine.dialect.name == "sqlite"
        and os.environ.get("QT_QPA_PLATFORM") == "offscreen"
    ):
        _pump()
        dialog.grab().save(str(SCREENSHOTS / "followup-call-log.png"))
    dialog.accept()

    tab.setCurrentWidget(tab.dashboard)
    assert tab.dashboard.cells and any(c.tier == "all" for c in tab.dashboard.cells)
    if (
        database.engine.dialect.name == "sqlite"
        and os.environ.get("QT_QPA_PLATFORM") == "offscreen"
    ):
        _pump()
        tab.grab().save(str(SCREENSHOTS / "followup-dashboard.png"))
    pdf = tmp_path / "dash.pdf"
    tab.dashboard.save_pdf(pdf)
    text = PdfReader(str(pdf)).pages[0].extract_text()
    assert "follow-up after discharge" in text and "Unplanned readmission" in text


def test_clock_fixture_is_the_demo_today(site: SiteConfig) -> None:
    assert isinstance(FIXED_NOW, datetime)


def test_visit_reassign_and_roles(qtbot, manager_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    tab = FollowupTab(manager_ctx)
    qtbot.addWidget(tab)
    tab.show()
    page = tab.list_page
    row = next(r for r in page.model.rows() if r.next_task == "visit")
    dialog = page.open_call_log(row)
    assert dialog.log is not None and dialog.visit_kept_button.isEnabled()
    dialog.visit_date.setDate(dialog.visit_date.minimumDate())
    dialog.visit_kept_button.click()
    visit = dialog.log.task(TaskKind.VISIT)
    assert visit is not None and visit.status is TaskStatus.DONE and visit.outcome == "kept"
    assert dialog.reassign_button.isEnabled()
    dialog.owner_combo.setCurrentIndex(1)  # the signed-in manager
    dialog.reassign_button.click()
    assert all(
        t.owner_username is not None for t in dialog.log.tasks if t.status is TaskStatus.OPEN
    )
    dialog.accept()
    assert tab.count() == 2  # the manager sees the dashboard

    nurse = replace(manager_ctx.require_actor(), roles=frozenset({"nurse"}))
    nurse_tab = FollowupTab(replace(manager_ctx, actor=nurse))
    qtbot.addWidget(nurse_tab)
    assert nurse_tab.count() == 1  # no dashboard.view
