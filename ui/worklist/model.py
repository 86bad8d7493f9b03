"""Qt item models of the worklist: plain :class:`StayRow` objects, never the database."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, tzinfo
from enum import IntEnum
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from transitions.domain.encounter_status import EncounterStatus
from transitions.services.encounters import StayRow
from transitions.services.worklist_flags import StayFlags
from ui import formatting as fmt
from ui.i18n import QT_TRANSLATE_NOOP
from ui.widgets import readiness as ready
from ui.widgets.readiness import StatusesRole

#: The value a column sorts by (numbers and timestamps, not the text shown).
SortRole = Qt.ItemDataRole.UserRole + 1
#: The :class:`StayRow` behind a row, from any column.
RowRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    PATIENT = 0
    MRN = 1
    AGE = 2
    SEX = 3
    LANGUAGE = 4
    ROOM = 5
    UNIT = 6
    ADMITTED = 7
    PLANNED = 8
    LOS = 9
    STATUS = 10
    READINESS = 11
    EDUCATION = 12
    FLAGS = 13


HEADERS = {
    Column.PATIENT: QT_TRANSLATE_NOOP("StayTableModel", "Patient"),
    Column.MRN: QT_TRANSLATE_NOOP("StayTableModel", "MRN"),
    Column.AGE: QT_TRANSLATE_NOOP("StayTableModel", "Age"),
    Column.SEX: QT_TRANSLATE_NOOP("StayTableModel", "Sex"),
    Column.LANGUAGE: QT_TRANSLATE_NOOP("StayTableModel", "Language"),
    Column.ROOM: QT_TRANSLATE_NOOP("StayTableModel", "Room"),
    Column.UNIT: QT_TRANSLATE_NOOP("StayTableModel", "Unit"),
    Column.ADMITTED: QT_TRANSLATE_NOOP("StayTableModel", "Admitted"),
    Column.PLANNED: QT_TRANSLATE_NOOP("StayTableModel", "Planned discharge"),
    Column.LOS: QT_TRANSLATE_NOOP("StayTableModel", "LOS"),
    Column.STATUS: QT_TRANSLATE_NOOP("StayTableModel", "Status"),
    Column.READINESS: QT_TRANSLATE_NOOP("StayTableModel", "Readiness"),
    Column.EDUCATION: QT_TRANSLATE_NOOP("StayTableModel", "Education"),
    Column.FLAGS: QT_TRANSLATE_NOOP("StayTableModel", "Flags"),
}

_COLUMNS = tuple(Column)
_COLUMN_COUNT = len(_COLUMNS)
# The roles :meth:`StayTableModel.data` answers.
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        SortRole,
        RowRole,
        StatusesRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
    }
)
_NUMERIC = {Column.AGE, Column.LOS}
_NO_DATE = float("inf")  # stays without a planned discharge sort after every dated one

_STATUS_COLORS = {
    EncounterStatus.READY: QColor("#1b5e20"),
    EncounterStatus.DISCHARGE_PLANNED: QColor("#0d47a1"),
}
_TODAY_BACKGROUND = QColor("#fff4d6")
_WARNING_COLOR = QColor("#a64500")
# Brushes made once, shared by every cell (data() is asked for them on each paint).
_STATUS_BRUSHES = {status: QBrush(color) for status, color in _STATUS_COLORS.items()}
TODAY_BRUSH = QBrush(_TODAY_BACKGROUND)
_WARNING_BRUSH = QBrush(_WARNING_COLOR)
_READY_BRUSH = _STATUS_BRUSHES[EncounterStatus.READY]
_TODAY_TEXT_BRUSH = QBrush(QColor("#000000"))  # readable on the highlight in dark themes too
RIGHT_ALIGNED = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_RIGHT = int(RIGHT_ALIGNED)
_NUMERIC_COLUMNS = tuple(column in (Column.AGE, Column.LOS) for column in Column)
_DISPLAY = Qt.ItemDataRole.DisplayRole
_FONT = Qt.ItemDataRole.FontRole
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
#: Rows whose cells are kept (a few screenfuls); more and the cache starts again.
CELL_CACHE_ROWS = 2_000


class RowCells(NamedTuple):
    """What a row's cells show, made once per row (:meth:`StayTableModel.cells`) and kept until
    the row, its flags or its readiness change: read by ``data()`` and the worklist's delegate
    on every paint instead of formatting each cell again."""

    #: display text per column
    texts: tuple[str, ...]
    #: text colour per column (None: the palette's)
    foregrounds: tuple[QBrush | None, ...]
    #: the planned discharge is today: that cell bold on a highlight
    due_today: bool


def _tr(text: str) -> str:
    return QCoreApplication.translate("StayTableModel", text)


def fold(text: str) -> str:
    """Lower-case without accents, so 'lucia' finds 'Lucía'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _timestamp(dt: datetime | None) -> float:
    return _NO_DATE if dt is None else dt.timestamp()


class StayTableModel(QAbstractTableModel):
    """Rows of the ward worklist. Load with :meth:`set_rows`; read a row back with ``RowRole``."""

    def __init__(self, tz: tzinfo, today: date, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[StayRow] = []
        self._loaded: list[StayRow] = []  # the order the rows came in: ties keep it
        self._flags: dict[int, StayFlags] = {}
        self._readiness: dict[int, dict[str, str]] = {}
        self._tz = tz
        self._today = today
        self._bold = QFont()
        self._bold.setBold(True)
        self._sort: tuple[Column, Qt.SortOrder] | None = None
        self._cells: dict[int, RowCells] = {}  # id(row) -> its cells; rows live in _loaded

    # -- loading ----------------------------------------------------------------------------
    def set_rows(self, rows: list[StayRow], today: date | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._loaded = list(rows)
        self._flags = {}
        self._readiness = {}
        self._cells = {}
        if today is not None:
            self._today = today
        self._sort_rows()
        self.endResetModel()

    def sorted_as_loaded(self) -> bool:
        """True when the rows show in the order the service returns them (planned discharge,
        ascending): then a first page is the top of the list and the rest goes below it."""
        return self._sort is None or self._sort == (Column.PLANNED, Qt.SortOrder.AscendingOrder)

    def complete_rows(self, rows: list[StayRow]) -> None:
        """All the rows, after :meth:`set_rows` showed the first of them: appended below (the
        selection and scroll position stay) when they begin with the rows shown, else reset."""
        shown = len(self._rows)
        if not self.sorted_as_loaded() or [r.encounter_id for r in rows[:shown]] != [
            r.encounter_id for r in self._loaded
        ]:
            self.set_rows(rows)
            return
        self._loaded = list(rows)
        self._cells = {}
        self._rows[:shown] = rows[:shown]  # the same stays, as read a moment later
        if shown:
            self.dataChanged.emit(self.index(0, 0), self.index(shown - 1, len(Column) - 1))
        if len(rows) > shown:
            self.beginInsertRows(QModelIndex(), shown, len(rows) - 1)
            self._rows.extend(rows[shown:])
            self.endInsertRows()

    def set_flags(self, flags: dict[int, StayFlags]) -> None:
        """Education progress and BOOST flags, loaded after the rows; repaints two columns."""
        self._flags = dict(flags)
        self._cells = {}
        if self._rows:
            self.dataChanged.emit(
                self.index(0, Column.EDUCATION), self.index(len(self._rows) - 1, Column.FLAGS)
            )
            if self._sort is not None and self._sort[0] in (Column.EDUCATION, Column.FLAGS):
                self.sort(*self._sort)

    # -- sorting ----------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort here, one key per row (a stable Python sort), not in the proxy: the proxy asks
        ``data()`` twice per comparison, ~0.4 s for a ward of 3,800 stays against ~10 ms."""
        self._sort = (Column(column), order) if 0 <= column < len(Column) else None
        if self._sort is None or not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        before = list(self._rows)
        self._sort_rows()
        position = {id(row): n for n, row in enumerate(self._rows)}
        old = self.persistentIndexList()
        new = [self.index(position[id(before[i.row()])], i.column()) for i in old]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        if self._sort is None:
            return
        column, order = self._sort
        self._rows = sorted(  # stable, also reversed: ties keep the loaded order
            self._loaded,
            key=lambda row: self._sort_key(row, column),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

    def set_readiness(self, statuses: dict[int, dict[str, str]]) -> None:
        """Step -> status per stay (``worklist_readiness``), loaded after the rows."""
        self._readiness = {key: dict(value) for key, value in statuses.items()}
        self._cells = {}
        if self._rows:
            self.dataChanged.emit(
                self.index(0, Column.READINESS), self.index(len(self._rows) - 1, Column.READINESS)
            )

    def readiness_of(self, row: StayRow) -> dict[str, str] | None:
        return self._readiness.get(row.encounter_id)

    def flags_of(self, row: StayRow) -> StayFlags | None:
        return self._flags.get(row.encounter_id)

    def rows(self) -> list[StayRow]:
        return list(self._rows)

    def row_at(self, row: int) -> StayRow:
        return self._rows[row]

    # -- QAbstractTableModel --------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else _COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(HEADERS[Column(section)])
        if role == Qt.ItemDataRole.TextAlignmentRole and section in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and section == Column.LOS:
            return QCoreApplication.translate("StayTableModel", "Length of stay")
        if role == Qt.ItemDataRole.ToolTipRole and section == Column.READINESS:
            return self._readiness_legend()
        return None

    def _readiness_legend(self) -> str:
        keys = next((list(value) for value in self._readiness.values() if value), [])
        steps = ", ".join(f"{ready.step_letter(k)} {ready.step_name(k)}" for k in keys)
        marks = ", ".join(
            f"{ready.glyph(status)} {ready.status_word(status)}" for status in ready.GLYPHS
        )
        text = QCoreApplication.translate(
            "StayTableModel", "Discharge readiness per step: %1. %2. Sorted up: least ready first."
        )
        return text.replace("%1", steps).replace("%2", marks)

    def index(
        self,
        row: int,
        column: int,
        parent: Index = QModelIndex(),  # noqa: B008 - Qt signature
    ) -> QModelIndex:
        # Asked for each cell painted (by the proxy, to map it): the inherited index() asks
        # rowCount() and columnCount(), two more calls into Python per cell.
        if 0 <= row < len(self._rows) and 0 <= column < _COLUMN_COUNT and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every visible cell and role on each paint: roles answered below first,
        # then the row's cells made once (cells()); columns by position
        if role not in _ROLES or not index.isValid():
            return None
        position = index.row()
        if not 0 <= position < len(self._rows):
            return None
        column = index.column()
        if role == _DISPLAY:
            return self.cells(position).texts[column]
        if role == _FOREGROUND:
            return self.cells(position).foregrounds[column]
        if role == _ALIGNMENT:
            return _RIGHT if _NUMERIC_COLUMNS[column] else None
        if role in (_FONT, _BACKGROUND):
            if column != Column.PLANNED or not self.cells(position).due_today:
                return None
            return self._bold if role == _FONT else TODAY_BRUSH
        row = self._rows[position]
        if role == SortRole:
            return self._sort_key(row, _COLUMNS[column])
        if role == RowRole:
            return row
        if role == StatusesRole and column == Column.READINESS:
            statuses = self._readiness.get(row.encounter_id)
            return ready.StepStatuses.of(statuses) if statuses is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, _COLUMNS[column])
        return None

    def cells(self, position: int) -> RowCells:
        """The cells of the row at ``position`` (model order), made on first use."""
        row = self._rows[position]
        found = self._cells.get(id(row))
        if found is None:
            if len(self._cells) >= CELL_CACHE_ROWS:
                self._cells = {}
            found = self._cells[id(row)] = self._make_cells(row)
        return found

    def bold_font(self) -> QFont:
        return self._bold

    def _make_cells(self, row: StayRow) -> RowCells:
        due_today = self._is_due_today(row, Column.PLANNED)
        foregrounds: list[QBrush | None] = [None] * _COLUMN_COUNT
        if row.status in _STATUS_BRUSHES:
            foregrounds[Column.STATUS] = _STATUS_BRUSHES[row.status]
        foregrounds[Column.EDUCATION] = self._flag_color(row, Column.EDUCATION)
        foregrounds[Column.FLAGS] = self._flag_color(row, Column.FLAGS)
        if due_today:
            foregrounds[Column.PLANNED] = _TODAY_TEXT_BRUSH
        return RowCells(
            texts=tuple(self._display(row, column) for column in _COLUMNS),
            foregrounds=tuple(foregrounds),
            due_today=due_today,
        )

    # -- cells ------------------------------------------------------------------------------
    def _is_due_today(self, row: StayRow, column: Column) -> bool:
        return (
            column == Column.PLANNED
            and row.planned_discharge_time is not None
            and fmt.days_from_today(row.planned_discharge_time, self._tz, self._today) == 0
        )

    def _display(self, row: StayRow, column: Column) -> str:
        match column:
            case Column.PATIENT:
                return row.patient_name
            case Column.MRN:
                return row.mrn
            case Column.AGE:
                return str(row.age)
            case Column.SEX:
                return fmt.sex_short(row.sex)
            case Column.LANGUAGE:
                return self._language(row)
            case Column.ROOM:
                return row.room or ""
            case Column.UNIT:
                return row.unit_code or ""
            case Column.ADMITTED:
                return fmt.format_moment(row.admit_time, self._tz, self._today)
            case Column.PLANNED:
                return fmt.format_moment(row.planned_discharge_time, self._tz, self._today)
            case Column.LOS:
                return fmt.format_los(row.length_of_stay_days)
            case Column.STATUS:
                return fmt.status_label(row.status)
            case Column.READINESS:
                return ready.compact_text(self._readiness.get(row.encounter_id) or {})
            case Column.EDUCATION:
                flags = self._flags.get(row.encounter_id)
                progress = flags.education if flags else None
                if progress is None:
                    return ""
                text = f"{progress.done}/{progress.required}"
                if progress.needs_reinforcement:
                    text += QCoreApplication.translate("StayTableModel", " · %1 reinforce").replace(
                        "%1", str(progress.needs_reinforcement)
                    )
                return text
            case Column.FLAGS:
                return self._flag_text(row)

    def _flag_text(self, row: StayRow) -> str:
        flags = self._flags.get(row.encounter_id)
        if flags is None:
            return ""
        parts = []
        if flags.pharmacist_review_suggested:
            parts.append(QCoreApplication.translate("StayTableModel", "Pharmacist review"))
        if flags.boost_positive:
            parts.append(
                QCoreApplication.translate("StayTableModel", "BOOST %1").replace(
                    "%1", str(len(flags.boost_positive))
                )
            )
        return " · ".join(parts)

    def _flag_color(self, row: StayRow, column: Column) -> QBrush | None:
        flags = self._flags.get(row.encounter_id)
        if flags is None:
            return None
        if column == Column.EDUCATION and flags.education is not None:
            if flags.education.needs_reinforcement:
                return _WARNING_BRUSH
            if flags.education.complete:
                return _READY_BRUSH
            return None
        if column == Column.FLAGS and flags.pharmacist_review_suggested:
            return _WARNING_BRUSH
        return None

    @staticmethod
    def _language(row: StayRow) -> str:
        if row.interpreter_needed:
            return QCoreApplication.translate("StayTableModel", "%1 · interpreter").replace(
                "%1", row.preferred_language
            )
        return row.preferred_language

    def _sort_key(self, row: StayRow, column: Column) -> Any:
        match column:
            case Column.AGE:
                return row.age
            case Column.LOS:
                return row.length_of_stay_days
            case Column.ADMITTED:
                return row.admit_time.timestamp()
            case Column.PLANNED:
                return _timestamp(row.planned_discharge_time)
            case Column.STATUS:
                return list(EncounterStatus).index(row.status)
            case Column.READINESS:
                # least ready first; equally ready: earliest planned discharge first
                score = ready.sort_key(self._readiness.get(row.encounter_id))
                planned = min(_timestamp(row.planned_discharge_time), 9e10)
                return score if score == float("inf") else round(score, 3) * 1e11 + planned
            case Column.EDUCATION:
                flags = self._flags.get(row.encounter_id)
                progress = flags.education if flags else None
                if progress is None or not progress.required:
                    return 2.0
                return progress.done / progress.required
            case _:
                return fold(self._display(row, column))

    def _tooltip(self, row: StayRow, column: Column) -> str | None:
        match column:
            case Column.PATIENT:
                born = fmt.format_date(row.birth_date)
                return (
                    QCoreApplication.translate("StayTableModel", "Born %1 · visit %2")
                    .replace("%1", born)
                    .replace("%2", row.visit_number)
                )
            case Column.SEX:
                return fmt.sex_label(row.sex)
            case Column.LANGUAGE:
                name = fmt.language_name(row.preferred_language)
                if row.interpreter_needed:
                    return QCoreApplication.translate(
                        "StayTableModel", "%1 — interpreter needed"
                    ).replace("%1", name)
                return name
            case Column.ADMITTED:
                return fmt.format_full_moment(row.admit_time, self._tz)
            case Column.PLANNED:
                if row.planned_discharge_time is None:
                    return QCoreApplication.translate(
                        "StayTableModel", "No discharge date planned yet"
                    )
                return fmt.format_full_moment(row.planned_discharge_time, self._tz)
            case Column.EDUCATION:
                return QCoreApplication.translate(
                    "StayTableModel", "Education items taught with teach-back / items required"
                )
            case Column.FLAGS:
                return self._flags_tooltip(row)
            case Column.READINESS:
                statuses = self._readiness.get(row.encounter_id)
                return ready.summary_tooltip(statuses) if statuses else None
            case _:
                return None

    def _flags_tooltip(self, row: StayRow) -> str | None:
        flags = self._flags.get(row.encounter_id)
        if flags is None:
            return None
        lines = []
        if flags.pharmacist_review is not None and flags.pharmacist_review.suggested:
            lines.append(
                QCoreApplication.translate(
                    "StayTableModel", "Pharmacist review suggested (BOOST): %1"
                ).replace("%1", flags.pharmacist_review.reason)
            )
        if flags.boost_positive:
            lines.append(QCoreApplication.translate("StayTableModel", "BOOST 8P positive:"))
            lines.extend(f"• {label}" for label in flags.boost_labels())
        return "\n".join(lines) or None


class StayFilterProxy(QSortFilterProxyModel):
    """Filters instantly by a search term over name and MRN; sorting is passed on to the source
    model (:meth:`StayTableModel.sort`), whose order the proxy keeps."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._term = ""
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    @property
    def search_term(self) -> str:
        return self._term

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)

    def set_search(self, text: str) -> None:
        term = fold(text.strip())
        if term == self._term:
            return
        self.beginFilterChange()
        self._term = term
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._term:
            return True
        model = self.sourceModel()
        row = model.data(model.index(source_row, 0, source_parent), RowRole)
        if not isinstance(row, StayRow):
            return False
        haystack = f"{fold(row.patient_name)} {fold(row.mrn)}"
        # every word must appear: "maren quig" finds "Quigley, Maren"
        return all(word in haystack for word in self._term.replace(",", " ").split())

    def row_at(self, proxy_row: int) -> StayRow | None:
        row = self.data(self.index(proxy_row, 0), RowRole)
        return row if isinstance(row, StayRow) else None
