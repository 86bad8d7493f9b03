"""Screen-only preferences of this workstation: font scale and default printer (QSettings).

They live in ``workstation.ini`` in the user config directory (an explicit file, so tests and IT
know where it is); the database URL, which the command line needs too, is in
``workstation.toml`` (:mod:`transitions.workstation`).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QApplication

from transitions.config import user_config_dir

FONT_SCALE_KEY = "display/font_scale"
LANGUAGE_KEY = "display/language"  # "" = the system's; a key of ui.i18n.LANGUAGES
PRINTER_KEY = "printing/default_printer"
FONT_SCALES = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0)
_BASE_SIZE_PROPERTY = "transitions_base_point_size"


def preferences() -> QSettings:
    path = user_config_dir() / "workstation.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)


def saved_font_scale(settings: QSettings) -> float:
    try:
        value = float(str(settings.value(FONT_SCALE_KEY, 1.0)))
    except ValueError:
        return 1.0
    return value if FONT_SCALES[0] <= value <= FONT_SCALES[-1] else 1.0


def apply_font_scale(app: QApplication, scale: float) -> None:
    """Scale the application font from the size it started with (widgets follow at once)."""
    base = app.property(_BASE_SIZE_PROPERTY)
    if base is None:
        base = app.font().pointSizeF()
        app.setProperty(_BASE_SIZE_PROPERTY, base)
    font = app.font()
    font.setPointSizeF(float(base) * scale)
    app.setFont(font)


def apply_saved_font_scale(app: QApplication) -> None:
    scale = saved_font_scale(preferences())
    if scale != 1.0:
        apply_font_scale(app, scale)


def saved_language(settings: QSettings) -> str:
    return str(settings.value(LANGUAGE_KEY, "") or "")


def installed_printers() -> list[str]:
    return sorted(QPrinterInfo.availablePrinterNames(), key=str.casefold)


def chosen_printer(settings: QSettings | None = None) -> str | None:
    """The printer packets go to: the saved one if still installed, else the system default
    (None = let Qt use the system default)."""
    name = str((settings or preferences()).value(PRINTER_KEY, "") or "")
    return name if name and name in installed_printers() else None
