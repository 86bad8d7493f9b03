"""Step "Medications": home list, inpatient orders and the discharge list side by side.

Keyboard: arrows move in a list; on a home or inpatient medicine C = continue, H = change,
S = stop, N = new at discharge, Enter = change (edit); on the discharge list Enter edits, Delete
takes the decision back. Clicking (or moving to) a warning selects the medicines it concerns.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from transitions.domain.medrec.workflow import DecisionKind
from transitions.errors import ConflictError, ValidationError
from transitions.services import drugs, medrec
from transitions.services.encounters import StayDetail
from transitions.services.medrec import DischargeLine, MedInput, ReconciliationView, SourceLine
from transitions.services.permissions import allowed
from transitions.services.uow import UnitOfWork
from ui import formatting as fmt
from ui.context import AppContext
from ui.errors import user_message
from ui.tasks import bound_to
from ui.widgets.tables import EmptyStateTableView
from ui.workspace.medrec.dialogs import MedicationDialog, ReasonDialog
from ui.workspace.medrec.tables import (
    KEY_ROLE,
    ColoredModel,
    discharge_model,
    make_table,
    problem_model,
    source_model,
)
from ui.workspace.steps import StepPage

T = TypeVar("T")
DECISION_KEYS = {
    Qt.Key.Key_C: DecisionKind.CONTINUE,
    Qt.Key.Key_H: DecisionKind.CHANGE,
    Qt.Key.Key_S: DecisionKind.STOP,
    Qt.Key.Key_N: DecisionKind.NEW,
}


class MedicationsStep(StepPage):
    def __init__(self, ctx: AppContext, encounter_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, encounter_id, parent)
        self.view: ReconciliationView | None = None
        self.drug_names: list[str] = []
        self.dialog: MedicationDialog | ReasonDialog | None = None

        self.status_label = QLabel()
        self.boost_label = QLabel()
        self.boost_label.setStyleSheet(
            "background: #e3ecff; color: #13306b; border-radius: 3px; padding: 2px 6px;"
        )
        self.boost_label.hide()
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.home_model = source_model(ctx, self)
        self.inpatient_model = source_model(ctx, self)
        self.discharge_model = discharge_model(self)
        self.problem_model = problem_model(self)
        self.home_table = make_table(
            self.tr("Home medications"), self.tr("No home medications recorded")
        )
        self.inpatient_table = make_table(
            self.tr("Inpatient orders"), self.tr("No inpatient orders")
        )
        self.discharge_table = make_table(
            self.tr("Discharge list"), self.tr("Decide on each medicine, or add one (Ctrl+Shift+A)")
        )
        self.problem_table = make_table(self.tr("Warnings"), self.tr("No problems found"))
        pairs: list[tuple[EmptyStateTableView, ColoredModel[Any]]] = [
            (self.home_table, self.home_model),
            (self.inpatient_table, self.inpatient_model),
            (self.discharge_table, self.discharge_model),
            (self.problem_table, self.problem_model),
        ]
        for table, model in pairs:
            table.setModel(model)
            table.installEventFilter(self)
        self.problem_table.setSelectionMode(EmptyStateTableView.SelectionMode.SingleSelection)
        self.problem_table.selectionModel().currentRowChanged.connect(self._problem_chosen)
        self.problem_table.clicked.connect(lambda index: self._select_items(index.row()))

        self.add_button = QPushButton(self.tr("&Add medicine…"))
        self.ack_button = QPushButton(self.tr("Ac&cept warning…"))
        self.sign_button = QPushButton(self.tr("&Sign reconciliation"))
        self.second_button = QPushButton(self.tr("&Pharmacist sign-off"))
        self.reopen_button = QPushButton(self.tr("&Reopen…"))
        self.add_button.clicked.connect(self.add_medicine)
        self.ack_button.clicked.connect(self.acknowledge_current)
        self.sign_button.clicked.connect(self.sign)
        self.second_button.clicked.connect(self.second_sign)
        self.reopen_button.clicked.connect(self.reopen)
        QShortcut(QKeySequence("Ctrl+Shift+A"), self, self.add_medicine)
        self._build_layout()

    def _build_layout(self) -> None:
        lists = QSplitter(Qt.Orientation.Horizontal)
        for title, table in (
            (self.tr("Home (pre-admission)"), self.home_table),
            (self.tr("Inpatient orders"), self.inpatient_table),
            (self.tr("Discharge list"), self.discharge_table),
        ):
            box = QGroupBox(title)
            inner = QVBoxLayout(box)
            inner.addWidget(table)
            lists.addWidget(box)
        warnings = QGroupBox(self.tr("Warnings"))
        warn_layout = QVBoxLayout(warnings)
        warn_layout.addWidget(self.problem_table)
        warn_layout.addWidget(self.ack_button, 0, Qt.AlignmentFlag.AlignLeft)
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(lists)
        body.addWidget(warnings)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)
        top = QHBoxLayout()
        top.addWidget(self.status_label, 1)
        top.addWidget(self.boost_label)
        buttons = QHBoxLayout()
        keys = QLabel(
            self.tr("Keys: C continue · H change · S stop · N new at discharge · Enter edit")
        )
        buttons.addWidget(keys, 1)
        for button in (
            self.add_button,
            self.sign_button,
            self.second_button,
            self.reopen_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addWidget(body, 1)
        layout.addLayout(buttons)
        self.setTabOrder(self.home_table, self.inpatient_table)
        self.setTabOrder(self.inpatient_table, self.discharge_table)
        self.setTabOrder(self.discharge_table, self.problem_table)
        self.setFocusProxy(self.home_table)

    # -- loading -------------------------------------------------------------------------------
    def set_detail(self, detail: StayDetail) -> None:
        self.reload()

    def reload(self) -> None:
        actor, encounter_id = self.ctx.require_actor(), self.encounter_id

        def work(uow: UnitOfWork) -> tuple[ReconciliationView, list[str]]:
            names = drugs.drug_name_texts(uow) if not self.drug_names else []
            return medrec.get_reconciliation(uow, actor, encounter_id), names

        def done(result: tuple[ReconciliationView, list[str]]) -> None:
            view, names = result
            if names:
                self.drug_names = names
            self.show_view(view)

        self.ctx.submit(work, bound_to(self, done), bound_to(self, self._failed))

    def show_view(self, view: ReconciliationView) -> None:
        self.view = view
        self.error_label.hide()
        for table, model, rows in (
            (self.home_table, self.home_model, view.home),
            (self.inpatient_table, self.inpatient_model, view.inpatient),
            (self.discharge_table, self.discharge_model, view.discharge),
            (self.problem_table, self.problem_model, view.problems),
        ):
            current = table.currentIndex().row()
            model.set_rows(rows)
            if rows:
                table.setCurrentIndex(model.index(min(max(current, 0), len(rows) - 1), 0))
        self.status_label.setText(self._status_text(view))
        self.boost_label.setVisible(view.boost.suggested)
        self.boost_label.setText(
            self.tr("Pharmacist review suggested (BOOST): %1").replace("%1", view.boost.reason)
        )
        actor = self.ctx.actor
        may = actor is not None and allowed(actor, "medrec.reconcile")
        editable = may and not view.read_only
        for button in (self.add_button, self.ack_button, self.sign_button):
            button.setEnabled(editable)
        self.reopen_button.setEnabled(may and view.read_only)
        self.second_button.setVisible(view.second_signoff_required)
        second = actor is not None and allowed(actor, "medrec.second_signoff")
        self.second_button.setEnabled(second and view.awaiting_second_signoff)

    def _status_text(self, view: ReconciliationView) -> str:
        tz = self.ctx.tz
        if view.status == "draft":
            count = len(view.open_problems)
            if count:
                return self.tr("Draft — %n warning(s) need action before signing", "", count)
            return self.tr("Draft — ready to sign")
        signed = self.tr("Signed by %1, %2").replace("%1", view.signed_by or "")
        signed = signed.replace("%2", fmt.format_full_moment(view.signed_at, tz))
        if view.status == "verified":
            second = self.tr("; verified by %1, %2").replace("%1", view.second_signed_by or "")
            signed += second.replace("%2", fmt.format_full_moment(view.second_signed_at, tz))
        elif view.awaiting_second_signoff:
            signed += self.tr("; awaiting pharmacist sign-off")
        return signed + self.tr(" (read-only)")

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, ConflictError):
            answer = QMessageBox.question(
                self,
                self.tr("Changed elsewhere"),
                user_message(exc) + "\n\n" + self.tr("Reload the reconciliation now?"),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.reload()
            return
        self.error_label.setText(user_message(exc, "reconciling medications"))
        self.error_label.show()

    def _run(self, work: Callable[[UnitOfWork], ReconciliationView]) -> None:
        self.ctx.submit(work, bound_to(self, self.show_view), bound_to(self, self._failed))

    # -- keyboard ------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                return super().eventFilter(watched, event)
            key = Qt.Key(event.key())
            enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if watched in (self.home_table, self.inpatient_table):
                line = self.current_source(watched)  # type: ignore[arg-type]
                if line is not None and (key in DECISION_KEYS or enter):
                    self.decide(line, DECISION_KEYS.get(key, DecisionKind.CHANGE))
                    return True
            elif watched is self.discharge_table:
                dline = self.current_discharge()
                if dline is not None and enter:
                    self.edit_discharge(dline)
                    return True
                if dline is not None and key == Qt.Key.Key_Delete:
                    self.undo(dline)
                    return True
            elif watched is self.problem_table and enter:
                self.acknowledge_current()
                return True
        return super().eventFilter(watched, event)

    def current_source(self, table: EmptyStateTableView) -> SourceLine | None:
        model = self.home_model if table is self.home_table else self.inpatient_model
        row = table.currentIndex().row()
        return model.row_at(row) if 0 <= row < model.rowCount() else None

    def current_discharge(self) -> DischargeLine | None:
        row = self.discharge_table.currentIndex().row()
        return self.discharge_model.row_at(row) if row >= 0 else None

    # -- warnings ------------------------------------------------------------------------------
    def _problem_chosen(self, current: Any, _previous: Any) -> None:
        if current.isValid():
            self._select_items(current.row())

    def _select_items(self, row: int) -> None:
        """Select the medicines the problem at ``row`` concerns, in whichever list they are."""
        if not 0 <= row < self.problem_model.rowCount():
            return
        keys = set(self.problem_model.row_at(row).items)
        for table in (self.home_table, self.inpatient_table, self.discharge_table):
            model = table.model()
            selection = QItemSelection()
            for r in range(model.rowCount()):
                if model.index(r, 0).data(KEY_ROLE) in keys:
                    last = model.index(r, model.columnCount() - 1)
                    selection.select(model.index(r, 0), last)
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
            table.selectionModel().select(selection, flags)
            if not selection.isEmpty():
                table.scrollTo(selection.indexes()[0])

    def selected_keys(self) -> set[str]:
        keys = set()
        for table in (self.home_table, self.inpatient_table, self.discharge_table):
            for index in table.selectionModel().selectedRows():
                keys.add(index.data(KEY_ROLE))
        return keys

    # -- actions -------------------------------------------------------------------------------
    def _editable(self) -> bool:
        if self.view is None or self.view.read_only:
            self.error_label.setText(self.tr("This reconciliation is signed: reopen it to edit."))
            self.error_label.show()
            return False
        return True

    def decide(self, line: SourceLine, kind: DecisionKind) -> None:
        if not self._editable():
            return
        actor = self.ctx.require_actor()
        version = line.decision_version
        if kind is DecisionKind.CHANGE:
            self._change_dialog(line)
        elif kind is DecisionKind.STOP:

            def stop(code: str, text: str) -> None:
                self._dialog_run(
                    lambda uow: medrec.decide(
                        uow, actor, line.entry_id, kind, reason_code=code, reason_text=text,
                        expected_version=version,
                    )
                )  # fmt: skip

            prompt = self.tr("Why is %1 stopped?").replace("%1", line.drug)
            self._open(ReasonDialog(self.tr("Stop medicine"), prompt, stop, pick_list="stop"))
        else:
            self._run(
                lambda uow: medrec.decide(uow, actor, line.entry_id, kind, expected_version=version)
            )

    def _change_dialog(self, line: SourceLine) -> None:
        actor = self.ctx.require_actor()
        current = next(
            (d for d in self.view.discharge if d.from_key == line.key), None
        ) if self.view else None  # fmt: skip
        initial = _med_input(current) if current else MedInput(
            drug=line.drug, dose=line.dose or "", route=line.route or "",
            frequency=line.frequency or "", prn=line.prn, indication=line.indication or "",
        )  # fmt: skip

        def change(med: MedInput, code: str, text: str) -> None:
            self._dialog_run(
                lambda uow: medrec.decide(
                    uow, actor, line.entry_id, DecisionKind.CHANGE, change=med, reason_code=code,
                    reason_text=text, expected_version=line.decision_version,
                )
            )  # fmt: skip

        title = self.tr("Change %1").replace("%1", line.drug)
        self._open(
            MedicationDialog(
                title, self.drug_names, change, initial=initial, reason_kind="change",
                drug_editable=False, parent=self,
            )
        )  # fmt: skip

    def add_medicine(self) -> None:
        if not self._editable():
            return
        actor, encounter_id = self.ctx.require_actor(), self.encounter_id

        def add(med: MedInput, _code: str, _text: str) -> None:
            self._dialog_run(
                lambda uow: medrec.add_discharge_medication(uow, actor, encounter_id, med)
            )

        self._open(MedicationDialog(self.tr("Add discharge medicine"), self.drug_names, add,
                                    parent=self))  # fmt: skip

    def edit_discharge(self, line: DischargeLine) -> None:
        if not self._editable() or self.view is None:
            return
        if line.from_key is not None:
            source = next(
                s for s in (*self.view.home, *self.view.inpatient) if s.key == line.from_key
            )
            self._change_dialog(source)
            return
        actor = self.ctx.require_actor()

        def edit(med: MedInput, _code: str, _text: str) -> None:
            self._dialog_run(
                lambda uow: medrec.edit_discharge_medication(
                    uow, actor, line.decision_id, med, expected_version=line.version_id
                )
            )

        self._open(
            MedicationDialog(
                self.tr("Edit %1").replace("%1", line.drug), self.drug_names, edit,
                initial=_med_input(line), parent=self,
            )
        )  # fmt: skip

    def undo(self, line: DischargeLine) -> None:
        if not self._editable():
            return
        actor = self.ctx.require_actor()
        self._run(
            lambda uow: medrec.undo_decision(
                uow, actor, line.decision_id, expected_version=line.version_id
            )
        )

    def acknowledge_current(self) -> None:
        row = self.problem_table.currentIndex().row()
        if not self._editable() or row < 0:
            return
        problem = self.problem_model.row_at(row)
        actor, encounter_id = self.ctx.require_actor(), self.encounter_id

        def accept(_code: str, text: str) -> None:
            self._dialog_run(
                lambda uow: medrec.acknowledge(uow, actor, encounter_id, problem.key, text)
            )

        self._open(ReasonDialog(self.tr("Accept warning"), problem.message, accept))

    def sign(self) -> None:
        if not self._editable() or self.view is None:
            return
        actor, encounter_id, version = (
            self.ctx.require_actor(),
            self.encounter_id,
            self.view.version_id,
        )
        self._run(lambda uow: medrec.sign(uow, actor, encounter_id, expected_version=version))

    def second_sign(self) -> None:
        if self.view is None:
            return
        actor, encounter_id, version = (
            self.ctx.require_actor(),
            self.encounter_id,
            self.view.version_id,
        )
        self._run(
            lambda uow: medrec.second_sign(uow, actor, encounter_id, expected_version=version)
        )

    def reopen(self) -> None:
        if self.view is None or not self.view.read_only:
            return
        actor, encounter_id, version = (
            self.ctx.require_actor(),
            self.encounter_id,
            self.view.version_id,
        )

        def reopen(_code: str, text: str) -> None:
            self._dialog_run(
                lambda uow: medrec.reopen(uow, actor, encounter_id, text, expected_version=version)
            )

        prompt = self.tr("Why is the signed reconciliation reopened? The signed version is kept.")
        self._open(ReasonDialog(self.tr("Reopen reconciliation"), prompt, reopen))

    # -- dialogs -------------------------------------------------------------------------------
    def _open(self, dialog: MedicationDialog | ReasonDialog) -> None:
        dialog.setParent(self, dialog.windowFlags())
        self.dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        dialog.open()

    def _dialog_run(self, work: Callable[[UnitOfWork], ReconciliationView]) -> None:
        dialog = self.dialog

        def done(view: ReconciliationView) -> None:
            if dialog is not None:
                dialog.accept()
            self.show_view(view)

        def failed(exc: Exception) -> None:
            if dialog is not None and isinstance(exc, ValidationError):
                dialog.failed(exc)
                return
            if dialog is not None:
                dialog.reject()
            self._failed(exc)

        self.ctx.submit(work, bound_to(self, done), bound_to(self, failed))


def _med_input(line: DischargeLine) -> MedInput:
    return MedInput(
        drug=line.drug,
        dose=line.dose or "",
        route=line.route or "",
        frequency=line.frequency or "",
        form=line.form or "",
        prn=line.prn,
        indication=line.indication or "",
        duration_days=line.duration_days,
        instructions=line.instructions or "",
        sig=line.sig_text or "",
    )
