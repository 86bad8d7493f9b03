"""Translation helpers: the UI language and its translators.

``QT_TRANSLATE_NOOP`` marks a string for ``pyside6-lupdate`` (which matches the name) without
translating it yet; this typed twin returns ``str`` where PySide6's stub says ``object``.

The UI language is, first to last: ``TRANSITIONS_UI_LANGUAGE`` (tests, deployments), the
workstation's choice in Settings (``display/language`` in ``workstation.ini``), the OS locale.
Translations are ``resources/translations/transitions_<lang>.qm``, compiled from the committed
``.ts`` by the build (``packaging/update_translations.py``); without a ``.qm`` the UI is English.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from transitions.resources import resource

log = logging.getLogger(__name__)

LANGUAGE_ENV = "TRANSITIONS_UI_LANGUAGE"
SOURCE_LANGUAGE = "en"
#: Languages the UI is translated into, with their names in their own language.
LANGUAGES = {"en": "English", "es": "Español"}

_installed: list[QTranslator] = []
_locale_changed: list[bool] = []


def QT_TRANSLATE_NOOP(context: str, source_text: str) -> str:  # noqa: N802 - lupdate's name
    del context
    return source_text


def _language_code(value: str) -> str:
    """'es_US' / 'es-MX' / 'ES' -> 'es'; '' stays '' (= follow the system)."""
    return value.strip().replace("-", "_").split("_")[0].lower()


def ui_language(saved: str = "", *, system: QLocale | None = None) -> str:
    """The language the UI should use: a key of ``LANGUAGES``."""
    for choice in (os.environ.get(LANGUAGE_ENV, ""), saved):
        code = _language_code(choice)
        if code in LANGUAGES:
            return code
        if code and code != "system":
            log.warning("unknown UI language %r; following the system", choice)
    system_code = _language_code((system or QLocale.system()).name())
    return system_code if system_code in LANGUAGES else SOURCE_LANGUAGE


def qm_path(language: str, directory: str | None = None) -> str:
    name = f"transitions_{language}.qm"
    return os.path.join(directory, name) if directory else str(resource("translations", name))


def remove_translators(app: QCoreApplication) -> None:
    while _installed:
        app.removeTranslator(_installed.pop())
    if _locale_changed:
        _locale_changed.clear()
        QLocale.setDefault(QLocale.system())


def install_translators(
    app: QCoreApplication, language: str, *, directory: str | None = None
) -> bool:
    """Install the app's (and Qt's own) translations for ``language``; True if the app's loaded.

    Replaces translators installed earlier. English is the source language: nothing to load.
    ``directory`` holds the ``.qm`` files (default: the shipped ``resources/translations``).
    """
    remove_translators(app)
    if language == SOURCE_LANGUAGE:
        return True
    ours = QTranslator(app)
    if not ours.load(qm_path(language, directory)):
        log.warning("no compiled translation for %s (run `make translations`)", language)
        return False
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    app.installTranslator(ours)
    _installed.append(ours)
    if _language_code(QLocale.system().name()) != language:
        # Dates and month names follow the UI language when it is not the system's.
        QLocale.setDefault(QLocale(f"{language}_US"))
        _locale_changed.append(True)
    return True
