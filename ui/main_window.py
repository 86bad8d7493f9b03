"""The main window: menus, status bar, and the tabs (worklist + one per opened patient)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenuBar, QMessageBox, QTabWidget, QWidget

import transitions
from transitions.services.encounters import StayRow
from transitions.services.permissions import allowed
from ui.context import AppContext
from ui.live_refresh import LiveRefresh
from ui.tasks import BackgroundRunner
from ui.widgets.lazy import LazyPage
from ui.widgets.style import set_muted
from ui.worklist.page import WorklistPage
from ui.workspace.page import PatientWorkspace
from ui.workspace.steps import StepSpec


class MainWindow(QMainWindow):
    """Emits :attr:`sign_out_requested` (File > Sign out) and :attr:`closed` (window closed)."""

    sign_out_requested = Signal()
    closed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        steps: list[StepSpec] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._steps = steps
        self._signing_out = False
        self.live: LiveRefresh | None = None
        self.setWindowTitle(self.tr("Transitions — %1").replace("%1", ctx.site.hospital_name))

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.worklist = WorklistPage(ctx)
        self.worklist.open_requested.connect(self.open_stay)
        self.tabs.addTab(self.worklist, self.tr("Ward worklist"))
        self.tabs.addTab(LazyPage(self._followup_page), self.tr("Follow-up"))  # issue 8
        bar = self.tabs.tabBar()
        for side in (bar.ButtonPosition.RightSide, bar.ButtonPosition.LeftSide):
            bar.setTabButton(0, side, None)  # the worklist cannot be closed
        self.setCentralWidget(self.tabs)

        self._build_menus()
        self._build_status_bar()
        self.resize(1400, 850)

    # -- chrome ------------------------------------------------------------------------------
    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        self.close_tab_action = self._action(
            self.tr("&Close patient"), QKeySequence.StandardKey.Close, self.close_current_tab
        )
        self.settings_action = self._action(self.tr("Se&ttings…"), None, self.show_settings)
        self.sign_out_action = self._action(self.tr("&Sign out"), None, self.request_sign_out)
        self.quit_action = self._action(self.tr("&Quit"), QKeySequence("Ctrl+Q"), self.close)
        file_menu.addAction(self.close_tab_action)
        if self.ctx.actor is not None and allowed(self.ctx.actor, "packet.batch_print"):
            self.batch_print_action = self._action(  # case managers: batch print packets
                self.tr("Print discharge &packets…"), None, self.show_batch_print
            )
            file_menu.addAction(self.batch_print_action)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addAction(self.sign_out_action)
        file_menu.addAction(self.quit_action)

        view_menu = menu.addMenu(self.tr("&View"))
        self.refresh_action = self._action(
            self.tr("&Refresh"), QKeySequence("F5"), self.refresh_current
        )
        self.find_action = self._action(
            self.tr("&Find patient"), QKeySequence("Ctrl+F"), self.find_patient
        )
        self.worklist_action = self._action(
            self.tr("Ward &worklist"), QKeySequence("Ctrl+1"), self.show_worklist
        )
        view_menu.addAction(self.refresh_action)
        view_menu.addAction(self.find_action)
        view_menu.addAction(self.worklist_action)

        self._build_admin_menu(menu)

        help_menu = menu.addMenu(self.tr("&Help"))
        self.about_action = self._action(self.tr("&About Transitions"), None, self.show_about)
        help_menu.addAction(self.about_action)

    def _build_admin_menu(self, menu: QMenuBar) -> None:
        """Admin tools, each shown only to roles that may use it."""
        actor = self.ctx.actor
        if actor is None:
            return
        tools = [
            (
                "interop.quarantine",
                "quarantine_action",
                self.tr("Interface &quarantine…"),
                self.show_quarantine,
            ),
            ("users.manage", "users_action", self.tr("&Users…"), self.show_users),
            ("audit.view", "audit_action", self.tr("&Audit trail…"), self.show_audit),
        ]
        shown = [tool for tool in tools if allowed(actor, tool[0])]
        if not shown:
            return
        admin_menu = menu.addMenu(self.tr("&Admin"))
        for _permission, name, text, slot in shown:
            action = self._action(text, None, slot)
            setattr(self, name, action)
            admin_menu.addAction(action)

    def _followup_page(self) -> QWidget:
        from ui.followup.page import FollowupTab  # built when the tab is first shown

        return FollowupTab(self.ctx)

    def show_batch_print(self) -> None:
        from ui.workspace.packet_batch import BatchPrintDialog  # reportlab: not at start

        BatchPrintDialog(self.ctx, parent=self).exec()

    def show_quarantine(self) -> None:
        from ui.interop.quarantine import QuarantineDialog

        dialog = QuarantineDialog(self.ctx, self)
        dialog.refresh()
        dialog.exec()

    def show_users(self) -> None:
        from ui.security.users import UsersDialog

        dialog = UsersDialog(self.ctx, self)
        dialog.refresh()
        dialog.exec()

    def show_audit(self) -> None:
        from ui.security.audit_viewer import AuditViewerDialog

        dialog = AuditViewerDialog(self.ctx, self)
        dialog.refresh()
        dialog.exec()

    def _build_status_bar(self) -> None:
        actor = self.ctx.actor
        name = actor.display_name if actor is not None else ""
        self.user_label = QLabel(self.tr("Signed in as %1").replace("%1", name))
        self.database_label = QLabel(self.tr("Database: %1").replace("%1", self.ctx.db.display_url))
        set_muted(self.database_label)
        self.busy_label = QLabel(self.tr("Loading…"))
        self.busy_label.hide()
        self.statusBar().addWidget(self.user_label)
        self.statusBar().addWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.database_label)
        if isinstance(self.ctx.runner, BackgroundRunner):
            self.ctx.runner.busy_changed.connect(self.busy_label.setVisible)

    # -- tabs -------------------------------------------------------------------------------
    def start(self) -> None:
        """Show the window and load the worklist."""
        if self.live is None:  # other workstations' changes show up by themselves
            self.live = LiveRefresh(self.ctx, self.worklist, self.workspaces, parent=self)
        self.worklist.ensure_loaded()  # queued first: the worker queries while the window shows
        self.show()
        self.worklist.table.setFocus()

    def workspaces(self) -> list[PatientWorkspace]:
        pages = (self.tabs.widget(i) for i in range(self.tabs.count()))
        return [page for page in pages if isinstance(page, PatientWorkspace)]

    def open_stay(self, row: StayRow) -> PatientWorkspace:
        """Open the patient's workspace, or bring its tab forward if it is already open."""
        for page in self.workspaces():
            if page.encounter_id == row.encounter_id:
                self.tabs.setCurrentWidget(page)
                page.setFocus()
                return page
        page = PatientWorkspace(self.ctx, row, self._steps)
        index = self.tabs.addTab(page, page.title())
        tip = self.tr("%1 · MRN %2").replace("%1", row.patient_name).replace("%2", row.mrn)
        self.tabs.setTabToolTip(index, tip)
        self.tabs.setCurrentIndex(index)
        page.reload()
        page.setFocus()
        return page

    def close_tab(self, index: int) -> None:
        page = self.tabs.widget(index)
        if isinstance(page, PatientWorkspace):
            self.tabs.removeTab(index)
            page.deleteLater()

    def close_current_tab(self) -> None:
        self.close_tab(self.tabs.currentIndex())

    def show_worklist(self) -> None:
        self.tabs.setCurrentWidget(self.worklist)

    def find_patient(self) -> None:
        self.show_worklist()
        self.worklist.focus_search()

    def refresh_current(self) -> None:
        page = self.tabs.currentWidget()
        if isinstance(page, WorklistPage | PatientWorkspace):
            page.refresh()

    # -- session ----------------------------------------------------------------------------
    def request_sign_out(self) -> None:
        self._signing_out = True
        self.sign_out_requested.emit()

    def show_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Transitions"),
            self.tr(
                "<h3>Transitions %1</h3><p>Hospital discharge transitions of care.</p>"
                "<p>Site: %2</p>"
            )
            .replace("%1", escape(transitions.__version__))
            .replace("%2", escape(self.ctx.site.hospital_name)),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if event.isAccepted() and self.live is not None:
            self.live.stop()
        if event.isAccepted() and not self._signing_out:
            self.closed.emit()
