"""Step "Education": teach the modules this patient needs, with teach-back, and record it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from transitions.errors import ConflictError, ValidationError
from transitions.services import education
from transitions.services.education import (
    EducationView,
    ItemState,
    ModuleState,
    TeachingEntry,
)
from transitions.services.encounters import StayDetail
from transitions.services.uow import UnitOfWork
from ui import formatting as fmt
from ui.context import AppContext
from ui.errors import user_message
from ui.tasks import bound_to
from ui.widgets.tables import EmptyStateTableView, PlainTableModel, TableColumn
from ui.workspace.education import labels
from ui.workspace.education.boost import BoostPanel
from ui.workspace.education.dialogs import RemoveModuleDialog
from ui.workspace.education.instructions import InstructionsPanel
from ui.workspace.education.teach import TeachPanel
from ui.workspace.steps import StepPage

LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}


@dataclass(frozen=True)
class ItemRow:
    module: ModuleState
    item: ItemState

    @property
    def key(self) -> tuple[str, str]:
        return self.module.module_id, self.item.item_id


class ItemsTable(EmptyStateTableView):
    """Enter on an item moves to the teaching form."""

    def __init__(self, on_enter: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_enter = on_enter

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_enter()
            return
        super().keyPressEvent(event)


class EducationStep(StepPage):
    def __init__(self, ctx: AppContext, encounter_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, encounter_id, parent)
        self.view: EducationView | None = None
        self.remove_dialog: RemoveModuleDialog | None = None

        self.progress_label = QLabel()
        font = self.progress_label.font()
        font.setBold(True)
        self.progress_label.setFont(font)
        self.language_label = QLabel()
        self.literacy_banner = QLabel(
            self.tr("Poor health literacy (BOOST): teach-back is required on every item.")
        )
        self.literacy_banner.setStyleSheet(
            "background: #ffe08a; color: #3d2b00; padding: 2px 6px; border-radius: 3px;"
        )
        self.literacy_banner.hide()
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.add_combo = QComboBox()
        self.add_combo.setAccessibleName(self.tr("Module to add"))
        add_label = QLabel(self.tr("Mod&ule:"))
        add_label.setBuddy(self.add_combo)
        self.add_button = QPushButton(self.tr("&Add module"))
        self.add_button.clicked.connect(self._add_module)
        self.remove_button = QPushButton(self.tr("Remo&ve module…"))
        self.remove_button.clicked.connect(self._ask_remove)
        self.modules_label = QLabel()
        self.modules_label.setWordWrap(True)

        self.items_model: PlainTableModel[ItemRow] = PlainTableModel(
            [
                TableColumn(self.tr("Module"), lambda r: r.module.title_en, self._module_tooltip),
                TableColumn(
                    self.tr("Item"), lambda r: r.item.title_en, lambda r: r.item.title, stretch=True
                ),
                TableColumn(self.tr("Teach-back"), self._required_text),
                TableColumn(self.tr("Status"), self._status_text),
                TableColumn(self.tr("Taught"), self._taught_text),
            ],
            self,
        )
        self.items_table = ItemsTable(self._focus_form)
        self.items_table.setModel(self.items_model)
        self.items_table.setAccessibleName(self.tr("Education items"))
        self.items_table.set_empty_text(self.tr("No modules in the plan"))
        self.items_table.horizontalHeader().setStretchLastSection(False)
        self.items_table.horizontalHeader().setSectionResizeMode(
            1, self.items_table.horizontalHeader().ResizeMode.Stretch
        )
        self.items_table.selectionModel().currentRowChanged.connect(self._current_changed)
        items_label = QLabel(self.tr("It&ems:"))
        items_label.setBuddy(self.items_table)

        self.teach_panel = TeachPanel(ctx.tz, ctx.today, self._record)
        self.boost_panel = BoostPanel(self._save_boost)
        self.instructions_panel = InstructionsPanel(self._save_instructions)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.teach_panel.submit)
        QShortcut(QKeySequence("Ctrl+Enter"), self, activated=self.teach_panel.submit)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._teach_tab(items_label, add_label), self.tr("Teac&h"))
        self.tabs.addTab(self.boost_panel, self.tr("&BOOST screen"))
        self.tabs.addTab(self.instructions_panel, self.tr("Packet instru&ctions"))

        top = QHBoxLayout()
        top.addWidget(self.progress_label)
        top.addSpacing(16)
        top.addWidget(self.language_label)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.literacy_banner)
        layout.addWidget(self.error_label)
        layout.addWidget(self.tabs, 1)
        self.setFocusProxy(self.items_table)

    def _teach_tab(self, items_label: QLabel, add_label: QLabel) -> QWidget:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.modules_label)
        left_layout.addWidget(items_label)
        left_layout.addWidget(self.items_table, 1)
        bar = QHBoxLayout()
        bar.addWidget(add_label)
        bar.addWidget(self.add_combo, 1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.remove_button)
        left_layout.addLayout(bar)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.teach_panel)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 6)
        splitter.setChildrenCollapsible(False)
        return splitter

    # -- column text -------------------------------------------------------------------------
    def _module_tooltip(self, row: ItemRow) -> str:
        reasons = ", ".join(labels.reason_text(r) for r in row.module.reasons)
        if row.module.origin == "added":
            return self.tr("Added by a nurse")
        return self.tr("Suggested: {reasons}").format(reasons=reasons)

    def _required_text(self, row: ItemRow) -> str:
        return self.tr("required") if row.item.teach_back_required else self.tr("optional")

    def _status_text(self, row: ItemRow) -> str:
        latest = row.item.latest
        if latest is None:
            return self.tr("Not taught")
        text = labels.label_of(labels.results(), latest.result)
        return ("✓ " + text) if row.item.done else text

    def _taught_text(self, row: ItemRow) -> str:
        latest = row.item.latest
        if latest is None:
            return ""
        when = fmt.format_moment(latest.taught_at, self.ctx.tz, self.ctx.today())
        count = len(row.item.history)
        return when if count == 1 else self.tr("{when} ({n}×)").format(when=when, n=count)

    # -- loading -----------------------------------------------------------------------------
    def set_detail(self, detail: StayDetail) -> None:
        self.reload()

    def reload(self) -> None:
        actor = self.ctx.require_actor()
        encounter_id = self.encounter_id

        def work(uow: UnitOfWork) -> EducationView:
            return education.get_education(uow, actor, encounter_id)

        self.ctx.submit(work, bound_to(self, self.show_view), bound_to(self, self._failed))

    def show_view(self, view: EducationView, select: tuple[str, str] | None = None) -> None:
        current = select or self._current_key()
        self.view = view
        self.error_label.hide()
        progress = view.progress
        text = self.tr("Education: {done} of {required} items done").format(
            done=progress.done, required=progress.required
        )
        if progress.needs_reinforcement:
            text += self.tr(" · {n} need reinforcement").format(n=progress.needs_reinforcement)
        self.progress_label.setText(text)
        language = LANGUAGE_NAMES.get(view.content_language, view.content_language)
        lang_text = self.tr("Teaching in {language}").format(language=language)
        if view.content_language != view.patient_language:
            lang_text += self.tr(" (patient's language: {code})").format(code=view.patient_language)
        if view.interpreter_expected:
            lang_text += self.tr(" · record the interpreter")
        self.language_label.setText(lang_text)
        self.literacy_banner.setVisible(view.teach_back_everywhere)
        self.modules_label.setText(self._modules_text(view))
        self.add_combo.clear()
        for module_id, title in view.available:
            self.add_combo.addItem(title, module_id)
        self.add_button.setEnabled(bool(view.available))
        rows = [ItemRow(m, i) for m in view.modules for i in m.items]
        self.items_model.set_rows(rows)
        self.items_table.resizeColumnsToContents()
        self.teach_panel.set_interpreter_expected(view.interpreter_expected)
        self.boost_panel.show_boost(view.boost, self.ctx.tz)
        self.instructions_panel.set_text(view.instructions)
        keys = [r.key for r in rows]
        index = keys.index(current) if current in keys else (0 if rows else -1)
        self._select_row(index)

    def _modules_text(self, view: EducationView) -> str:
        parts = []
        for module in view.modules:
            why = ", ".join(labels.reason_text(r) for r in module.reasons) or self.tr("added")
            parts.append(
                f"{module.title_en} {module.progress.done}/{module.progress.required} ({why})"
            )
        text = self.tr("Modules: {list}").format(list=" · ".join(parts))
        if view.removed:
            removed = ", ".join(f"{r.title} ({r.reason})" for r in view.removed)
            text += "\n" + self.tr("Removed: {list}").format(list=removed)
        return text

    def _current_key(self) -> tuple[str, str] | None:
        index = self.items_table.currentIndex()
        if not index.isValid():
            return None
        return self.items_model.row_at(index.row()).key

    def _select_row(self, row: int) -> None:
        if row < 0:
            self.teach_panel.show_item(None)
            return
        self.items_table.setCurrentIndex(self.items_model.index(row, 1))
        self.teach_panel.show_item(self.items_model.row_at(row).item)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.teach_panel.show_item(self.items_model.row_at(current.row()).item)

    def _focus_form(self) -> None:
        if self.teach_panel.item is not None:
            self.teach_panel.learner.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- actions -----------------------------------------------------------------------------
    def _run(
        self,
        call: Callable[[UnitOfWork], EducationView],
        on_error: Callable[[Exception], None] | None = None,
        after: Callable[[EducationView], None] | None = None,
    ) -> None:
        def done(view: EducationView) -> None:
            self.show_view(view)
            if after is not None:
                after(view)

        self.ctx.submit(call, bound_to(self, done), bound_to(self, on_error or self._failed))

    def _record(self, entry: TeachingEntry) -> None:
        actor = self.ctx.require_actor()
        encounter_id = self.encounter_id
        key = (entry.module_id, entry.item_id)

        def after(view: EducationView) -> None:
            self._advance_from(key)

        self._run(
            lambda uow: education.record_teaching(uow, actor, encounter_id, entry),
            self._teach_failed,
            after,
        )

    def _advance_from(self, key: tuple[str, str]) -> None:
        """After recording, move to the next item that is not done (keyboard flow)."""
        rows = [self.items_model.row_at(r) for r in range(self.items_model.rowCount())]
        keys = [r.key for r in rows]
        start = keys.index(key) + 1 if key in keys else 0
        order = list(range(start, len(rows))) + list(range(0, start))
        target = next((i for i in order if not rows[i].item.done), None)
        if target is not None:
            self._select_row(target)
        self._focus_form()

    def _teach_failed(self, exc: Exception) -> None:
        if isinstance(exc, ValidationError) and self.teach_panel.show_error(
            exc.field, user_message(exc)
        ):
            return
        self._failed(exc)

    def _add_module(self) -> None:
        module_id = self.add_combo.currentData()
        if not module_id:
            return
        actor = self.ctx.require_actor()
        encounter_id = self.encounter_id
        self._run(lambda uow: education.add_module(uow, actor, encounter_id, module_id))

    def _ask_remove(self) -> None:
        index = self.items_table.currentIndex()
        if not index.isValid():
            return
        module = self.items_model.row_at(index.row()).module
        self.remove_dialog = RemoveModuleDialog(module.module_id, module.title_en, self)
        self.remove_dialog.accepted.connect(self._remove_accepted)
        self.remove_dialog.open()

    def _remove_accepted(self) -> None:
        dialog = self.remove_dialog
        if dialog is None:
            return
        actor = self.ctx.require_actor()
        encounter_id, module_id, reason = self.encounter_id, dialog.module_id, dialog.reason()
        self._run(lambda uow: education.remove_module(uow, actor, encounter_id, module_id, reason))

    def _save_boost(self, answers: dict[str, bool | None]) -> None:
        if self.view is None:
            return
        actor = self.ctx.require_actor()
        encounter_id, version = self.encounter_id, self.view.plan_version
        self._run(
            lambda uow: education.save_boost(
                uow, actor, encounter_id, answers, expected_version=version
            )
        )

    def _save_instructions(self, text: str) -> None:
        if self.view is None:
            return
        actor = self.ctx.require_actor()
        encounter_id, version = self.encounter_id, self.view.plan_version

        def failed(exc: Exception) -> None:
            if isinstance(exc, ValidationError):
                self.instructions_panel.show_error(user_message(exc))
            else:
                self._failed(exc)

        self._run(
            lambda uow: education.save_instructions(
                uow, actor, encounter_id, text, expected_version=version
            ),
            failed,
        )

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, ConflictError):
            answer = QMessageBox.question(
                self,
                self.tr("Changed by someone else"),
                user_message(exc) + "\n\n" + self.tr("Reload the education record now?"),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.reload()
            return
        self.error_label.setText(user_message(exc, "recording education"))
        self.error_label.show()
