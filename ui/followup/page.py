"""The follow-up tab: the unit manager's 30-day list and the dashboard."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from transitions.domain.followup import DashboardCell
from transitions.services import followup, followup_list
from transitions.services.encounters import list_units
from transitions.services.followup_list import FollowupFilter, FollowupRow
from transitions.services.permissions import allowed
from transitions.services.uow import UnitOfWork
from ui.context import AppContext
from ui.errors import user_message
from ui.followup.call_dialog import CallLogDialog
from ui.followup.model import FollowupModel, FollowupProxy
from ui.i18n import QT_TRANSLATE_NOOP
from ui.tasks import bound_to
from ui.widgets.tables import EmptyStateTableView, PlainTableModel, TableColumn

SERIES = (("#1565c0", "contacted_pct"), ("#2e7d32", "visits_pct"), ("#c62828", "readmission_pct"))


class FollowupListPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: CallLogDialog | None = None
        self.unit_combo = QComboBox()
        self.unit_combo.addItem(self.tr("All units"), None)
        self.tier_combo = QComboBox()
        for text, value in (
            (self.tr("All tiers"), None),
            (self.tr("High"), "high"),
            (self.tr("Moderate"), "moderate"),
            (self.tr("Low"), "low"),
        ):
            self.tier_combo.addItem(text, value)
        self.owner_combo = QComboBox()
        self.owner_combo.addItem(self.tr("Any owner"), None)
        self.owner_combo.addItem(self.tr("Unit team"), followup_list.TEAM)
        self.overdue_box = QCheckBox(self.tr("&Overdue only"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name or MRN"))
        self.export_button = QPushButton(self.tr("&Export CSV…"))
        self.count_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b71c1c")
        self.error_label.hide()
        self.model = FollowupModel(self)
        self.proxy = FollowupProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = EmptyStateTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        bar = QHBoxLayout()
        for w in (self.unit_combo, self.tier_combo, self.owner_combo, self.overdue_box):
            bar.addWidget(w)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.count_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)
        for combo in (self.unit_combo, self.tier_combo, self.owner_combo):
            combo.currentIndexChanged.connect(self.reload)
        self.overdue_box.toggled.connect(self.reload)
        self.search.textChanged.connect(self._search)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        self.export_button.clicked.connect(self._export)
        self._loaded = False

    def ensure_loaded(self) -> None:
        if self._loaded:
            return
        self._loaded = True

        def work(uow: UnitOfWork) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
            return list_units(uow), followup.list_owners(uow)

        self.ctx.submit(work, bound_to(self, self._fill_combos), bound_to(self, self._failed))
        self.reload()

    def _fill_combos(self, data: tuple[list[tuple[str, str]], list[tuple[str, str]]]) -> None:
        units, owners = data
        for combo, items in ((self.unit_combo, units), (self.owner_combo, owners)):
            combo.blockSignals(True)
            for key, name in items:
                combo.addItem(f"{key} · {name}" if combo is self.unit_combo else name, key)
            combo.blockSignals(False)

    def current_filter(self) -> FollowupFilter:
        return FollowupFilter(
            unit_code=self.unit_combo.currentData(),
            tier=self.tier_combo.currentData(),
            owner=self.owner_combo.currentData(),
            overdue_only=self.overdue_box.isChecked(),
        )

    def reload(self) -> None:
        actor = self.ctx.require_actor()
        flt = self.current_filter()

        def work(uow: UnitOfWork) -> list[FollowupRow]:
            return followup_list.list_followups(uow, actor, flt)

        self.ctx.submit(work, bound_to(self, self._show), bound_to(self, self._failed))

    refresh = reload

    def _show(self, rows: list[FollowupRow]) -> None:
        self.error_label.hide()
        self.model.set_rows(rows)
        self.table.set_empty_text(self.tr("Nobody is in a 30-day follow-up window"))
        self._count()
        if self.proxy.rowCount():
            self.table.selectRow(0)

    def _count(self) -> None:
        rows = self.model.rows()
        overdue = sum(1 for r in rows if r.overdue)
        self.count_label.setText(
            self.tr("%1 patients · %2 overdue · %3 readmitted")
            .replace("%1", str(self.proxy.rowCount()))
            .replace("%2", str(overdue))
            .replace("%3", str(sum(1 for r in rows if r.readmitted)))
        )

    def _failed(self, exc: Exception) -> None:
        self.error_label.setText(user_message(exc, "loading the follow-up list"))
        self.error_label.show()

    def _search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._count()

    def _activated(self, index: QModelIndex) -> None:
        row = self.proxy.row_at(index.row())
        if row is not None:
            self.open_call_log(row)

    def open_call_log(self, row: FollowupRow) -> CallLogDialog:
        self.dialog = CallLogDialog(self.ctx, row.encounter_id, self)
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.open()
        self.dialog.reload()
        return self.dialog

    def _dialog_closed(self) -> None:
        if self.dialog is not None and self.dialog.changed:
            self.reload()

    def export_csv(self, path: Path) -> None:
        rows = [self.proxy.row_at(i) for i in range(self.proxy.rowCount())]
        path.write_text(followup_list.rows_to_csv([r for r in rows if r]), encoding="utf-8")

    def _export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export follow-up list"), "followups.csv", self.tr("CSV (*.csv)")
        )
        if name:
            self.export_csv(Path(name))


class BarChart(QWidget):
    """Per unit (latest month): contact %, visit %, unplanned readmission % as bars."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cells: list[DashboardCell] = []
        self.setMinimumHeight(220)

    def set_cells(self, cells: list[DashboardCell]) -> None:
        self.cells = [c for c in cells if c.tier == "all"]
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(40, 10, -10, -40)
        painter.setPen(self.palette().text().color())
        for pct in (0, 50, 100):
            y = rect.bottom() - rect.height() * pct / 100
            painter.drawText(QRectF(0, y - 8, 36, 16), Qt.AlignmentFlag.AlignRight, f"{pct}%")
            painter.drawLine(int(rect.left()), int(y), int(rect.right()), int(y))
        if not self.cells:
            painter.end()
            return
        group = rect.width() / len(self.cells)
        bar = group / 4
        for i, cell in enumerate(self.cells):
            x = rect.left() + i * group + bar / 2
            for j, (color, attr) in enumerate(SERIES):
                value = getattr(cell, attr) or 0.0
                h = rect.height() * value / 100
                painter.fillRect(
                    QRectF(x + j * bar, rect.bottom() - h, bar * 0.9, h), QColor(color)
                )
            painter.drawText(
                QRectF(x - bar / 2, rect.bottom() + 4, group, 32),
                Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap,
                f"{cell.unit}\n{cell.month}",
            )
        painter.end()


#: The dashboard's tiers (data), marked for lupdate.
TIER_WORDS = (
    QT_TRANSLATE_NOOP("DashboardPage", "all"),
    QT_TRANSLATE_NOOP("DashboardPage", "low"),
    QT_TRANSLATE_NOOP("DashboardPage", "moderate"),
    QT_TRANSLATE_NOOP("DashboardPage", "high"),
)


def _tier_text(cell: DashboardCell) -> str:
    return QCoreApplication.translate("DashboardPage", cell.tier)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}%"


class DashboardPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cells: list[DashboardCell] = []
        self.chart = BarChart()
        legend = QLabel(
            self.tr(
                "<span style='color:#1565c0'>■</span> contacted within 2 business days &nbsp; "
                "<span style='color:#2e7d32'>■</span> visit within deadline &nbsp; "
                "<span style='color:#c62828'>■</span> 30-day unplanned readmission"
            )
        )
        self.model: PlainTableModel[DashboardCell] = PlainTableModel(
            [
                TableColumn(self.tr("Unit"), lambda c: c.unit),
                TableColumn(self.tr("Month"), lambda c: c.month),
                TableColumn(self.tr("Tier"), _tier_text),
                TableColumn(self.tr("Discharges"), lambda c: str(c.discharges), align_right=True),
                TableColumn(
                    self.tr("Contacted ≤2 bd"), lambda c: _pct(c.contacted_pct), align_right=True
                ),
                TableColumn(
                    self.tr("Visit in deadline"), lambda c: _pct(c.visits_pct), align_right=True
                ),
                TableColumn(
                    self.tr("Unplanned readmission"),
                    lambda c: _pct(c.readmission_pct),
                    align_right=True,
                ),
            ],
            self,
        )
        self.table = EmptyStateTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.pdf_button = QPushButton(self.tr("&Print report (PDF)…"))
        self.pdf_button.clicked.connect(self._save_pdf)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chart)
        layout.addWidget(legend)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.pdf_button, 0, Qt.AlignmentFlag.AlignRight)

    def period(self) -> tuple[date, date]:
        last = self.ctx.today()
        return (last - timedelta(days=89)).replace(day=1), last

    def reload(self) -> None:
        actor = self.ctx.require_actor()
        first, last = self.period()

        def work(uow: UnitOfWork) -> list[DashboardCell]:
            return followup_list.dashboard_cells(uow, actor, first=first, last=last)

        self.ctx.submit(work, bound_to(self, self._show), bound_to(self, self._failed))

    def _failed(self, exc: Exception) -> None:
        self.table.set_empty_text(user_message(exc, "loading the dashboard"))

    def _show(self, cells: list[DashboardCell]) -> None:
        self.cells = cells
        self.model.set_rows(cells)
        self.chart.set_cells(cells)

    def save_pdf(self, path: Path) -> None:
        from transitions.reports.followup_dashboard import write_dashboard_pdf

        first, last = self.period()
        write_dashboard_pdf(
            path,
            self.cells,
            hospital=self.ctx.site.hospital_name,
            first=first,
            last=last,
            visit_deadlines=self.ctx.site.visit_deadline_days,
        )

    def _save_pdf(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save dashboard report"), "followup-dashboard.pdf", self.tr("PDF (*.pdf)")
        )
        if name:
            self.save_pdf(Path(name))


class FollowupTab(QTabWidget):
    """The main window's follow-up tab: the list and the dashboard."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        actor = ctx.require_actor()
        self.may_view = allowed(actor, "followup.view")
        self.list_page = FollowupListPage(ctx)
        self.dashboard = DashboardPage(ctx)
        self.addTab(self.list_page, self.tr("30-day list"))
        if allowed(actor, "dashboard.view"):
            self.addTab(self.dashboard, self.tr("Dashboard"))
        if not self.may_view:
            self.list_page.setEnabled(False)
            self.list_page.table.set_empty_text(
                self.tr("Your role does not include the follow-up list.")
            )
        self.currentChanged.connect(self._changed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.may_view:
            self.list_page.ensure_loaded()

    def _changed(self, index: int) -> None:
        if self.widget(index) is self.dashboard:
            self.dashboard.reload()
