"""Opening patients from the worklist: tabs, header, the Stay summary step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.conftest import MessageBoxes, Ward
from transitions.db.models import AuditEvent
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.worklist.model import Column
from ui.workspace.page import PatientWorkspace
from ui.workspace.summary import StaySummaryStep


def make_window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.start()
    qtbot.waitExposed(window)
    return window


def select_row(window: MainWindow, name: str) -> None:
    table, proxy = window.worklist.table, window.worklist.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == name)
    table.setFocus()
    table.setCurrentIndex(proxy.index(row, Column.PATIENT))


def cells(table: QTableView) -> list[list[str]]:
    model = table.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_window_chrome(qtbot: QtBot, ctx: AppContext, ward: Ward) -> None:
    window = make_window(qtbot, ctx)
    assert window.windowTitle() == "Transitions — Test General Hospital"
    assert "Nadia Admin" in window.user_label.text()
    assert ctx.db.display_url in window.database_label.text()
    assert window.tabs.tabText(0) == "Ward worklist"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.refresh_action.shortcut().toString() == "F5"


def test_enter_opens_the_workspace_with_header(qtbot: QtBot, ctx: AppContext, ward: Ward) -> None:
    window = make_window(qtbot, ctx)
    select_row(window, "Quigley, Maren")
    qtbot.keyClick(window.worklist.table, Qt.Key.Key_Return)

    assert len(window.workspaces()) == 1
    page = window.tabs.currentWidget()
    assert isinstance(page, PatientWorkspace)
    assert window.tabs.tabText(window.tabs.indexOf(window.workspaces()[0])) == "Quigley, Maren"
    header = page.header
    assert header.name_label.text() == "Quigley, Maren"
    assert "MRN MRN100001" in header.identity_label.text()
    assert "78 y · Female" in header.identity_label.text()
    assert "14 Mar 1948" in header.identity_label.text()
    assert header.allergy_label.text() == "Allergies: penicillin (hives)"
    diagnoses = header.diagnosis_label.text()
    assert diagnoses.startswith("<b>I50.23 Acute on chronic systolic")  # principal first, bold
    assert "E11.9 Type 2 diabetes mellitus" in diagnoses
    assert header.facts["status"].text() == "Discharge planned"
    assert header.facts["planned"].text() == "Today 14:00"
    assert header.facts["los"].text() == "4 d"
    assert header.facts["location"].text() == "4 West Medicine / 412-A"
    assert header.facts["attending"].text() == "Ada Okafor, MD"
    assert header.interpreter_badge.isHidden()
    assert page.step_keys() == [
        "assessment",
        "careplan",
        "summary",
        "medications",
        "appointments",
        "education",
        "packet",
        "discharge",
    ]  # only steps that work


def test_opening_records_a_view_audit_event(qtbot: QtBot, ctx: AppContext, ward: Ward) -> None:
    window = make_window(qtbot, ctx)
    select_row(window, "Quigley, Maren")
    window.worklist.open_current()
    with ctx.db.session() as session:
        actions = session.scalars(select(AuditEvent.action)).all()
    assert "view" in actions


def test_interpreter_and_no_allergies(qtbot: QtBot, ctx: AppContext, ward: Ward) -> None:
    window = make_window(qtbot, ctx)
    select_row(window, "Quintero, Lucía")
    window.worklist.open_current()
    page = window.tabs.currentWidget()
    assert isinstance(page, PatientWorkspace)
    assert page.header.interpreter_badge.isVisibleTo(page)
    assert page.header.language_label.text() == "Language: Spanish"
    assert page.header.allergy_label.text() == "No allergies recorded"
    assert page.header.facts["planned"].text() == "not planned yet"


def test_reopening_focuses_the_existing_tab_and_ctrl_w_closes(
    qtbot: QtBot, ctx: AppContext, ward: Ward
) -> None:
    window = make_window(qtbot, ctx)
    select_row(window, "Quigley, Maren")
    window.worklist.open_current()
    select_row(window, "Abernathy, Joel")
    window.worklist.open_current()
    assert len(window.workspaces()) == 2

    window.show_worklist()
    select_row(window, "Quigley, Maren")
    table = window.worklist.table
    centre = table.visualRect(table.currentIndex()).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert len(window.workspaces()) == 2
    assert window.tabs.currentWidget() is window.workspaces()[0]

    window.close_tab_action.trigger()  # Ctrl+W
    assert len(window.workspaces()) == 1
    names = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert names == ["Ward worklist", "Follow-up", "Abernathy, Joel"]
    window.show_worklist()
    window.close_tab_action.trigger()  # the worklist stays
    assert len(window.workspaces()) == 1


def test_summary_step_shows_home_meds_labs_and_contact(
    qtbot: QtBot, ctx: AppContext, ward: Ward
) -> None:
    window = make_window(qtbot, ctx)
    select_row(window, "Quigley, Maren")
    window.worklist.open_current()
    page = window.tabs.currentWidget()
    assert isinstance(page, PatientWorkspace)
    summary = page.steps["summary"]
    assert isinstance(summary, StaySummaryStep)
    meds = cells(summary.home_meds.table)
    assert [m[:4] for m in meds] == [
        ["furosemide", "40 mg", "oral", "daily"],
        ["metformin", "500 mg", "oral", "BID"],
    ]
    assert [m[5] for m in meds] == ["Patient", "Pharmacy"]
    labs = cells(summary.labs.table)
    assert [lab[:3] for lab in labs] == [
        ["Hemoglobin", "11.2", "g/dL"],
        ["Sodium", "133", "mmol/L"],
    ]
    loinc = summary.labs.table.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert loinc == "LOINC 718-7"
    assert cells(summary.diagnoses.table)[0][:3] == [
        "I50.23",
        "Acute on chronic systolic (congestive) heart failure",
        "Principal",
    ]
    assert cells(summary.allergies.table) == [["penicillin", "hives", "Moderate"]]
    assert summary.utilization.values["ed"].text() == "0"
    assert summary.contact.values["phone"].text() == "not recorded"


def test_empty_sections_say_so(qtbot: QtBot, ctx: AppContext, ward: Ward) -> None:
    window = make_window(qtbot, ctx)
    select_row(window, "Abernathy, Joel")
    window.worklist.open_current()
    page = window.tabs.currentWidget()
    assert isinstance(page, PatientWorkspace)
    summary = page.steps["summary"]
    assert isinstance(summary, StaySummaryStep)
    assert summary.home_meds.table.isHidden()
    assert summary.home_meds.empty_label.text() == "No home medications recorded"


def test_f5_reloads_and_about_shows_version(
    qtbot: QtBot, ctx: AppContext, ward: Ward, message_boxes: MessageBoxes
) -> None:
    window = make_window(qtbot, ctx)
    window.refresh_action.trigger()
    assert window.worklist.proxy.rowCount() == 3
    window.about_action.trigger()
    assert message_boxes.kinds() == ["about"]
    assert "0.1.0" in message_boxes.texts()[0]
