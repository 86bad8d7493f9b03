"""Asking why a suggested module is removed (a reason is required)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class RemoveModuleDialog(QDialog):
    def __init__(self, module_id: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.module_id = module_id
        self.setWindowTitle(self.tr("Remove module"))
        question = QLabel(
            self.tr("Why is “{title}” not needed for this patient?").format(title=title)
        )
        question.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(500)
        self.reason_edit.setAccessibleName(self.tr("Reason"))
        self.reason_edit.setPlaceholderText(self.tr("e.g. taught at last week's stay"))
        question.setBuddy(self.reason_edit)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Remove"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.reason_edit.setFocus()

    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def accept(self) -> None:
        if not self.reason():
            self.error_label.setText(self.tr("Say why the module is removed."))
            self.error_label.show()
            self.reason_edit.setFocus()
            return
        super().accept()
