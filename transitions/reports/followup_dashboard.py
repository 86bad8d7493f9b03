"""The follow-up dashboard as a printable PDF (reportlab platypus + a small bar chart)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from transitions.domain.followup import DashboardCell
from transitions.domain.tcm import CMS_VISIT_DEADLINES, VisitDeadlinePolicy

SERIES = (
    ("Contacted within 2 business days (%)", colors.HexColor("#1565c0")),
    ("Visit within deadline (%)", colors.HexColor("#2e7d32")),
    ("30-day unplanned readmission (%)", colors.HexColor("#c62828")),
)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}%"


def _chart(cells: Sequence[DashboardCell]) -> Drawing:
    totals = [c for c in cells if c.tier == "all"]
    labels = [f"{c.unit} {c.month}" for c in totals]
    drawing = Drawing(250 * mm, 70 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 14 * mm
    chart.width, chart.height = 170 * mm, 52 * mm
    chart.data = [
        [c.contacted_pct or 0 for c in totals],
        [c.visits_pct or 0 for c in totals],
        [c.readmission_pct or 0 for c in totals],
    ]
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.angle = 30
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.categoryAxis.labels.fontSize = 6
    for i, (_, color) in enumerate(SERIES):
        chart.bars[i].fillColor = color
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 188 * mm, 60 * mm
    legend.fontSize = 7
    legend.colorNamePairs = [(color, name) for name, color in SERIES]
    drawing.add(legend)
    return drawing


def write_dashboard_pdf(
    path: Path,
    cells: Sequence[DashboardCell],
    *,
    hospital: str,
    first: date,
    last: date,
    visit_deadlines: VisitDeadlinePolicy = CMS_VISIT_DEADLINES,
) -> None:
    styles = getSampleStyleSheet()
    doc = SimpleDocTemplate(
        str(path),
        pagesize=landscape(A4),
        title="Follow-up dashboard",
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
    )
    story = [
        Paragraph(f"{hospital} — follow-up after discharge", styles["Title"]),
        Paragraph(
            f"Discharges from {first.isoformat()} to {last.isoformat()}, per unit and month of "
            "discharge. Contact: first completed TCM call within 2 business days (CMS "
            f"MLN908628). Visit: kept within {visit_deadlines.high} (high risk), "
            f"{visit_deadlines.moderate} (moderate) or {visit_deadlines.low} days (low risk). "
            "Readmission: unplanned inpatient admission within 30 days.",
            styles["Normal"],
        ),
        Spacer(1, 4 * mm),
    ]
    if cells:
        story.append(_chart(cells))
    header = [
        "Unit",
        "Month",
        "Risk tier",
        "Discharges",
        "Contacted ≤2 bd",
        "Visit in deadline",
        "Unplanned readmission",
    ]
    data = [header] + [
        [
            c.unit,
            c.month,
            "all" if c.tier == "all" else c.tier,
            str(c.discharges),
            _pct(c.contacted_pct),
            _pct(c.visits_pct),
            _pct(c.readmission_pct),
        ]
        for c in cells
    ]
    table = Table(data, repeatRows=1, hAlign="LEFT")
    style = [
        ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
    ]
    for i, c in enumerate(cells, start=1):
        if c.tier == "all":
            style.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#eeeeee")))
            style.append(("FONTNAME", (0, i), (-1, i), "Helvetica-Bold"))
    table.setStyle(TableStyle(style))
    story += (
        [Spacer(1, 4 * mm), table] if cells else [Paragraph("No discharges.", styles["Normal"])]
    )
    doc.build(story)
