"""The four tables of the Medications step: home, inpatient, discharge lists and the warnings."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView

from transitions.services.medrec import DischargeLine, ProblemView, SourceLine
from ui import formatting as fmt
from ui.context import AppContext
from ui.widgets.tables import EmptyStateTableView, Index, PlainTableModel, TableColumn

R = TypeVar("R")

UNDECIDED = QColor("#fff4d6")
STOPPED = QColor("#eeeeee")
SEVERITY_COLORS = {"high": QColor("#fde2e4"), "moderate": QColor("#fff4d6")}
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("Medications", text)


def decision_label(decision: str | None) -> str:
    labels = {
        None: QCoreApplication.translate("Medications", "— decide"),
        "continue": QCoreApplication.translate("Medications", "Continue"),
        "change": QCoreApplication.translate("Medications", "Change"),
        "stop": QCoreApplication.translate("Medications", "Stop"),
        "new": QCoreApplication.translate("Medications", "New at discharge"),
        "added": QCoreApplication.translate("Medications", "Added at discharge"),
    }
    return labels.get(decision, decision or "")


def severity_text(severity: str) -> str:
    return {
        "high": QCoreApplication.translate("Medications", "High"),
        "moderate": QCoreApplication.translate("Medications", "Moderate"),
        "info": QCoreApplication.translate("Medications", "Info"),
    }.get(severity, severity)


def times_text(times: Sequence[str]) -> str:
    short = {
        "morning": QCoreApplication.translate("Medications", "AM"),
        "noon": QCoreApplication.translate("Medications", "noon"),
        "evening": QCoreApplication.translate("Medications", "PM"),
        "bedtime": QCoreApplication.translate("Medications", "HS"),
    }
    return " ".join(short.get(t, t) for t in times)


class ColoredModel(PlainTableModel[R]):
    """Plain rows with a background colour per row and the row's key for selection."""

    def __init__(
        self,
        columns: Sequence[TableColumn[R]],
        background: Callable[[R], QColor | None],
        key: Callable[[R], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(columns, parent)
        self._background = background
        self._key = key

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.BackgroundRole:
            return self._background(self.row_at(index.row()))
        if index.isValid() and role == KEY_ROLE:
            return self._key(self.row_at(index.row()))
        return super().data(index, role)

    def row_of(self, key: str) -> int | None:
        for row in range(self.rowCount()):
            if self._key(self.row_at(row)) == key:
                return row
        return None


def directions(line: SourceLine | DischargeLine) -> str:
    """'40 mg oral daily PRN'."""
    parts = [line.dose or "", line.route or "", line.frequency or ""]
    if line.prn and "prn" not in (line.frequency or "").lower():
        parts.append(QCoreApplication.translate("Medications", "PRN"))
    return " ".join(p for p in parts if p)


def source_model(ctx: AppContext, parent: QObject) -> ColoredModel[SourceLine]:
    def recorded(line: SourceLine) -> str:
        source = fmt.medication_source_label(line.source)
        return f"{source}, {fmt.format_moment(line.recorded_at, ctx.tz, ctx.today())}"

    columns = [
        TableColumn[SourceLine](
            QCoreApplication.translate("Medications", "Drug"),
            lambda m: m.drug,
            lambda m: m.indication,
        ),
        TableColumn[SourceLine](
            QCoreApplication.translate("Medications", "Directions"), directions, directions
        ),
        TableColumn[SourceLine](
            QCoreApplication.translate("Medications", "Decision"),
            lambda m: decision_label(m.decision),
            lambda m: m.reason,
        ),
        TableColumn[SourceLine](
            QCoreApplication.translate("Medications", "Source, recorded"),
            recorded,
            lambda m: fmt.format_full_moment(m.recorded_at, ctx.tz),
            stretch=True,
        ),
    ]

    def background(line: SourceLine) -> QColor | None:
        if line.decision is None and line.list_kind == "home":
            return UNDECIDED
        return STOPPED if line.decision == "stop" else None

    return ColoredModel(columns, background, lambda m: m.key, parent)


def discharge_model(parent: QObject) -> ColoredModel[DischargeLine]:
    def drug(line: DischargeLine) -> str:
        return line.drug + (" ⚑" if line.flagged else "")

    def tooltip(line: DischargeLine) -> str | None:
        if line.flagged:
            return QCoreApplication.translate(
                "Medications", "Directions not fully understood: %1"
            ).replace("%1", line.sig_unparsed or "")
        return line.indication

    columns = [
        TableColumn[DischargeLine](
            QCoreApplication.translate("Medications", "Drug"), drug, tooltip
        ),
        TableColumn[DischargeLine](
            QCoreApplication.translate("Medications", "Directions"), directions, directions
        ),
        TableColumn[DischargeLine](
            QCoreApplication.translate("Medications", "Times"), lambda m: times_text(m.times)
        ),
        TableColumn[DischargeLine](
            QCoreApplication.translate("Medications", "Decision"),
            lambda m: decision_label(m.decision),
            lambda m: m.reason or m.decided_by,
            stretch=True,
        ),
    ]
    return ColoredModel(columns, lambda m: None, lambda m: m.key, parent)


def problem_model(parent: QObject) -> ColoredModel[ProblemView]:
    def status(problem: ProblemView) -> str:
        if problem.acknowledged is not None:
            return QCoreApplication.translate("Medications", "Accepted: %1").replace(
                "%1", problem.acknowledged.reason
            )
        return (
            QCoreApplication.translate("Medications", "Needs action")
            if problem.blocking
            else QCoreApplication.translate("Medications", "For teaching")
        )

    def background(problem: ProblemView) -> QColor | None:
        return SEVERITY_COLORS.get(problem.severity) if problem.open else None

    columns = [
        TableColumn[ProblemView](
            QCoreApplication.translate("Medications", "Severity"),
            lambda p: severity_text(p.severity),
        ),
        TableColumn[ProblemView](QCoreApplication.translate("Medications", "Status"), status),
        TableColumn[ProblemView](
            QCoreApplication.translate("Medications", "Problem"),
            lambda p: p.message,
            lambda p: p.message,
            stretch=True,
        ),
    ]
    return ColoredModel(columns, background, lambda p: p.key, parent)


def make_table(name: str, empty_text: str) -> EmptyStateTableView:
    table = EmptyStateTableView()
    table.setAccessibleName(name)
    table.set_empty_text(empty_text)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table
