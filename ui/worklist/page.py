"""The ward worklist page: filter bar, count, table of current inpatients."""

from __future__ import annotations

import logging
from datetime import date
from enum import IntEnum

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from transitions.services import encounters, worklist_flags
from transitions.services.encounters import StayFilter, StayRow
from transitions.services.uow import UnitOfWork
from ui import formatting as fmt
from ui.context import AppContext
from ui.errors import user_message
from ui.tasks import bound_to
from ui.widgets.tables import EmptyStateTableView
from ui.worklist.delegate import install_delegates
from ui.worklist.model import Column, StayFilterProxy, StayTableModel

log = logging.getLogger(__name__)


# Rows of the first query: a screenful and more, painted while the rest of the list loads.
FIRST_PAGE = 100


class DateChoice(IntEnum):
    ALL = 0
    TODAY = 1
    TOMORROW = 2
    ON_DAY = 3


# Sample text per column: wide enough for typical content at the user's font size.
_COLUMN_SAMPLES = {
    Column.PATIENT: "Barrington-Southwick, Mar",
    Column.MRN: "M0000000",
    Column.AGE: "Age 00",
    Column.SEX: "Sex",
    Column.LANGUAGE: "es · interpreter",
    Column.ROOM: "0000-A",
    Column.UNIT: "Unit 00",
    Column.ADMITTED: "Wed 25 Nov 14:00",
    Column.PLANNED: "Tomorrow 14:00 ·",
    Column.LOS: "000 d",
    Column.STATUS: "Discharge planned",
    Column.READINESS: "S✓  C✓  M✓  A✓  E✓  P✓  R✓ ",
    Column.EDUCATION: "10/12 · 2 reinforce",
}


class WorklistPage(QWidget):
    """Current inpatients. Emits :attr:`open_requested` with the chosen :class:`StayRow`, and
    :attr:`loaded` once a load has brought the whole list (after its first page) or failed."""

    open_requested = Signal(object)
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._request = 0
        self._units_loaded = False
        self._loading = False

        self.unit_combo = QComboBox()
        self.unit_combo.setAccessibleName(self.tr("Unit"))
        self.unit_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.unit_combo.addItem(self.tr("All units"), None)

        self.date_combo = QComboBox()
        self.date_combo.setAccessibleName(self.tr("Discharge date"))
        for choice, text in (
            (DateChoice.ALL, self.tr("All current stays")),
            (DateChoice.TODAY, self.tr("Planned today")),
            (DateChoice.TOMORROW, self.tr("Planned tomorrow")),
            (DateChoice.ON_DAY, self.tr("Planned on…")),
        ):
            self.date_combo.addItem(text, int(choice))

        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.date_edit.setDate(fmt.qdate(ctx.today()))
        self.date_edit.setEnabled(False)
        self.date_edit.setAccessibleName(self.tr("Planned discharge day"))

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search name or MRN"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("Search name or MRN"))
        self.search_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("M" * 18))

        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Number of patients"))
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("Load the worklist again (F5)"))
        self.least_ready_button = QPushButton(self.tr("Least read&y first"))
        self.least_ready_button.setToolTip(
            self.tr("Sort by discharge readiness: the stays with most still to do on top")
        )
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.model = StayTableModel(ctx.tz, ctx.today(), self)
        self.proxy = StayFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = EmptyStateTableView()
        self.table.setAccessibleName(self.tr("Ward worklist"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.PLANNED, Qt.SortOrder.AscendingOrder)
        # cells filled from each row's cells, made once (not seven data() calls per cell)
        self.readiness_delegate = install_delegates(self.table, self.model, self.proxy)
        self._size_columns()

        self._build_layout()
        self._connect()

    # -- layout -----------------------------------------------------------------------------
    def _build_layout(self) -> None:
        unit_label = QLabel(self.tr("&Unit"))
        unit_label.setBuddy(self.unit_combo)
        date_label = QLabel(self.tr("&Discharge"))
        date_label.setBuddy(self.date_combo)

        bar = QHBoxLayout()
        bar.addWidget(unit_label)
        bar.addWidget(self.unit_combo)
        bar.addSpacing(12)
        bar.addWidget(date_label)
        bar.addWidget(self.date_combo)
        bar.addWidget(self.date_edit)
        bar.addSpacing(12)
        bar.addWidget(self.search_edit, 1)
        bar.addSpacing(12)
        bar.addWidget(self.count_label)
        bar.addWidget(self.least_ready_button)
        bar.addWidget(self.refresh_button)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)

        QWidget.setTabOrder(self.unit_combo, self.date_combo)
        QWidget.setTabOrder(self.date_combo, self.date_edit)
        QWidget.setTabOrder(self.date_edit, self.search_edit)
        QWidget.setTabOrder(self.search_edit, self.least_ready_button)
        QWidget.setTabOrder(self.least_ready_button, self.refresh_button)
        QWidget.setTabOrder(self.refresh_button, self.table)
        self.count_label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        padding = metrics.horizontalAdvance("M") * 2
        for column, sample in _COLUMN_SAMPLES.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            widest = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
            header.resizeSection(column, widest + padding)
        header.setStretchLastSection(True)  # the flags take what is left
        header.setMinimumSectionSize(metrics.horizontalAdvance("Sex") + padding)
        self.table.setMinimumWidth(metrics.horizontalAdvance("M") * 40)

    def _connect(self) -> None:
        self.unit_combo.currentIndexChanged.connect(self.reload)
        self.date_combo.currentIndexChanged.connect(self._date_choice_changed)
        self.date_edit.dateChanged.connect(self._planned_day_changed)
        self.search_edit.textChanged.connect(self._search_changed)
        self.refresh_button.clicked.connect(self.refresh)
        self.least_ready_button.clicked.connect(self.sort_least_ready_first)
        self.table.activated.connect(self._activated)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

    # -- filters ----------------------------------------------------------------------------
    def date_choice(self) -> DateChoice:
        return DateChoice(int(self.date_combo.currentData()))

    def selected_unit(self) -> str | None:
        data = self.unit_combo.currentData()
        return data if isinstance(data, str) else None

    def current_filter(self) -> StayFilter:
        today = self.ctx.today()
        match self.date_choice():
            case DateChoice.TODAY:
                day: date | None = today
            case DateChoice.TOMORROW:
                day = date.fromordinal(today.toordinal() + 1)
            case DateChoice.ON_DAY:
                picked = self.date_edit.date()
                day = date(picked.year(), picked.month(), picked.day())
            case _:
                day = None
        return StayFilter.worklist(unit_code=self.selected_unit(), discharge_date=day)

    def _date_choice_changed(self) -> None:
        self.date_edit.setEnabled(self.date_choice() == DateChoice.ON_DAY)
        self.reload()

    def _planned_day_changed(self, _day: QDate) -> None:
        if self.date_choice() == DateChoice.ON_DAY:
            self.reload()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the rows and the unit list (F5); the rows first, they are what shows."""
        self.reload()
        self._load_units()

    def ensure_loaded(self) -> None:
        if not self._units_loaded:
            self.refresh()

    def _load_units(self) -> None:
        self.ctx.submit(
            encounters.list_units,
            bound_to(self, self._show_units),
            bound_to(self, self._show_error),
        )

    def _show_units(self, units: list[tuple[str, str]]) -> None:
        self._units_loaded = True
        current = self.selected_unit()
        self.unit_combo.blockSignals(True)
        try:
            self.unit_combo.clear()
            self.unit_combo.addItem(self.tr("All units"), None)
            for code, name in units:
                self.unit_combo.addItem(f"{code} · {name}", code)
            position = self.unit_combo.findData(current) if current else 0
            self.unit_combo.setCurrentIndex(max(position, 0))
        finally:
            self.unit_combo.blockSignals(False)
        if current and self.selected_unit() != current:
            self.reload()  # the chosen unit was retired meanwhile

    def reload(self) -> None:
        """Fetch the rows for the current unit and date filters (search filters locally): the
        first page, painted at once, then the whole list below it (a ward may hold thousands)."""
        self._request += 1
        request = self._request
        actor = self.ctx.require_actor()
        flt = self.current_filter()
        limit = FIRST_PAGE if self.model.sorted_as_loaded() else None
        self._loading = True
        self.count_label.setText(self.tr("Loading…"))

        def work(uow: UnitOfWork) -> list[StayRow]:
            return encounters.list_stays(uow, actor, flt, limit=limit)

        def rest(uow: UnitOfWork) -> list[StayRow]:
            return encounters.list_stays(uow, actor, flt)

        def shown(rows: list[StayRow]) -> None:
            self._show_rows(request, rows, complete=limit is None or len(rows) < limit)
            if request == self._request and self._loading:
                self.ctx.submit(rest, bound_to(self, completed), bound_to(self, failed))

        def completed(rows: list[StayRow]) -> None:
            if request == self._request:
                self.model.complete_rows(rows)
                self._all_rows_in(request, rows)

        def failed(exc: Exception) -> None:
            self._load_failed(request, exc)

        self.ctx.submit(work, bound_to(self, shown), bound_to(self, failed))

    def _show_rows(self, request: int, rows: list[StayRow], *, complete: bool = True) -> None:
        if request != self._request:
            return  # a newer filter was chosen while this one loaded
        self.error_label.hide()
        self.model.set_rows(rows, today=self.ctx.today())
        self.table.set_empty_text(self.tr("No current inpatients match these filters"))
        if self.proxy.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)  # Enter opens a patient straight away
        if complete:
            self._all_rows_in(request, rows)

    def _all_rows_in(self, request: int, rows: list[StayRow]) -> None:
        """The whole list is in: its count, then the flags."""
        self._loading = False
        self._update_count()
        self.loaded.emit()
        self._load_flags(request, rows)
        self._load_readiness(request, rows)

    def _load_flags(self, request: int, rows: list[StayRow]) -> None:
        """Education progress and BOOST flags, after the rows are on screen."""
        if not rows or len(rows) > worklist_flags.MAX_FLAGGED_STAYS:
            return  # a whole large hospital: pick a ward to see them
        actor = self.ctx.require_actor()
        ids = [row.encounter_id for row in rows]

        def work(uow: UnitOfWork) -> dict[int, worklist_flags.StayFlags]:
            return worklist_flags.stay_flags(uow, actor, ids)

        def show(flags: dict[int, worklist_flags.StayFlags]) -> None:
            if request == self._request:
                self.model.set_flags(flags)

        self.ctx.submit(work, bound_to(self, show), bound_to(self, self._show_error))

    def _load_readiness(self, request: int, rows: list[StayRow]) -> None:
        """Per-step readiness (a few queries per step for the whole list), after the rows."""
        if not rows or len(rows) > worklist_flags.MAX_FLAGGED_STAYS:
            return
        actor = self.ctx.require_actor()
        ids = [row.encounter_id for row in rows]

        def work(uow: UnitOfWork) -> dict[int, dict[str, str]]:
            # imported here: the steps' services (textstat...) stay off the start path
            from transitions.services import readiness  # noqa: PLC0415

            return readiness.worklist_readiness(uow, actor, ids)

        def show(statuses: dict[int, dict[str, str]]) -> None:
            if request == self._request:
                self.model.set_readiness(statuses)

        self.ctx.submit(work, bound_to(self, show), bound_to(self, self._show_error))

    def sort_least_ready_first(self) -> None:
        self.table.sortByColumn(Column.READINESS, Qt.SortOrder.AscendingOrder)
        if self.proxy.rowCount():
            self.table.selectRow(0)
            self.table.scrollToTop()

    def _load_failed(self, request: int, exc: Exception) -> None:
        if request == self._request:
            self._loading = False
            self._show_error(exc)
            self._update_count()
            self.loaded.emit()

    def _show_error(self, exc: Exception) -> None:
        self.error_label.setText(user_message(exc, "loading the worklist"))
        self.error_label.show()

    def _update_count(self) -> None:
        if self._loading:
            return  # "Loading…" until the whole list is in
        shown = self.proxy.rowCount()
        total = self.model.rowCount()
        self.count_label.setText(fmt.plural_patients(shown, total))

    # -- opening ----------------------------------------------------------------------------
    def _activated(self, index: QModelIndex) -> None:
        row = self.proxy.row_at(index.row())
        if row is not None:
            self.open_requested.emit(row)

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._activated(index)
