"""The patient's goals inside the follow-up call screen: the caller reads them back to the
patient and records progress (met, not met, revised) with a note, during the call."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHeaderView, QLabel, QSizePolicy, QVBoxLayout, QWidget

from transitions.domain.careplan import GoalStatus
from transitions.errors import ConflictError
from transitions.services import goals
from transitions.services.goals import GoalView
from transitions.services.permissions import allowed
from transitions.services.uow import UnitOfWork
from ui.context import AppContext
from ui.errors import user_message
from ui.tasks import bound_to
from ui.workspace.careplan.goals import GoalsTable, GoalStatusEditor, goals_model

#: the table shows this many goals before it scrolls
VISIBLE_GOALS = 4


class CallGoalsPanel(QGroupBox):
    def __init__(self, ctx: AppContext, encounter_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("The patient's goals"))
        self.ctx = ctx
        self.encounter_id = encounter_id
        self.table = GoalsTable(goals_model(self, with_links=False))
        self.table.set_empty_text(self.tr("No goals were set with the patient."))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._chosen())
        actor = ctx.require_actor()
        self.editor = GoalStatusEditor(self._save)
        self.editor.setEnabled(allowed(actor, "followup.call") or allowed(actor, "careplan.edit"))
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b71c1c")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.editor)
        layout.addWidget(self.error_label)
        rows = self.table.verticalHeader().defaultSectionSize() * VISIBLE_GOALS
        self.table.setFixedHeight(rows + self.table.horizontalHeader().sizeHint().height() + 4)

    def reload(self) -> None:
        actor = self.ctx.require_actor()
        encounter_id = self.encounter_id

        def work(uow: UnitOfWork) -> list[GoalView]:
            return goals.list_goals(uow, actor, encounter_id)

        self.ctx.submit(work, bound_to(self, self.show_goals), bound_to(self, self._failed))

    def show_goals(self, rows: list[GoalView]) -> None:
        current = self.table.selected()
        self.table.goals.set_rows(rows)
        if current is not None:
            self.table.select_goal(current.id)
        elif rows:
            self.table.setCurrentIndex(self.table.goals.index(0, 0))
        self._chosen()

    def _chosen(self) -> None:
        self.editor.set_goal(self.table.selected())

    def _save(self, goal: GoalView, status: GoalStatus, note: str) -> None:
        actor = self.ctx.require_actor()

        def work(uow: UnitOfWork) -> GoalView:
            return goals.set_goal_status(
                uow,
                actor,
                goal.id,
                status,
                expected_version=goal.version_id,
                note=note,
                context="followup_call",
            )

        def saved(_goal: GoalView) -> None:
            self.error_label.hide()
            self.reload()

        self.ctx.submit(work, bound_to(self, saved), bound_to(self, self._failed))

    def _failed(self, exc: Exception) -> None:
        self.error_label.setText(user_message(exc, "updating a goal"))
        self.error_label.show()
        if isinstance(exc, ConflictError):  # someone else changed it: show theirs
            self.reload()
