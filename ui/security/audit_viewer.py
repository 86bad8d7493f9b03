"""Admin > Audit trail: search the append-only audit by user, patient MRN, date range and action;
export what matches as CSV. Every search and export is itself audited by the service."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from transitions.services import security
from transitions.services.security import AuditFilter, AuditRow
from transitions.services.uow import UnitOfWork
from ui.context import AppContext
from ui.dialogs.common import error_label, set_error
from ui.errors import user_message
from ui.formatting import format_full_moment
from ui.tasks import bound_to
from ui.widgets.tables import EmptyStateTableView, PlainTableModel, TableColumn

LIMIT = 1000


class AuditViewerDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Audit trail"))
        tz = ctx.tz
        self.model: PlainTableModel[AuditRow] = PlainTableModel(
            [
                TableColumn(self.tr("When"), lambda r: format_full_moment(r.occurred_at, tz)),
                TableColumn(self.tr("User"), lambda r: r.username),
                TableColumn(self.tr("Workstation"), lambda r: r.workstation),
                TableColumn(self.tr("Action"), lambda r: r.action),
                TableColumn(self.tr("Entity"), lambda r: f"{r.entity} {r.entity_id or ''}".strip()),
                TableColumn(self.tr("Patient MRN"), lambda r: r.patient_mrn or ""),
                TableColumn(
                    self.tr("Details"), lambda r: r.details or "", tooltip=lambda r: r.details or ""
                ),
            ],
            self,
        )
        self.table = EmptyStateTableView()
        self.table.setModel(self.model)
        self.table.set_empty_text(self.tr("No audit events match."))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column in range(6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        today = ctx.today()
        self.user_edit = QLineEdit()
        self.user_edit.setPlaceholderText(self.tr("any user"))
        self.mrn_edit = QLineEdit()
        self.mrn_edit.setPlaceholderText(self.tr("any patient"))
        self.action_combo = QComboBox()
        self.action_combo.addItem(self.tr("any action"), "")
        self.dates_check = QCheckBox(self.tr("&Between"))
        self.from_edit = QDateEdit(QDate(today - timedelta(days=7)))
        self.to_edit = QDateEdit(QDate(today))
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
            self.dates_check.toggled.connect(edit.setEnabled)
        self.search_button = QPushButton(self.tr("&Search"))
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search)
        self.export_button = QPushButton(self.tr("E&xport CSV…"))
        self.export_button.clicked.connect(self.export_csv)
        for edit in (self.user_edit, self.mrn_edit):
            edit.returnPressed.connect(self.search)
        self.error = error_label()
        self.status = QLabel()

        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("&User")), 0, 0)
        grid.addWidget(self.user_edit, 0, 1)
        grid.addWidget(QLabel(self.tr("Patient &MRN")), 0, 2)
        grid.addWidget(self.mrn_edit, 0, 3)
        grid.addWidget(QLabel(self.tr("&Action")), 0, 4)
        grid.addWidget(self.action_combo, 0, 5)
        dates = QHBoxLayout()
        dates.addWidget(self.dates_check)
        dates.addWidget(self.from_edit)
        dates.addWidget(QLabel(self.tr("and")))
        dates.addWidget(self.to_edit)
        dates.addStretch(1)
        dates.addWidget(self.search_button)
        dates.addWidget(self.export_button)
        for column, buddy in ((0, self.user_edit), (2, self.mrn_edit), (4, self.action_combo)):
            label = grid.itemAtPosition(0, column).widget()
            if isinstance(label, QLabel):
                label.setBuddy(buddy)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(dates)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.resize(self.fontMetrics().horizontalAdvance("M") * 90, 560)

    def current_filter(self) -> AuditFilter:
        dated = self.dates_check.isChecked()
        return AuditFilter(
            username=self.user_edit.text().strip() or None,
            patient_mrn=self.mrn_edit.text().strip() or None,
            action=self.action_combo.currentData() or None,
            date_from=self.from_edit.date().toPython() if dated else None,  # type: ignore[arg-type]
            date_to=self.to_edit.date().toPython() if dated else None,  # type: ignore[arg-type]
        )

    def refresh(self) -> None:
        """Load the action names, then search."""
        actor = self.ctx.require_actor()

        def work(uow: UnitOfWork) -> list[str]:
            return security.audit_actions(uow, actor)

        def show(actions: list[str]) -> None:
            chosen = self.action_combo.currentData()
            self.action_combo.clear()
            self.action_combo.addItem(self.tr("any action"), "")
            for action in actions:
                self.action_combo.addItem(action, action)
            self.action_combo.setCurrentIndex(max(0, self.action_combo.findData(chosen)))
            self.search()

        self.ctx.submit(work, bound_to(self, show), bound_to(self, self._failed))

    def search(self) -> None:
        set_error(self.error, None)
        actor = self.ctx.require_actor()
        flt = self.current_filter()

        def work(uow: UnitOfWork) -> list[AuditRow]:
            return security.search_audit(uow, actor, flt, limit=LIMIT)

        self.ctx.submit(work, bound_to(self, self._show), bound_to(self, self._failed))

    def _show(self, rows: list[AuditRow]) -> None:
        self.model.set_rows(rows)
        text = self.tr("%1 events (newest first)").replace("%1", str(len(rows)))
        if len(rows) >= LIMIT:
            text += " " + self.tr("— only the newest %1 are shown; narrow the search or export.")
            text = text.replace("%1", str(LIMIT))
        self.status.setText(text)

    def _failed(self, exc: Exception) -> None:
        set_error(self.error, user_message(exc, "searching the audit trail"))

    def export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export audit events"), "audit.csv", self.tr("CSV files (*.csv)")
        )
        if not path:
            return
        actor = self.ctx.require_actor()
        flt = self.current_filter()

        def work(uow: UnitOfWork) -> int:
            with open(path, "w", encoding="utf-8", newline="") as out:
                return security.export_audit_csv(uow, actor, flt, out)

        def done(count: int) -> None:
            self.status.setText(
                self.tr("Exported %1 events to %2.").replace("%1", str(count)).replace("%2", path)
            )

        self.ctx.submit(work, bound_to(self, done), bound_to(self, self._failed))
