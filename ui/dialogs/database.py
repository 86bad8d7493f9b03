"""When the database cannot be opened: say why, let the user fix the address or go local."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.common import ERROR_STYLE, heading
from ui.widgets.style import set_muted


class DatabaseConnectionDialog(QDialog):
    """Signals: :attr:`retry_requested` (the URL typed), :attr:`local_requested`; Quit rejects.

    The line edit starts with the masked URL (password as ***). :meth:`url_text` returns what
    the user typed; the controller keeps the real URL when the masked text is left unchanged.
    """

    retry_requested = Signal(str)
    local_requested = Signal()

    def __init__(self, message: str, display_url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Database — Transitions"))
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url_edit = QLineEdit()
        self.url_edit.setAccessibleName(self.tr("Database address"))
        self.url_edit.setPlaceholderText("postgresql+psycopg://user:password@host:5432/transitions")
        self.status_label = QLabel()
        set_muted(self.status_label)

        explanation = QLabel(
            self.tr(
                "Check the network or ask IT for the ward database address. You can also "
                "work with a database on this computer only (not shared with other "
                "workstations)."
            )
        )
        explanation.setWordWrap(True)
        url_caption = QLabel(self.tr("Database &address:"))
        url_caption.setBuddy(self.url_edit)

        self.buttons = QDialogButtonBox()
        self.retry_button: QPushButton = self.buttons.addButton(
            self.tr("&Retry"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.local_button: QPushButton = self.buttons.addButton(
            self.tr("Use this &computer's database"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.quit_button: QPushButton = self.buttons.addButton(
            self.tr("&Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.retry_button.setDefault(True)
        self.retry_button.clicked.connect(self._retry)
        self.local_button.clicked.connect(self._local)
        self.quit_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("The database cannot be opened")))
        layout.addWidget(self.message_label)
        layout.addWidget(explanation)
        layout.addSpacing(8)
        layout.addWidget(url_caption)
        layout.addWidget(self.url_edit)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 44)
        self.show_failure(message, display_url)

    def url_text(self) -> str:
        return self.url_edit.text().strip()

    def show_failure(self, message: str, display_url: str) -> None:
        self.message_label.setText(message)
        self.url_edit.setText(display_url)
        self.set_busy(False)
        self.url_edit.setFocus()

    def set_busy(self, busy: bool) -> None:
        for button in (self.retry_button, self.local_button):
            button.setEnabled(not busy)
        self.url_edit.setEnabled(not busy)
        self.status_label.setText(self.tr("Connecting…") if busy else "")
        self.status_label.setVisible(busy)

    def _retry(self) -> None:
        if not self.url_text():
            self.message_label.setText(self.tr("Enter a database address."))
            return
        self.retry_requested.emit(self.url_text())

    def _local(self) -> None:
        self.local_requested.emit()
