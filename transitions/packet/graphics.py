"""Small drawings of the packet: times-of-day symbols, check marks, the barcode and the QR code.

The symbols are drawn with reportlab shapes (no font glyphs), so they print the same whatever
font is available: a rising sun (morning), a full sun (noon), a setting sun (evening) and a
crescent moon with a star (bedtime).
"""

from __future__ import annotations

import math
from functools import lru_cache
from itertools import groupby

from reportlab.graphics.barcode import code128, qrencoder
from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect, Wedge
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

SUN = colors.HexColor("#e8a200")
SUNSET = colors.HexColor("#d9601a")
NIGHT = colors.HexColor("#2c3e70")
HORIZON = colors.HexColor("#6b6b6b")


def _rays(d: Drawing, cx: float, cy: float, r: float, colour: colors.Color, upper: bool) -> None:
    count = 8
    for i in range(count):
        angle = 2 * math.pi * i / count
        if upper and math.sin(angle) < -0.01:
            continue
        x1, y1 = cx + math.cos(angle) * r * 1.35, cy + math.sin(angle) * r * 1.35
        x2, y2 = cx + math.cos(angle) * r * 1.8, cy + math.sin(angle) * r * 1.8
        d.add(Line(x1, y1, x2, y2, strokeColor=colour, strokeWidth=max(1.0, r * 0.22)))


def slot_symbol(slot: str, size: float) -> Drawing:
    """The symbol of a schedule slot ('morning', 'noon', 'evening', 'bedtime')."""
    d = Drawing(size, size)
    c = size / 2
    r = size * 0.22
    if slot == "noon":
        d.add(Circle(c, c, r, fillColor=SUN, strokeColor=None))
        _rays(d, c, c, r, SUN, upper=False)
    elif slot in ("morning", "evening"):
        colour = SUN if slot == "morning" else SUNSET
        base = size * 0.3
        d.add(Wedge(c, base, r * 1.15, 0, 180, fillColor=colour, strokeColor=None))
        _rays(d, c, base, r * 1.15, colour, upper=True)
        d.add(Line(size * 0.05, base, size * 0.95, base, strokeColor=HORIZON, strokeWidth=1.2))
        # arrow: up for sunrise, down for sunset
        tip = base - size * 0.22 if slot == "evening" else base - size * 0.06
        tail = base - size * 0.06 if slot == "evening" else base - size * 0.22
        d.add(Line(c, tail, c, tip, strokeColor=HORIZON, strokeWidth=1))
        head = size * 0.06 * (1 if slot == "morning" else -1)
        d.add(
            Polygon(
                [c - size * 0.05, tip - head, c + size * 0.05, tip - head, c, tip],
                fillColor=HORIZON,
                strokeColor=None,
            )
        )
    else:  # bedtime: crescent moon and a star
        d.add(Circle(c - size * 0.04, c, size * 0.3, fillColor=NIGHT, strokeColor=None))
        d.add(Circle(c + size * 0.1, c + size * 0.08, size * 0.27, fillColor=colors.white,
                     strokeColor=None))  # fmt: skip
        sx, sy, sr = size * 0.78, size * 0.78, size * 0.1
        points: list[float] = []
        for i in range(10):
            radius = sr if i % 2 == 0 else sr * 0.45
            angle = math.pi / 2 + i * math.pi / 5
            points += [sx + math.cos(angle) * radius, sy + math.sin(angle) * radius]
        d.add(Polygon(points, fillColor=NIGHT, strokeColor=None))
    return d


def check_mark(size: float, colour: colors.Color = colors.black) -> Drawing:
    d = Drawing(size, size)
    d.add(
        Polygon(
            [size * 0.1, size * 0.5, size * 0.4, size * 0.15, size * 0.9, size * 0.85,
             size * 0.78, size * 0.92, size * 0.4, size * 0.38, size * 0.22, size * 0.6],
            fillColor=colour,
            strokeColor=None,
        )
    )  # fmt: skip
    return d


def warning_box(size: float, colour: colors.Color) -> Drawing:
    """A filled square used to mark "call 911" (red) and "call your doctor" (amber) lists."""
    d = Drawing(size, size)
    d.add(Rect(0, 0, size, size, fillColor=colour, strokeColor=None))
    return d


def mrn_barcode(value: str, height: float) -> code128.Code128:
    """Code 128 (set B/C chosen by reportlab) of the MRN, no quiet-zone padding beyond the spec."""
    return code128.Code128(value, barHeight=height, barWidth=0.9, humanReadable=False)


@lru_cache(maxsize=64)
def qr_modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code's dark modules (error correction level M), row by row, top row first."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    return tuple(tuple(bool(cell) for cell in row) for row in code.modules)


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """The QR code as one filled path (runs of dark modules), bottom-left corner at (x, y)."""
    modules = qr_modules(payload)
    border = 1
    box = size / (len(modules) + 2 * border)
    path = canvas.beginPath()
    for r, row in enumerate(modules):
        top = y + size - (r + border + 1) * box
        c = 0
        for dark, run in groupby(row):
            n = len(list(run))
            if dark:
                path.rect(x + (c + border) * box, top, n * box, box)
            c += n
    canvas.saveState()
    canvas.setFillColor(colors.black)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def qr_payload(mrn: str, visit_number: str) -> str:
    """What the QR code holds: the MRN and the visit number (no name, no other PHI)."""
    return f"MRN:{mrn};VISIT:{visit_number}"


def draw_drawing(canvas: Canvas, drawing: Drawing, x: float, y: float) -> None:
    from reportlab.graphics import renderPDF

    renderPDF.draw(drawing, canvas, x, y)
