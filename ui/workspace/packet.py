"""Step "Discharge packet": options, preview (PDFium pages), print, save as PDF, earlier versions.

Generating stores the packet (an unchanged stay gets its latest stored version back); printing,
saving and reprinting are audited. Reprints use the stored bytes, exactly what was printed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from transitions.packet.i18n import languages
from transitions.services import packets
from transitions.services.encounters import StayDetail
from transitions.services.packets import PacketVersion, StoredPacket
from transitions.services.permissions import allowed
from transitions.services.uow import UnitOfWork
from ui import formatting as fmt
from ui.context import AppContext
from ui.errors import user_message
from ui.pdf_pages import PdfPreview
from ui.tasks import bound_to
from ui.widgets.tables import CompactTableView, PlainTableModel, TableColumn
from ui.workspace.pcp_summary import PcpSummaryDialog
from ui.workspace.pdf_printing import print_pdf
from ui.workspace.steps import StepPage


class PacketStep(StepPage):
    def __init__(self, ctx: AppContext, encounter_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, encounter_id, parent)
        self.current: StoredPacket | None = None
        self._language_chosen = False

        self.language_combo = QComboBox()
        for code, name in languages().items():
            self.language_combo.addItem(name, code)
        self.language_combo.setAccessibleName(self.tr("Packet language"))
        self.language_combo.activated.connect(self._language_touched)
        language_label = QLabel(self.tr("&Language:"))
        language_label.setBuddy(self.language_combo)
        self.large_print_check = QCheckBox(self.tr("La&rge print"))
        self.generate_button = QPushButton(self.tr("&Preview packet"))
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)
        self.print_button = QPushButton(self.tr("Pr&int…"))
        self.print_button.clicked.connect(lambda: self.print_current())
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.save_button.clicked.connect(lambda: self.save_as())
        for button in (self.print_button, self.save_button):
            button.setEnabled(False)
        self.summary_button = QPushButton(self.tr("Summar&y to the PCP…"))
        self.summary_button.setToolTip(
            self.tr("The discharge summary for the primary care provider: send or fax it.")
        )
        self.summary_button.clicked.connect(lambda: self.open_pcp_summary())
        QShortcut(QKeySequence.StandardKey.Print, self, self._print_shortcut)

        options = QHBoxLayout()
        options.addWidget(language_label)
        options.addWidget(self.language_combo)
        options.addWidget(self.large_print_check)
        options.addStretch(1)
        options.addWidget(self.generate_button)
        options.addWidget(self.print_button)
        options.addWidget(self.save_button)
        options.addSpacing(12)
        options.addWidget(self.summary_button)

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.view = PdfPreview()
        self.view.setAccessibleName(self.tr("Packet preview"))

        tz = ctx.tz
        self.versions_model: PlainTableModel[PacketVersion] = PlainTableModel(
            [
                TableColumn(self.tr("Version"), lambda v: str(v.version), align_right=True),
                TableColumn(
                    self.tr("Made"),
                    lambda v: fmt.format_moment(v.created_at, tz, ctx.today()),
                    tooltip=lambda v: fmt.format_full_moment(v.created_at, tz),
                ),
                TableColumn(self.tr("Language"), lambda v: languages().get(v.language, v.language)),
                TableColumn(self.tr("Large print"), lambda v: self._yes(v.large_print)),
                TableColumn(self.tr("Pages"), lambda v: str(v.page_count), align_right=True),
                TableColumn(self.tr("By"), lambda v: v.created_by, stretch=True),
            ],
            self,
        )  # fmt: skip
        self.versions = CompactTableView()
        self.versions.set_plain_model(self.versions_model)
        self.versions.set_empty_text(self.tr("No packet has been made for this stay yet."))
        self.versions.setAccessibleName(self.tr("Earlier packet versions"))
        self.versions.doubleClicked.connect(lambda _index: self.open_selected())
        self.open_button = QPushButton(self.tr("Sh&ow version"))
        self.open_button.clicked.connect(self.open_selected)
        self.reprint_button = QPushButton(self.tr("&Reprint version…"))
        self.reprint_button.clicked.connect(lambda: self.reprint_selected())

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("Packets made for this stay")))
        side_layout.addWidget(self.versions, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.reprint_button)
        side_layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([750, 250])  # the preview gets most of the width from the start

        layout = QVBoxLayout(self)
        layout.addLayout(options)
        layout.addWidget(self.error_label)
        layout.addWidget(self.status_label)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.language_combo, self.large_print_check)
        self.setTabOrder(self.large_print_check, self.generate_button)
        self.setTabOrder(self.generate_button, self.print_button)
        self.setTabOrder(self.print_button, self.save_button)
        self.setTabOrder(self.save_button, self.summary_button)
        self.setTabOrder(self.summary_button, self.versions)
        self._apply_permissions()

    # -- loading ----------------------------------------------------------------------------
    def _apply_permissions(self) -> None:
        actor = self.ctx.actor
        can = actor is not None and allowed(actor, "packet.print")
        for widget in (self.generate_button, self.open_button, self.reprint_button):
            widget.setEnabled(can)
        if not can:
            self.status_label.setText(self.tr("Your role cannot print discharge packets."))

    def _yes(self, flag: bool) -> str:
        return self.tr("yes") if flag else ""

    def _language_touched(self) -> None:
        self._language_chosen = True

    def set_detail(self, detail: StayDetail) -> None:
        if not self._language_chosen:
            index = self.language_combo.findData(packets.packet_language(
                detail.patient.preferred_language))  # fmt: skip
            self.language_combo.setCurrentIndex(max(index, 0))
        self.load_versions()

    def load_versions(self) -> None:
        actor = self.ctx.actor
        if actor is None or not allowed(actor, "packet.print"):
            return
        encounter_id = self.encounter_id

        def work(uow: UnitOfWork) -> list[PacketVersion]:
            return packets.list_packets(uow, actor, encounter_id)

        self.ctx.submit(
            work, bound_to(self, self.versions_model.set_rows), bound_to(self, self._failed)
        )

    def _failed(self, exc: Exception) -> None:
        self.error_label.setText(user_message(exc, "making a discharge packet"))
        self.error_label.show()

    # -- generate and preview --------------------------------------------------------------
    def generate(self) -> None:
        actor = self.ctx.require_actor()
        encounter_id = self.encounter_id
        language = str(self.language_combo.currentData())
        large = self.large_print_check.isChecked()
        self.status_label.setText(self.tr("Making the packet…"))

        def work(uow: UnitOfWork) -> StoredPacket:
            return packets.generate_packet(
                uow, actor, encounter_id=encounter_id, language=language, large_print=large
            )

        self.ctx.submit(work, bound_to(self, self._show_generated), bound_to(self, self._failed))

    def _show_generated(self, stored: StoredPacket) -> None:
        self.show_packet(stored)
        self.load_versions()

    def show_packet(self, stored: StoredPacket) -> None:
        try:
            self.view.set_pdf(stored.pdf)
        except ValueError as exc:
            self._failed(exc)
            return
        self.error_label.hide()
        self.current = stored
        info = stored.info
        when = fmt.format_full_moment(info.created_at, self.ctx.tz)
        if stored.new:
            text = self.tr("Version {0} made {1}: {2} pages.")
        else:
            text = self.tr("Nothing changed since version {0} ({1}, {2} pages); it is shown again.")
        self.status_label.setText(text.format(info.version, when, info.page_count))
        for button in (self.print_button, self.save_button):
            button.setEnabled(True)

    @property
    def preview_pages(self) -> int:
        return self.view.page_count()

    # -- output -----------------------------------------------------------------------------
    def _print_shortcut(self) -> None:
        if self.current is not None:
            self.print_current()

    def print_current(self, printer: QPrinter | None = None, action: str = "print") -> bool:
        """Print the shown packet; ``printer`` given (tests, batch) skips the print dialog."""
        if self.current is None:
            return False
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        try:
            print_pdf(self.current.pdf, printer)
        except (OSError, ValueError) as exc:
            self._failed(exc)
            return False
        target = printer.printerName() or self.tr("PDF file")
        self._record(action, target)
        return True

    def save_as(self, path: str | None = None) -> bool:
        if self.current is None:
            return False
        if path is None:
            suggested = f"{self.current.info.sha256[:8]}-packet.pdf"
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save packet as PDF"), suggested, self.tr("PDF files (*.pdf)")
            )
            if not path:
                return False
        try:
            Path(path).write_bytes(self.current.pdf)
        except OSError as exc:
            self._failed(exc)
            return False
        self._record("export", "file")
        self.status_label.setText(self.tr("Saved."))
        return True

    def _record(self, action: str, target: str) -> None:
        assert self.current is not None
        actor = self.ctx.require_actor()
        packet_id = self.current.info.id

        def work(uow: UnitOfWork) -> None:
            packets.record_output(uow, actor, packet_id, action, target)

        self.ctx.submit(work, lambda _none: None, bound_to(self, self._failed))

    def open_pcp_summary(self) -> PcpSummaryDialog:
        """The summary to the primary care provider, in its own window (RED component 11)."""
        dialog = PcpSummaryDialog(self.ctx, self.encounter_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.panel.delivered.connect(self.stay_changed)  # header and checklist catch up
        dialog.show()
        return dialog

    # -- earlier versions -------------------------------------------------------------------
    def _selected_version(self) -> PacketVersion | None:
        index = self.versions.currentIndex()
        return self.versions_model.row_at(index.row()) if index.isValid() else None

    def open_selected(self, then_print: QPrinter | None = None, reprint: bool = False) -> None:
        version = self._selected_version()
        if version is None:
            return
        actor = self.ctx.require_actor()

        def work(uow: UnitOfWork) -> StoredPacket:
            return packets.get_packet(uow, actor, version.id)

        def done(stored: StoredPacket) -> None:
            self.show_packet(stored)
            if reprint:
                self.print_current(then_print, action="reprint")

        self.ctx.submit(work, bound_to(self, done), bound_to(self, self._failed))

    def reprint_selected(self, printer: QPrinter | None = None) -> None:
        self.open_selected(printer, reprint=True)
