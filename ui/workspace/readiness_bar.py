"""The workspace header's readiness row: one button per step (mark + name, coloured by status,
the problems in its tooltip); clicking it, or Space on it, opens that step."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from transitions.services.readiness import Readiness, step_page
from ui.widgets import readiness as ready
from ui.widgets.style import set_muted
from ui.workspace.readiness_text import item_detail, messages_text


class ReadinessBar(QWidget):
    """Filled by :meth:`show_readiness`; emits :attr:`step_requested` with a workspace step."""

    step_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[str, QToolButton] = {}
        self.caption = set_muted(QLabel(self.tr("Readiness:")))
        self.overall = QLabel()
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 2, 0, 0)
        self._layout.setSpacing(4)
        self._layout.addWidget(self.caption)
        self._layout.addStretch(1)
        self._layout.addWidget(self.overall)
        self.setAccessibleName(self.tr("Discharge readiness"))

    def show_readiness(self, readiness: Readiness) -> None:
        for button in self.buttons.values():
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        for position, (key, step) in enumerate(readiness.steps.items(), start=1):
            button = QToolButton()
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setText(f"{ready.glyph(step.status)} {ready.step_name(key)}")
            tip = [ready.step_tooltip(key, step.status), *messages_text(step.messages)]
            button.setToolTip("\n".join(tip))
            button.setAccessibleName(ready.step_tooltip(key, step.status))
            button.setStyleSheet(f"color: {ready.colour(step.status).name()};")
            button.setProperty("status", step.status)
            button.clicked.connect(lambda _checked=False, k=key: self.step_requested.emit(
                step_page(k)))  # fmt: skip
            self._layout.insertWidget(position, button)
            self.buttons[key] = button
        open_items = [i for i in readiness.red_checklist if i.status == ready.MISSING]
        if readiness.ready:
            self.overall.setText(self.tr("✓ Ready for discharge"))
            self.overall.setStyleSheet(f"color: {ready.colour(ready.DONE).name()};")
        else:
            if len(open_items) == 1:
                text = self.tr("1 checklist item open")
            else:
                text = self.tr("%1 checklist items open").replace("%1", str(len(open_items)))
            self.overall.setText(text)
            self.overall.setStyleSheet(f"color: {ready.colour(ready.WARNING).name()};")
        from ui.workspace.discharge.labels import item_label  # noqa: PLC0415 - off the start

        self.overall.setToolTip(
            "\n".join(
                f"○ {item_label(item.key, item.label)}: {item_detail(item)}" for item in open_items
            )
        )
