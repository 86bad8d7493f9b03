"""Small, theme-aware styling helpers (no hard-coded font sizes; colours follow the palette)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget


def muted_color(widget: QWidget) -> QColor:
    """Secondary text: the text colour two-thirds of the way from the background (readable in
    light and dark themes, unlike the 'disabled' grey)."""
    palette = widget.palette()
    text = palette.color(QPalette.ColorRole.WindowText)
    back = palette.color(QPalette.ColorRole.Window)
    mix = 0.68
    return QColor(
        round(back.red() + (text.red() - back.red()) * mix),
        round(back.green() + (text.green() - back.green()) * mix),
        round(back.blue() + (text.blue() - back.blue()) * mix),
    )


def set_muted(label: QLabel, muted: bool = True) -> QLabel:
    """Show ``label`` in the secondary text colour (or back in the normal one)."""
    palette = QPalette(label.palette())
    if muted:
        palette.setColor(QPalette.ColorRole.WindowText, muted_color(label))
    else:
        palette.setColor(
            QPalette.ColorRole.WindowText, QPalette().color(QPalette.ColorRole.WindowText)
        )
    label.setPalette(palette)
    return label
