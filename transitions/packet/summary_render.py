"""Render the discharge summary for the primary care provider (and its fax cover) to PDF.

A clinical document: dense tables, codes, doses and scores, 9.5 pt DejaVu Sans (the packet's
embedded font). Every summary page carries the hospital, the patient's name, MRN and date of
birth, "page X of Y", when and by whom it was prepared, and a confidentiality line. A fax cover,
when asked for, is page 1: recipient, sender, fax numbers, the page count including the cover
and the confidentiality notice, but no patient name or clinical content. Deterministic like the
packet: the same content and time give the same bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate

from transitions.packet.fonts import packet_fonts
from transitions.packet.render import PAPER, Rendered, _offset
from transitions.packet.summary_content import FaxCover, SummaryContent
from transitions.packet.summary_i18n import SummaryMessages
from transitions.packet.summary_layout import (
    FRAME_PADDING,
    MARGIN,
    Story,
    SummaryStyles,
    make_styles,
)
from transitions.packet.summary_sections import cover_story, summary_story

# -- page furniture ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Furniture:
    hospital: str
    patient_line: str
    page_text: str
    prepared: str
    confidential: str
    #: page 1 is a fax cover: no patient identification on it
    cover: bool
    styles: SummaryStyles


class _SummaryCanvas(Canvas):  # type: ignore[misc]
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
        for state in self._saved_pages:
            self.__dict__.update(state)
            self._draw(total)
            super().showPage()
        super().save()

    def _draw(self, total: int) -> None:
        f = self._furniture
        fonts = f.styles.fonts
        width, height = self._pagesize
        page_text = f.page_text.format(page=self._pageNumber, pages=total)
        self.setFont(fonts.regular, 8)
        if f.cover and self._pageNumber == 1:
            self.drawCentredString(width / 2, 10 * mm, page_text)
            return
        self.setFont(fonts.bold, 8.5)
        self.setFillColor(f.styles.colour)
        self.drawString(MARGIN, height - 10 * mm, f.hospital)
        self.setFillColor(colors.black)
        self.drawRightString(width - MARGIN, height - 10 * mm, f.patient_line)
        self.setStrokeColor(f.styles.colour)
        self.setLineWidth(0.6)
        self.line(MARGIN, height - 12 * mm, width - MARGIN, height - 12 * mm)
        self.line(MARGIN, 15 * mm, width - MARGIN, 15 * mm)
        self.setFont(fonts.regular, 7.5)
        self.drawString(MARGIN, 10.5 * mm, f.prepared)
        self.drawRightString(width - MARGIN, 10.5 * mm, page_text)
        self.drawCentredString(width / 2, 6.5 * mm, f.confidential)


def _build(
    story: Story,
    content: SummaryContent,
    msg: SummaryMessages,
    styles: SummaryStyles,
    *,
    paper: str,
    prepared_at: datetime,
    prepared_by: str,
    cover: bool,
) -> Rendered:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=PAPER.get(paper, PAPER["letter"]),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=17 * mm,
        bottomMargin=20 * mm,
        title=msg("title"),
        author=content.hospital,
        creator="Transitions",
        subject=msg("subtitle"),
        lang=msg.language,
        invariant=1,
    )
    p = content.patient
    furniture = _Furniture(
        hospital=content.hospital,
        patient_line=msg("header.patient", name=p.name, mrn=p.mrn, dob=msg.day(p.birth_date)),
        page_text=msg("footer.page"),
        prepared=msg("footer.prepared", when=msg.moment(prepared_at), name=prepared_by),
        confidential=msg("footer.confidential"),
        cover=cover,
        styles=styles,
    )
    made: list[_SummaryCanvas] = []

    def canvasmaker(*args: Any, **kw: Any) -> _SummaryCanvas:
        made.append(_SummaryCanvas(*args, furniture=furniture, printed_at=prepared_at, **kw))
        return made[-1]

    doc.build(story, canvasmaker=canvasmaker)
    return Rendered(buffer.getvalue(), made[-1].page_count)


def render_summary(
    content: SummaryContent,
    *,
    language: str,
    prepared_at: datetime,
    prepared_by: str,
    paper: str = "letter",
    colour: str = "#1f4e79",
    fax_cover: FaxCover | None = None,
) -> Rendered:
    """The summary as PDF bytes and page count; with ``fax_cover``, a cover page first whose
    page count includes itself. ``prepared_at`` is aware, in the hospital's zone."""
    msg = SummaryMessages(language)
    styles = make_styles(packet_fonts(), colors.HexColor(colour))
    width = PAPER.get(paper, PAPER["letter"])[0] - 2 * MARGIN - 2 * FRAME_PADDING

    def build(story: Story, cover: bool) -> Rendered:
        return _build(
            story, content, msg, styles, paper=paper, prepared_at=prepared_at,
            prepared_by=prepared_by, cover=cover,
        )  # fmt: skip

    summary = build(summary_story(content, msg, styles, width), cover=False)
    if fax_cover is None:
        return summary
    story = cover_story(fax_cover, summary.pages + 1, msg, styles, width)
    return build(story + summary_story(content, msg, styles, width), cover=True)
