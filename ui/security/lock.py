"""Automatic lock after idle (HIPAA 164.312(a)(2)(iii)): cover the window, keep everything
underneath as it is (unsaved forms included), and ask for the password to continue.

:class:`ScreenLock` watches keyboard and mouse input application-wide; after the site's
``idle_lock_minutes`` without input it shows :class:`LockOverlay` over the whole main window
(menus included) and disables the window's shortcuts. The overlay only collects the user name
and password (:attr:`ScreenLock.unlock_requested`); the start-up controller checks them and
calls :meth:`ScreenLock.unlock`, or asks before letting a different user take over.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.common import error_label, heading, set_error
from ui.widgets.style import set_muted

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class LockOverlay(QWidget):
    """An opaque cover over the main window with a small unlock form in the middle."""

    submitted = Signal(str, str)

    def __init__(self, window: QWidget, username: str, display_name: str, hospital: str) -> None:
        super().__init__(window)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Dark))
        self.setPalette(palette)

        panel = QFrame(self)
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setAutoFillBackground(True)
        panel_palette = panel.palette()
        panel_palette.setColor(
            QPalette.ColorRole.Window,
            self.style().standardPalette().color(QPalette.ColorRole.Window),
        )
        panel.setPalette(panel_palette)
        self.message = QLabel(
            self.tr(
                "Locked after a period without activity. %1 — enter your password to continue."
            ).replace("%1", display_name)
        )
        self.message.setWordWrap(True)
        place = QLabel(hospital)
        set_muted(place)
        self.username_edit = QLineEdit(username)
        self.username_edit.setAccessibleName(self.tr("User name"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.error_label = error_label()
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setDefault(True)
        note = QLabel(self.tr("Another user may sign in here; open work is kept until then."))
        note.setWordWrap(True)
        set_muted(note)

        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.username_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        inner = QVBoxLayout(panel)
        inner.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        inner.setContentsMargins(22, 18, 22, 18)
        inner.addWidget(heading(self.tr("Transitions is locked")))
        inner.addWidget(place)
        inner.addSpacing(6)
        inner.addWidget(self.message)
        inner.addLayout(form)
        inner.addWidget(self.error_label)
        inner.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignRight)
        inner.addWidget(note)
        width = self.fontMetrics().horizontalAdvance("M") * 30
        for label in (self.message, note, self.error_label):
            label.setFixedWidth(width)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

        self.unlock_button.clicked.connect(self._submit)
        self.password_edit.returnPressed.connect(self._submit)
        self.username_edit.returnPressed.connect(self.password_edit.setFocus)

    def _submit(self) -> None:
        if not self.username_edit.text().strip():
            self.show_error(self.tr("Enter your user name."))
            return
        set_error(self.error_label, None)
        self.unlock_button.setEnabled(False)
        self.submitted.emit(self.username_edit.text().strip(), self.password_edit.text())

    def show_error(self, message: str) -> None:
        self.unlock_button.setEnabled(True)
        set_error(self.error_label, message)
        self.password_edit.clear()
        self.password_edit.setFocus()

    def reset(self, username: str) -> None:
        self.unlock_button.setEnabled(True)
        self.username_edit.setText(username)
        self.password_edit.clear()
        set_error(self.error_label, None)


class ScreenLock(QObject):
    """Locks ``window`` after ``minutes`` without keyboard/mouse input anywhere in the app."""

    locked = Signal()
    unlocked = Signal()
    unlock_requested = Signal(str, str)

    def __init__(
        self,
        window: QWidget,
        *,
        minutes: int,
        username: str,
        display_name: str,
        hospital: str,
        clock: Callable[[], float] = time.monotonic,
        check_every_ms: int = 15_000,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.idle_seconds = minutes * 60
        self.username = username
        self._clock = clock
        self.last_activity = clock()
        self.overlay = LockOverlay(window, username, display_name, hospital)
        self.overlay.hide()
        self.overlay.submitted.connect(self.unlock_requested)
        self._disabled_actions: list[QAction] = []
        self.timer = QTimer(self)
        self.timer.setInterval(check_every_ms)
        self.timer.timeout.connect(self.check_idle)
        self.timer.start()
        window.installEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def is_locked(self) -> bool:
        return self.overlay.isVisible()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.window and event.type() == QEvent.Type.Resize:
            self.overlay.setGeometry(self.window.rect())
        elif event.type() in _ACTIVITY and not self.is_locked:
            self.last_activity = self._clock()
        return False

    def check_idle(self) -> None:
        if not self.is_locked and self._clock() - self.last_activity >= self.idle_seconds:
            self.lock()

    def lock(self) -> None:
        if self.is_locked:
            return
        self.overlay.reset(self.username)
        self.overlay.setGeometry(self.window.rect())
        self._disabled_actions = [a for a in self.window.actions() if a.isEnabled()]
        for action in self._disabled_actions:
            action.setEnabled(False)  # no Ctrl+F, Ctrl+1... behind the cover
        self.overlay.show()
        self.overlay.raise_()
        self.overlay.password_edit.setFocus()
        self.locked.emit()

    def unlock(self) -> None:
        self.overlay.hide()
        for action in self._disabled_actions:
            action.setEnabled(True)
        self._disabled_actions = []
        self.last_activity = self._clock()
        self.unlocked.emit()

    def show_error(self, message: str) -> None:
        self.overlay.show_error(message)

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
