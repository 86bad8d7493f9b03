"""The GUI entry point the launcher calls: ``run_gui(database_url, ...)``."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

import transitions
from transitions.config import load_site_config, resolve_database_url
from transitions.errors import ConfigError
from transitions.resources import resource
from ui.errors import sentence
from ui.i18n import install_translators, ui_language
from ui.preferences import apply_saved_font_scale, preferences, saved_language
from ui.startup import StartupController
from ui.tasks import BackgroundRunner

log = logging.getLogger(__name__)

EXIT_CONFIG_ERROR = 2


def application_icon() -> QIcon:
    """The window icon, from the same SVG as the desktop icons (packaging/linux)."""
    return QIcon(str(resource("icons", "transitions.svg")))


def _application(argv: list[str] | None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    return app


def run_gui(
    database_url: str | None, *, seed_demo_if_empty: bool = False, argv: list[str] | None = None
) -> int:
    """Open the application; returns the process exit code (0 normal, 1 no database, 2 config)."""
    app = _application(argv)
    app.setApplicationName("Transitions")
    app.setOrganizationName("Transitions")
    app.setApplicationVersion(transitions.__version__)
    app.setWindowIcon(application_icon())
    app.setDesktopFileName("org.transitionsofcare.Transitions")
    install_translators(app, ui_language(saved_language(preferences())))
    apply_saved_font_scale(app)
    app.setQuitOnLastWindowClosed(False)  # dialogs come and go; the controller decides when

    try:
        site = load_site_config()
        url = resolve_database_url(database_url, site)  # may read workstation.toml
    except ConfigError as exc:
        QMessageBox.critical(
            None,
            QCoreApplication.translate("run_gui", "Transitions cannot start"),
            sentence(str(exc)),
        )
        return EXIT_CONFIG_ERROR

    runner = BackgroundRunner()
    controller = StartupController(site, url, runner, seed_demo_if_empty=seed_demo_if_empty)
    exit_code: list[int] = []

    def finish(code: int) -> None:
        exit_code.append(code)
        app.exit(code)

    controller.finished.connect(finish)
    controller.start()
    try:
        result = app.exec()
    finally:
        runner.shutdown(wait=True)
        if controller.ctx is not None:
            controller.ctx.db.dispose()
    return exit_code[0] if exit_code else result
