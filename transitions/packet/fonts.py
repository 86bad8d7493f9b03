"""The packet's font: DejaVu Sans, embedded (subset) so accents and symbols print everywhere.

DejaVu Sans is not shipped in the wheel: Debian's ``fonts-dejavu-core`` (installed by
packaging/system-deps.sh) provides it, and most Linux desktops have it. It is looked up in
``TRANSITIONS_PACKET_FONT_DIR`` first, then the usual font folders. When it is missing the packet
falls back to the PDF base font Helvetica (Latin-1 only: Spanish accents still print, other
scripts would not) and a warning is logged once; :func:`packet_fonts` reports which was used.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

log = logging.getLogger(__name__)

FONT_DIR_ENV = "TRANSITIONS_PACKET_FONT_DIR"
_FILES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}


@dataclass(frozen=True)
class FontSet:
    regular: str
    bold: str
    embedded: bool
    source: str


def _candidate_dirs() -> list[Path]:
    dirs: list[Path] = []
    env = os.environ.get(FONT_DIR_ENV)
    if env:
        dirs.append(Path(env))
    dirs += [
        Path("/usr/share/fonts/truetype/dejavu"),
        Path("/usr/share/fonts/dejavu"),
        Path("/usr/share/fonts/TTF"),
        Path("/usr/local/share/fonts"),
        Path.home() / ".local/share/fonts",
        Path.home() / ".fonts",
        Path("/Library/Fonts"),
        Path.home() / "Library/Fonts",
    ]
    if sys.platform == "win32":
        windir = os.environ.get("WINDIR", r"C:\Windows")
        dirs.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return dirs


def find_dejavu() -> Path | None:
    """The folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf, or None."""
    for folder in _candidate_dirs():
        if all((folder / name).is_file() for name in _FILES.values()):
            return folder
    return None


@cache
def packet_fonts() -> FontSet:
    """Register the packet fonts with reportlab (once per process) and name them."""
    folder = find_dejavu()
    if folder is None:
        log.warning(
            "DejaVu Sans not found (install fonts-dejavu-core or set %s); the discharge "
            "packet falls back to Helvetica",
            FONT_DIR_ENV,
        )
        return FontSet("Helvetica", "Helvetica-Bold", embedded=False, source="Helvetica")
    pdfmetrics.registerFont(TTFont("PacketSans", str(folder / _FILES["regular"])))
    pdfmetrics.registerFont(TTFont("PacketSans-Bold", str(folder / _FILES["bold"])))
    pdfmetrics.registerFontFamily(
        "PacketSans",
        normal="PacketSans",
        bold="PacketSans-Bold",
        italic="PacketSans",
        boldItalic="PacketSans-Bold",
    )
    return FontSet("PacketSans", "PacketSans-Bold", embedded=True, source=str(folder))
