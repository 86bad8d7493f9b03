"""The task runners: work off the GUI thread, callbacks on it, in order."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from transitions.errors import NotFoundError
from ui.errors import user_message
from ui.tasks import BackgroundRunner, SynchronousRunner, bound_to


def test_background_runner_runs_off_the_gui_thread_and_answers_on_it(qtbot: QtBot) -> None:
    runner = BackgroundRunner()
    main = threading.get_ident()
    seen: list[tuple[str, object, bool]] = []

    def work(n: int) -> tuple[int, int]:
        return n, threading.get_ident()

    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: busy is False):
        for n in range(3):
            runner.run(
                lambda n=n: work(n),
                lambda result: seen.append(("ok", result[0], result[1] != main)),
                lambda exc: seen.append(("error", exc, False)),
            )
        runner.run(
            lambda: (_ for _ in ()).throw(NotFoundError("no stay with id 9")),
            lambda result: seen.append(("ok", result, False)),
            lambda exc: seen.append(("error", str(exc), threading.get_ident() == main)),
        )
    assert seen == [
        ("ok", 0, True),
        ("ok", 1, True),
        ("ok", 2, True),
        ("error", "no stay with id 9", True),  # on_error ran on the GUI thread
    ]
    assert runner.pending == 0
    runner.shutdown()


def test_callbacks_of_a_closed_widget_are_dropped(qtbot: QtBot) -> None:
    label = QLabel()
    calls: list[str] = []
    callback = bound_to(label, lambda text: calls.append(text))
    callback("before")
    label.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(label))
    callback("after")
    assert calls == ["before"]


def test_synchronous_runner_and_messages() -> None:
    runner = SynchronousRunner()
    out: list[object] = []
    runner.run(lambda: 41 + 1, out.append, out.append)
    runner.run(lambda: 1 / 0, out.append, out.append)
    assert out[0] == 42
    assert isinstance(out[1], ZeroDivisionError)
    assert user_message(NotFoundError("no stay with id 9")) == "No stay with id 9."
    generic = user_message(ZeroDivisionError("Quigley MRN100001"))
    assert generic == "Something went wrong; the details were written to the log."


def test_unexpected_errors_are_logged_without_their_message(
    caplog: pytest.LogCaptureFixture,
) -> None:
    try:
        raise ValueError("Quigley, Maren MRN100001")
    except ValueError as exc:
        user_message(exc, "loading a stay")
    text = caplog.text
    assert "ValueError at" in text and "loading a stay" in text and "test_tasks.py" in text
    assert "Quigley" not in text and "MRN100001" not in text
