"""Discharge readiness indicators: one small mark per step (done / in progress / missing /
warning), told apart by shape as well as colour, with the step's initial beside it.

Shared by the ward worklist (a column painted by :class:`ReadinessDelegate`) and the workspace
header (:mod:`ui.workspace.readiness_bar`). Statuses come from
``transitions.services.readiness`` (``worklist_readiness`` / ``stay_readiness``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from ui.i18n import QT_TRANSLATE_NOOP

#: the worklist model returns a row's :class:`StepStatuses` under this role
StatusesRole = Qt.ItemDataRole.UserRole + 3

DONE, IN_PROGRESS, MISSING, WARNING = "done", "in_progress", "missing", "warning"

#: shapes first: readable without colour (and in print, and for colour-blind users)
GLYPHS = {DONE: "✓", IN_PROGRESS: "◐", MISSING: "○", WARNING: "⚠"}
COLOURS = {
    DONE: QColor("#1b5e20"),
    IN_PROGRESS: QColor("#0d47a1"),
    MISSING: QColor("#6b6b6b"),
    WARNING: QColor("#a64500"),
}
#: least ready first: what sorting adds up per step
WEIGHTS = {MISSING: 0, WARNING: 1, IN_PROGRESS: 2, DONE: 3}

STATUS_WORDS = {
    DONE: QT_TRANSLATE_NOOP("Readiness", "done"),
    IN_PROGRESS: QT_TRANSLATE_NOOP("Readiness", "in progress"),
    MISSING: QT_TRANSLATE_NOOP("Readiness", "missing"),
    WARNING: QT_TRANSLATE_NOOP("Readiness", "needs attention"),
}
STEP_NAMES = {
    "assessment": QT_TRANSLATE_NOOP("Readiness", "Assessment"),
    "careplan": QT_TRANSLATE_NOOP("Readiness", "Care plan"),
    "medications": QT_TRANSLATE_NOOP("Readiness", "Medications"),
    "appointments": QT_TRANSLATE_NOOP("Readiness", "Appointments"),
    "education": QT_TRANSLATE_NOOP("Readiness", "Education"),
    "packet": QT_TRANSLATE_NOOP("Readiness", "Discharge packet"),
    "risk": QT_TRANSLATE_NOOP("Readiness", "Readmission risk"),
    "discharge": QT_TRANSLATE_NOOP("Readiness", "Discharge"),
}
#: one letter per step, shown beside its mark (translated: "C" for Citas in Spanish)
STEP_LETTERS = {
    "assessment": QT_TRANSLATE_NOOP("ReadinessLetter", "S"),
    "careplan": QT_TRANSLATE_NOOP("ReadinessLetter", "C"),
    "medications": QT_TRANSLATE_NOOP("ReadinessLetter", "M"),
    "appointments": QT_TRANSLATE_NOOP("ReadinessLetter", "A"),
    "education": QT_TRANSLATE_NOOP("ReadinessLetter", "E"),
    "packet": QT_TRANSLATE_NOOP("ReadinessLetter", "P"),
    "risk": QT_TRANSLATE_NOOP("ReadinessLetter", "R"),
    "discharge": QT_TRANSLATE_NOOP("ReadinessLetter", "D"),
}


@dataclass(frozen=True)
class StepStatuses:
    """Step key -> status in workspace order. A plain object, not a dict: Qt would turn a
    dict into a QVariantMap and sort its keys."""

    items: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, statuses: Mapping[str, str]) -> StepStatuses:
        return cls(tuple(statuses.items()))

    def as_dict(self) -> dict[str, str]:
        return dict(self.items)


def step_name(key: str) -> str:
    if key in STEP_NAMES:
        return QCoreApplication.translate("Readiness", STEP_NAMES[key])
    return key.replace("_", " ").capitalize()


def step_letter(key: str) -> str:
    if key in STEP_LETTERS:
        return QCoreApplication.translate("ReadinessLetter", STEP_LETTERS[key])
    return key[:1].upper()


def status_word(status: str) -> str:
    return QCoreApplication.translate("Readiness", STATUS_WORDS.get(status, MISSING))


def glyph(status: str) -> str:
    return GLYPHS.get(status, GLYPHS[MISSING])


def colour(status: str) -> QColor:
    return COLOURS.get(status, COLOURS[MISSING])


def step_tooltip(key: str, status: str) -> str:
    """'Medications: done'."""
    return (
        QCoreApplication.translate("Readiness", "%1: %2")
        .replace("%1", step_name(key))
        .replace("%2", status_word(status))
    )


def compact_text(statuses: Mapping[str, str]) -> str:
    """'M✓ A○ E◐ P○ R✓': what the worklist cell says (also read by screen readers' copy)."""
    return " ".join(f"{step_letter(key)}{glyph(status)}" for key, status in statuses.items())


def summary_tooltip(statuses: Mapping[str, str]) -> str:
    return "\n".join(
        f"{glyph(status)} {step_tooltip(key, status)}" for key, status in statuses.items()
    )


def sort_key(statuses: Mapping[str, str] | None) -> float:
    """Least ready first in ascending order; not loaded yet sorts last."""
    if not statuses:
        return float("inf")
    return sum(WEIGHTS.get(status, 0) for status in statuses.values()) / len(statuses)


class ReadinessDelegate(QStyledItemDelegate):
    """Paints a readiness cell as coloured chips (letter + mark); the tooltip names the step
    under the mouse and its status, or every step when between chips."""

    GAP = 8

    def _chips(
        self, option: QStyleOptionViewItem, statuses: Mapping[str, str]
    ) -> list[tuple[QRect, str, str]]:
        metrics = QFontMetrics(option.font)
        rect = option.rect.adjusted(4, 0, -4, 0)
        x = rect.left()
        chips = []
        for key, status in statuses.items():
            text = f"{step_letter(key)}{glyph(status)}"
            width = metrics.horizontalAdvance(text)
            chips.append((QRect(x, rect.top(), width, rect.height()), key, status))
            x += width + self.GAP
        return chips

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        found = index.data(StatusesRole)
        if not isinstance(found, StepStatuses) or not found.items:
            super().paint(painter, option, index)
            return
        statuses = found.as_dict()
        view_option = QStyleOptionViewItem(option)
        self.initStyleOption(view_option, index)
        view_option.text = ""
        style = view_option.widget.style() if view_option.widget else None
        if style is not None:
            style.drawControl(
                QStyle.ControlElement.CE_ItemViewItem, view_option, painter, view_option.widget
            )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setFont(option.font)
        for rect, key, status in self._chips(option, statuses):
            if selected:
                pen = option.palette.color(QPalette.ColorRole.HighlightedText)
            else:
                pen = colour(status)
            painter.setPen(pen)
            painter.drawText(
                rect,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                f"{step_letter(key)}{glyph(status)}",
            )
        painter.restore()

    def helpEvent(  # noqa: N802 - Qt name
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        found = index.data(StatusesRole)
        if isinstance(found, StepStatuses) and found.items:
            for rect, key, status in self._chips(option, found.as_dict()):
                if rect.contains(event.pos()):
                    QToolTip.showText(event.globalPos(), step_tooltip(key, status), view, rect)
                    return True
        return super().helpEvent(event, view, option, index)
