"""Forms of the Appointments step: an appointment, a pending test, a home service.

Each dialog calls its ``on_submit`` callback with plain input when the user presses Enter /
Save; the page does the database work and either closes the dialog or calls ``show_error`` so
the message appears next to the offending field. The dialogs never touch the database.

A plain callback rather than a custom ``Signal``: PySide6 6.12 drops a reference to ``True``
on every ``Signal.emit()`` made from Python (on Python 3.11, where ``True`` is not immortal,
enough emits end in "bool_dealloc" at exit); Qt's own C++ emits are unaffected.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time, tzinfo
from typing import Any

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from transitions.domain.appointments import (
    AppointmentStatus,
    AppointmentType,
    HomeServiceKind,
    PatientNotification,
)
from transitions.services.appointments import AppointmentInput, AppointmentView
from transitions.services.directory import DirectoryEntry
from ui import formatting as fmt
from ui.workspace.appointments.labels import NOTIFY, SERVICES, STATUSES, TYPES

ERROR_STYLE = "color: #b00020;"


def _qdate_to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class _FormDialog(QDialog):
    """A form with one error label under each field and Save / Cancel buttons."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.on_submit: Callable[[Any], None] | None = None
        self.form = QFormLayout()
        self.errors: dict[str, QLabel] = {}
        self.general_error = self._error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def _error_label(self) -> QLabel:
        label = QLabel()
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    def add_row(self, key: str, text: str, widget: QWidget) -> None:
        error = self._error_label()
        self.errors[key] = error
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(widget)
        column.addWidget(error)
        label = QLabel(text)
        label.setBuddy(widget)
        self.form.addRow(label, box)

    def show_error(self, message: str, field: str | None = None) -> None:
        for label in [*self.errors.values(), self.general_error]:
            label.hide()
        target = self.errors.get(field or "", self.general_error)
        target.setText(message)
        target.show()

    def _submit(self) -> None:
        if self.on_submit is not None:
            self.on_submit(self.value())

    def value(self) -> Any:
        """The form's contents; every dialog overrides this (the base form has none)."""
        return None


class AppointmentDialog(_FormDialog):
    def __init__(
        self,
        directory: Sequence[DirectoryEntry],
        tz: tzinfo,
        default_day: date,
        *,
        pcp_id: int | None,
        interpreter_needed: bool,
        existing: AppointmentView | None = None,
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title or self.tr("Book a follow-up"), parent)
        self.tz = tz
        self.directory = list(directory)
        self.pcp_id = pcp_id
        self.type_combo = QComboBox()
        for kind, text in TYPES.items():
            self.type_combo.addItem(self.tr(text), kind.value)
        self.place_combo = QComboBox()
        self.place_combo.setEditable(False)
        self.place_combo.addItem(self.tr("(none: home visit)"), None)
        for entry in self.directory:
            hours = f" · {entry.opening_hours}" if entry.opening_hours else ""
            self.place_combo.addItem(f"{entry.label}{hours}", entry)
        self.date_edit = QDateEdit(fmt.qdate(default_day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.time_edit = QTimeEdit(QTime(10, 0))
        self.time_edit.setDisplayFormat("HH:mm")
        self.duration = QSpinBox()
        self.duration.setRange(5, 480)
        self.duration.setSingleStep(5)
        self.duration.setValue(30)
        self.duration.setSuffix(self.tr(" min"))
        self.status_combo = QComboBox()
        for status, text in STATUSES.items():
            if status is not AppointmentStatus.CANCELLED:
                self.status_combo.addItem(self.tr(text), status.value)
        self.status_combo.setCurrentIndex(1)  # booked
        self.transport_needed = QCheckBox(self.tr("Transport needed"))
        self.transport_arranged = QCheckBox(self.tr("arranged"))
        self.interpreter_needed = QCheckBox(self.tr("Interpreter needed"))
        self.interpreter_arranged = QCheckBox(self.tr("arranged"))
        self.interpreter_needed.setChecked(interpreter_needed)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("What the patient should bring or know"))
        self.notes.setFixedHeight(self.fontMetrics().height() * 4)

        when = QWidget()
        row = QHBoxLayout(when)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.date_edit)
        row.addWidget(self.time_edit)
        row.addWidget(self.duration)
        needs = QWidget()
        grid = QFormLayout(needs)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addRow(self.transport_needed, self.transport_arranged)
        grid.addRow(self.interpreter_needed, self.interpreter_arranged)
        self.add_row("type", self.tr("&Type:"), self.type_combo)
        self.add_row("provider", self.tr("&Provider or clinic:"), self.place_combo)
        self.add_row("starts_at", self.tr("&When:"), when)
        self.errors["duration"] = self.errors["starts_at"]
        self.add_row("status", self.tr("&Status:"), self.status_combo)
        self.add_row("needs", self.tr("Needs:"), needs)
        self.add_row("notes", self.tr("&Notes for the patient:"), self.notes)
        self.type_combo.currentIndexChanged.connect(self._type_changed)
        if existing is not None:
            self._load(existing)
        else:
            self._type_changed()
        self.type_combo.setFocus()

    def _type_changed(self) -> None:
        """A PCP follow-up preselects the patient's PCP."""
        if self.type_combo.currentData() == AppointmentType.PCP_FOLLOW_UP.value and self.pcp_id:
            self.select_provider(self.pcp_id)

    def select_provider(self, provider_id: int) -> None:
        for i in range(self.place_combo.count()):
            entry = self.place_combo.itemData(i)
            if isinstance(entry, DirectoryEntry) and entry.provider_id == provider_id:
                self.place_combo.setCurrentIndex(i)
                return

    def select_clinic(self, clinic_id: int) -> None:
        for i in range(self.place_combo.count()):
            entry = self.place_combo.itemData(i)
            is_clinic = isinstance(entry, DirectoryEntry) and entry.provider_id is None
            if is_clinic and entry.clinic_id == clinic_id:
                self.place_combo.setCurrentIndex(i)
                return

    def set_when(self, day: date, at: time) -> None:
        self.date_edit.setDate(fmt.qdate(day))
        self.time_edit.setTime(QTime(at.hour, at.minute))

    def _load(self, view: AppointmentView) -> None:
        self.type_combo.setCurrentIndex(self.type_combo.findData(view.type.value))
        if view.provider_id is not None:
            self.select_provider(view.provider_id)
        elif view.clinic_id is not None:
            self.select_clinic(view.clinic_id)
        else:
            self.place_combo.setCurrentIndex(0)
        local = view.starts_at.astimezone(self.tz)
        self.set_when(local.date(), local.time())
        self.duration.setValue(view.duration_minutes)
        index = self.status_combo.findData(view.status.value)
        if index >= 0:
            self.status_combo.setCurrentIndex(index)
        self.transport_needed.setChecked(view.transport_needed)
        self.transport_arranged.setChecked(view.transport_arranged)
        self.interpreter_needed.setChecked(view.interpreter_needed)
        self.interpreter_arranged.setChecked(view.interpreter_arranged)
        self.notes.setPlainText(view.patient_notes or "")

    def value(self) -> AppointmentInput:
        entry = self.place_combo.currentData()
        provider_id = entry.provider_id if isinstance(entry, DirectoryEntry) else None
        clinic_id = entry.clinic_id if isinstance(entry, DirectoryEntry) else None
        qtime = self.time_edit.time()
        start = datetime.combine(
            _qdate_to_date(self.date_edit.date()), time(qtime.hour(), qtime.minute()), self.tz
        )
        return AppointmentInput(
            type=AppointmentType(self.type_combo.currentData()),
            starts_at=start,
            provider_id=provider_id,
            clinic_id=None if provider_id is not None else clinic_id,
            duration_minutes=self.duration.value(),
            status=AppointmentStatus(self.status_combo.currentData()),
            transport_needed=self.transport_needed.isChecked(),
            transport_arranged=self.transport_arranged.isChecked(),
            interpreter_needed=self.interpreter_needed.isChecked(),
            interpreter_arranged=self.interpreter_arranged.isChecked(),
            patient_notes=self.notes.toPlainText(),
        )


class PendingTestDialog(_FormDialog):
    def __init__(
        self,
        directory: Sequence[DirectoryEntry],
        default_day: date,
        pcp_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Add a pending test"), parent)
        self.test_edit = QLineEdit()
        self.ordered_edit = QLineEdit()
        self.expected_edit = QDateEdit(fmt.qdate(default_day))
        self.expected_edit.setCalendarPopup(True)
        self.expected_edit.setDisplayFormat("ddd d MMM yyyy")
        self.responsible_combo = QComboBox()
        self.responsible_combo.addItem(self.tr("(choose)"), None)
        for entry in directory:
            if entry.provider_id is not None:
                self.responsible_combo.addItem(entry.label, entry.provider_id)
        if pcp_id is not None:
            self.responsible_combo.setCurrentIndex(self.responsible_combo.findData(pcp_id))
        self.notify_combo = QComboBox()
        for kind, text in NOTIFY.items():
            self.notify_combo.addItem(self.tr(text), kind.value)
        self.add_row("test_name", self.tr("&Test:"), self.test_edit)
        self.add_row("ordered_by", self.tr("&Ordered by:"), self.ordered_edit)
        self.add_row("expected_on", self.tr("&Result expected:"), self.expected_edit)
        self.add_row("responsible", self.tr("&Follow-up clinician:"), self.responsible_combo)
        self.add_row("notify_by", self.tr("Patient &told by:"), self.notify_combo)
        self.test_edit.setFocus()

    def value(self) -> dict[str, Any]:
        notify = PatientNotification(self.notify_combo.currentData())
        return {
            "test_name": self.test_edit.text(),
            "ordered_by": self.ordered_edit.text(),
            "expected_on": _qdate_to_date(self.expected_edit.date()),
            "responsible_id": self.responsible_combo.currentData(),
            "notify_by": notify,
        }


class HomeServiceDialog(_FormDialog):
    def __init__(self, default_day: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a home service or equipment"), parent)
        self.kind_combo = QComboBox()
        for kind, text in SERVICES.items():
            self.kind_combo.addItem(self.tr(text), kind.value)
        self.description_edit = QLineEdit()
        self.vendor_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.start_edit = QDateEdit(fmt.qdate(default_day))
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat("ddd d MMM yyyy")
        self.add_row("kind", self.tr("&Kind:"), self.kind_combo)
        self.add_row("description", self.tr("&What:"), self.description_edit)
        self.add_row("vendor", self.tr("&Vendor or agency:"), self.vendor_edit)
        self.add_row("vendor_phone", self.tr("Vendor &phone:"), self.phone_edit)
        self.add_row("starts_on", self.tr("&Starts:"), self.start_edit)
        self.kind_combo.setFocus()

    def value(self) -> dict[str, Any]:
        kind = HomeServiceKind(self.kind_combo.currentData())
        return {
            "kind": kind,
            "description": self.description_edit.text(),
            "vendor": self.vendor_edit.text(),
            "vendor_phone": self.phone_edit.text(),
            "starts_on": _qdate_to_date(self.start_edit.date()),
        }
