"""A small window that says what the application is doing while it starts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ui.dialogs.common import heading
from ui.widgets.style import set_muted


class BusySplash(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
        self.setFrameShape(QFrame.Shape.Box)
        self.message_label = QLabel()
        self.detail_label = QLabel()
        set_muted(self.detail_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(heading(self.tr("Transitions")))
        layout.addWidget(self.message_label)
        layout.addWidget(self.detail_label)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 30)

    def show_message(self, message: str, detail: str = "") -> None:
        self.message_label.setText(message)
        self.detail_label.setText(detail)
        self.detail_label.setVisible(bool(detail))
        self.adjustSize()
        self.show()
        self.raise_()
