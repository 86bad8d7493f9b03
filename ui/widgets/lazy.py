"""A page built the first time it is shown, so its modules and widgets cost nothing at start."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyPage(QWidget):
    """Holds ``factory``'s page once it is needed: on first show or :meth:`ensure_page`."""

    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self.page: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def ensure_page(self) -> QWidget:
        if self.page is None:
            self.page = self._factory()
            self.layout().addWidget(self.page)
            self.setFocusProxy(self.page)
            if self.isVisible():
                self.page.show()
        return self.page

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_page()
        super().showEvent(event)
