"""Admin > Interface quarantine: messages the interfaces could not apply, with the raw text and
the reason; one can be reprocessed after the reference data was fixed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from transitions.services import interop
from transitions.services.interop import IngestResult, QuarantineRow
from ui.context import AppContext
from ui.errors import user_message
from ui.formatting import format_full_moment
from ui.tasks import bound_to
from ui.widgets.style import set_muted
from ui.widgets.tables import EmptyStateTableView, PlainTableModel, TableColumn


class QuarantineDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._note = ""  # outcome of the last reprocessing, shown with the next count
        self.setWindowTitle(self.tr("Interface quarantine"))
        tz = ctx.tz
        self.model: PlainTableModel[QuarantineRow] = PlainTableModel(
            [
                TableColumn(
                    self.tr("Received"), lambda r: format_full_moment(r.quarantined_at, tz)
                ),
                TableColumn(self.tr("Source"), lambda r: r.source),
                TableColumn(self.tr("Type"), lambda r: r.message_type or r.protocol),
                TableColumn(self.tr("Control id"), lambda r: r.control_id or ""),
                TableColumn(self.tr("ACK"), lambda r: r.ack_code),
                TableColumn(self.tr("Reason"), lambda r: r.reason, tooltip=lambda r: r.reason),
            ],
            self,
        )
        self.table = EmptyStateTableView()
        self.table.setModel(self.model)
        self.table.set_empty_text(self.tr("No messages in quarantine."))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column in range(5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(self._show_selected)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.raw = QPlainTextEdit()
        self.raw.setReadOnly(True)
        self.raw.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.raw.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.status = QLabel()
        set_muted(self.status)

        self.reprocess_button = QPushButton(self.tr("&Reprocess"))
        self.reprocess_button.setToolTip(self.tr("Try the selected message again (Ctrl+R)"))
        self.reprocess_button.clicked.connect(self.reprocess_selected)
        self.refresh_button = QPushButton(self.tr("Re&fresh"))
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence("Ctrl+R"), self, activated=self.reprocess_selected)
        QShortcut(QKeySequence("F5"), self, activated=self.refresh)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.reason)
        detail_layout.addWidget(self.raw)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reprocess_button)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.setTabOrder(self.table, self.raw)
        self.setTabOrder(self.raw, self.reprocess_button)
        self.setTabOrder(self.reprocess_button, self.refresh_button)
        self.resize(1100, 650)
        self._update_buttons()

    # -- loading --------------------------------------------------------------------------
    def refresh(self) -> None:
        actor = self.ctx.require_actor()
        self.status.setText(self.tr("Loading…"))
        self.ctx.submit(
            lambda uow: interop.list_quarantine(uow, actor),
            bound_to(self, self._loaded),
            bound_to(self, self._failed),
        )

    def _loaded(self, rows: list[QuarantineRow]) -> None:
        self.model.set_rows(rows)
        counted = self.tr("%n message(s) in quarantine", "", len(rows))
        self.status.setText(f"{self._note} {counted}".strip())
        self._note = ""
        if rows:
            self.table.selectRow(0)
        else:
            self._show_selected()
        self._update_buttons()

    def _failed(self, exc: Exception) -> None:
        self.status.setText(user_message(exc, "loading the interface quarantine"))

    def selected(self) -> QuarantineRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _show_selected(self) -> None:
        row = self.selected()
        self.reason.setText(row.reason if row else "")
        self.raw.setPlainText(row.raw_text if row else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.reprocess_button.setEnabled(self.selected() is not None)

    # -- reprocessing -----------------------------------------------------------------------
    def reprocess_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        actor = self.ctx.require_actor()
        factory = self.ctx.uow
        self.status.setText(self.tr("Reprocessing…"))
        self.reprocess_button.setEnabled(False)
        self.ctx.runner.run(
            lambda: interop.reprocess(factory, actor, row.message_id),
            bound_to(self, self._reprocessed),
            bound_to(self, self._failed),
        )

    def _reprocessed(self, result: IngestResult) -> None:
        if result.accepted:
            self._note = self.tr("Message processed.")
        else:
            self._note = self.tr("Still in quarantine: %1.").replace("%1", result.reason or "")
        self.refresh()
