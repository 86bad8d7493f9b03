"""Step "Discharge": readiness per step, the Project RED checklist, acknowledgements, the
disposition and "Discharge patient"; after the sign-off the record is frozen (addenda only).
When the hospital cancelled the discharge (ADT A13) the sign-off was voided: the stay can be
signed off again, and a notice at the top says which sign-off was voided and why.

Enter on a step or checklist row opens the step where it is done (:attr:`StepPage.open_step`).
The page loads when it is shown (and again each time), so it reflects what was just done in
the other steps; a workspace that is opened but never goes to this step costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from transitions.domain.codes import discharge_dispositions
from transitions.domain.encounter_status import EncounterStatus
from transitions.services import discharge
from transitions.services.discharge import DischargeBlockedError, DischargeRecord, DischargeView
from transitions.services.encounters import StayDetail
from transitions.services.permissions import allowed
from transitions.services.readiness import Readiness, RedItem, StepReadiness, step_page
from transitions.services.uow import UnitOfWork
from ui import formatting as fmt
from ui.context import AppContext
from ui.errors import user_message
from ui.tasks import bound_to
from ui.widgets.tables import EmptyStateTableView, PlainTableModel, TableColumn
from ui.workspace.discharge import labels
from ui.workspace.discharge.dialogs import AcknowledgeDialog, AddendumDialog
from ui.workspace.pcp_summary import PcpSummaryDialog
from ui.workspace.readiness_text import item_detail, messages_text
from ui.workspace.steps import StepPage
from ui.workspace.summary import section_title

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


class StatusModel(PlainTableModel[R]):
    """Plain rows whose status column is coloured by status."""

    def __init__(
        self,
        columns: Sequence[TableColumn[R]],
        status_of: Callable[[R], str],
        status_column: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(columns, parent)
        self._status_of = status_of
        self._status_column = status_column

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.isValid()
            and index.column() == self._status_column
        ):
            colour = labels.STATUS_COLOURS.get(self._status_of(self.row_at(index.row())))
            return QBrush(QColor(colour)) if colour else None
        return super().data(index, role)


def _table(name: str) -> EmptyStateTableView:
    table = EmptyStateTableView()
    table.setAccessibleName(name)
    table.horizontalHeader().setStretchLastSection(True)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return table


def _fit(table: EmptyStateTableView) -> None:
    """As tall as its rows: both lists fit on the page without inner scrolling."""
    rows = table.model().rowCount() if table.model() is not None else 0
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    height += max(rows, 1) * table.verticalHeader().defaultSectionSize()
    table.setFixedHeight(height)


class DischargeStep(StepPage):
    def __init__(self, ctx: AppContext, encounter_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, encounter_id, parent)
        self.view: DischargeView | None = None
        self.dialog: AcknowledgeDialog | AddendumDialog | None = None
        self._loading = False
        self._again = False
        self._keep_error = False  # a refused sign-off's message outlives the reload after it

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        font = self.banner.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.banner.setFont(font)
        # an earlier sign-off voided by a cancelled discharge (shown while none stands)
        self.voided_label = QLabel()
        self.voided_label.setWordWrap(True)
        self.voided_label.setTextFormat(Qt.TextFormat.PlainText)
        self.voided_label.setStyleSheet(
            "background: #ffe08a; color: #3d2b00; padding: 4px 6px; border-radius: 3px;"
        )
        self.voided_label.hide()
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.steps_model: StatusModel[StepReadiness] = StatusModel(
            [
                TableColumn(self.tr("Step"), lambda s: labels.step_name(s.key)),
                TableColumn(self.tr("Status"), lambda s: labels.status_label(s.status)),
                TableColumn(
                    self.tr("What is left"),
                    lambda s: labels.step_hint(s.key, s.status, tuple(messages_text(s.messages))),
                    tooltip=lambda s: "\n".join(messages_text(s.messages)) or None,
                    stretch=True,
                ),
            ],
            lambda s: s.status,
            1,
            self,
        )
        self.steps_table = _table(self.tr("Readiness by step"))
        self.steps_table.setModel(self.steps_model)
        self.steps_table.activated.connect(self._open_step_row)

        self.items_model: StatusModel[RedItem] = StatusModel(
            [
                TableColumn(self.tr("Item"), lambda i: labels.item_label(i.key, i.label)),
                TableColumn(self.tr("Status"), self._item_status),
                TableColumn(self.tr("Where"), lambda i: labels.step_name(step_page(i.where))),
                TableColumn(
                    self.tr("What to do / reason"),
                    self._item_note,
                    tooltip=item_detail,
                    stretch=True,
                ),
            ],
            lambda i: i.status,
            1,
            self,
        )
        self.items_table = _table(self.tr("Project RED discharge checklist"))
        self.items_table.setModel(self.items_model)
        self.items_table.activated.connect(self._open_item_row)
        self.items_table.selectionModel().currentRowChanged.connect(self._update_buttons)

        self.open_button = QPushButton(self.tr("&Open its step"))
        self.open_button.clicked.connect(self.open_selected_step)
        self.ack_button = QPushButton(self.tr("Ac&knowledge…"))
        self.ack_button.clicked.connect(self.acknowledge_selected)
        self.withdraw_button = QPushButton(self.tr("&Withdraw acknowledgement"))
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.summary_button = QPushButton(self.tr("Summar&y to the PCP…"))
        self.summary_button.setToolTip(
            self.tr("The discharge summary for the primary care provider: send or fax it.")
        )
        self.summary_button.clicked.connect(lambda: self.open_pcp_summary())
        item_buttons = QHBoxLayout()
        buttons = (self.open_button, self.ack_button, self.withdraw_button, self.summary_button)
        for button in buttons:
            item_buttons.addWidget(button)
        item_buttons.addStretch(1)

        self.risk_label = QLabel()
        self.risk_label.setWordWrap(True)
        self.risk_button = QPushButton(self.tr("Score &risk now"))
        self.risk_button.clicked.connect(self.score_risk)
        risk_row = QHBoxLayout()
        risk_row.addWidget(self.risk_label, 1)
        risk_row.addWidget(self.risk_button)

        self.disposition_combo = QComboBox()
        self.disposition_combo.addItem(self.tr("Choose where the patient goes…"), None)
        for code in discharge_dispositions():
            self.disposition_combo.addItem(labels.disposition_label(code), code)
        self.disposition_combo.setAccessibleName(self.tr("Discharge disposition"))
        self.disposition_combo.currentIndexChanged.connect(self._update_buttons)
        disposition_label = QLabel(self.tr("&Discharged to:"))
        disposition_label.setBuddy(self.disposition_combo)
        self.discharge_button = QPushButton(self.tr("Discharge &patient"))
        self.discharge_button.setDefault(True)
        self.discharge_button.clicked.connect(self.discharge_patient)
        self.addendum_button = QPushButton(self.tr("Add adde&ndum…"))
        self.addendum_button.clicked.connect(self.add_addendum)
        finish = QHBoxLayout()
        finish.addWidget(disposition_label)
        finish.addWidget(self.disposition_combo)
        finish.addStretch(1)
        finish.addWidget(self.addendum_button)
        finish.addWidget(self.discharge_button)
        self.explain_label = QLabel()
        self.explain_label.setWordWrap(True)
        self.addenda_label = QLabel()
        self.addenda_label.setWordWrap(True)
        self.addenda_label.setTextFormat(Qt.TextFormat.PlainText)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.voided_label)
        layout.addWidget(self.error_label)
        layout.addWidget(section_title(self.tr("Readiness by step")))
        layout.addWidget(self.steps_table)
        layout.addWidget(section_title(self.tr("Project RED discharge checklist")))
        layout.addWidget(self.items_table)
        layout.addLayout(item_buttons)
        layout.addLayout(risk_row)
        layout.addLayout(finish)
        layout.addWidget(self.explain_label)
        layout.addWidget(self.addenda_label)
        layout.addStretch(1)
        order = [
            self.steps_table, self.items_table, self.open_button, self.ack_button,
            self.withdraw_button, self.risk_button, self.disposition_combo,
            self.addendum_button, self.discharge_button,
        ]  # fmt: skip
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)
        self.setFocusProxy(self.items_table)
        self._update_buttons()

    # -- loading ----------------------------------------------------------------------------
    def set_detail(self, detail: StayDetail) -> None:
        if self.isVisible():
            self.reload()
        else:
            self.view = None  # loaded when the step is shown

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()  # another step may have changed what is ready

    def reload(self) -> None:
        actor = self.ctx.actor
        if actor is None:
            return
        if self._loading:
            self._again = True  # load once more when the one under way is back
            return
        encounter_id = self.encounter_id
        self._loading = True
        self._again = False

        def work(uow: UnitOfWork) -> DischargeView:
            return discharge.discharge_view(uow, actor, encounter_id)

        self.ctx.submit(work, bound_to(self, self._show), bound_to(self, self._failed))

    def _loaded(self) -> None:
        self._loading = False
        if self._again:
            self.reload()

    def _failed(self, exc: Exception) -> None:
        self._loaded()
        self.error_label.setText(user_message(exc, "loading the discharge checklist"))
        self.error_label.show()

    def _show(self, view: DischargeView) -> None:
        if self._keep_error:
            self._keep_error = False  # the refusal stays up while the checklist is reloaded
        else:
            self.error_label.hide()
        self.view = view
        shown = view.record.readiness if view.record is not None else view.readiness
        self._set_rows(self.steps_model, self.steps_table, list(shown.steps.values()))
        self._set_rows(self.items_model, self.items_table, list(shown.red_checklist))
        self.banner.setText(self._banner_text(view))
        voided = self._voided_text(view)
        self.voided_label.setText(voided)
        self.voided_label.setVisible(bool(voided))
        self.risk_label.setText(self._risk_text(view))
        if view.record is not None:
            self._select_disposition(view.record.disposition)
        self.addenda_label.setText(self._addenda_text(view.record))
        self.addenda_label.setVisible(view.record is not None and bool(view.record.addenda))
        self._update_buttons()
        self._loaded()

    def _set_rows(
        self, model: PlainTableModel[R], table: EmptyStateTableView, rows: list[R]
    ) -> None:
        row = table.currentIndex().row()
        model.set_rows(rows)
        table.resizeColumnsToContents()
        _fit(table)
        if rows:
            table.setCurrentIndex(model.index(min(max(row, 0), len(rows) - 1), 0))

    def _select_disposition(self, code: str) -> None:
        index = self.disposition_combo.findData(code)
        if index >= 0:
            self.disposition_combo.setCurrentIndex(index)

    # -- words ------------------------------------------------------------------------------
    def _item_status(self, item: RedItem) -> str:
        text = labels.status_label(item.status)
        if item.blocking and item.status == "missing":
            text += self.tr(" · blocks")
        return text

    def _item_note(self, item: RedItem) -> str:
        if item.status == "acknowledged":
            return item.reason or ""
        if item.status == "missing":
            return labels.item_hint(item.key)
        return ""

    def _banner_text(self, view: DischargeView) -> str:
        record = view.record
        if record is not None:
            text = self.tr("Discharged to {where} on {when} by {who}.").format(
                where=labels.disposition_label(record.disposition),
                when=fmt.format_full_moment(record.discharge_time, self.ctx.tz),
                who=record.signed_by,
            )
            return text + " " + self.tr("This record is frozen; later notes are addenda.")
        r = view.readiness
        if view.status is EncounterStatus.DISCHARGED:
            prefix = self.tr("The hospital system discharged this patient on {when}.").format(
                when=fmt.format_full_moment(view.discharge_time, self.ctx.tz)
            )
            return prefix + " " + self.tr("Sign the discharge off to complete the record.")
        if r.ready:
            text = self.tr("Ready to discharge: every checklist item is done or acknowledged.")
            # the steps' own work does not stop the sign-off, but the nurse should see it
            open_steps = [labels.step_name(k) for k, s in r.steps.items() if s.status != "done"]
            if open_steps:
                text += " " + self.tr("Steps with work left: {steps}.").format(
                    steps=", ".join(open_steps)
                )
            return text
        return self.tr("Not ready yet: {n} of {total} checklist items are missing.").format(
            n=len(r.blocking_items) + len(r.unacknowledged_items), total=len(r.red_checklist)
        )

    def _voided_text(self, view: DischargeView) -> str:
        """The latest voided sign-off, while no sign-off stands ("" otherwise)."""
        if view.record is not None or not view.voided:
            return ""
        last = view.voided[-1]
        return self.tr("An earlier sign-off by {who} on {when} was voided: {reason}.").format(
            who=last.signed_by,
            when=fmt.format_full_moment(last.signed_at, self.ctx.tz),
            reason=labels.void_reason(last.reason),
        )

    def _risk_text(self, view: DischargeView) -> str:
        risk = view.risk
        if risk is None:
            return self.tr("Readmission risk: not scored yet.")
        text = self.tr(
            "Readmission risk: LACE {lace} ({lace_tier}) · HOSPITAL {hospital} "
            "({hospital_tier}), scored {when}."
        )
        return text.format(
            lace=risk.lace_score,
            lace_tier=labels.tier_label(risk.lace_tier),
            hospital=risk.hospital_score,
            hospital_tier=labels.tier_label(risk.hospital_tier),
            when=fmt.format_full_moment(risk.computed_at, self.ctx.tz),
        )

    def _addenda_text(self, record: DischargeRecord | None) -> str:
        if record is None or not record.addenda:
            return ""
        lines = [self.tr("Addenda:")]
        for a in record.addenda:
            when = fmt.format_full_moment(a.added_at, self.ctx.tz)
            lines.append(f"{when} — {a.added_by}: {a.text}")
        return "\n".join(lines)

    def explanation(self) -> str:
        """Why "Discharge patient" is disabled ("" when it is enabled)."""
        view = self.view
        actor = self.ctx.actor
        if view is None:
            return ""
        if view.record is not None:
            return ""
        if actor is None or not allowed(actor, "discharge.signoff"):
            return self.tr("Your role cannot sign a discharge off.")
        r: Readiness = view.readiness
        if r.blocking_items:
            names = ", ".join(labels.item_label(i.key, i.label) for i in r.blocking_items)
            return self.tr("Blocked by site policy until done: {items}.").format(items=names)
        if r.unacknowledged_items:
            text = self.tr(
                "{n} missing item(s): complete each, or select it and acknowledge it with "
                "a reason (Alt+K)."
            )
            return text.format(n=len(r.unacknowledged_items))
        if self.disposition_combo.currentData() is None:
            return self.tr("Choose where the patient is discharged to.")
        return ""

    # -- buttons ----------------------------------------------------------------------------
    def selected_item(self) -> RedItem | None:
        index = self.items_table.currentIndex()
        return self.items_model.row_at(index.row()) if index.isValid() else None

    def _update_buttons(self, *_args: object) -> None:
        view = self.view
        actor = self.ctx.actor
        frozen = view is not None and view.record is not None
        may_sign = actor is not None and allowed(actor, "discharge.signoff")
        item = self.selected_item()
        live = view is not None and not frozen and may_sign
        self.open_button.setEnabled(item is not None)
        self.ack_button.setEnabled(
            live and item is not None and item.status == "missing" and not item.blocking
        )
        self.withdraw_button.setEnabled(live and item is not None and item.status == "acknowledged")
        self.risk_button.setEnabled(
            view is not None and not frozen and actor is not None and allowed(actor, "stay.edit")
        )
        self.disposition_combo.setEnabled(live)
        explanation = self.explanation()
        self.discharge_button.setEnabled(live and not explanation)
        self.discharge_button.setVisible(not frozen)
        self.discharge_button.setToolTip(explanation)
        self.explain_label.setText(explanation)
        self.explain_label.setVisible(bool(explanation))
        self.addendum_button.setVisible(frozen)
        self.addendum_button.setEnabled(frozen and may_sign)

    def _open_step_row(self, index: QModelIndex) -> None:
        self.open_step.emit(step_page(self.steps_model.row_at(index.row()).key))

    def _open_item_row(self, index: QModelIndex) -> None:
        self._open_item(self.items_model.row_at(index.row()))

    def open_selected_step(self) -> None:
        item = self.selected_item()
        if item is not None:
            self._open_item(item)

    def _open_item(self, item: RedItem) -> None:
        """Go to where the item is done; the summary to the PCP is done from this step."""
        if item.key == "pcp_summary":
            self.open_pcp_summary()
        else:
            self.open_step.emit(step_page(item.where))

    def open_pcp_summary(self) -> PcpSummaryDialog:
        """The summary to the primary care provider in its own window (RED component 11);
        sending or printing it ticks the checklist item."""
        dialog = PcpSummaryDialog(self.ctx, self.encounter_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.panel.delivered.connect(self.reload)
        dialog.panel.delivered.connect(self.stay_changed)
        dialog.show()
        return dialog

    def _run(self, work: Callable[[UnitOfWork], object], context: str) -> None:
        def failed(exc: Exception) -> None:
            self.error_label.setText(user_message(exc, context))
            self.error_label.show()

        self.ctx.submit(work, bound_to(self, lambda _r: self.reload()), bound_to(self, failed))

    def acknowledge_selected(self) -> AcknowledgeDialog | None:
        item = self.selected_item()
        if item is None or not self.ack_button.isEnabled():
            return None
        dialog = AcknowledgeDialog(
            item.key, labels.item_label(item.key, item.label), labels.item_hint(item.key), self
        )
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._acknowledged(dialog))
        dialog.open()
        return dialog

    def _acknowledged(self, dialog: AcknowledgeDialog) -> None:
        self.dialog = None
        actor = self.ctx.require_actor()
        encounter_id, item, reason = self.encounter_id, dialog.item, dialog.reason()
        self._run(
            lambda uow: discharge.acknowledge(uow, actor, encounter_id, item, reason),
            "acknowledging a checklist item",
        )

    def withdraw_selected(self) -> None:
        item = self.selected_item()
        if item is None or not self.withdraw_button.isEnabled():
            return
        actor = self.ctx.require_actor()
        encounter_id, key = self.encounter_id, item.key
        self._run(
            lambda uow: discharge.withdraw_acknowledgement(uow, actor, encounter_id, key),
            "withdrawing an acknowledgement",
        )

    def score_risk(self) -> None:
        actor = self.ctx.require_actor()
        encounter_id = self.encounter_id
        self._run(
            lambda uow: discharge.score_risk(uow, actor, encounter_id), "scoring readmission risk"
        )

    def discharge_patient(self) -> None:
        view = self.view
        code = self.disposition_combo.currentData()
        if view is None or code is None or not self.discharge_button.isEnabled():
            return
        answer = QMessageBox.question(
            self,
            self.tr("Discharge patient"),
            self.tr(
                "Discharge this patient to {where} now? The discharge record is then frozen "
                "and the follow-up calls are scheduled."
            ).format(where=labels.disposition_label(str(code))),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        actor = self.ctx.require_actor()
        encounter_id, version = self.encounter_id, view.version_id

        def work(uow: UnitOfWork) -> DischargeRecord:
            return discharge.discharge_patient(
                uow, actor, encounter_id, str(code), expected_version=version
            )

        def failed(exc: Exception) -> None:
            if isinstance(exc, DischargeBlockedError):
                lines = [self.blocked_line(item) for item in exc.items]
                text = self.tr("The discharge was refused:") + "\n" + "\n".join(lines)
            else:
                text = user_message(exc, "signing a discharge off")
            self.error_label.setText(text)
            self.error_label.show()
            self._keep_error = True
            self.reload()

        self.ctx.submit(work, bound_to(self, self._discharged), bound_to(self, failed))

    def blocked_line(self, item: RedItem) -> str:
        """One checklist item that stopped the sign-off, in the UI's language."""
        if item.blocking:
            text = self.tr("{label} — blocks discharge (site policy): {detail}")
        else:
            text = self.tr("{label} — missing; acknowledge it with a reason: {detail}")
        return text.format(label=labels.item_label(item.key, item.label), detail=item_detail(item))

    def _discharged(self, _record: DischargeRecord) -> None:
        self.reload()
        self.stay_changed.emit()  # the header shows the new status

    def add_addendum(self) -> AddendumDialog | None:
        if not self.addendum_button.isEnabled():
            return None
        dialog = AddendumDialog(self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._addendum_accepted(dialog))
        dialog.open()
        return dialog

    def _addendum_accepted(self, dialog: AddendumDialog) -> None:
        self.dialog = None
        actor = self.ctx.require_actor()
        encounter_id, text = self.encounter_id, dialog.text()
        self._run(
            lambda uow: discharge.add_addendum(uow, actor, encounter_id, text), "adding an addendum"
        )
