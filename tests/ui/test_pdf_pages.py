"""PDF pages rendered by PDFium: images, the scrolling preview, printing onto a QPrinter."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen.canvas import Canvas

from ui.pdf_pages import PdfPreview, load_pdf
from ui.workspace.pdf_printing import PdfPrintJob, print_pdf


def make_pdf(pages: int) -> bytes:
    """Letter pages, each with a black bar across the top third (so ink is easy to find)."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=letter)
    for number in range(pages):
        canvas.setFillColorRGB(0, 0, 0)
        canvas.rect(72, 500, 468, 100, stroke=0, fill=1)
        canvas.drawString(72, 72, f"Page {number + 1}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def dark_fraction(image: QImage) -> float:
    """Share of sampled pixels that are dark."""
    samples = dark = 0
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            samples += 1
            dark += image.pixelColor(x, y).lightness() < 64
    return dark / samples


def test_render_page_at_dpi() -> None:
    pages = load_pdf(make_pdf(3))
    assert pages.page_count() == 3
    assert pages.page_size(0) == pytest.approx((612, 792))
    image = pages.render(1, 72)
    assert (image.width(), image.height()) == (612, 792)
    assert image.pixelColor(5, 5).name() == "#ffffff"  # white paper, not transparent black
    assert image.pixelColor(300, 792 - 550).name() == "#000000"  # inside the bar
    assert 0.05 < dark_fraction(image) < 0.2
    big = pages.render(0, 144)
    assert (big.width(), big.height()) == (1224, 1584)
    pages.close()
    with pytest.raises(ValueError):
        pages.render(0, 72)


def test_unreadable_pdf_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        load_pdf(b"this is not a PDF")


def test_preview_fits_width_renders_lazily_and_scrolls_by_keyboard(qtbot: QtBot) -> None:
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.resize(500, 400)
    preview.show()
    preview.set_pdf(make_pdf(4))
    assert preview.page_count() == 4
    qtbot.waitUntil(lambda: not preview.page_image(0).isNull())
    first = preview.page_image(0)
    assert first.width() == preview.viewport().width() - 2 * preview.MARGIN
    assert abs(first.height() - first.width() * 792 / 612) <= 1  # PDFium rounds up
    assert preview.page_image(3).isNull()  # far below the viewport: not rendered yet

    preview.setFocus()
    bar = preview.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # the pages' layout is a posted event
    qtbot.keyClick(preview, Qt.Key.Key_PageDown)
    qtbot.keyClick(preview, Qt.Key.Key_End)
    assert bar.value() == bar.maximum() > 0
    qtbot.waitUntil(lambda: not preview.page_image(3).isNull())

    # wider: re-rendered at the new width
    preview.resize(800, 400)
    qtbot.keyClick(preview, Qt.Key.Key_End)  # taller pages: the end moved
    qtbot.waitUntil(
        lambda: preview.page_image(3).width() == preview.viewport().width() - 2 * preview.MARGIN
    )

    with pytest.raises(ValueError):
        preview.set_pdf(b"junk")
    assert preview.page_count() == 4  # the shown document stays
    preview.clear()
    assert preview.page_count() == 0


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_print_one_page_per_sheet_with_ink(tmp_path: Path) -> None:
    out = tmp_path / "printed.pdf"
    assert print_pdf(make_pdf(3), pdf_printer(out)) == 3
    printed = out.read_bytes()
    assert len(PdfReader(io.BytesIO(printed)).pages) == 3
    # the printed sheets carry the page's ink (rendered back with PDFium)
    sheets = load_pdf(printed)
    assert 0.03 < dark_fraction(sheets.render(2, 50)) < 0.2


def test_print_job_appends_documents(tmp_path: Path) -> None:
    out = tmp_path / "batch.pdf"
    job = PdfPrintJob(pdf_printer(out))
    assert job.add(make_pdf(2)) == 2
    assert job.add(make_pdf(1)) == 1
    job.finish()
    assert job.pages == 3
    assert len(PdfReader(io.BytesIO(out.read_bytes())).pages) == 3
