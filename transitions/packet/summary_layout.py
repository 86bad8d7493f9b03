"""Styles and table helpers of the summary to the primary care provider (reportlab)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from transitions.packet.fonts import FontSet

GRID = colors.HexColor("#a0a0a0")
SHADE = colors.HexColor("#ececec")
WARN = colors.HexColor("#b00020")
BODY_PT = 9.5
MARGIN = 16 * mm
#: platypus frames keep 6 pt inside their edges
FRAME_PADDING = 6
MED_GROUPS = ("new", "changed", "continued", "stopped")

Story = list[Flowable]


@dataclass(frozen=True)
class SummaryStyles:
    body: ParagraphStyle
    small: ParagraphStyle
    bold: ParagraphStyle
    cell: ParagraphStyle
    head: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h2: ParagraphStyle
    warn: ParagraphStyle
    fax_title: ParagraphStyle
    fax_heading: ParagraphStyle
    fax_label: ParagraphStyle
    fax_value: ParagraphStyle
    fonts: FontSet
    colour: colors.Color


def make_styles(fonts: FontSet, colour: colors.Color) -> SummaryStyles:
    def style(name: str, font: str, pt: float, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=pt, leading=pt * 1.25, **kw)

    return SummaryStyles(
        body=style("body", fonts.regular, BODY_PT, spaceAfter=3),
        small=style("small", fonts.regular, BODY_PT * 0.85, textColor=colors.HexColor("#444444")),
        bold=style("bold", fonts.bold, BODY_PT),
        cell=style("cell", fonts.regular, BODY_PT),
        head=style("head", fonts.bold, BODY_PT),
        title=style("title", fonts.bold, 17, textColor=colour, spaceAfter=2),
        subtitle=style("subtitle", fonts.regular, 10.5, spaceAfter=8),
        h2=style(
            "h2", fonts.bold, 11.5, textColor=colour, spaceBefore=9, spaceAfter=4, keepWithNext=1
        ),
        warn=style("warn", fonts.bold, BODY_PT, textColor=WARN, spaceAfter=4),
        fax_title=style("fax_title", fonts.bold, 40, textColor=colour, spaceAfter=18),
        fax_heading=style(
            "fax_heading", fonts.bold, 15, textColor=colour, spaceBefore=10, spaceAfter=4
        ),
        fax_label=style("fax_label", fonts.bold, 12),
        fax_value=style("fax_value", fonts.regular, 12),
        fonts=fonts,
        colour=colour,
    )


def para(text: str | None, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text or ""), style)


def lines_para(lines: Sequence[str], style: ParagraphStyle) -> Paragraph:
    return Paragraph("<br/>".join(escape(line) for line in lines if line), style)


def grid(rows: list[list[Any]], widths: Sequence[float], *, header: bool = True) -> Table:
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0)
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    table.setStyle(TableStyle(commands))
    return table


def columns(
    header: Sequence[str],
    rows: Sequence[Sequence[str | None]],
    fractions: Sequence[float],
    width: float,
    s: SummaryStyles,
) -> Table:
    data: list[list[Any]] = [[para(h, s.head) for h in header]]
    data += [[para(cell, s.cell) for cell in row] for row in rows]
    return grid(data, [width * f for f in fractions])


def pairs_table(pairs: Sequence[tuple[str, str | None]], width: float, s: SummaryStyles) -> Table:
    """Label / value lines (values left out when empty), no grid."""
    rows = [[para(label, s.head), para(value, s.cell)] for label, value in pairs if value]
    table = Table(rows or [["", ""]], colWidths=[width * 0.36, width * 0.64])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def side_by_side(left: Story, right: Story, width: float) -> Table:
    table = Table([[left, right]], colWidths=[width * 0.5, width * 0.5])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), 10),
            ]
        )
    )
    return table
