"""Free-text instructions for the packet, with a live reading-level indicator."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from transitions.domain.education.reading import ReadingBand, reading_level

BAND_STYLE = {
    ReadingBand.EASY: "color: #1b5e20;",
    ReadingBand.FAIR: "color: #7a4f00;",
    ReadingBand.HARD: "color: #b00020; font-weight: bold;",
}


class InstructionsPanel(QWidget):
    def __init__(self, on_save: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_save = on_save
        intro = QLabel(
            self.tr(
                "Instructions you write here go into the patient's packet. Aim for grade 6 or "
                "lower: short sentences, short words."
            )
        )
        intro.setWordWrap(True)
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)
        self.editor.setAccessibleName(self.tr("Instructions for the packet"))
        self.level_label = QLabel()
        self.level_label.setAccessibleName(self.tr("Reading level"))
        self.warning_label = QLabel(
            self.tr("Above grade 8: many patients will not understand this. Use shorter words.")
        )
        self.warning_label.setStyleSheet(BAND_STYLE[ReadingBand.HARD])
        self.warning_label.setWordWrap(True)
        self.warning_label.hide()
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        self.save_button = QPushButton(self.tr("Save &instructions"))
        self.save_button.setToolTip(self.tr("Ctrl+S"))
        self.save_button.clicked.connect(self._save)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self._save)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.update_level)
        self.editor.textChanged.connect(self._timer.start)
        row = QHBoxLayout()
        row.addWidget(self.level_label, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.error_label)
        layout.addLayout(row)
        self.update_level()

    def set_text(self, text: str) -> None:
        if self.editor.toPlainText() != text:
            self.editor.setPlainText(text)
        self.error_label.hide()
        self.update_level()

    def update_level(self) -> None:
        level = reading_level(self.editor.toPlainText())
        if level.grade is None:
            self.level_label.setText(self.tr("Reading level: (no text)"))
            self.level_label.setStyleSheet("")
        else:
            self.level_label.setText(
                self.tr("Reading level: grade {grade:.1f} ({words} words)").format(
                    grade=level.grade, words=level.words
                )
            )
            self.level_label.setStyleSheet(BAND_STYLE[level.band])
        self.warning_label.setVisible(level.warning)

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def _save(self) -> None:
        self._on_save(self.editor.toPlainText())
