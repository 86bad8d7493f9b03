"""Step "Appointments": follow-ups, the live warnings, the 30-day TCM calendar, pending tests and
home services. Every change is one unit of work on the worker; the page then reloads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from transitions.db.appointments_models import HomeService, PendingTest
from transitions.errors import ConflictError, ValidationError
from transitions.services import appointments, directory, followup_items
from transitions.services.appointments import AppointmentInput, AppointmentView, FollowUpPlan
from transitions.services.directory import DirectoryEntry
from transitions.services.encounters import StayDetail
from transitions.services.followup_items import HomeServiceView, PendingTestView
from transitions.services.permissions import allowed
from transitions.services.uow import UnitOfWork
from ui import formatting as fmt
from ui.context import AppContext
from ui.errors import user_message
from ui.tasks import bound_to
from ui.widgets.tables import EmptyStateTableView, PlainTableModel, TableColumn
from ui.workspace.appointments.calendar import TcmCalendar
from ui.workspace.appointments.dialogs import (
    AppointmentDialog,
    HomeServiceDialog,
    PendingTestDialog,
    _FormDialog,
)
from ui.workspace.appointments.labels import (
    NOTIFY,
    SERVICES,
    TIERS,
    short_date,
    status_label,
    type_label,
    warning_text,
)
from ui.workspace.steps import StepPage
from ui.workspace.summary import TableSection, section_title

WARNING_STYLE = "QListWidget { color: #b00020; }"


@dataclass(frozen=True)
class PageData:
    plan: FollowUpPlan
    directory: list[DirectoryEntry]
    pending: list[PendingTestView]
    services: list[HomeServiceView]


class AppointmentsStep(StepPage):
    def __init__(self, ctx: AppContext, encounter_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, encounter_id, parent)
        self.data: PageData | None = None
        self.dialog: _FormDialog | None = None
        tz = ctx.tz
        self.deadlines_label = QLabel()
        self.deadlines_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        self.warning_title = section_title(self.tr("Warnings"))
        self.warnings = QListWidget()
        self.warnings.setAccessibleName(self.tr("Follow-up warnings"))
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.warnings.setWordWrap(True)
        self.warnings.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.no_warnings = QLabel(self.tr("No warnings: the follow-up plan is complete."))

        self.model: PlainTableModel[AppointmentView] = PlainTableModel(
            [
                TableColumn(
                    self.tr("When"),
                    lambda a: fmt.format_moment(a.starts_at, tz, ctx.today()),
                    lambda a: fmt.format_full_moment(a.starts_at, tz),
                ),
                TableColumn(self.tr("Type"), lambda a: type_label(a.type)),
                TableColumn(self.tr("With"), lambda a: a.where, lambda a: a.clinic_phone),
                TableColumn(self.tr("Status"), lambda a: status_label(a.status)),
                TableColumn(self.tr("Needs"), self._needs),
                TableColumn(
                    self.tr("Warnings"), lambda a: str(len(a.warnings)) if a.warnings else ""
                ),
            ],
            self,
        )
        self.table = EmptyStateTableView()
        self.table.setModel(self.model)
        self.table.set_empty_text(self.tr("No appointments yet. Press Ctrl+B to book one."))
        self.table.setAccessibleName(self.tr("Appointments"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)
        self.history_label = QLabel()
        self.history_label.setWordWrap(True)
        self.history_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.book_button = QPushButton(self.tr("&Book…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.rebook_button = QPushButton(self.tr("&Rebook…"))
        self.cancel_button = QPushButton(self.tr("&Cancel appointment…"))
        self.book_button.clicked.connect(self.open_book)
        self.edit_button.clicked.connect(self.edit_selected)
        self.rebook_button.clicked.connect(self.rebook_selected)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.book_action = QAction(self.tr("Book a follow-up"), self)
        self.book_action.setShortcut(QKeySequence("Ctrl+B"))
        self.book_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.book_action.triggered.connect(self.open_book)
        self.addAction(self.book_action)

        self.calendar = TcmCalendar(tz)
        self.pending = TableSection[PendingTestView](
            self.tr("Pending tests at discharge"),
            [
                TableColumn(self.tr("Test"), lambda t: t.test_name),
                TableColumn(self.tr("Ordered by"), lambda t: t.ordered_by or ""),
                TableColumn(
                    self.tr("Expected"),
                    lambda t: short_date(t.expected_on) if t.expected_on else "",
                ),
                TableColumn(self.tr("Follow-up clinician"), lambda t: t.responsible or ""),
                TableColumn(self.tr("Patient told by"), lambda t: self.tr(NOTIFY[t.notify_by])),
            ],
            self.tr("No pending tests recorded"),
        )
        self.services = TableSection[HomeServiceView](
            self.tr("Home services and equipment"),
            [
                TableColumn(self.tr("Kind"), lambda s: self.tr(SERVICES[s.kind])),
                TableColumn(self.tr("What"), lambda s: s.description, stretch=True),
                TableColumn(self.tr("Vendor"), lambda s: s.vendor or "", lambda s: s.vendor_phone),
                TableColumn(
                    self.tr("Starts"), lambda s: short_date(s.starts_on) if s.starts_on else ""
                ),
            ],
            self.tr("No home services arranged"),
        )
        for section in (self.pending, self.services):
            section.table.setSelectionMode(EmptyStateTableView.SelectionMode.SingleSelection)
            section.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.add_test_button = QPushButton(self.tr("Add &pending test…"))
        self.remove_test_button = QPushButton(self.tr("Remove test"))
        self.add_service_button = QPushButton(self.tr("Add &home service…"))
        self.remove_service_button = QPushButton(self.tr("Remove service"))
        self.add_test_button.clicked.connect(self.open_pending_test)
        self.add_service_button.clicked.connect(self.open_home_service)
        self.remove_test_button.clicked.connect(lambda: self._remove(self.pending, PendingTest))
        self.remove_service_button.clicked.connect(lambda: self._remove(self.services, HomeService))
        self._build_layout()
        editable = allowed(ctx.require_actor(), "appointments.edit")
        for widget in (
            self.book_button,
            self.edit_button,
            self.rebook_button,
            self.cancel_button,
            self.add_test_button,
            self.remove_test_button,
            self.add_service_button,
            self.remove_service_button,
        ):
            widget.setEnabled(editable)
        self.book_action.setEnabled(editable)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_history())

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.book_button, self.edit_button, self.rebook_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(section_title(self.tr("Follow-up appointments")))
        left.addWidget(self.table, 1)
        left.addLayout(buttons)
        left.addWidget(self.history_label)
        left.addWidget(self.warning_title)
        left.addWidget(self.warnings)
        left.addWidget(self.no_warnings)
        right = QVBoxLayout()
        right.addWidget(section_title(self.tr("30-day transitional care calendar")))
        right.addWidget(self.calendar)
        right.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(left, 1)
        top.addSpacing(12)
        top.addLayout(right, 1)
        extras = QHBoxLayout()
        for section, add, remove in (
            (self.pending, self.add_test_button, self.remove_test_button),
            (self.services, self.add_service_button, self.remove_service_button),
        ):
            column = QVBoxLayout()
            column.addWidget(section)
            row = QHBoxLayout()
            row.addWidget(add)
            row.addWidget(remove)
            row.addStretch(1)
            column.addLayout(row)
            column.addStretch(1)
            extras.addLayout(column, 1)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.deadlines_label)
        layout.addWidget(self.error_label)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addLayout(extras)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _activated(self) -> None:
        """Enter or double-click on an appointment opens it for editing (if allowed)."""
        if self.edit_button.isEnabled():
            self.edit_selected()

    def _needs(self, appt: AppointmentView) -> str:
        parts = []
        if appt.transport_needed:
            ok = "✓" if appt.transport_arranged else "!"
            parts.append(self.tr("transport") + ok)
        if appt.interpreter_needed:
            ok = "✓" if appt.interpreter_arranged else "!"
            parts.append(self.tr("interpreter") + ok)
        return ", ".join(parts)

    # -- loading ---------------------------------------------------------------------------
    def set_detail(self, detail: StayDetail) -> None:
        self.reload()

    def reload(self) -> None:
        actor = self.ctx.require_actor()
        encounter_id = self.encounter_id

        def work(uow: UnitOfWork) -> PageData:
            plan = appointments.follow_up_plan(uow, actor, encounter_id=encounter_id)
            return PageData(
                plan,
                directory.list_directory(uow, actor),
                followup_items.pending_tests(uow, encounter_id),
                followup_items.home_services(uow, encounter_id),
            )

        self.ctx.submit(work, bound_to(self, self._show), bound_to(self, self._failed))

    def _failed(self, exc: Exception) -> None:
        self.error_label.setText(user_message(exc, "loading appointments"))
        self.error_label.show()

    def _show(self, data: PageData) -> None:
        self.data = data
        self.error_label.hide()
        plan = data.plan
        tz = self.ctx.tz
        current = self.selected()
        self.model.set_rows(plan.appointments)
        if current is not None:
            self.select_appointment(current.id)
        by_id = {a.id: a for a in plan.appointments}
        self.warnings.clear()
        for warning in plan.warnings:
            text = warning_text(warning, by_id, tz)
            self.warnings.addItem(text)
            self.warnings.item(self.warnings.count() - 1).setToolTip(text)
        has_warnings = bool(plan.warnings)
        self.warnings.setVisible(has_warnings)
        self.no_warnings.setVisible(not has_warnings)
        line = self.warnings.fontMetrics().lineSpacing()
        rows = min(max(len(plan.warnings), 1), 8)
        self.warnings.setFixedHeight(int(rows * line * 1.6) + 2 * self.warnings.frameWidth() + 4)
        warned = frozenset(w.appointment_id for w in plan.warnings if w.appointment_id)
        self.calendar.set_days(plan.calendar(tz), warned)
        d = plan.deadlines
        which = self.tr("Discharged") if plan.discharged else self.tr("Planned discharge")
        self.deadlines_label.setText(
            self.tr(
                "{which} {discharge} · TCM contact by {contact} · visit by {visit} "
                "({tier} risk) · period ends {end}"
            ).format(
                which=which,
                discharge=fmt.format_full_moment(plan.discharge, tz),
                contact=short_date(d.contact_due),
                visit=short_date(plan.visit_due),
                tier=QCoreApplication.translate("Appointments", TIERS[plan.risk_tier.value]),
                end=short_date(d.period_end),
            )
        )
        self.pending.set_rows(data.pending)
        self.services.set_rows(data.services)
        self._show_history()

    def selected(self) -> AppointmentView | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select_appointment(self, appointment_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).id == appointment_id:
                self.table.setCurrentIndex(self.model.index(row, 0))

    def _show_history(self) -> None:
        appt = self.selected()
        if appt is None:
            self.history_label.clear()
            return
        tz = self.ctx.tz
        lines = [
            self.tr("Booked by {who}, {when}").format(
                who=appt.booked_by, when=fmt.format_full_moment(appt.booked_at, tz)
            )
        ]
        for change in appt.history:
            lines.append(
                f"{fmt.format_full_moment(change.changed_at, tz)} · {change.changed_by} · "
                f"{change.action}"
                + (
                    f" ({change.details['reason']})"
                    if change.details and "reason" in change.details
                    else ""
                )
            )
        if appt.patient_notes:
            lines.append(self.tr("Notes for the patient: {notes}").format(notes=appt.patient_notes))
        self.history_label.setText("\n".join(lines))

    # -- actions ---------------------------------------------------------------------------
    def _appointment_dialog(
        self, existing: AppointmentView | None, title: str
    ) -> AppointmentDialog | None:
        if self.data is None:
            return None
        plan = self.data.plan
        default = plan.discharge.astimezone(self.ctx.tz).date() + timedelta(days=3)
        dialog = AppointmentDialog(
            self.data.directory,
            self.ctx.tz,
            default,
            pcp_id=plan.pcp_id,
            interpreter_needed=plan.patient_interpreter_needed,
            existing=existing,
            title=title,
            parent=self,
        )
        self.dialog = dialog
        return dialog

    def open_book(self) -> AppointmentDialog | None:
        dialog = self._appointment_dialog(None, self.tr("Book a follow-up"))
        if dialog is not None:
            encounter_id = self.encounter_id
            self._wire(
                dialog,
                lambda uow, actor, data: appointments.book_appointment(
                    uow, actor, encounter_id, data
                ),
            )
        return dialog

    def edit_selected(self) -> AppointmentDialog | None:
        appt = self.selected()
        if appt is None:
            return None
        dialog = self._appointment_dialog(appt, self.tr("Edit appointment"))
        if dialog is not None:
            self._wire(
                dialog,
                lambda uow, actor, data: appointments.edit_appointment(
                    uow, actor, appt.id, data, expected_version=appt.version_id
                ),
            )
        return dialog

    def rebook_selected(self) -> AppointmentDialog | None:
        appt = self.selected()
        if appt is None:
            return None
        dialog = self._appointment_dialog(appt, self.tr("Rebook appointment"))
        if dialog is not None:
            self._wire(
                dialog,
                lambda uow, actor, data: appointments.rebook_appointment(
                    uow, actor, appt.id, data, expected_version=appt.version_id
                ),
            )
        return dialog

    def cancel_selected(self) -> None:
        appt = self.selected()
        if appt is None:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Cancel appointment"), self.tr("Why is it cancelled?")
        )
        if not ok:
            return
        actor = self.ctx.require_actor()

        def work(uow: UnitOfWork) -> None:
            appointments.cancel_appointment(
                uow, actor, appt.id, reason=reason, expected_version=appt.version_id
            )

        self.ctx.submit(work, bound_to(self, lambda _r: self.reload()), self._action_failed)

    def open_pending_test(self) -> PendingTestDialog | None:
        if self.data is None:
            return None
        day = self.data.plan.discharge.astimezone(self.ctx.tz).date() + timedelta(days=2)
        dialog = PendingTestDialog(self.data.directory, day, self.data.plan.pcp_id, self)
        self.dialog = dialog
        encounter_id = self.encounter_id
        self._wire(
            dialog,
            lambda uow, actor, values: followup_items.add_pending_test(
                uow, actor, encounter_id, **values
            ),
        )
        return dialog

    def open_home_service(self) -> HomeServiceDialog | None:
        if self.data is None:
            return None
        day = self.data.plan.discharge.astimezone(self.ctx.tz).date()
        dialog = HomeServiceDialog(day, self)
        self.dialog = dialog
        encounter_id = self.encounter_id
        self._wire(
            dialog,
            lambda uow, actor, values: followup_items.add_home_service(
                uow, actor, encounter_id, **values
            ),
        )
        return dialog

    def _remove(
        self, section: TableSection[Any], kind: type[PendingTest] | type[HomeService]
    ) -> None:
        index = section.table.currentIndex()
        if not index.isValid():
            return
        item = section.model.row_at(index.row())
        actor = self.ctx.require_actor()

        def work(uow: UnitOfWork) -> None:
            followup_items.remove_item(uow, actor, kind, item.id, expected_version=item.version_id)

        self.ctx.submit(work, bound_to(self, lambda _r: self.reload()), self._action_failed)

    def _wire(self, dialog: _FormDialog, call: Callable[[UnitOfWork, Any, Any], object]) -> None:
        """Save runs ``call`` on the worker; success closes and reloads, errors stay in view."""
        actor = self.ctx.require_actor()

        def submitted(value: AppointmentInput | dict[str, Any]) -> None:
            def work(uow: UnitOfWork) -> object:
                return call(uow, actor, value)

            def done(_result: object) -> None:
                dialog.accept()
                self.reload()

            def failed(exc: Exception) -> None:
                if isinstance(exc, ValidationError):
                    dialog.show_error(user_message(exc), exc.field)
                else:
                    dialog.reject()
                    self._action_failed(exc)

            self.ctx.submit(work, bound_to(dialog, done), bound_to(dialog, failed))

        dialog.on_submit = submitted
        dialog.open()

    def _action_failed(self, exc: Exception) -> None:
        if isinstance(exc, ConflictError):
            answer = QMessageBox.question(
                self,
                self.tr("Changed elsewhere"),
                user_message(exc) + "\n\n" + self.tr("Reload the appointments now?"),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.reload()
            return
        QMessageBox.warning(self, self.tr("Appointments"), user_message(exc, "saving"))
