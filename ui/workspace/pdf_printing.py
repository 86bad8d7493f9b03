"""Printing a PDF (the discharge packet) with Qt: pages rendered by QtPdf, painted on a QPrinter.

:class:`PdfPrintJob` keeps one painter open so several packets go out as one print job (batch
printing); :func:`print_pdf` prints one document. Pages are rasterised at the printer's
resolution, at most 300 dpi, which prints text crisply and keeps memory bounded.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

MAX_DPI = 300


def load_pdf(data: bytes, parent: QObject | None = None) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument reading ``data``; the buffer is the document's child (lives as long)."""
    document = QPdfDocument(parent) if parent is not None else QPdfDocument()
    buffer = QBuffer(document)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise ValueError(f"the PDF could not be read ({document.error().name})")
    return document, buffer


class PdfPrintJob:
    """One print job on ``printer``; :meth:`add` appends a PDF's pages."""

    def __init__(self, printer: QPrinter) -> None:
        self.printer = printer
        self.painter = QPainter()
        self.pages = 0

    def add(self, data: bytes) -> int:
        document, _buffer = load_pdf(data)
        dpi = min(self.printer.resolution(), MAX_DPI)
        for index in range(document.pageCount()):
            if self.pages == 0:
                if not self.painter.begin(self.printer):
                    raise OSError("the printer could not be opened")
            elif not self.printer.newPage():
                raise OSError("the printer refused a new page")
            size_pt = document.pagePointSize(index)
            pixels = QSize(round(size_pt.width() * dpi / 72), round(size_pt.height() * dpi / 72))
            image = document.render(index, pixels)
            target = QRectF(self.painter.viewport())
            scale = min(target.width() / pixels.width(), target.height() / pixels.height())
            width, height = pixels.width() * scale, pixels.height() * scale
            self.painter.drawImage(QRectF(0, 0, width, height), image)
            self.pages += 1
        document.close()
        return document.pageCount()

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
