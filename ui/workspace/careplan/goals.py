"""The goals list and the goal-status editor, shared by the Care plan step and the follow-up
call screen (where the caller records progress with the patient on the line)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from transitions.domain.careplan import GoalStatus
from transitions.services.goals import GoalView
from ui.widgets.tables import EmptyStateTableView, PlainTableModel, TableColumn
from ui.workspace.careplan import labels


def goals_model(parent: QWidget, *, with_links: bool = True) -> PlainTableModel[GoalView]:
    def served(goal: GoalView) -> str:
        return "; ".join(labels.link_text(o, with_kind=False) for o in goal.links)

    def status(goal: GoalView) -> str:
        return labels.goal_status_label(goal.status)

    def status_tip(goal: GoalView) -> str | None:
        return goal.status_note

    def words(goal: GoalView) -> str:
        return goal.patient_words

    def target(goal: GoalView) -> str:
        return goal.target

    columns = [
        TableColumn(QCoreApplication.translate("CarePlan", "In the patient's words"), words, words),
        TableColumn(QCoreApplication.translate("CarePlan", "Target"), target, target, stretch=True),
        TableColumn(
            QCoreApplication.translate("CarePlan", "By"), lambda g: labels.short_date(g.target_date)
        ),
        TableColumn(QCoreApplication.translate("CarePlan", "Status"), status, status_tip),
    ]
    if with_links:
        columns.append(
            TableColumn(QCoreApplication.translate("CarePlan", "Served by"), served, served)
        )
    return PlainTableModel(columns, parent)


class GoalsTable(EmptyStateTableView):
    def __init__(self, model: PlainTableModel[GoalView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.goals = model
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        if model.columnCount() > 4:  # "served by" shares the spare width with the target
            header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.setColumnWidth(0, 280)
        self.setAccessibleName(self.tr("Goals"))

    def selected(self) -> GoalView | None:
        index = self.currentIndex()
        return self.goals.row_at(index.row()) if index.isValid() else None

    def select_goal(self, goal_id: int) -> None:
        for row in range(self.goals.rowCount()):
            if self.goals.row_at(row).id == goal_id:
                self.setCurrentIndex(self.goals.index(row, 0))
                return


class GoalStatusEditor(QWidget):
    """Status and note of the selected goal, saved with one button (Enter in the note)."""

    def __init__(
        self, on_submit: Callable[[GoalView, GoalStatus, str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._on_submit = on_submit
        self.goal: GoalView | None = None
        self.status = QComboBox()
        for status in GoalStatus:
            self.status.addItem(labels.goal_status_label(status), status)
        self.status.setAccessibleName(self.tr("Goal status"))
        self.note = QLineEdit()
        self.note.setMaxLength(1000)
        self.note.setPlaceholderText(self.tr("what the patient said, e.g. weighs every morning"))
        self.note.returnPressed.connect(self.submit)
        self.button = QPushButton(self.tr("Update &goal"))
        self.button.clicked.connect(self.submit)
        status_label = QLabel(self.tr("Goal s&tatus:"))
        status_label.setBuddy(self.status)
        note_label = QLabel(self.tr("&What the patient said:"))
        note_label.setBuddy(self.note)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(status_label)
        layout.addWidget(self.status)
        layout.addWidget(note_label)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.button)
        self.set_goal(None)

    def set_goal(self, goal: GoalView | None) -> None:
        self.goal = goal
        for widget in (self.status, self.note, self.button):
            widget.setEnabled(goal is not None and self.isEnabled())
        if goal is not None:
            self.status.setCurrentIndex(self.status.findData(goal.status))
            self.note.setText(goal.status_note or "")

    def submit(self) -> None:
        if self.goal is None or not self.button.isEnabled():
            return
        self._on_submit(self.goal, GoalStatus(self.status.currentData()), self.note.text())
