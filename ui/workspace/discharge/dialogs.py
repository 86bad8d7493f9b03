"""Asking for a reason (acknowledging a checklist item) and writing an addendum."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from transitions.services.discharge import MAX_ADDENDUM, MAX_REASON


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    label.hide()
    return label


class AcknowledgeDialog(QDialog):
    """Why a missing checklist item may be left as it is (Enter accepts)."""

    def __init__(self, item: str, label: str, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setWindowTitle(self.tr("Acknowledge checklist item"))
        question = QLabel(
            self.tr("“{label}” is not done. Why can the patient go home without it?").format(
                label=label
            )
        )
        question.setWordWrap(True)
        hint_label = QLabel(hint)
        hint_label.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(MAX_REASON)
        self.reason_edit.setAccessibleName(self.tr("Reason"))
        self.reason_edit.setPlaceholderText(self.tr("e.g. summary faxed by the ward clerk"))
        question.setBuddy(self.reason_edit)
        self.error_label = _error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Acknowledge"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(hint_label)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.reason_edit.setFocus()

    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def accept(self) -> None:
        if not self.reason():
            self.error_label.setText(self.tr("Say why this item can be left as it is."))
            self.error_label.show()
            self.reason_edit.setFocus()
            return
        super().accept()


class AddendumDialog(QDialog):
    """A note added to a signed discharge (Ctrl+Enter accepts; Enter is a new line)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add an addendum"))
        intro = QLabel(
            self.tr("The discharge is signed and frozen. What do you want to add to the record?")
        )
        intro.setWordWrap(True)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setAccessibleName(self.tr("Addendum"))
        self.text_edit.setTabChangesFocus(True)
        intro.setBuddy(self.text_edit)
        self.error_label = _error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add addendum"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(520, 260)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.accept)
        self.text_edit.setFocus()

    def text(self) -> str:
        return self.text_edit.toPlainText().strip()

    def accept(self) -> None:
        if not self.text():
            self.error_label.setText(self.tr("Write the addendum first."))
            self.error_label.show()
            self.text_edit.setFocus()
            return
        if len(self.text()) > MAX_ADDENDUM:
            self.error_label.setText(
                self.tr("Keep the addendum under {n} characters.").format(n=MAX_ADDENDUM)
            )
            self.error_label.show()
            return
        super().accept()
