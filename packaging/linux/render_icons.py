"""Render the application icon's PNG sizes from its SVG (the one source of the icon).

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/linux/render_icons.py [OUT_DIR]

Writes ``OUT_DIR/hicolor/<n>x<n>/apps/<APP_ID>.png`` for every size in :data:`SIZES` and the
scalable SVG beside them (default OUT_DIR: ``packaging/linux/icons``, which is committed; a test
checks the committed files are current). Uses Qt's own SVG renderer, so no extra tool is needed.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "org.transitionsofcare.Transitions"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
REPO = Path(__file__).resolve().parents[2]
SVG = REPO / "resources" / "icons" / "transitions.svg"
DEFAULT_OUT = Path(__file__).resolve().parent / "icons"


def render(size: int, svg: Path = SVG) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def render_all(out: Path = DEFAULT_OUT) -> list[Path]:
    written = []
    for size in SIZES:
        path = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        if not render(size).save(str(path), "PNG"):
            raise SystemExit(f"render_icons: cannot write {path}")
        written.append(path)
    scalable = out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SVG, scalable)
    written.append(scalable)
    return written


def main(argv: list[str]) -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    del app
    out = Path(argv[0]) if argv else DEFAULT_OUT
    for path in render_all(out):
        print(path.relative_to(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
