"""Choose a new password (after an administrator's reset, or a first sign-in)."""

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

FIELDS = ("current", "password", "confirm")


class ChangePasswordDialog(QDialog):
    """Emits :attr:`submitted` (current, new, confirm); the controller answers with
    :meth:`show_error` (under the field a ValidationError names) or accepts."""

    submitted = Signal(str, str, str)

    def __init__(self, display_name: str, min_length: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose a new password — Transitions"))
        self.edits = {name: QLineEdit() for name in FIELDS}
        self.errors = {name: error_label(wrap=False) for name in FIELDS}
        form = QFormLayout()
        captions = {
            "current": self.tr("&Temporary password:"),
            "password": self.tr("&New password:"),
            "confirm": self.tr("&Confirm new password:"),
        }
        for name in FIELDS:
            self.edits[name].setEchoMode(QLineEdit.EchoMode.Password)
            self.edits[name].setAccessibleName(captions[name].replace("&", "").rstrip(":"))
            form.addRow(captions[name], self.edits[name])
            form.addRow(self.errors[name])
        intro = QLabel(
            self.tr(
                "%1, your password was set by an administrator. Choose your own before you "
                "continue: at least %2 characters, not a common password."
            )
            .replace("%1", display_name)
            .replace("%2", str(min_length))
        )
        intro.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.save_button: QPushButton = buttons.addButton(
            self.tr("Save and continue"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button: QPushButton = buttons.addButton(
            self.tr("Sign out"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.setDefault(True)
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(heading(self.tr("Choose a new password")))
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.edits["current"].setFocus()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 40)

    def _submit(self) -> None:
        for label in self.errors.values():
            set_error(label, None)
        self.save_button.setEnabled(False)
        self.submitted.emit(*(self.edits[name].text() for name in FIELDS))

    def show_error(self, message: str, field: str | None) -> None:
        self.save_button.setEnabled(True)
        target = field if field in self.errors else "password"
        set_error(self.errors[target], message)
        self.edits[target].setFocus()
        self.edits[target].selectAll()
