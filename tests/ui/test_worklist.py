"""The ward worklist page on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Ward
from ui.context import AppContext
from ui.worklist.model import Column, RowRole, SortRole, StayFilterProxy, StayTableModel
from ui.worklist.page import DateChoice, WorklistPage


def names(page: WorklistPage) -> list[str]:
    proxy = page.proxy
    return [proxy.index(r, Column.PATIENT).data() for r in range(proxy.rowCount())]


def make_page(qtbot: QtBot, ctx: AppContext) -> WorklistPage:
    page = WorklistPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    page.ensure_loaded()
    return page


def test_worklist_shows_current_stays(qtbot: QtBot, ctx: AppContext, ward: Ward) -> None:
    page = make_page(qtbot, ctx)
    # planned discharge first (today, tomorrow), then stays without a plan
    assert names(page) == ["Quigley, Maren", "Abernathy, Joel", "Quintero, Lucía"]
    assert page.count_label.text() == "3 patients"
    assert [page.unit_combo.itemData(i) for i in range(page.unit_combo.count())] == [
        None,
        "4W",
        "5E",
    ]
    proxy = page.proxy
    first = {c: proxy.index(0, c).data() for c in Column}
    assert first[Column.MRN] == "MRN100001"
    assert first[Column.AGE] == "78"
    assert first[Column.ROOM] == "412-A"
    assert first[Column.PLANNED] == "Today 14:00"  # New York time
    assert first[Column.LOS] == "4 d"
    assert first[Column.STATUS] == "Discharge planned"
    assert proxy.index(2, Column.LANGUAGE).data() == "es · interpreter"
    assert proxy.index(0, Column.PATIENT).data(RowRole).encounter_id == ward.quigley
    assert not page.table.is_showing_empty_text()


def test_unit_and_planned_today_filters_narrow_rows(
    qtbot: QtBot, ctx: AppContext, ward: Ward
) -> None:
    page = make_page(qtbot, ctx)
    page.unit_combo.setCurrentIndex(page.unit_combo.findData("4W"))
    assert names(page) == ["Quigley, Maren", "Quintero, Lucía"]

    page.date_combo.setCurrentIndex(page.date_combo.findData(int(DateChoice.TODAY)))
    assert names(page) == ["Quigley, Maren"]
    assert not page.date_edit.isEnabled()

    page.unit_combo.setCurrentIndex(page.unit_combo.findData("5E"))
    assert names(page) == []
    assert page.table.is_showing_empty_text()
    assert page.table.empty_text == "No current inpatients match these filters"
    assert page.count_label.text() == "0 patients"

    page.unit_combo.setCurrentIndex(0)
    page.date_combo.setCurrentIndex(page.date_combo.findData(int(DateChoice.TOMORROW)))
    assert names(page) == ["Abernathy, Joel"]


def test_planned_on_a_day_enables_the_date_field(qtbot: QtBot, ctx: AppContext, ward: Ward) -> None:
    page = make_page(qtbot, ctx)
    page.date_combo.setCurrentIndex(page.date_combo.findData(int(DateChoice.ON_DAY)))
    assert page.date_edit.isEnabled()
    assert names(page) == ["Quigley, Maren"]  # the field starts on today
    page.date_edit.setDate(page.date_edit.date().addDays(1))
    assert names(page) == ["Abernathy, Joel"]


def test_typing_in_search_filters_instantly(qtbot: QtBot, ctx: AppContext, ward: Ward) -> None:
    page = make_page(qtbot, ctx)
    qtbot.keyClicks(page.search_edit, "qui")
    assert names(page) == ["Quigley, Maren", "Quintero, Lucía"]
    assert page.count_label.text() == "2 of 3 patients"
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "lucia")  # accents do not matter
    assert names(page) == ["Quintero, Lucía"]
    page.search_edit.setText("100002")  # part of an MRN
    assert names(page) == ["Abernathy, Joel"]
    page.search_edit.setText("maren quig")  # words in any order
    assert names(page) == ["Quigley, Maren"]
    page.search_edit.setText("nobody")
    assert page.table.is_showing_empty_text()


def test_ctrl_f_focuses_search(qtbot: QtBot, ctx: AppContext, ward: Ward) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.start()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.find_action.shortcut().toString() == "Ctrl+F"
    qtbot.keyClick(window.worklist.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.worklist.search_edit.hasFocus)


def test_sorting_by_age_is_numeric(qtbot: QtBot, ctx: AppContext, ward: Ward) -> None:
    page = make_page(qtbot, ctx)
    page.table.sortByColumn(Column.AGE, Qt.SortOrder.AscendingOrder)
    ages = [page.proxy.index(r, Column.AGE).data() for r in range(3)]
    assert ages == ["36", "66", "78"]
    page.table.horizontalHeader().setSortIndicator(Column.AGE, Qt.SortOrder.DescendingOrder)
    ages = [page.proxy.index(r, Column.AGE).data() for r in range(3)]
    assert ages == ["78", "66", "36"]


def test_model_sort_role_puts_unplanned_last(ctx: AppContext, ward: Ward) -> None:
    from transitions.services import encounters
    from transitions.services.encounters import StayFilter

    with ctx.uow() as uow:
        rows = encounters.list_stays(uow, ctx.require_actor(), StayFilter.worklist())
    model = StayTableModel(ctx.tz, ctx.today())
    model.set_rows(rows)
    proxy = StayFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(Column.PLANNED, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, 0).data() for r in range(3)][-1] == "Quintero, Lucía"
    assert isinstance(model.index(0, Column.ADMITTED).data(SortRole), float)


def test_load_errors_show_inline_without_details(
    qtbot: QtBot, ctx: AppContext, ward: Ward, monkeypatch: pytest.MonkeyPatch
) -> None:
    from transitions.errors import DatabaseUnavailableError
    from transitions.services import encounters

    page = make_page(qtbot, ctx)

    def down(*_args: object, **_kwargs: object) -> list[object]:
        raise DatabaseUnavailableError("the database stopped answering (sqlite:///x.db)")

    monkeypatch.setattr(encounters, "list_stays", down)
    page.refresh_button.click()
    assert page.error_label.isVisibleTo(page)
    assert page.error_label.text() == "The database stopped answering (sqlite:///x.db)."
    assert page.proxy.rowCount() == 3  # the last good rows stay on screen

    def bug(*_args: object, **_kwargs: object) -> list[object]:
        raise KeyError("Quigley")

    monkeypatch.setattr(encounters, "list_stays", bug)
    page.reload()
    assert page.error_label.text() == "Something went wrong; the details were written to the log."
