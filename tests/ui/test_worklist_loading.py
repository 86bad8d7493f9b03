"""The worklist loads its first page, then the rest below it; the model sorts, not the proxy."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Ward
from transitions.services import encounters
from transitions.services.encounters import StayFilter, StayRow
from ui.context import AppContext
from ui.worklist import page as worklist_page
from ui.worklist.model import Column, StayFilterProxy, StayTableModel
from ui.worklist.page import WorklistPage


def ids(page: WorklistPage) -> list[int]:
    proxy = page.proxy
    return [row.encounter_id for r in range(proxy.rowCount()) if (row := proxy.row_at(r))]


def rows_of(ctx: AppContext) -> list[StayRow]:
    with ctx.uow() as uow:
        return encounters.list_stays(uow, ctx.require_actor(), StayFilter.worklist())


def test_first_page_then_the_rest_below_it(
    qtbot: QtBot, ctx: AppContext, ward: Ward, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(worklist_page, "FIRST_PAGE", 2)
    limits: list[int | None] = []
    real = encounters.list_stays

    def counting(*args: Any, limit: int | None = None) -> list[StayRow]:
        limits.append(limit)
        return real(*args, limit=limit)

    monkeypatch.setattr(encounters, "list_stays", counting)
    page = WorklistPage(ctx)
    qtbot.addWidget(page)
    page.show()
    reset: list[bool] = []
    page.model.modelReset.connect(lambda: reset.append(True))
    page.ensure_loaded()
    assert limits == [2, None]
    assert ids(page) == [ward.quigley, ward.abernathy, ward.quintero]
    assert len(reset) == 1  # the rest was appended, not a second reset
    assert page.count_label.text() == "3 patients"
    assert page.table.currentIndex().row() == 0

    limits.clear()
    page.table.sortByColumn(Column.AGE, Qt.SortOrder.AscendingOrder)
    page.reload()  # sorted another way: the first page would not be the top rows
    assert limits == [None]


def test_complete_rows_resets_when_the_first_rows_changed(ctx: AppContext, ward: Ward) -> None:
    rows = rows_of(ctx)
    model = StayTableModel(ctx.tz, ctx.today())
    model.set_rows(rows[:2])
    reset: list[bool] = []
    model.modelReset.connect(lambda: reset.append(True))
    model.complete_rows(rows)
    assert [r.encounter_id for r in model.rows()] == [r.encounter_id for r in rows]
    assert reset == []
    model.set_rows(rows[1:2])
    reset.clear()
    model.complete_rows(rows)  # a stay went ahead meanwhile: start again
    assert reset == [True] and len(model.rows()) == 3


def test_sorting_keeps_the_selected_stay_and_ties_keep_the_loaded_order(
    ctx: AppContext, ward: Ward
) -> None:
    from PySide6.QtCore import QItemSelectionModel

    rows = rows_of(ctx)
    same_age = [row._replace(age=50) for row in rows]
    model = StayTableModel(ctx.tz, ctx.today())
    proxy = StayFilterProxy()
    proxy.setSourceModel(model)
    model.set_rows(same_age)
    selection = QItemSelectionModel(proxy)
    chosen = proxy.index(1, 0)
    selection.setCurrentIndex(chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    picked = proxy.row_at(1)
    assert picked is not None
    proxy.sort(Column.AGE, Qt.SortOrder.DescendingOrder)
    order = [proxy.row_at(r).encounter_id for r in range(3)]  # type: ignore[union-attr]
    assert order == [r.encounter_id for r in rows]  # all tied: as loaded, also descending
    proxy.sort(Column.PATIENT, Qt.SortOrder.DescendingOrder)
    names = [proxy.row_at(r).patient_name for r in range(3)]  # type: ignore[union-attr]
    assert names == sorted(names, reverse=True)
    current = proxy.row_at(selection.currentIndex().row())
    assert current is not None and current.encounter_id == picked.encounter_id


def test_live_refresh_keeps_a_selection_beyond_the_first_page(
    qtbot: QtBot, ctx: AppContext, ward: Ward, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.main_window import MainWindow

    monkeypatch.setattr(worklist_page, "FIRST_PAGE", 1)
    window = MainWindow(ctx, steps=[])
    qtbot.addWidget(window)
    window.start()
    page = window.worklist
    assert ids(page)[-1] == ward.quintero
    page.table.selectRow(2)
    assert window.live is not None
    window.live.apply({None})  # another workstation changed something: reload
    current = page.proxy.row_at(page.table.currentIndex().row())
    assert current is not None and current.encounter_id == ward.quintero
    window.close()
