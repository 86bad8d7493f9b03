"""`transitions --self-test`: prove a deployed copy (the bundle, a workstation) can run.

Migrates the database, opens the main window as a system actor (offscreen works), waits until
the worklist has loaded through the real background runner, closes the window, renders a PDF
page (PDFium, for the packet preview and printing) and prints
``self-test passed`` (exit 0). Any failure prints one line ``self-test failed: ...`` on stderr
and exits 1. Nothing here needs a user account, and no patient data is printed.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from transitions.config import load_site_config, resolve_database_url
from transitions.services.admin import prepare_database
from transitions.services.uow import Actor
from ui.app import application_icon
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.tasks import BackgroundRunner

log = logging.getLogger(__name__)

EXIT_PASSED = 0
EXIT_FAILED = 1
#: Longest wait for the worklist; a shared PostgreSQL over a slow link still answers in this time.
TIMEOUT_SECONDS = 60.0


class SelfTestError(Exception):
    """A check of the self-test failed; the message is the one line printed."""


def _wait_until(done: Callable[[], bool], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise SelfTestError(f"the worklist did not load within {timeout:.0f} s")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _check(database_url: str | None, timeout: float) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    icon = application_icon()
    if icon.isNull():
        raise SelfTestError("the application icon is missing from the installation")
    site = load_site_config()
    url = resolve_database_url(database_url, site)
    db = prepare_database(url, site)  # connects and migrates
    runner = BackgroundRunner()
    window: MainWindow | None = None
    try:
        ctx = AppContext(db, site, runner, actor=Actor.system("self-test"))
        window = MainWindow(ctx)
        window.start()
        _wait_until(lambda: runner.pending == 0, timeout)
        if not window.worklist.error_label.isHidden():
            raise SelfTestError(f"the worklist failed: {window.worklist.error_label.text()}")
        if not window.isVisible():
            raise SelfTestError("the main window did not open")
        window.close()
        _check_pdf_rendering()
    finally:
        runner.shutdown(wait=True)
        if window is not None:
            window.deleteLater()
        db.dispose()


def _check_pdf_rendering() -> None:
    """The packet preview and printing need PDFium (pypdfium2's library) in the installation."""
    import io

    from reportlab.pdfgen.canvas import Canvas

    from ui.pdf_pages import load_pdf

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(144, 144))
    canvas.rect(36, 36, 72, 72, stroke=0, fill=1)
    canvas.save()
    try:
        pages = load_pdf(out.getvalue())
        image = pages.render(0, 72)
        pages.close()
    except Exception as exc:  # noqa: BLE001 - a missing library shows as any import/OS error
        raise SelfTestError(f"PDF pages cannot be rendered ({exc})") from exc
    if image.pixelColor(72, 72).lightness() > 64:
        raise SelfTestError("PDF pages render blank")


def _qt_message_to_log(mode: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's own chatter (e.g. the offscreen plugin's warnings) goes to the log, not the output."""
    if mode == QtMsgType.QtFatalMsg:  # Qt would abort: say why in one line, exit 1 instead
        print(f"self-test failed: Qt: {message.strip().splitlines()[0]}", file=sys.stderr)
        sys.stderr.flush()
        os._exit(EXIT_FAILED)
    log.debug("qt %s: %s", mode.name, message)


def _headless_default() -> None:
    """Without a display (a server, CI) the check runs offscreen instead of aborting."""
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if sys.platform.startswith("linux") and not has_display:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def run_self_test(database_url: str | None, *, timeout: float = TIMEOUT_SECONDS) -> int:
    """Run the check; return the process exit code (0 passed, 1 failed)."""
    _headless_default()
    previous = qInstallMessageHandler(_qt_message_to_log)
    try:
        _check(database_url, timeout)
    except Exception as exc:  # noqa: BLE001 - every failure is one line and exit 1
        text = str(exc).strip().splitlines()
        reason = text[0] if text else type(exc).__name__
        print(f"self-test failed: {reason}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        qInstallMessageHandler(previous)
    print("self-test passed")
    return EXIT_PASSED
