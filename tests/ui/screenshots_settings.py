"""Save a widget to screenshots/ for review (tests call it; the folder is git-ignored)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

REPO = Path(__file__).resolve().parents[2]


def save_screenshot(widget: QWidget, name: str) -> Path:
    folder = REPO / "screenshots"
    folder.mkdir(exist_ok=True)
    path = folder / name
    widget.adjustSize()
    widget.grab().save(str(path))
    return path
