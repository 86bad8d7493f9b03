"""The worklist's cells made once per row and its delegates: the same options as Qt's own
``initStyleOption`` fills from ``data()``, caches renewed when the rows, flags or readiness
change (no database: plain rows)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from transitions.domain.encounter_status import EncounterStatus
from transitions.services.encounters import StayRow
from ui.widgets.tables import EmptyStateTableView
from ui.worklist import model as worklist_model
from ui.worklist.delegate import WorklistDelegate, WorklistReadinessDelegate, install_delegates
from ui.worklist.model import Column, StayFilterProxy, StayTableModel

NOW = datetime(2026, 11, 25, 17, tzinfo=UTC)
STATUSES = [EncounterStatus.ADMITTED, EncounterStatus.DISCHARGE_PLANNED, EncounterStatus.READY]
STEPS = ["assessment", "careplan", "medications", "appointments", "education", "packet", "risk"]
MARKS = ["done", "in_progress", "missing", "warning"]


def _rows(count: int = 24) -> list[StayRow]:
    return [
        StayRow(
            encounter_id=i + 1,
            version_id=1,
            visit_number=f"V{i:07d}",
            patient_name=f"Family{i}, Given{i}",
            mrn=f"M{i:07d}",
            birth_date=date(1950, 1, 1) + timedelta(days=300 * i),
            age=70 - i,
            sex=["female", "male", "other"][i % 3],
            preferred_language=["en", "es"][i % 3 == 0],
            interpreter_needed=i % 4 == 0,
            unit_code="4W",
            room=f"{400 + i}-A",
            admit_time=NOW - timedelta(hours=7 * i + 3),
            planned_discharge_time=None if i % 7 == 0 else NOW + timedelta(hours=i % 5 * 13 - 4),
            discharge_time=None,
            length_of_stay_days=i % 6,
            status=STATUSES[i % 3],
        )
        for i in range(count)
    ]


def _flags(rows: list[StayRow]) -> dict[int, Any]:
    flags = {}
    for i, row in enumerate(rows):
        education = SimpleNamespace(
            done=i % 5, required=4, needs_reinforcement=int(i % 3 == 0), complete=i % 5 >= 4
        )
        flags[row.encounter_id] = SimpleNamespace(
            education=education if i % 8 else None,
            boost_positive=("a", "b") if i % 3 else (),
            pharmacist_review_suggested=i % 4 == 0,
        )
    return flags


def _table(qtbot: QtBot) -> tuple[StayTableModel, StayFilterProxy, EmptyStateTableView]:
    model = StayTableModel(ZoneInfo("America/New_York"), date(2026, 11, 25))
    proxy = StayFilterProxy()
    proxy.setSourceModel(model)
    table = EmptyStateTableView()
    qtbot.addWidget(table)
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.sortByColumn(Column.PLANNED, Qt.SortOrder.AscendingOrder)
    install_delegates(table, model, proxy)
    rows = _rows()
    model.set_rows(rows)
    model.set_flags(_flags(rows))
    model.set_readiness(
        {
            row.encounter_id: {k: MARKS[(i + n) % 4] for n, k in enumerate(STEPS)}
            for i, row in enumerate(rows)
            if i % 3
        }
    )
    return model, proxy, table


def _option(delegate: QStyledItemDelegate, table: EmptyStateTableView, index: Any) -> Any:
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    option.rect = table.visualRect(index)
    delegate.initStyleOption(option, index)
    text_brush = option.palette.brush(QPalette.ColorRole.Text)
    return (
        option.text,
        option.features,
        option.font.toString(),
        option.font.bold(),
        option.displayAlignment,
        text_brush.color().name(),
        text_brush.style(),
        option.backgroundBrush.style(),
        option.backgroundBrush.color().name(),
        option.index.row(),
        option.index.column(),
    )


def _all_options(delegate: QStyledItemDelegate, table: EmptyStateTableView) -> None:
    model = table.model()
    for r in range(model.rowCount()):
        for c in Column:
            _option(delegate, table, model.index(r, c))


def test_delegates_fill_each_cell_as_qt_does_from_data(qtbot: QtBot) -> None:
    """Every cell, also sorted and filtered: the cached cells give the option Qt's own
    initStyleOption fills from data() (text, bold, alignment, colours, background)."""
    model, proxy, table = _table(qtbot)
    plain = QStyledItemDelegate()
    fast = table.itemDelegateForIndex(proxy.index(0, 0))
    readiness = table.itemDelegateForIndex(proxy.index(0, Column.READINESS))
    assert isinstance(fast, WorklistDelegate)
    assert isinstance(readiness, WorklistReadinessDelegate)
    seen = set()
    rows = model.rows()
    for sort, search, reload in (
        (Column.PLANNED, "", False),
        (Column.PATIENT, "family1", False),  # the delegates' row memo is forgotten
        (Column.AGE, "", True),
    ):
        table.sortByColumn(sort, Qt.SortOrder.DescendingOrder)
        proxy.set_search(search)
        if reload:  # the first rows, then all of them appended below
            model.set_rows(rows[:5])
            _all_options(fast, table)
            model.complete_rows([*rows[:5], *reversed(rows[5:])])
        assert proxy.rowCount()
        for r in range(proxy.rowCount()):
            for c in Column:
                index = proxy.index(r, c)
                expected = _option(plain, table, index)
                assert _option(fast, table, index) == expected, (r, c)
                assert _option(readiness, table, index) == expected, (r, c)
                seen.add((expected[3], expected[5], expected[7]))
    # bold on a background (due today), coloured text and plain cells were all compared
    assert len(seen) >= 4


def test_cells_are_made_once_and_renewed_when_the_row_changes(qtbot: QtBot) -> None:
    model, _proxy, _table_view = _table(qtbot)
    first = model.cells(0)
    assert model.cells(0) is first  # kept
    assert first.texts[Column.PATIENT] == model.index(0, Column.PATIENT).data()
    rows = model.rows()
    model.set_flags({})
    assert model.cells(0) is not first and model.cells(0).texts[Column.EDUCATION] == ""
    again = model.cells(0)
    model.set_readiness({rows[0].encounter_id: {"medications": "done"}})
    assert model.cells(0) is not again and model.cells(0).texts[Column.READINESS] == "M✓"
    renamed = [*rows]
    renamed[0] = rows[0]._replace(patient_name="Zed, New")
    model.complete_rows(renamed)  # the same stays read again: the first one renamed
    assert "Zed, New" in [model.cells(n).texts[Column.PATIENT] for n in range(len(rows))]
    model.set_rows(rows[1:], today=date(2026, 11, 26))
    assert all(
        model.cells(n).texts[Column.PATIENT] == model.row_at(n).patient_name
        for n in range(model.rowCount())
    )


def test_cell_cache_is_bounded(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worklist_model, "CELL_CACHE_ROWS", 5)
    model, _proxy, _table_view = _table(qtbot)
    for n in range(model.rowCount()):
        model.cells(n)
        assert len(model._cells) <= 5


def test_model_index_outside_the_rows_is_invalid(qtbot: QtBot) -> None:
    model, _proxy, _table_view = _table(qtbot)
    assert model.index(0, 0).isValid() and model.index(23, Column.FLAGS).isValid()
    assert not model.index(24, 0).isValid()
    assert not model.index(0, len(Column)).isValid()
    assert not model.index(-1, 0).isValid()
    assert not model.index(0, 0, model.index(0, 0)).isValid()  # a table: no children
    assert model.index(0, 0, QModelIndex()).row() == 0
