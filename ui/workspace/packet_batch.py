"""Batch printing of discharge packets for case managers: a unit's discharges of a day.

Each stay's packet is made in the background (one unit of work each, on the worker thread) and
painted on the printer on the GUI thread, one after another, so the progress bar moves and
Cancel stops after the packet in hand. A stay that fails is listed with its reason; the rest
still print. All packets go out as one print job (one painter on the chosen printer).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from transitions.services import encounters, packet_batch, packets
from transitions.services.packet_batch import DischargeRow
from transitions.services.packets import StoredPacket
from transitions.services.uow import UnitOfWork
from ui import formatting as fmt
from ui.context import AppContext
from ui.errors import user_message
from ui.tasks import bound_to
from ui.widgets.tables import CompactTableView, PlainTableModel, TableColumn
from ui.workspace.pdf_printing import PdfPrintJob


class BatchPrintDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        printer_factory: Callable[[], QPrinter | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Print discharge packets"))
        self._printer_factory = printer_factory or self._ask_printer
        self.rows: list[DischargeRow] = []
        self.failures: list[str] = []
        self.printed = 0
        self._job: PdfPrintJob | None = None
        self._index = 0
        self._cancelled = False

        self.unit_combo = QComboBox()
        self.date_edit = QDateEdit(fmt.qdate(ctx.today()))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.find_button = QPushButton(self.tr("&Find discharges"))
        self.find_button.clicked.connect(self.find_discharges)
        form = QFormLayout()
        form.addRow(self.tr("&Unit:"), self.unit_combo)
        form.addRow(self.tr("&Date:"), self.date_edit)

        self.model: PlainTableModel[DischargeRow] = PlainTableModel(
            [
                TableColumn(self.tr("Visit"), lambda r: r.visit_number),
                TableColumn(self.tr("Patient"), lambda r: r.patient_name, stretch=True),
                TableColumn(self.tr("Language"), lambda r: r.language),
            ],
            self,
        )
        self.table = CompactTableView()
        self.table.set_plain_model(self.model)
        self.table.set_empty_text(self.tr("Choose a unit and a date, then Find discharges."))
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.failure_list = QListWidget()
        self.failure_list.setAccessibleName(self.tr("Packets that failed"))
        self.failure_list.setMaximumHeight(110)
        self.failure_list.hide()
        self.print_button = QPushButton(self.tr("&Print all"))
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(lambda: self.start())
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addWidget(self.find_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addWidget(self.failure_list)
        layout.addLayout(buttons)
        self.resize(640, 480)
        self._load_units()

    def _load_units(self) -> None:
        self.ctx.submit(encounters.list_units, bound_to(self, self._show_units),
                        bound_to(self, self._failed))  # fmt: skip

    def _show_units(self, units: list[tuple[str, str]]) -> None:
        self.unit_combo.clear()
        for code, name in units:
            self.unit_combo.addItem(f"{code} - {name}", code)

    def _failed(self, exc: Exception) -> None:
        self.status_label.setText(user_message(exc, "batch printing packets"))

    def set_choice(self, unit_code: str, day: date) -> None:
        index = self.unit_combo.findData(unit_code)
        self.unit_combo.setCurrentIndex(index)
        self.date_edit.setDate(fmt.qdate(day))

    # -- finding ----------------------------------------------------------------------------
    def find_discharges(self) -> None:
        actor = self.ctx.require_actor()
        unit = str(self.unit_combo.currentData())
        day: date = self.date_edit.date().toPython()  # type: ignore[assignment]

        def work(uow: UnitOfWork) -> list[DischargeRow]:
            return packet_batch.discharges_on(uow, actor, unit, day)

        self.ctx.submit(work, bound_to(self, self._show_rows), bound_to(self, self._failed))

    def _show_rows(self, rows: list[DischargeRow]) -> None:
        self.rows = rows
        self.model.set_rows(rows)
        self.print_button.setEnabled(bool(rows))
        self.status_label.setText(self.tr("%n discharge(s) found.", "", len(rows)))

    # -- printing ---------------------------------------------------------------------------
    def _ask_printer(self) -> QPrinter | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    def start(self) -> None:
        if not self.rows:
            return
        printer = self._printer_factory()
        if printer is None:
            return
        self._job = PdfPrintJob(printer)
        self._index = 0
        self._cancelled = False
        self.printed = 0
        self.failures = []
        self.failure_list.clear()
        self.failure_list.hide()
        self.progress.setRange(0, len(self.rows))
        self.progress.setValue(0)
        self.print_button.setEnabled(False)
        self.find_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self._next()

    def cancel(self) -> None:
        self._cancelled = True
        self.cancel_button.setEnabled(False)
        self.status_label.setText(self.tr("Cancelling after the packet in hand…"))

    def _next(self) -> None:
        if self._cancelled or self._index >= len(self.rows):
            self._finish()
            return
        row = self.rows[self._index]
        actor = self.ctx.require_actor()
        self.status_label.setText(self.tr("Making the packet for {0}…").format(row.visit_number))

        def work(uow: UnitOfWork) -> StoredPacket:
            return packets.generate_packet(uow, actor, encounter_id=row.encounter_id)

        self.ctx.submit(
            work,
            bound_to(self, lambda stored: self._print(row, stored)),
            bound_to(self, lambda exc: self._one_failed(row, exc)),
        )

    def _print(self, row: DischargeRow, stored: StoredPacket) -> None:
        assert self._job is not None
        try:
            self._job.add(stored.pdf)
        except (OSError, ValueError) as exc:
            self._one_failed(row, exc)
            return
        self.printed += 1
        actor = self.ctx.require_actor()
        target = self._job.printer.printerName() or "PDF file"
        packet_id = stored.info.id

        def record(uow: UnitOfWork) -> None:
            packets.record_output(uow, actor, packet_id, "print", target)

        self.ctx.submit(record, lambda _none: None, bound_to(self, self._failed))
        self._advance()

    def _one_failed(self, row: DischargeRow, exc: Exception) -> None:
        self.failures.append(f"{row.visit_number} {row.patient_name}: {user_message(exc)}")
        self.failure_list.addItem(self.failures[-1])
        self.failure_list.show()
        self._advance()

    def _advance(self) -> None:
        self._index += 1
        self.progress.setValue(self._index)
        self._next()

    def _finish(self) -> None:
        if self._job is not None:
            self._job.finish()
        self.cancel_button.setEnabled(False)
        self.find_button.setEnabled(True)
        self.print_button.setEnabled(bool(self.rows))
        text = self.tr("{0} of {1} packets printed.").format(self.printed, len(self.rows))
        if self.failures:
            text += " " + self.tr("{0} failed (listed below).").format(len(self.failures))
        if self._cancelled:
            text += " " + self.tr("Cancelled.")
        self.status_label.setText(text)
