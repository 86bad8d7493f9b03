"""Qt item model of the follow-up list: plain :class:`FollowupRow` objects, never the database."""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from transitions.services.followup_list import FollowupRow
from ui.i18n import QT_TRANSLATE_NOOP
from ui.worklist.model import Index, RowRole, SortRole  # the same roles on every list

OVERDUE = QColor("#b71c1c")


class Col(IntEnum):
    PATIENT = 0
    MRN = 1
    UNIT = 2
    DISCHARGED = 3
    DAYS = 4
    LACE = 5
    HOSPITAL = 6
    NEXT = 7
    DUE = 8
    OWNER = 9
    LAST_CALL = 10
    READMITTED = 11


HEADERS = {
    Col.PATIENT: QT_TRANSLATE_NOOP("FollowupModel", "Patient"),
    Col.MRN: QT_TRANSLATE_NOOP("FollowupModel", "MRN"),
    Col.UNIT: QT_TRANSLATE_NOOP("FollowupModel", "Unit"),
    Col.DISCHARGED: QT_TRANSLATE_NOOP("FollowupModel", "Discharged"),
    Col.DAYS: QT_TRANSLATE_NOOP("FollowupModel", "Days"),
    Col.LACE: QT_TRANSLATE_NOOP("FollowupModel", "LACE"),
    Col.HOSPITAL: QT_TRANSLATE_NOOP("FollowupModel", "HOSPITAL"),
    Col.NEXT: QT_TRANSLATE_NOOP("FollowupModel", "Next task"),
    Col.DUE: QT_TRANSLATE_NOOP("FollowupModel", "Due"),
    Col.OWNER: QT_TRANSLATE_NOOP("FollowupModel", "Owner"),
    Col.LAST_CALL: QT_TRANSLATE_NOOP("FollowupModel", "Last call"),
    Col.READMITTED: QT_TRANSLATE_NOOP("FollowupModel", "Readmitted"),
}

#: Words shown through ``_tr`` from data (risk tiers, the last call's outcome), marked for lupdate.
DATA_WORDS = (
    QT_TRANSLATE_NOOP("FollowupModel", "low"),
    QT_TRANSLATE_NOOP("FollowupModel", "moderate"),
    QT_TRANSLATE_NOOP("FollowupModel", "intermediate"),
    QT_TRANSLATE_NOOP("FollowupModel", "high"),
    QT_TRANSLATE_NOOP("FollowupModel", "reached"),
    QT_TRANSLATE_NOOP("FollowupModel", "unable to reach"),
)

TASK_LABELS = {
    "contact": QT_TRANSLATE_NOOP("FollowupModel", "Contact call"),
    "visit": QT_TRANSLATE_NOOP("FollowupModel", "Visit kept?"),
    "readmission": QT_TRANSLATE_NOOP("FollowupModel", "30-day check"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("FollowupModel", text)


def _score(score: int | None, tier: str | None) -> str:
    return "–" if score is None else f"{score} · {_tr(tier or '')}"


class FollowupModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[FollowupRow] = []

    def set_rows(self, rows: list[FollowupRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[FollowupRow]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(HEADERS[Col(section)])
        return None

    def display(self, row: FollowupRow, col: Col) -> str:
        match col:
            case Col.PATIENT:
                return row.patient_name
            case Col.MRN:
                return row.mrn
            case Col.UNIT:
                return row.unit or ""
            case Col.DISCHARGED:
                return row.discharged.isoformat()
            case Col.DAYS:
                return str(row.days_since)
            case Col.LACE:
                return _score(row.lace_score, row.lace_tier)
            case Col.HOSPITAL:
                return _score(row.hospital_score, row.hospital_tier)
            case Col.NEXT:
                return (
                    _tr(TASK_LABELS[row.next_task])
                    if row.next_task
                    else QCoreApplication.translate("FollowupModel", "All done")
                )
            case Col.DUE:
                if row.next_due is None:
                    return ""
                text = row.next_due.isoformat()
                return text + (
                    QCoreApplication.translate("FollowupModel", " · overdue") if row.overdue else ""
                )
            case Col.OWNER:
                return row.owner or ""
            case Col.LAST_CALL:
                return _tr(row.last_call) if row.last_call else ""
            case Col.READMITTED:
                if not row.readmitted:
                    return ""
                kind = (
                    QCoreApplication.translate("FollowupModel", "planned")
                    if row.readmission_planned
                    else QCoreApplication.translate("FollowupModel", "unplanned")
                )
                return f"{row.readmitted} ({kind})"
        return ""

    def sort_key(self, row: FollowupRow, col: Col) -> Any:
        if col is Col.DAYS:
            return row.days_since
        if col is Col.LACE:
            return row.lace_score if row.lace_score is not None else -1
        if col is Col.HOSPITAL:
            return row.hospital_score if row.hospital_score is not None else -1
        if col is Col.DUE:
            return (row.next_due or date.max).toordinal()
        return self.display(row, col).casefold()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = Col(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, col)
        if role == SortRole:
            return self.sort_key(row, col)
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue and col in (Col.NEXT, Col.DUE):
            return QBrush(OVERDUE)
        if role == Qt.ItemDataRole.ToolTipRole and col is Col.UNIT and row.unit_name:
            if row.unit_phone:
                return (
                    QCoreApplication.translate("FollowupModel", "%1, phone %2")
                    .replace("%1", row.unit_name)
                    .replace("%2", row.unit_phone)
                )
            return row.unit_name
        tip = role == Qt.ItemDataRole.ToolTipRole and col in (Col.LACE, Col.HOSPITAL)
        if tip and row.risk_missing:
            return QCoreApplication.translate(
                "FollowupModel", "Missing inputs (counted 0): %1"
            ).replace("%1", ", ".join(row.risk_missing))
        return None


class FollowupProxy(QSortFilterProxyModel):
    """Sorting by :data:`SortRole`; search by name or MRN start."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self._search = ""

    def set_search(self, text: str) -> None:
        self.beginFilterChange()  # Qt 6.10: replaces invalidateFilter()
        self._search = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._search:
            return True
        model = self.sourceModel()
        row: FollowupRow = model.data(model.index(source_row, 0, source_parent), RowRole)
        return self._search in row.patient_name.casefold() or row.mrn.casefold().startswith(
            self._search
        )

    def row_at(self, proxy_row: int) -> FollowupRow | None:
        index = self.index(proxy_row, 0)
        if not index.isValid():
            return None
        row: FollowupRow = self.data(index, RowRole)
        return row
