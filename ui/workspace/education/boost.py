"""The BOOST 8P screen: one Yes / No / Not asked choice per item, saved together."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from transitions.domain.education.catalog import boost_items
from transitions.services.education import BoostView
from ui import formatting as fmt
from ui.widgets.style import set_muted

ANSWERS: list[bool | None] = [None, True, False]


class BoostPanel(QWidget):
    def __init__(
        self,
        on_save: Callable[[dict[str, bool | None]], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_save = on_save
        self.combos: dict[str, QComboBox] = {}
        intro = QLabel(
            self.tr(
                "Project BOOST 8P screen (Society of Hospital Medicine). Positive items suggest "
                "modules; poor health literacy makes teach-back required on every item."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        for key, item in boost_items().items():
            combo = QComboBox()
            combo.addItems([self.tr("Not asked"), self.tr("Yes (positive)"), self.tr("No")])
            combo.setAccessibleName(item.label.en)
            label = QLabel(item.label.en)
            label.setWordWrap(True)
            label.setBuddy(combo)
            form.addRow(label, combo)
            self.combos[key] = combo
        self.status = set_muted(QLabel())
        self.save_button = QPushButton(self.tr("&Save screen"))
        self.save_button.clicked.connect(self._save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def answers(self) -> dict[str, bool | None]:
        return {key: ANSWERS[combo.currentIndex()] for key, combo in self.combos.items()}

    def show_boost(self, boost: BoostView, tz: tzinfo) -> None:
        for key, combo in self.combos.items():
            combo.setCurrentIndex(ANSWERS.index(boost.answers.get(key)))
        if boost.screened_at is not None:
            when = fmt.format_full_moment(boost.screened_at, tz)
            self.status.setText(
                self.tr("Screened by {who}, {when}").format(who=boost.screened_by or "", when=when)
            )
        else:
            self.status.setText(self.tr("Not screened yet"))

    def _save(self) -> None:
        self._on_save(self.answers())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._save()
            return
        super().keyPressEvent(event)
