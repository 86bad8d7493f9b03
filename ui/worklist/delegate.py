"""The worklist's item delegates: each cell's style option filled from the row's cells, made
once per row by the model (:meth:`StayTableModel.cells`), instead of from seven ``data()``
calls per cell (font, alignment, colour, check state, decoration, text, background).

A screenful of the 14 columns is about 420 cells: Qt's own ``initStyleOption`` asked the model
about 3,400 times per paint, each a call from C++ into Python (and two more through the proxy
to map the index). The cells are drawn by Qt as before (``QStyledItemDelegate.paint``, the
style's item drawing); only the filling of the option is done here, exactly as
``QStyledItemDelegate::initStyleOption`` does it from the same values ``data()`` answers.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel
from PySide6.QtGui import QFontMetrics, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTableView

from ui.widgets.readiness import ReadinessDelegate
from ui.worklist.model import (
    CELL_CACHE_ROWS,
    RIGHT_ALIGNED,
    TODAY_BRUSH,
    Column,
    StayTableModel,
)

_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_TEXT = QPalette.ColorRole.Text
_PLANNED = int(Column.PLANNED)
_NUMERIC = frozenset({int(Column.AGE), int(Column.LOS)})
#: features -> the same with HasDisplay (enum arithmetic in Python is slow; a few distinct values)
_WITH_TEXT: dict[QStyleOptionViewItem.ViewItemFeature, QStyleOptionViewItem.ViewItemFeature] = {}


class _CellsFromModel:
    """``initStyleOption`` from the model's cached cells (a mixin for a QStyledItemDelegate)."""

    _model: StayTableModel
    _proxy: QSortFilterProxyModel | None
    #: proxy row -> model row, for the 14 cells of a row painted one after the other (mapping
    #: each cell's index calls into Python twice); forgotten whenever the proxy's rows move
    _positions: dict[int, int]

    def _bind(self, model: StayTableModel, proxy: QSortFilterProxyModel | None) -> None:
        self._model = model
        self._proxy = proxy
        self._positions = {}
        if proxy is not None:
            for signal in (
                proxy.modelAboutToBeReset,
                proxy.modelReset,
                proxy.layoutAboutToBeChanged,
                proxy.layoutChanged,
                proxy.rowsInserted,
                proxy.rowsRemoved,
                proxy.rowsMoved,
            ):
                signal.connect(self._forget_positions)

    def _forget_positions(self, *_args: object) -> None:
        self._positions = {}

    def _position(self, index: QModelIndex | QPersistentModelIndex) -> int:
        """The model's row behind ``index`` (-1: not one of the worklist's rows)."""
        proxy = self._proxy
        if proxy is None:
            return index.row() if index.model() is self._model else -1
        if index.model() is not proxy:
            return -1
        row = index.row()
        position = self._positions.get(row)
        if position is None:
            if len(self._positions) >= CELL_CACHE_ROWS:
                self._positions = {}
            position = self._positions[row] = proxy.mapToSource(index).row()
        return position

    def initStyleOption(  # noqa: N802 - Qt name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        model = self._model
        position = self._position(index)
        if position < 0:  # not a worklist row: as Qt does
            super().initStyleOption(option, index)  # type: ignore[misc]
            return
        cells = model.cells(position)
        column = index.column()
        option.index = index  # type: ignore[assignment]
        if column == _PLANNED and cells.due_today:
            option.font = model.bold_font().resolve(option.font)
            option.fontMetrics = QFontMetrics(option.font)
            option.backgroundBrush = TODAY_BRUSH
        if column in _NUMERIC:
            option.displayAlignment = RIGHT_ALIGNED
        foreground = cells.foregrounds[column]
        if foreground is not None:
            option.palette.setBrush(_TEXT, foreground)
        features = option.features
        with_text = _WITH_TEXT.get(features)
        if with_text is None:
            with_text = _WITH_TEXT[features] = features | _HAS_DISPLAY
        option.features = with_text
        text = cells.texts[column]
        option.text = text.replace("\n", "\u2028") if "\n" in text else text
        option.styleObject = None  # type: ignore[assignment] # as Qt does (no animations)


class WorklistDelegate(_CellsFromModel, QStyledItemDelegate):
    """Every worklist column but readiness."""

    def __init__(
        self,
        model: StayTableModel,
        proxy: QSortFilterProxyModel | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._bind(model, proxy)


class WorklistReadinessDelegate(_CellsFromModel, ReadinessDelegate):
    """The readiness column: its chips as :class:`ReadinessDelegate` paints them."""

    def __init__(
        self,
        model: StayTableModel,
        proxy: QSortFilterProxyModel | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._bind(model, proxy)


def install_delegates(
    table: QTableView, model: StayTableModel, proxy: QSortFilterProxyModel | None
) -> WorklistReadinessDelegate:
    """The worklist's delegates on ``table`` (whose model is ``proxy`` over ``model``, or
    ``model``); returns the readiness column's."""
    table.setItemDelegate(WorklistDelegate(model, proxy, table))
    readiness = WorklistReadinessDelegate(model, proxy, table)
    table.setItemDelegateForColumn(Column.READINESS, readiness)
    return readiness
