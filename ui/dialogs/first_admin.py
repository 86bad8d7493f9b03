"""First run: create the administrator account (the service checks every rule)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.common import error_label, heading, set_error
from ui.widgets.style import set_muted

FIELDS = ("username", "display_name", "password", "confirm")


class CreateAdminDialog(QDialog):
    """Emits :attr:`submitted` (user name, full name, password, confirm). The controller shows a
    ``ValidationError`` with :meth:`show_error` under the field it names, or accepts."""

    submitted = Signal(str, str, str, str)

    def __init__(self, min_password_length: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Create administrator — Transitions"))
        self.edits: dict[str, QLineEdit] = {name: QLineEdit() for name in FIELDS}
        self.errors: dict[str, QLabel] = {name: error_label(wrap=False) for name in FIELDS}
        self.general_error = error_label()
        for name in ("password", "confirm"):
            self.edits[name].setEchoMode(QLineEdit.EchoMode.Password)

        captions = {
            "username": self.tr("&User name:"),
            "display_name": self.tr("&Full name:"),
            "password": self.tr("&Password:"),
            "confirm": self.tr("&Confirm password:"),
        }
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(2)
        hint = QLabel(
            self.tr("At least %1 characters; a phrase of several words is easiest.").replace(
                "%1", str(min_password_length)
            )
        )
        set_muted(hint)
        row = 0
        for name in FIELDS:
            caption = QLabel(captions[name])
            caption.setBuddy(self.edits[name])
            self.edits[name].setAccessibleName(caption.text().replace("&", "").rstrip(":"))
            grid.addWidget(caption, row, 0)
            grid.addWidget(self.edits[name], row, 1)
            if name == "password":
                row += 1
                grid.addWidget(hint, row, 1)
            grid.addWidget(self.errors[name], row + 1, 1)
            grid.setRowMinimumHeight(row + 1, 6)
            row += 2

        intro = QLabel(
            self.tr(
                "This database has no users yet. Create the administrator account; the "
                "administrator then adds the nurses and other staff."
            )
        )
        intro.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.create_button: QPushButton = self.buttons.addButton(
            self.tr("Create administrator"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.quit_button: QPushButton = self.buttons.addButton(
            self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.create_button.setDefault(True)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows with messages
        layout.addWidget(heading(self.tr("Create administrator")))
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        for edit in self.edits.values():
            edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 22)
        self.edits["username"].setFocus()

    def values(self) -> dict[str, str]:
        return {name: edit.text() for name, edit in self.edits.items()}

    def _submit(self) -> None:
        self.clear_errors()
        self.set_busy(True)
        v = self.values()
        self.submitted.emit(v["username"], v["display_name"], v["password"], v["confirm"])

    def clear_errors(self) -> None:
        for label in (*self.errors.values(), self.general_error):
            set_error(label, None)

    def set_busy(self, busy: bool) -> None:
        self.create_button.setEnabled(not busy)

    def show_error(self, message: str, field: str | None = None) -> None:
        """Show ``message`` under ``field`` (a ValidationError.field) or below the form."""
        self.set_busy(False)
        label = self.errors.get(field or "", self.general_error)
        set_error(label, message)
        self.adjustSize()
        edit = self.edits.get(field or "")
        if edit is not None:
            edit.setFocus()
            edit.selectAll()
