"""Sign-in dialog. It only collects and shows; the start-up controller calls the service."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.common import error_label, heading, set_error
from ui.widgets.style import set_muted


class SignInDialog(QDialog):
    """Emits :attr:`submitted` (user name, password); the controller answers with
    :meth:`show_error` or closes it with ``accept()``. Cancel (Esc, Quit) rejects."""

    submitted = Signal(str, str)

    def __init__(self, hospital_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in — Transitions"))
        self.username_edit = QLineEdit()
        self.username_edit.setAccessibleName(self.tr("User name"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.error_label = error_label()

        self.buttons = QDialogButtonBox()
        self.sign_in_button: QPushButton = self.buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.quit_button: QPushButton = self.buttons.addButton(
            self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.sign_in_button.setDefault(True)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.username_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        subtitle = QLabel(hospital_name)
        set_muted(subtitle)

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(heading(self.tr("Transitions")))
        layout.addWidget(subtitle)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        field_width = self.fontMetrics().horizontalAdvance("M") * 20
        self.username_edit.setMinimumWidth(field_width)
        self.password_edit.setMinimumWidth(field_width)
        self.username_edit.setFocus()

    def prefill(self, username: str) -> None:
        self.username_edit.setText(username)
        self.password_edit.setFocus()

    def _submit(self) -> None:
        username = self.username_edit.text().strip()
        if not username:
            self.show_error(self.tr("Enter your user name."))
            self.username_edit.setFocus()
            return
        set_error(self.error_label, None)
        self.set_busy(True)
        self.submitted.emit(username, self.password_edit.text())

    def set_busy(self, busy: bool) -> None:
        self.sign_in_button.setEnabled(not busy)
        self.username_edit.setEnabled(not busy)
        self.password_edit.setEnabled(not busy)

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        set_error(self.error_label, message)
        self.password_edit.clear()
        self.password_edit.setFocus()
