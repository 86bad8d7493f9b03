"""One patient's discharge workspace: banner, step navigator, the current step."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from transitions.services import encounters, readiness, worklist_flags
from transitions.services.encounters import StayDetail, StayRow
from transitions.services.readiness import Readiness
from transitions.services.uow import UnitOfWork
from transitions.services.worklist_flags import StayFlags
from ui.context import AppContext
from ui.errors import user_message
from ui.tasks import bound_to
from ui.workspace.header import PatientHeader
from ui.workspace.steps import StepPage, StepSpec, workspace_steps


class PatientWorkspace(QWidget):
    def __init__(
        self,
        ctx: AppContext,
        row: StayRow,
        steps: list[StepSpec] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.encounter_id = row.encounter_id
        self.detail: StayDetail | None = None

        self.header = PatientHeader(ctx)
        self.header.show_row(row)
        self.header.readiness_bar.step_requested.connect(self._open_step_from_header)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.navigator = QListWidget()
        self.navigator.setAccessibleName(self.tr("Discharge steps"))
        self.stack = QStackedWidget()
        self.steps: dict[str, StepPage] = {}
        for spec in steps if steps is not None else workspace_steps():
            page = spec.factory(ctx, row.encounter_id)
            page.open_step.connect(self.show_step)
            page.stay_changed.connect(self.reload)
            self.steps[spec.key] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(spec.display_title())
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.navigator.addItem(item)
        self.navigator.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.navigator.setCurrentRow(0)
        # leaving a step is when its work shows in the header's readiness (one stay: ~40 ms)
        self.navigator.currentRowChanged.connect(self._step_changed)
        metrics = self.navigator.fontMetrics()
        widest = max(
            (
                metrics.horizontalAdvance(self.navigator.item(i).text())
                for i in range(self.navigator.count())
            ),
            default=0,
        )
        self.navigator.setFixedWidth(max(widest, metrics.horizontalAdvance("M" * 12)) + 32)
        # a sidebar, not an empty box: no frame, window background, roomy items
        self.navigator.setFrameShape(QFrame.Shape.NoFrame)
        palette = self.navigator.palette()
        palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
        self.navigator.setPalette(palette)
        item_height = int(metrics.height() * 2.2)
        for i in range(self.navigator.count()):
            self.navigator.item(i).setSizeHint(QSize(0, item_height))

        body = QHBoxLayout()
        body.addWidget(self.navigator)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.error_label)
        layout.addLayout(body, 1)
        self.setFocusProxy(self.navigator)
        # F6: back to the list of steps from anywhere in the workspace (the keyboard's way out)
        step_list = QShortcut(QKeySequence("F6"), self, self.navigator.setFocus)
        step_list.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def title(self) -> str:
        return self.row.patient_name

    def step_keys(self) -> list[str]:
        return [
            self.navigator.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.navigator.count())
        ]

    def show_step(self, key: str) -> bool:
        """Switch to the step ``key`` and give it the focus; False if there is no such step."""
        keys = self.step_keys()
        if key not in keys:
            return False
        self.navigator.setCurrentRow(keys.index(key))
        self.stack.currentWidget().setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def reload(self) -> None:
        """Load the stay (this records a 'view' audit event) and hand it to every step."""
        actor = self.ctx.require_actor()
        encounter_id = self.encounter_id

        def work(uow: UnitOfWork) -> StayDetail:
            return encounters.get_stay(uow, actor, encounter_id=encounter_id)

        self.ctx.submit(work, bound_to(self, self._show), bound_to(self, self._failed))

    def reload_readiness(self) -> None:
        """The header's per-step readiness (audited as a view of the stay's readiness)."""
        actor = self.ctx.require_actor()
        encounter_id = self.encounter_id

        def work(uow: UnitOfWork) -> Readiness:
            return readiness.stay_readiness(uow, actor, encounter_id)

        self.ctx.submit(
            work, bound_to(self, self.header.show_readiness), bound_to(self, self._failed)
        )

    def _step_changed(self, _row: int) -> None:
        if self.detail is not None:
            self.reload_readiness()

    def _open_step_from_header(self, key: str) -> None:
        """A readiness indicator was clicked: its step (the stay summary when the step has no
        page of its own here yet, e.g. "discharge" before that step exists)."""
        if not self.show_step(key):
            self.show_step("summary")

    refresh = reload

    def _show(self, detail: StayDetail) -> None:
        self.detail = detail
        self.error_label.hide()
        self.header.show_detail(detail)
        actor = self.ctx.require_actor()
        encounter_id = self.encounter_id

        def flags(uow: UnitOfWork) -> StayFlags | None:
            return worklist_flags.stay_flags(uow, actor, [encounter_id]).get(encounter_id)

        # What the steps load when they get the stay, with the header's flags: one task, one
        # transaction and one commit on the worker instead of one each (see benchmarks/).
        with self.ctx.together():
            self.ctx.submit(
                flags, bound_to(self, self.header.show_flags), bound_to(self, self._failed)
            )
            for page in self.steps.values():
                page.set_detail(detail)
            self.reload_readiness()

    def _failed(self, exc: Exception) -> None:
        self.error_label.setText(user_message(exc, "loading a stay"))
        self.error_label.show()
