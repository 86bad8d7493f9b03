"""The discharge summary to the primary care provider (Project RED component 11): write the
hospital course, preview the summary, send it to the interface outbox or print it with a fax
cover sheet, and see what was sent.

:class:`PcpSummaryPanel` is self-contained (it loads and saves through ``ctx.submit``) so the
"Discharge" step can embed it; :class:`PcpSummaryDialog` shows it on its own (from the packet
step). Every send and print is recorded and audited by the service.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from transitions.domain.pcp_summary import MAX_COURSE_LENGTH
from transitions.errors import ConflictError, ValidationError
from transitions.packet.summary_i18n import summary_languages
from transitions.services import pcp_summary
from transitions.services.pcp_summary import DeliveryView, SummaryDocument, SummaryState
from transitions.services.permissions import allowed
from transitions.services.uow import UnitOfWork
from ui import formatting as fmt
from ui.context import AppContext
from ui.dialogs.common import error_label, set_error
from ui.errors import user_message
from ui.pdf_pages import PdfPreview
from ui.tasks import bound_to
from ui.widgets.style import set_muted
from ui.widgets.tables import EmptyStateTableView, PlainTableModel, TableColumn
from ui.workspace.pdf_printing import print_pdf

SENT_STYLE = "background: #e3f1e4; color: #1b4d20; border-radius: 3px; padding: 6px;"
WAITING_STYLE = "background: #fff4d6; color: #4d3800; border-radius: 3px; padding: 6px;"


class PcpSummaryPanel(QWidget):
    """Hospital course, recipient, preview and delivery of one stay's summary to the PCP."""

    # the summary went out (sent or printed): the checklist may refresh
    delivered = Signal()

    def __init__(self, ctx: AppContext, encounter_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.encounter_id = encounter_id
        self.state: SummaryState | None = None
        self.document: SummaryDocument | None = None
        actor = ctx.actor
        self.can_edit = actor is not None and allowed(actor, "stay.edit")
        self.can_send = actor is not None and allowed(actor, "packet.print")

        self.status_label = QLabel(self.tr("Loading…"))
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label = error_label(self)

        # -- hospital course
        self.course_edit = QPlainTextEdit()
        self.course_edit.setAccessibleName(self.tr("Hospital course"))
        self.course_edit.setPlaceholderText(
            self.tr(
                "What happened during the stay, for the doctor who sees the patient next: "
                "presentation, treatment and response, procedures, condition at discharge, "
                "what to follow up."
            )
        )
        self.course_edit.setTabChangesFocus(True)
        self.course_edit.setReadOnly(not self.can_edit)
        self.course_edit.document().modificationChanged.connect(self._course_modified)
        course_label = QLabel(self.tr("&Hospital course:"))
        course_label.setBuddy(self.course_edit)
        self.course_info = set_muted(QLabel())
        self.course_info.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save hospital course"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(lambda: self.save_course())
        QShortcut(QKeySequence.StandardKey.Save, self, lambda: self.save_course())

        # -- recipient and delivery
        self.to_edit = QLineEdit()
        self.to_edit.setAccessibleName(self.tr("Recipient"))
        self.fax_edit = QLineEdit()
        self.fax_edit.setAccessibleName(self.tr("Recipient's fax number"))
        self.language_combo = QComboBox()
        for code, name in summary_languages().items():
            self.language_combo.addItem(name, code)
        self.language_combo.setAccessibleName(self.tr("Summary language"))
        self.practice_label = set_muted(QLabel())
        self.practice_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&To:"), self.to_edit)
        form.addRow("", self.practice_label)
        form.addRow(self.tr("Fa&x:"), self.fax_edit)
        form.addRow(self.tr("&Language:"), self.language_combo)
        self.preview_button = QPushButton(self.tr("&Preview summary"))
        self.preview_button.clicked.connect(lambda: self.preview())
        self.outbox_button = QPushButton(self.tr("Send to &outbox"))
        self.outbox_button.clicked.connect(lambda: self.send_to_outbox())
        self.print_button = QPushButton(self.tr("Print with &fax cover…"))
        self.print_button.clicked.connect(lambda: self.print_with_cover())
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.outbox_button, self.print_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        send_box = QGroupBox(self.tr("Send to the primary care provider"))
        send_layout = QVBoxLayout(send_box)
        send_layout.addLayout(form)
        send_layout.addLayout(buttons)

        # -- what was sent
        tz = ctx.tz
        self.sent_model: PlainTableModel[DeliveryView] = PlainTableModel(
            [
                TableColumn(
                    self.tr("When"),
                    lambda d: fmt.format_moment(d.sent_at, tz, ctx.today()),
                    tooltip=lambda d: fmt.format_full_moment(d.sent_at, tz),
                ),
                TableColumn(self.tr("How"), lambda d: self._method(d.method)),
                TableColumn(self.tr("To"), lambda d: d.recipient, tooltip=lambda d: d.fax_number),
                TableColumn(self.tr("By"), lambda d: d.sent_by),
                TableColumn(self.tr("Pages"), lambda d: str(d.page_count), align_right=True),
            ],
            self,
        )
        self.sent_view = EmptyStateTableView()
        self.sent_view.setModel(self.sent_model)
        self.sent_view.setAccessibleName(self.tr("Summaries sent"))
        self.sent_view.set_empty_text(self.tr("The summary has not been sent yet."))
        header = self.sent_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the recipient
        self.sent_view.doubleClicked.connect(lambda _index: self.show_sent())
        self.sent_view.setMinimumHeight(self.fontMetrics().height() * 7)
        self.show_sent_button = QPushButton(self.tr("Sho&w sent version"))
        self.show_sent_button.clicked.connect(lambda: self.show_sent())
        sent_label = QLabel(self.tr("S&ent:"))
        sent_label.setBuddy(self.sent_view)

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(course_label)
        column.addWidget(self.course_edit, 3)
        info_row = QHBoxLayout()
        info_row.addWidget(self.course_info, 1)
        info_row.addWidget(self.save_button)
        column.addLayout(info_row)
        column.addWidget(send_box)
        sent_row = QHBoxLayout()
        sent_row.addWidget(sent_label)
        sent_row.addStretch(1)
        sent_row.addWidget(self.show_sent_button)
        column.addLayout(sent_row)
        column.addWidget(self.sent_view, 1)

        self.view = PdfPreview()
        self.view.setAccessibleName(self.tr("Summary preview"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([450, 650])

        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        layout.addWidget(splitter, 1)
        for first, second in (
            (self.course_edit, self.save_button),
            (self.save_button, self.to_edit),
            (self.to_edit, self.fax_edit),
            (self.fax_edit, self.language_combo),
            (self.language_combo, self.preview_button),
            (self.preview_button, self.outbox_button),
            (self.outbox_button, self.print_button),
            (self.print_button, self.sent_view),
            (self.sent_view, self.show_sent_button),
        ):
            self.setTabOrder(first, second)
        self.setFocusProxy(self.course_edit)
        self._apply_permissions()

    # -- loading ----------------------------------------------------------------------------
    def _apply_permissions(self) -> None:
        configured = self.state.outbox_configured if self.state else True
        for widget in (self.print_button, self.to_edit, self.fax_edit):
            widget.setEnabled(self.can_send)
        self.outbox_button.setEnabled(self.can_send and configured)
        if not configured:
            self.outbox_button.setToolTip(
                self.tr("No outbox folder is set in the site file (pcp_summary.outbox).")
            )
        elif not self.can_send:
            self.outbox_button.setToolTip(self.tr("Your role cannot send the summary."))
        else:
            self.outbox_button.setToolTip(
                self.tr("Write the summary and the stay's FHIR record for the interface engine.")
            )

    def _method(self, method: str) -> str:
        return self.tr("Outbox") if method == "outbox" else self.tr("Printed, fax cover")

    def reload(self, then: Callable[[], None] | None = None) -> None:
        """Load the summary's state (audited as a view); then run ``then``."""
        actor = self.ctx.require_actor()
        encounter_id = self.encounter_id

        def work(uow: UnitOfWork) -> SummaryState:
            return pcp_summary.get_summary(uow, actor, encounter_id)

        def done(state: SummaryState) -> None:
            self.show_state(state)
            if then is not None:
                then()

        self.ctx.submit(work, bound_to(self, done), bound_to(self, self._failed))

    refresh = reload

    def show_state(self, state: SummaryState) -> None:
        self.state = state
        set_error(self.error_label, None)
        if not self.course_edit.document().isModified():
            self.course_edit.setPlainText(state.hospital_course)
            self.course_edit.document().setModified(False)
        self._course_modified(self.course_edit.document().isModified())
        if state.course_updated_by and state.course_updated_at:
            when = fmt.format_full_moment(state.course_updated_at, self.ctx.tz)
            self.course_info.setText(
                self.tr("Written by %1, %2.")
                .replace("%1", state.course_updated_by)
                .replace("%2", when)  # fmt: skip
            )
        else:
            self.course_info.setText(self.tr("Not written yet."))
        pcp = state.pcp
        if not self.to_edit.isModified():
            self.to_edit.setText(pcp.name or "")
        if not self.fax_edit.isModified():
            self.fax_edit.setText(pcp.fax or "")
        self.to_edit.setPlaceholderText(self.tr("No primary care provider on record: type a name"))
        self.practice_label.setText(" · ".join(p for p in (pcp.practice, pcp.phone) if p))
        self.practice_label.setVisible(bool(pcp.practice or pcp.phone))
        self.sent_model.set_rows(state.deliveries)
        self.show_sent_button.setEnabled(bool(state.deliveries))
        self._show_status(state)
        self._apply_permissions()

    def _show_status(self, state: SummaryState) -> None:
        status = state.status
        if status is None:
            self.status_label.setText(
                self.tr("Not sent yet: the primary care provider has no discharge summary.")
            )
            self.status_label.setStyleSheet(WAITING_STYLE)
            return
        when = fmt.format_full_moment(status.sent_at, self.ctx.tz)
        if status.method == "outbox":
            text = self.tr("Sent to the interface outbox for %1 by %2, %3.")
        else:
            text = self.tr("Printed with a fax cover for %1 by %2, %3.")
        text = text.replace("%1", status.recipient).replace("%2", status.sent_by)
        text = text.replace("%3", when)
        if state.changed_since_sent:
            text += " " + self.tr("The stay has changed since: send the summary again.")
        self.status_label.setText(text)
        self.status_label.setStyleSheet(WAITING_STYLE if state.changed_since_sent else SENT_STYLE)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, ValidationError) and exc.field == "fax":
            self.fax_edit.setFocus()
        elif isinstance(exc, ValidationError) and exc.field == "recipient":
            self.to_edit.setFocus()
        set_error(self.error_label, user_message(exc, "sending the summary to the PCP"))

    # -- the hospital course ---------------------------------------------------------------
    def _course_modified(self, modified: bool) -> None:
        self.save_button.setEnabled(self.can_edit and modified)

    def save_course(self, then: Callable[[], None] | None = None) -> None:
        """Save the hospital course if it was edited, then run ``then``."""
        if not (self.can_edit and self.course_edit.document().isModified()):
            if then is not None:
                then()
            return
        text = self.course_edit.toPlainText()
        if len(text) > MAX_COURSE_LENGTH:
            set_error(
                self.error_label,
                self.tr("The hospital course is too long: keep it under %1 characters.").replace(
                    "%1", str(MAX_COURSE_LENGTH)
                ),  # fmt: skip
            )
            return
        actor = self.ctx.require_actor()
        encounter_id = self.encounter_id
        version = self.state.version_id if self.state else 0

        def work(uow: UnitOfWork) -> SummaryState:
            return pcp_summary.save_hospital_course(
                uow, actor, encounter_id, text, expected_version=version
            )

        def done(state: SummaryState) -> None:
            self.course_edit.document().setModified(False)
            self.show_state(state)
            if then is not None:
                then()

        self.ctx.submit(work, bound_to(self, done), bound_to(self, self._save_failed))

    def _save_failed(self, exc: Exception) -> None:
        if not isinstance(exc, ConflictError):
            self._failed(exc)
            return
        theirs = (exc.theirs or {}).get("hospital_course", "")
        answer = QMessageBox.question(
            self,
            self.tr("Changed by someone else"),
            user_message(exc)
            + "\n\n"
            + self.tr("Their text:")
            + "\n"
            + (theirs[:600] + ("…" if len(theirs) > 600 else ""))
            + "\n\n"
            + self.tr("Replace it with yours?"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            # load the newer version (the edited text stays in the editor), then save over it
            self.reload(lambda: self.save_course())
        else:
            self.course_edit.document().setModified(False)
            self.reload()

    # -- preview and delivery ---------------------------------------------------------------
    def _language(self) -> str:
        return str(self.language_combo.currentData())

    def _recipient(self) -> str | None:
        return self.to_edit.text().strip() or None

    def preview(self) -> None:
        self.save_course(self._preview)

    def _preview(self) -> None:
        actor = self.ctx.require_actor()
        encounter_id, language, recipient = self.encounter_id, self._language(), self._recipient()

        def work(uow: UnitOfWork) -> SummaryDocument:
            return pcp_summary.preview_summary(
                uow, actor, encounter_id, language=language, recipient=recipient
            )

        self.ctx.submit(work, bound_to(self, self.show_document), bound_to(self, self._failed))

    def show_document(self, document: SummaryDocument) -> None:
        try:
            self.view.set_pdf(document.pdf)
        except ValueError as exc:
            self._failed(exc)
            return
        self.document = document
        set_error(self.error_label, None)

    def send_to_outbox(self) -> None:
        recipient = self._recipient()
        answer = QMessageBox.question(
            self,
            self.tr("Send the summary"),
            self.tr("Send the discharge summary to %1 through the interface outbox?").replace(
                "%1", recipient or self.tr("the primary care provider")
            ),  # fmt: skip
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.save_course(self._send)

    def _send(self) -> None:
        actor = self.ctx.require_actor()
        encounter_id, language, recipient = self.encounter_id, self._language(), self._recipient()

        def work(uow: UnitOfWork) -> DeliveryView:
            return pcp_summary.send_to_outbox(
                uow, actor, encounter_id, recipient=recipient, language=language
            )

        self.ctx.submit(work, bound_to(self, self._delivered), bound_to(self, self._failed))

    def print_with_cover(self, printer: QPrinter | None = None) -> None:
        """Fax cover + summary to a printer; ``printer`` given (tests) skips the dialog."""
        self.save_course(lambda: self._print(printer))

    def _print(self, printer: QPrinter | None) -> None:
        actor = self.ctx.require_actor()
        encounter_id, language, recipient = self.encounter_id, self._language(), self._recipient()
        fax = self.fax_edit.text().strip() or None

        def work(uow: UnitOfWork) -> SummaryDocument:
            return pcp_summary.prepare_fax(
                uow, actor, encounter_id, recipient=recipient, fax=fax, language=language
            )

        def ready(document: SummaryDocument) -> None:
            self.show_document(document)
            chosen = printer
            if chosen is None:
                chosen = QPrinter(QPrinter.PrinterMode.HighResolution)
                if QPrintDialog(chosen, self).exec() != QDialog.DialogCode.Accepted:
                    return
            try:
                print_pdf(document.pdf, chosen)
            except (OSError, ValueError) as exc:
                self._failed(exc)
                return
            self.ctx.submit(
                lambda uow: pcp_summary.record_print(uow, actor, document),
                bound_to(self, self._delivered),
                bound_to(self, self._failed),
            )

        self.ctx.submit(work, bound_to(self, ready), bound_to(self, self._failed))

    def _delivered(self, _delivery: DeliveryView) -> None:
        self.reload()
        self.delivered.emit()

    def show_sent(self) -> None:
        index = self.sent_view.currentIndex()
        if not index.isValid():
            if not self.sent_model.rowCount():
                return
            index = self.sent_model.index(0, 0)
        delivery_id = self.sent_model.row_at(index.row()).id
        actor = self.ctx.require_actor()

        def work(uow: UnitOfWork) -> bytes:
            return pcp_summary.get_delivery(uow, actor, delivery_id)[1]

        def show(pdf: bytes) -> None:
            try:
                self.view.set_pdf(pdf)
            except ValueError as exc:
                self._failed(exc)

        self.ctx.submit(work, bound_to(self, show), bound_to(self, self._failed))


class PcpSummaryDialog(QDialog):
    """The panel in a window of its own (reached from the packet step)."""

    def __init__(self, ctx: AppContext, encounter_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Discharge summary to the primary care provider"))
        self.panel = PcpSummaryPanel(ctx, encounter_id, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
        self.resize(1150, 780)
        self.panel.reload()
        self.panel.setFocus()
