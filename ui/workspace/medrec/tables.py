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
        None: _tr("— decide"),
        "continue": _tr("Continue"),
        "change": _tr("Change"),
        "stop": _tr("Stop"),
        "new": _tr("New at discharge"),
        "added": _tr("Added at discharge"),
    }
    return labels.get(decision, decision or "")


def severity_text(severity: str) -> str:
    return {"high": _tr("High"), "moderate": _tr("Moderate"), "info": _tr("Info")}.get(
        severity, severity
    )


def times_text(times: Sequence[str]) -> str:
    short = {"morning": _tr("AM"), "noon": _tr("noon"), "evening": _tr("PM"), "bedtime": _tr("HS")}
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
        parts.append(_tr("PRN"))
    return " ".join(p for p in parts if p)


def source_model(ctx: AppContext, parent: QObject) -> ColoredModel[SourceLine]:
    def recorded(line: SourceLine) -> str:
        source = fmt.medication_source_label(line.source)
        return f"{source}, {fmt.format_moment(line.recorded_at, ctx.tz, ctx.today())}"

    columns = [
        TableColumn[SourceLine](_tr("Drug"), lambda m: m.drug, lambda m: m.indication),
        TableColumn[SourceLine](_tr("Directions"), directions, directions),
        TableColumn[SourceLine](
            _tr("Decision"), lambda m: decision_label(m.decision), lambda m: m.reason
        ),
        TableColumn[SourceLine](
            _tr("Source, recorded"),
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
            return _tr("Directions not fully understood: %1").replace("%1", line.sig_unparsed or "")
        return line.indication

    columns = [
        TableColumn[DischargeLine](_tr("Drug"), drug, tooltip),
        TableColumn[DischargeLine](_tr("Directions"), directions, directions),
        TableColumn[DischargeLine](_tr("Times"), lambda m: times_text(m.times)),
        TableColumn[DischargeLine](
            _tr("Decision"),
            lambda m: decision_label(m.decision),
            lambda m: m.reason or m.decided_by,
            stretch=True,
        ),
    ]
    return ColoredModel(columns, lambda m: None, lambda m: m.key, parent)


def problem_model(parent: QObject) -> ColoredModel[ProblemView]:
    def status(problem: ProblemView) -> str:
        if problem.acknowledged is not None:
            return _tr("Accepted: %1").replace("%1", problem.acknowledged.reason)
        return _tr("Needs action") if problem.blocking else _tr("For teaching")

    def background(problem: ProblemView) -> QColor | None:
        return SEVERITY_COLORS.get(problem.severity) if problem.open else None

    columns = [
        TableColumn[ProblemView](_tr("Severity"), lambda p: severity_text(p.severity)),
        TableColumn[ProblemView](_tr("Status"), status),
        TableColumn[ProblemView](
            _tr("Problem"), lambda p: p.message, lambda p: p.message, stretch=True
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
