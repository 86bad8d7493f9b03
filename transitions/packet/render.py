"""Render a :class:`PacketContent` to PDF bytes (reportlab platypus).

Every page carries the patient's name, the MRN as a Code 128 barcode (with the MRN printed under
it), a QR code of MRN + visit number, "page X of Y" and the print date. The output is
deterministic: reportlab's ``invariant`` mode (fixed document id) and a creation date taken from
``printed_at``, so the same content, options and time give byte-identical PDFs.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate

from transitions.packet import graphics
from transitions.packet.content import Branding, PacketContent, PacketOptions
from transitions.packet.fonts import FontSet, packet_fonts
from transitions.packet.i18n import Messages

PAPER = {"letter": LETTER, "a4": A4}
#: body text size, normal and large print (large print guidance: at least 14 pt)
BODY_PT = {False: 11.0, True: 15.0}
QR_SIZE = 18 * mm


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    bold: ParagraphStyle
    title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    callout: ParagraphStyle
    large: bool
    primary: colors.Color
    accent: colors.Color
    fonts: FontSet

    @property
    def body_size(self) -> float:
        return float(self.body.fontSize)


def make_styles(large: bool, branding: Branding, fonts: FontSet) -> Styles:
    size = BODY_PT[large]
    primary = colors.HexColor(branding.primary_colour)
    accent = colors.HexColor(branding.accent_colour)

    def style(name: str, font: str, pt: float, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=pt, leading=pt * 1.3, **kw)

    return Styles(
        body=style("body", fonts.regular, size, spaceAfter=size * 0.4),
        small=style("small", fonts.regular, size * 0.8),
        bold=style("bold", fonts.bold, size, spaceAfter=size * 0.3),
        title=style("title", fonts.bold, size * 2.1, textColor=primary, spaceAfter=size * 0.6),
        h1=style(
            "h1", fonts.bold, size * 1.65, textColor=primary, spaceBefore=size * 0.6,
            spaceAfter=size * 0.5, keepWithNext=1,
        ),
        h2=style(
            "h2", fonts.bold, size * 1.3, textColor=primary, spaceBefore=size * 0.7,
            spaceAfter=size * 0.35, keepWithNext=1,
        ),
        h3=style(
            "h3", fonts.bold, size * 1.12, spaceBefore=size * 0.5, spaceAfter=size * 0.25,
            keepWithNext=1,
        ),
        cell=style("cell", fonts.regular, size),
        cell_bold=style("cell_bold", fonts.bold, size),
        callout=style("callout", fonts.bold, size * 1.25, textColor=colors.white),
        large=large,
        primary=primary,
        accent=accent,
        fonts=fonts,
    )  # fmt: skip


@dataclass(frozen=True)
class _Furniture:
    """What every page shows: prepared once per document (barcode and QR as one form)."""

    patient_name: str
    mrn: str
    hospital: str
    printed: str
    page_text: str  # "Page {page} of {pages}" in the packet's language
    qr_payload: str
    styles: Styles


class PacketCanvas(Canvas):  # type: ignore[misc]
    """A canvas that draws the page furniture at the end, when the page count is known."""

    def __init__(self, *args: Any, furniture: _Furniture, printed_at: datetime, **kw: Any):
        super().__init__(*args, **kw)
        self._furniture = furniture
        self._saved_pages: list[dict[str, Any]] = []
        stamp = printed_at.strftime("D:%Y%m%d%H%M%S") + _offset(printed_at)
        self._doc.setDateFormatter(lambda *_args: stamp)

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    @property
    def page_count(self) -> int:
        return len(self._saved_pages)

    def save(self) -> None:
        total = len(self._saved_pages)
        self._make_form()
        for state in self._saved_pages:
            self.__dict__.update(state)
            self._draw_furniture(total)
            super().showPage()
        super().save()

    def _make_form(self) -> None:
        """Barcode and QR code drawn once as PDF forms, placed on every page."""
        f = self._furniture
        self.beginForm("packet-barcode")
        barcode = graphics.mrn_barcode(f.mrn, height=9 * mm)
        barcode.drawOn(self, 0, 3.5 * mm)
        self.setFont(f.styles.fonts.regular, 8)
        self.drawString(barcode.lquiet, 0, f.mrn)
        self.endForm()
        self.beginForm("packet-qr")
        graphics.draw_qr(self, f.qr_payload, 0, 0, QR_SIZE)
        self.endForm()

    def _draw_furniture(self, total: int) -> None:
        f = self._furniture
        width, height = self._pagesize
        margin = 15 * mm
        size = 12.0 if f.styles.large else 9.5
        # header: hospital (brand colour) and patient name, a rule under them
        self.setFont(f.styles.fonts.bold, size)
        self.setFillColor(f.styles.primary)
        self.drawString(margin, height - 12 * mm, f.hospital)
        self.setFillColor(colors.black)
        self.drawRightString(width - margin, height - 12 * mm, f.patient_name)
        self.setStrokeColor(f.styles.primary)
        self.setLineWidth(0.8)
        self.line(margin, height - 14 * mm, width - margin, height - 14 * mm)
        # footer: barcode left (MRN under it), page X of Y and print date centre, QR right
        self.line(margin, 26 * mm, width - margin, 26 * mm)
        self.saveState()
        self.translate(margin - 6.35 * mm, 7 * mm)
        self.doForm("packet-barcode")
        self.restoreState()
        self.saveState()
        self.translate(width - margin - QR_SIZE, 6 * mm)
        self.doForm("packet-qr")
        self.restoreState()
        # centre text between barcode and QR code, shrunk to fit that gap when it must be
        gap = width - 2 * (margin + 48 * mm)
        text = f.page_text.format(page=self._pageNumber, pages=total)
        for line, y in ((text, 15 * mm), (f.printed, 9 * mm)):
            fitted = min(size, size * gap / max(stringWidth(line, f.styles.fonts.regular, size), 1))
            self.setFont(f.styles.fonts.regular, fitted)
            self.drawCentredString(width / 2, y, line)


def _offset(moment: datetime) -> str:
    delta = moment.utcoffset()
    if delta is None:
        return "+00'00'"
    minutes = int(delta.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}'{minutes % 60:02d}'"


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    pages: int


def render_packet(
    content: PacketContent,
    options: PacketOptions,
    branding: Branding,
    printed_at: datetime,
) -> bytes:
    """The packet as PDF bytes. ``printed_at`` (aware, site time) is printed on every page."""
    return render(content, options, branding, printed_at).pdf


def render(
    content: PacketContent,
    options: PacketOptions,
    branding: Branding,
    printed_at: datetime,
) -> Rendered:
    """The packet as PDF bytes and its page count."""
    from transitions.packet.sections import build_story

    msg = Messages(options.language)
    fonts = packet_fonts()
    styles = make_styles(options.large_print, branding, fonts)
    pagesize = PAPER.get(options.paper, LETTER)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=20 * mm,
        bottomMargin=30 * mm,
        title=msg("title"),
        author=branding.hospital_name,
        creator="Transitions",
        subject=msg("title"),
        lang=options.language,
        invariant=1,
    )
    furniture = _Furniture(
        patient_name=content.cover.patient_name,
        mrn=content.cover.mrn,
        hospital=branding.hospital_name,
        printed=msg("footer.printed", date=msg.printed(printed_at)),
        page_text=msg("footer.page"),
        qr_payload=graphics.qr_payload(content.cover.mrn, content.cover.visit_number),
        styles=styles,
    )
    story = build_story(content, branding, msg, styles, doc.width)

    made: list[PacketCanvas] = []

    def canvasmaker(*args: Any, **kw: Any) -> PacketCanvas:
        made.append(PacketCanvas(*args, furniture=furniture, printed_at=printed_at, **kw))
        return made[-1]

    doc.build(story, canvasmaker=canvasmaker)
    return Rendered(buffer.getvalue(), made[-1].page_count)
