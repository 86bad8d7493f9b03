"""Step "Care plan": the patient's needs (from the Assessment) with their community referrals —
a warning marker on every open need still without one — and the goals made with the patient.

Keys: Ctrl+R refers the highlighted need (Enter on a need does too), Enter on a referral
updates it, Ctrl+G sets a new goal, Enter on a goal edits it. Every change is one unit of work
on the worker; the step then reloads.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from transitions.domain.careplan import GoalStatus
from transitions.errors import ConflictError, ValidationError
from transitions.services import community_resources, goals, referrals
from transitions.services.careplan import CarePlanView, get_care_plan
from transitions.services.community_resources import Suggestions
from transitions.services.encounters import StayDetail
from transitions.services.goals import GoalView
from transitions.services.permissions import allowed
from transitions.services.referrals import NeedReferrals, ReferralView
from transitions.services.uow import UnitOfWork
from ui.context import AppContext
from ui.errors import user_message
from ui.tasks import bound_to
from ui.widgets.tables import EmptyStateTableView, PlainTableModel, TableColumn
from ui.workspace.careplan import labels
from ui.workspace.careplan.dialogs import FormDialog, GoalDialog, ReferDialog, ReferralDialog
from ui.workspace.careplan.goals import GoalsTable, GoalStatusEditor, goals_model
from ui.workspace.steps import StepPage
from ui.workspace.summary import section_title

WARNING_MARK = "⚠"
WARNING_STYLE = "QListWidget { color: #b00020; }"


class _Table(EmptyStateTableView):
    """Enter on a row runs ``on_enter`` (the row's main action)."""

    def __init__(self, on_enter: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_enter = on_enter

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_enter()
            return
        super().keyPressEvent(event)

    def fit_rows(self, rows: int, minimum: int = 2, maximum: int = 8) -> None:
        shown = min(max(rows, minimum), maximum)
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        self.setFixedHeight(height + shown * self.verticalHeader().defaultSectionSize() + 2)


class CarePlanStep(StepPage):
    def __init__(self, ctx: AppContext, encounter_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, encounter_id, parent)
        self.view: CarePlanView | None = None
        self.dialog: FormDialog | None = None
        actor = ctx.require_actor()
        self.editable = allowed(actor, "careplan.edit")

        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.warnings = QListWidget()
        self.warnings.setAccessibleName(self.tr("Care plan warnings"))
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.warnings.setWordWrap(True)
        self.warnings.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.warnings.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.needs_model: PlainTableModel[NeedReferrals] = PlainTableModel(
            [
                TableColumn("", self._mark, self._mark_tip),
                TableColumn(self.tr("Need"), lambda n: labels.domain_label(n.domain)),
                TableColumn(self.tr("What the patient said"), lambda n: n.description,
                            lambda n: n.description, stretch=True),
                TableColumn(self.tr("Referral"), labels.referral_state, labels.referral_state),
                TableColumn(self.tr("Follow-up"), self._need_follow_up),
            ],
            self,
        )  # fmt: skip
        self.needs_table = _Table(self.refer_selected)
        self.needs_table.setModel(self.needs_model)
        self.needs_table.setAccessibleName(self.tr("Needs"))
        self.needs_table.set_empty_text(
            self.tr("No needs recorded. The Assessment step opens them from the patient's answers.")
        )
        self._columns(self.needs_table, stretch=2)
        self.referrals_model: PlainTableModel[ReferralView] = PlainTableModel(
            [
                TableColumn(self.tr("Need"), lambda r: labels.domain_label(r.need_domain)),
                TableColumn(self.tr("Resource"), lambda r: r.resource_name,
                            lambda r: r.resource_phone),
                TableColumn(self.tr("Status"), lambda r: labels.referral_status_label(r.status)),
                TableColumn(self.tr("Referred"), lambda r: labels.short_date(r.referred_on)),
                TableColumn(self.tr("Follow-up"), lambda r: labels.short_date(r.follow_up_on)),
                TableColumn(self.tr("Notes"), lambda r: r.notes or "", lambda r: r.notes,
                            stretch=True),
            ],
            self,
        )  # fmt: skip
        self.referrals_table = _Table(self.edit_referral)
        self.referrals_table.setModel(self.referrals_model)
        self.referrals_table.setAccessibleName(self.tr("Referrals"))
        self.referrals_table.set_empty_text(self.tr("No referrals yet."))
        self._columns(self.referrals_table, stretch=5)

        self.goals_table = GoalsTable(goals_model(self))
        self.goals_table.set_empty_text(
            self.tr("No goals yet. Ask what matters most to the patient, then press Ctrl+G.")
        )
        self.goals_table.selectionModel().currentRowChanged.connect(lambda *_: self._goal_chosen())
        self.goals_table.activated.connect(lambda *_: self.edit_goal())
        self.status_editor = GoalStatusEditor(self._set_status)
        self.status_editor.setEnabled(self.editable or allowed(actor, "followup.call"))

        self.refer_button = QPushButton(self.tr("&Refer… (Ctrl+R)"))
        self.refer_button.clicked.connect(self.refer_selected)
        self.edit_referral_button = QPushButton(self.tr("&Update referral…"))
        self.edit_referral_button.clicked.connect(self.edit_referral)
        self.new_goal_button = QPushButton(self.tr("&New goal… (Ctrl+G)"))
        self.new_goal_button.clicked.connect(self.new_goal)
        self.edit_goal_button = QPushButton(self.tr("&Edit goal…"))
        self.edit_goal_button.clicked.connect(self.edit_goal)
        for button in (
            self.refer_button,
            self.edit_referral_button,
            self.new_goal_button,
            self.edit_goal_button,
        ):
            button.setEnabled(self.editable)
        self.refer_action = self._action(self.tr("Refer the need"), "Ctrl+R", self.refer_selected)
        self.goal_action = self._action(self.tr("New goal"), "Ctrl+G", self.new_goal)
        self._build_layout()
        self.setFocusProxy(self.needs_table)

    def _action(self, text: str, keys: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda: slot())
        action.setEnabled(self.editable)
        self.addAction(action)
        return action

    def _columns(self, table: EmptyStateTableView, stretch: int) -> None:
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    def _build_layout(self) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.error_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.warnings)
        needs_title = section_title(self.tr("Nee&ds and community referrals"))
        needs_title.setBuddy(self.needs_table)
        layout.addWidget(needs_title)
        layout.addWidget(self.needs_table)
        row = QHBoxLayout()
        row.addWidget(self.refer_button)
        row.addStretch(1)
        layout.addLayout(row)
        referrals_label = QLabel(self.tr("Re&ferrals made:"))
        referrals_label.setBuddy(self.referrals_table)
        layout.addWidget(referrals_label)
        layout.addWidget(self.referrals_table)
        row = QHBoxLayout()
        row.addWidget(self.edit_referral_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addSpacing(8)
        goals_title = section_title(self.tr("Goals made with the &patient"))
        goals_title.setBuddy(self.goals_table)
        layout.addWidget(goals_title)
        layout.addWidget(self.goals_table)
        row = QHBoxLayout()
        row.addWidget(self.new_goal_button)
        row.addWidget(self.edit_goal_button)
        row.addSpacing(16)
        row.addWidget(self.status_editor, 1)
        layout.addLayout(row)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # -- column text -------------------------------------------------------------------------
    def _mark(self, need: NeedReferrals) -> str:
        return WARNING_MARK if need.needs_referral else ""

    def _mark_tip(self, need: NeedReferrals) -> str | None:
        return labels.warning_text(need) if need.needs_referral else None

    def _need_follow_up(self, need: NeedReferrals) -> str:
        dates = [r.follow_up_on for r in need.referrals if r.follow_up_on]
        return labels.short_date(min(dates)) if dates else ""

    # -- loading -----------------------------------------------------------------------------
    def set_detail(self, detail: StayDetail) -> None:
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt
        """Coming back to the step reloads it: the Assessment, Appointments and Education
        steps change the needs and what a goal can link to."""
        super().showEvent(event)
        if self.view is not None:
            self.reload()

    def reload(self) -> None:
        actor = self.ctx.require_actor()
        encounter_id = self.encounter_id

        def work(uow: UnitOfWork) -> CarePlanView:
            return get_care_plan(uow, actor, encounter_id)

        self.ctx.submit(work, bound_to(self, self._show), bound_to(self, self._failed))

    def _failed(self, exc: Exception) -> None:
        self.error_label.setText(user_message(exc, "loading the care plan"))
        self.error_label.show()

    def _show(self, view: CarePlanView) -> None:
        self.view = view
        self.error_label.hide()
        need = self.selected_need()
        goal = self.goals_table.selected()
        self.needs_model.set_rows(view.needs)
        self.referrals_model.set_rows(view.referrals)
        self.goals_table.goals.set_rows(view.goals)
        self.needs_table.fit_rows(len(view.needs), minimum=3)
        self.referrals_table.fit_rows(len(view.referrals))
        self.goals_table_fit(len(view.goals))
        if need is not None:
            self.select_need(need.need_id)
        elif view.needs:
            self.needs_table.setCurrentIndex(self.needs_model.index(0, 0))
        if goal is not None:
            self.goals_table.select_goal(goal.id)
        elif view.goals:
            self.goals_table.setCurrentIndex(self.goals_table.goals.index(0, 0))
        self._goal_chosen()
        self.warnings.clear()
        for unreferred in view.unreferred:
            self.warnings.addItem(f"{WARNING_MARK} {labels.warning_text(unreferred)}")
        count = len(view.unreferred)
        self.warnings.setVisible(bool(count))
        line = self.warnings.fontMetrics().lineSpacing()
        self.warnings.setFixedHeight(int(min(max(count, 1), 6) * line * 1.3) + 10)
        referable = [n for n in view.needs if n.expects_referral and n.need_status == "open"]
        if not view.needs:
            text = self.tr("No needs recorded for this stay.")
        elif not count:
            text = self.tr("Every open need that calls for a community referral has one.")
        else:
            text = self.tr("{n} of {total} open needs still need a community referral.").format(
                n=count, total=len(referable)
            )
        self.summary_label.setText(text + " " + self.tr("Goals: {n}.").format(n=len(view.goals)))

    def goals_table_fit(self, rows: int) -> None:
        table = self.goals_table
        shown = min(max(rows, 3), 8)
        height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        table.setFixedHeight(height + shown * table.verticalHeader().defaultSectionSize() + 2)

    def warning_texts(self) -> list[str]:
        return [self.warnings.item(i).text() for i in range(self.warnings.count())]

    def selected_need(self) -> NeedReferrals | None:
        index = self.needs_table.currentIndex()
        return self.needs_model.row_at(index.row()) if index.isValid() else None

    def select_need(self, need_id: int) -> None:
        for row in range(self.needs_model.rowCount()):
            if self.needs_model.row_at(row).need_id == need_id:
                self.needs_table.setCurrentIndex(self.needs_model.index(row, 0))
                return

    def selected_referral(self) -> ReferralView | None:
        index = self.referrals_table.currentIndex()
        return self.referrals_model.row_at(index.row()) if index.isValid() else None

    def _goal_chosen(self) -> None:
        self.status_editor.set_goal(self.goals_table.selected())

    # -- referrals ---------------------------------------------------------------------------
    def refer_selected(self) -> ReferDialog | None:
        """Suggested resources for the highlighted need, in a dialog that records the referral."""
        need = self.selected_need()
        if need is None or not self.editable:
            return None
        if need.need_status != "open":
            QMessageBox.information(
                self, self.tr("Care plan"), self.tr("Only open needs are referred.")
            )
            return None
        actor = self.ctx.require_actor()

        def work(uow: UnitOfWork) -> Suggestions:
            return community_resources.suggest_resources(uow, actor, need.need_id)

        holder: list[ReferDialog] = []

        def show(suggestions: Suggestions) -> None:
            dialog = ReferDialog(
                need, suggestions, self.ctx.today(), self._all_categories(holder, need), self
            )
            holder.append(dialog)
            self.dialog = dialog
            self._wire(
                dialog,
                lambda uow, actor, data: referrals.add_referral(uow, actor, need.need_id, data),
            )

        self.ctx.submit(work, bound_to(self, show), bound_to(self, self._action_failed))
        return holder[0] if holder else None

    def _all_categories(
        self, holder: list[ReferDialog], need: NeedReferrals
    ) -> Callable[[bool], None]:
        actor = self.ctx.require_actor()

        def toggled(every: bool) -> None:
            def work(uow: UnitOfWork) -> Suggestions:
                return community_resources.suggest_resources(
                    uow, actor, need.need_id, all_categories=every
                )

            if holder:
                dialog = holder[0]
                self.ctx.submit(
                    work, bound_to(dialog, dialog.set_suggestions), bound_to(dialog, self._failed)
                )

        return toggled

    def edit_referral(self) -> ReferralDialog | None:
        referral = self.selected_referral()
        if referral is None or not self.editable:
            return None
        dialog = ReferralDialog(referral, self.ctx.today(), self)
        self.dialog = dialog
        self._wire(
            dialog,
            lambda uow, actor, values: referrals.update_referral(
                uow, actor, referral.id, expected_version=referral.version_id, **values
            ),
        )
        return dialog

    # -- goals -------------------------------------------------------------------------------
    def new_goal(self) -> GoalDialog | None:
        if self.view is None or not self.editable:
            return None
        dialog = GoalDialog(self.view.link_options, self.ctx.today(), parent=self)
        self.dialog = dialog
        encounter_id = self.encounter_id
        self._wire(dialog, lambda uow, actor, data: goals.add_goal(uow, actor, encounter_id, data))
        return dialog

    def edit_goal(self) -> GoalDialog | None:
        goal = self.goals_table.selected()
        if self.view is None or goal is None or not self.editable:
            return None
        dialog = GoalDialog(self.view.link_options, self.ctx.today(), goal, parent=self)
        self.dialog = dialog
        self._wire(
            dialog,
            lambda uow, actor, data: goals.edit_goal(
                uow, actor, goal.id, data, expected_version=goal.version_id
            ),
        )
        return dialog

    def _set_status(self, goal: GoalView, status: GoalStatus, note: str) -> None:
        actor = self.ctx.require_actor()

        def work(uow: UnitOfWork) -> GoalView:
            return goals.set_goal_status(
                uow, actor, goal.id, status, expected_version=goal.version_id, note=note
            )

        self.ctx.submit(work, bound_to(self, lambda _g: self.reload()), self._action_failed)

    # -- plumbing ----------------------------------------------------------------------------
    def _wire(self, dialog: FormDialog, call: Callable[[UnitOfWork, Any, Any], object]) -> None:
        """Save runs ``call`` on the worker; success closes and reloads, errors stay in view."""
        actor = self.ctx.require_actor()

        def submitted(value: Any) -> None:
            def work(uow: UnitOfWork) -> object:
                return call(uow, actor, value)

            def done(_result: object) -> None:
                dialog.accept()
                self.reload()

            def failed(exc: Exception) -> None:
                if isinstance(exc, ValidationError):
                    dialog.show_error(user_message(exc), exc.field)
                else:
                    dialog.reject()
                    self._action_failed(exc)

            self.ctx.submit(work, bound_to(dialog, done), bound_to(dialog, failed))

        dialog.on_submit = submitted
        dialog.open()

    def _action_failed(self, exc: Exception) -> None:
        if isinstance(exc, ConflictError):
            answer = QMessageBox.question(
                self,
                self.tr("Changed elsewhere"),
                user_message(exc) + "\n\n" + self.tr("Reload the care plan now?"),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.reload()
            return
        QMessageBox.warning(self, self.tr("Care plan"), user_message(exc, "saving"))
