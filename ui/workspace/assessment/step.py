"""Step "Assessment" (first step of a discharge): functional status before admission and at
discharge, home and support, the AHC social-needs screen, other barriers — answered by the
patient, a caregiver or proxy, or from the chart — and the needs they produce.

Every change on the form is saved together (Save, Ctrl+S) in one unit of work; the needs list
follows the saved answers. A reload while answers are unsaved keeps them (saving then meets the
newer version as a conflict, and the user chooses)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
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
from transitions.services import assessment
from transitions.services.assessment import AnswerEntry, AssessmentView, NeedView
from transitions.services.encounters import StayDetail
from transitions.services.uow import UnitOfWork
from ui import formatting as fmt
from ui.context import AppContext
from ui.errors import user_message
from ui.tasks import bound_to
from ui.widgets.style import set_muted
from ui.workspace.assessment.answers import AnswerField
from ui.workspace.assessment.needs import NeedsPanel
from ui.workspace.assessment.sections import SectionPage
from ui.workspace.steps import StepPage


class AssessmentStep(StepPage):
    def __init__(self, ctx: AppContext, encounter_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, encounter_id, parent)
        self.view: AssessmentView | None = None
        self.form = assessment.assessment_form()
        self.required = sum(
            1 for q in self.form.questions() if q.required and q.derived_from is None
        )

        self.progress_label = QLabel(self.tr("Loading the assessment…"))
        font = self.progress_label.font()
        font.setBold(True)
        self.progress_label.setFont(font)
        self.saved_label = set_muted(QLabel())
        self.save_button = QPushButton(self.tr("&Save assessment"))
        self.save_button.setToolTip(self.tr("Save every changed answer (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(False)
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.tabs = QTabWidget()
        self.pages: list[SectionPage] = []
        titles = {
            "function": self.tr("F&unction"),
            "support": self.tr("&Home and support"),
            "hrsn": self.tr("Social nee&ds"),
            "barriers": self.tr("Other &barriers"),
        }
        for section in self.form.sections:
            page = SectionPage(section, ctx.tz, ctx.today(), self._changed)
            self.pages.append(page)
            index = self.tabs.addTab(page, titles.get(section.key, section.key))
            self.tabs.setTabToolTip(index, section.title.get(page.language))
        self.needs_panel = NeedsPanel(ctx.tz, ctx.today, self._set_need_status)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.needs_panel)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        top = QHBoxLayout()
        top.addWidget(self.progress_label)
        top.addSpacing(16)
        top.addWidget(self.saved_label, 1)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.tabs)

    # -- state ----------------------------------------------------------------------------------
    def fields(self) -> dict[str, AnswerField]:
        return {key: f for page in self.pages for key, f in page.fields.items()}

    def field(self, key: str) -> AnswerField:
        return self.fields()[key]

    def dirty_entries(self) -> list[AnswerEntry]:
        entries = []
        for page in self.pages:
            source = page.source.currentData()
            entries += [f.entry(source) for f in page.dirty_fields()]
        return entries

    def _changed(self) -> None:
        dirty = len(self.dirty_entries())
        self.save_button.setEnabled(dirty > 0 and self.view is not None)
        if dirty:
            self.saved_label.setText(self.tr("Unsaved answers: {n}").format(n=dirty))
        elif self.view is not None:
            self._show_saved(self.view)

    # -- loading --------------------------------------------------------------------------------
    def set_detail(self, detail: StayDetail) -> None:
        self.reload()

    def reload(self, *, discard: bool = False) -> None:
        actor = self.ctx.require_actor()
        encounter_id = self.encounter_id

        def work(uow: UnitOfWork) -> AssessmentView:
            return assessment.get_assessment(uow, actor, encounter_id)

        def loaded(view: AssessmentView) -> None:
            if self.dirty_entries() and not discard and self.view is not None:
                if view.version != self.view.version:
                    self.error_label.setText(
                        self.tr(
                            "Someone else saved this assessment; your unsaved answers are "
                            "kept. Save them to compare, or reload."
                        )
                    )
                    self.error_label.show()
                return
            self.show_view(view)

        self.ctx.submit(work, bound_to(self, loaded), bound_to(self, self._failed))

    def show_view(self, view: AssessmentView) -> None:
        self.view = view
        self.error_label.hide()
        for page in self.pages:
            page.show_view(view)
        answered = self.required - len(view.missing)
        self.progress_label.setText(
            self.tr("Assessment: {answered} of {required} questions answered").format(
                answered=answered, required=self.required
            )
        )
        self._show_saved(view)
        self.needs_panel.show_needs(view.needs)
        self.save_button.setEnabled(False)

    def _show_saved(self, view: AssessmentView) -> None:
        if view.updated_at is None:
            self.saved_label.setText(self.tr("Not assessed yet"))
        else:
            when = fmt.format_moment(view.updated_at, self.ctx.tz, self.ctx.today())
            self.saved_label.setText(
                self.tr("Last saved by {who}, {when}").format(who=view.updated_by or "", when=when)
            )

    # -- saving ---------------------------------------------------------------------------------
    def save(self) -> None:
        if self.view is None:
            return
        entries = self.dirty_entries()
        if not entries:
            self.saved_label.setText(self.tr("Nothing to save"))
            return
        actor = self.ctx.require_actor()
        encounter_id, version = self.encounter_id, self.view.version

        def work(uow: UnitOfWork) -> AssessmentView:
            return assessment.record_answers(
                uow, actor, encounter_id, entries, expected_version=version
            )

        self.ctx.submit(work, bound_to(self, self.show_view), bound_to(self, self._save_failed))

    def _save_failed(self, exc: Exception) -> None:
        if isinstance(exc, ValidationError) and exc.field in self.fields():
            field = self.field(exc.field)
            field.show_error(user_message(exc))
            for index, page in enumerate(self.pages):
                if exc.field in page.fields:
                    self.tabs.setCurrentIndex(index)
                    page.ensureWidgetVisible(field)
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._failed(exc)

    def _set_need_status(self, need: NeedView, status: str) -> None:
        actor = self.ctx.require_actor()

        def work(uow: UnitOfWork) -> NeedView:
            return assessment.set_need_status(
                uow, actor, need.id, status, expected_version=need.version
            )

        self.ctx.submit(
            work, bound_to(self, lambda _need: self.reload()), bound_to(self, self._failed)
        )

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, ConflictError):
            answer = QMessageBox.question(
                self,
                self.tr("Changed by someone else"),
                user_message(exc)
                + "\n\n"
                + self.tr("Reload the assessment now? Answers you have not saved will be lost."),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.reload(discard=True)
            return
        self.error_label.setText(user_message(exc, "recording the assessment"))
        self.error_label.show()
