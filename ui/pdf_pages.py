"""PDF pages as QImages, rendered by PDFium (pypdfium2), and a scrolling preview widget.

Replaces QtPdf (PySide6-Pdf exists only for PySide6 6.12, which the app cannot use; see the pin in
pyproject.toml). pypdfium2 is imported on first use, not on the app's start path. PDFium is not
thread-safe: documents are opened and rendered on the UI thread only.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractSlider,
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    import pypdfium2

POINTS_PER_INCH = 72.0


class PdfPages:
    """A PDF read from bytes: page count, page sizes (points), pages rendered to QImages."""

    def __init__(self, data: bytes) -> None:
        import pypdfium2

        try:
            self._document: pypdfium2.PdfDocument | None = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as exc:
            raise ValueError(f"the PDF could not be read ({exc})") from exc
        self._data = data  # PDFium reads from this buffer for the document's lifetime
        self._sizes = [self._document[i].get_size() for i in range(len(self._document))]

    def page_count(self) -> int:
        return len(self._sizes)

    def page_size(self, index: int) -> tuple[float, float]:
        """Width and height of page ``index`` in points (1/72 inch)."""
        return self._sizes[index]

    def render(self, index: int, dpi: float) -> QImage:
        """Page ``index`` at ``dpi`` as an opaque image (white paper)."""
        return self.render_scaled(index, dpi / POINTS_PER_INCH)

    def render_scaled(self, index: int, scale: float) -> QImage:
        if self._document is None:
            raise ValueError("the PDF is closed")
        page = self._document[index]
        try:
            bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
            try:
                if bitmap.mode != "RGBX":  # pragma: no cover - guarded by the render options
                    raise ValueError(f"unexpected PDFium pixel format {bitmap.mode}")
                image = QImage(
                    bitmap.buffer,
                    bitmap.width,
                    bitmap.height,
                    bitmap.stride,
                    QImage.Format.Format_RGBX8888,
                )
                return image.copy()  # own the pixels: the bitmap's buffer is freed below
            finally:
                bitmap.close()
        finally:
            page.close()

    def close(self) -> None:
        if self._document is not None:
            self._document.close()
            self._document = None


def load_pdf(data: bytes) -> PdfPages:
    """Open ``data``; ValueError when it is not a readable PDF."""
    return PdfPages(data)


class PdfPreview(QScrollArea):
    """Pages stacked vertically, each fitted to the width; pages are rendered when they scroll
    into view (and again after the width changes). Arrow keys, Page Up/Down, Home/End scroll.

    The widget keeps the PDF's bytes and page sizes; PDFium has the document open only while
    rendering, so nothing is left open when the widget goes away.
    """

    MARGIN = 12
    SPACING = 12

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data: bytes | None = None
        self._sizes: list[tuple[float, float]] = []
        self._labels: list[QLabel] = []
        self._rendered_width: dict[int, int] = {}
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # always shown: a scroll bar that comes and goes would change the width pages fit to
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._container = QWidget()
        self._container.setStyleSheet("background: #8a8f96;")
        self._layout = QVBoxLayout(self._container)
        self._layout.setContentsMargins(self.MARGIN, self.MARGIN, self.MARGIN, self.MARGIN)
        self._layout.setSpacing(self.SPACING)
        self._layout.addStretch(1)
        self.setWidget(self._container)
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(0)
        self._render_timer.timeout.connect(self.render_visible)
        self.verticalScrollBar().valueChanged.connect(self._render_timer.start)

    # -- API ------------------------------------------------------------------------------------
    def set_pdf(self, data: bytes) -> None:
        """Show ``data`` (ValueError when it is not a readable PDF; the old one stays shown)."""
        pages = load_pdf(data)
        try:
            sizes = [pages.page_size(i) for i in range(pages.page_count())]
        finally:
            pages.close()
        self.clear()
        self._data, self._sizes = data, sizes
        for index in range(len(sizes)):
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            label.setFrameShape(QFrame.Shape.NoFrame)
            label.setStyleSheet("background: white;")
            label.setAccessibleName(self.tr("Page {0}").format(index + 1))
            self._layout.insertWidget(index, label, 0, Qt.AlignmentFlag.AlignHCenter)
            self._labels.append(label)
        self._layout_pages()
        self.verticalScrollBar().setValue(0)
        self._render_timer.start()

    def page_count(self) -> int:
        return len(self._sizes)

    def clear(self) -> None:
        for label in self._labels:
            self._layout.removeWidget(label)
            label.deleteLater()
        self._labels = []
        self._rendered_width = {}
        self._data, self._sizes = None, []

    def page_image(self, index: int) -> QPixmap:
        """What page ``index`` shows now (a null pixmap until it has been rendered)."""
        return self._labels[index].pixmap()

    # -- layout and rendering ---------------------------------------------------------------
    def _page_width(self) -> int:
        return max(self.viewport().width() - 2 * self.MARGIN, 50)

    def _layout_pages(self) -> None:
        width = self._page_width()
        for label, (w_pt, h_pt) in zip(self._labels, self._sizes, strict=True):
            label.setFixedSize(QSize(width, math.ceil(width * h_pt / w_pt)))

    def _visible_unrendered(self) -> list[int]:
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        width = self._page_width()
        wanted: list[int] = []
        y = self.MARGIN  # computed, not label.y(): the layout may not have run yet
        for index, label in enumerate(self._labels):
            page_top, y = y, y + label.height() + self.SPACING
            visible = page_top + label.height() >= top and page_top <= bottom
            if visible and self._rendered_width.get(index) != width:
                wanted.append(index)
        return wanted

    def render_visible(self) -> None:
        """Render (or re-render at the new width) the pages that intersect the viewport."""
        wanted = self._visible_unrendered()
        if self._data is None or not wanted:
            return
        width = self._page_width()
        ratio = self.devicePixelRatioF()
        pages = load_pdf(self._data)
        try:
            for index in wanted:
                w_pt, _h_pt = self._sizes[index]
                pixmap = QPixmap.fromImage(pages.render_scaled(index, width * ratio / w_pt))
                pixmap.setDevicePixelRatio(ratio)
                self._labels[index].setPixmap(pixmap)
                self._rendered_width[index] = width
        finally:
            pages.close()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Resize:
            self._layout_pages()
            self._render_timer.start()
        return super().viewportEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        bar = self.verticalScrollBar()
        if event.key() == Qt.Key.Key_Home:
            bar.triggerAction(QAbstractSlider.SliderAction.SliderToMinimum)
        elif event.key() == Qt.Key.Key_End:
            bar.triggerAction(QAbstractSlider.SliderAction.SliderToMaximum)
        else:
            super().keyPressEvent(event)
