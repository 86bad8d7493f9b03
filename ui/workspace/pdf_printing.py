"""Printing a PDF (the discharge packet) with Qt: pages rendered by PDFium, painted on a QPrinter.

:class:`PdfPrintJob` keeps one painter open so several packets go out as one print job (batch
printing); :func:`print_pdf` prints one document. Pages are rasterised at the printer's
resolution, at most 300 dpi, which prints text crisply and keeps memory bounded.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter

from ui.pdf_pages import load_pdf

MAX_DPI = 300


class PdfPrintJob:
    """One print job on ``printer``; :meth:`add` appends a PDF's pages."""

    def __init__(self, printer: QPrinter) -> None:
        self.printer = printer
        self.painter = QPainter()
        self.pages = 0

    def add(self, data: bytes) -> int:
        pages = load_pdf(data)
        try:
            dpi = min(self.printer.resolution(), MAX_DPI)
            for index in range(pages.page_count()):
                if self.pages == 0:
                    if not self.painter.begin(self.printer):
                        raise OSError("the printer could not be opened")
                elif not self.printer.newPage():
                    raise OSError("the printer refused a new page")
                image = pages.render(index, dpi)
                # fit the page into the printable area, keeping its aspect ratio
                target = QRectF(self.painter.viewport())
                scale = min(target.width() / image.width(), target.height() / image.height())
                width, height = image.width() * scale, image.height() * scale
                self.painter.drawImage(QRectF(0, 0, width, height), image)
                self.pages += 1
            return pages.page_count()
        finally:
            pages.close()

    def finish(self) -> None:
        if self.painter.isActive():
            self.painter.end()


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Print one PDF; returns its page count."""
    job = PdfPrintJob(printer)
    try:
        return job.add(data)
    finally:
        job.finish()
