"""Regression: PySide6 6.12.0 leaked a reference to True on every Python-side Signal.emit().

On Python 3.11 that aborts the interpreter ("Fatal Python error: bool_dealloc") after a few
hundred emits; the app emits one signal per background task. Run this against any new PySide6
before moving the pin in pyproject.toml. On Python 3.12+ True and None are immortal (their
reference counts are meaningless), so only the loop runs there: it must not crash.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

ROUNDS = 2_000


class Emitter(QObject):
    fired = Signal(object)
    plain = Signal()


def test_emit_and_process_events_keep_refcounts(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert app is not None
    emitter = Emitter()
    received: list[object] = []
    emitter.fired.connect(received.append)
    emitter.plain.connect(lambda: None)
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)

    for number in range(ROUNDS):
        emitter.fired.emit(number)
        emitter.plain.emit()
    for _ in range(ROUNDS):
        app.processEvents()

    assert len(received) == ROUNDS
    received.clear()
    if sys.version_info < (3, 12):
        # a leak of one reference per emit shows up as thousands; allow small unrelated noise
        assert sys.getrefcount(True) >= true_before - 10
        assert sys.getrefcount(None) >= none_before - 10
