"""End to end through ``run_gui``: real background thread, real database preparation (SQLite)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ui.app import run_gui
from ui.dialogs.first_admin import CreateAdminDialog
from ui.dialogs.sign_in import SignInDialog
from ui.main_window import MainWindow

PASSWORD = "a long enough passphrase"


def visible(kind: type[QWidget]) -> QWidget | None:
    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()),
        None,
    )


def test_first_run_to_main_window_and_quit(
    qtbot: QtBot,
    qapp: QApplication,
    tmp_path: Path,
    site_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TRANSITIONS_SITE_CONFIG", str(site_file))
    url = f"sqlite:///{tmp_path / 'first-run.db'}"
    seen: list[str] = []

    def drive() -> None:
        admin = visible(CreateAdminDialog)
        if isinstance(admin, CreateAdminDialog) and admin.create_button.isEnabled():
            seen.append("admin")
            for name, value in (
                ("username", "first.admin"),
                ("display_name", "First Admin"),
                ("password", PASSWORD),
                ("confirm", PASSWORD),
            ):
                admin.edits[name].setText(value)
            admin.create_button.click()
            return
        sign_in = visible(SignInDialog)
        if isinstance(sign_in, SignInDialog) and sign_in.sign_in_button.isEnabled():
            seen.append("sign in")
            sign_in.password_edit.setText(PASSWORD)
            sign_in.sign_in_button.click()
            return
        window = visible(MainWindow)
        if isinstance(window, MainWindow) and window.worklist.count_label.text() == "0 patients":
            seen.append("main window")
            assert window.worklist.table.is_showing_empty_text()
            window.quit_action.trigger()

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(drive)
    timer.start()
    guard = QTimer()  # never hang the suite
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: qapp.exit(99))
    guard.start(30_000)
    try:
        code = run_gui(url)
    finally:
        timer.stop()
        guard.stop()
        qapp.setQuitOnLastWindowClosed(True)
    assert code == 0
    assert seen == ["admin", "sign in", "main window"]
    assert (tmp_path / "first-run.db").exists()
