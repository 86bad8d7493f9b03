"""The 30-day transitional-care calendar: discharge day through day 29, drawn with QPainter.

Weeks are rows (Monday first); days outside the period are left blank. Each day shows its
date and day number, site holidays, weekends shaded, the TCM contact and visit deadlines as
coloured bands, and the appointments (time and type; cancelled ones are left out).
"""

from __future__ import annotations

from datetime import date, timedelta, tzinfo

from PySide6.QtCore import QLocale, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from transitions.services.appointments import CalendarDay
from ui import formatting as fmt
from ui.workspace.appointments.labels import short_date, status_label, type_label

HOLIDAY = QColor("#fde2e1")
WEEKEND = QColor(0, 0, 0, 18)
CONTACT = QColor("#1565c0")
VISIT = QColor("#ef6c00")
WARN = QColor("#b00020")


class TcmCalendar(QWidget):
    def __init__(self, tz: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tz = tz
        self.days: list[CalendarDay] = []
        self.warned_ids: frozenset[int] = frozenset()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("30-day transitional care calendar"))
        self.setMouseTracking(True)

    def set_days(self, days: list[CalendarDay], warned_ids: frozenset[int] = frozenset()) -> None:
        self.days = days
        self.warned_ids = warned_ids
        self.updateGeometry()
        self.update()

    # -- geometry ------------------------------------------------------------------------------
    def _first_monday(self) -> date:
        first = self.days[0].day
        return first - timedelta(days=first.weekday())

    def _weeks(self) -> int:
        if not self.days:
            return 5
        span = (self.days[-1].day - self._first_monday()).days
        return span // 7 + 1

    def _header_height(self) -> int:
        return self.fontMetrics().height() + 6

    def _cell_height(self) -> int:
        return self.fontMetrics().height() * 5 + 6

    def sizeHint(self) -> QSize:
        width = self.fontMetrics().horizontalAdvance("Wed 30 Dec") * 7 + 16
        return QSize(width, self._header_height() + self._weeks() * self._cell_height() + 2)

    def minimumSizeHint(self) -> QSize:
        """Wide enough for '30 Nov' and 'Day 29' side by side in every column."""
        bold = QFont(self.font())
        bold.setBold(True)
        cell = QFontMetrics(bold).horizontalAdvance(
            "30 Nov"
        ) + self.fontMetrics().horizontalAdvance("Day 29")
        return QSize((cell + 10) * 7, self.sizeHint().height())

    def _cell_rect(self, day: date) -> QRect:
        offset = (day - self._first_monday()).days
        week, weekday = divmod(offset, 7)
        width = (self.width() - 1) / 7
        left = round(weekday * width)
        right = round((weekday + 1) * width)
        top = self._header_height() + week * self._cell_height()
        return QRect(left, top, right - left, self._cell_height())

    def day_at(self, point: QPoint) -> CalendarDay | None:
        for entry in self.days:
            if self._cell_rect(entry.day).contains(point):
                return entry
        return None

    # -- painting ------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        if not self.days:
            painter.end()
            return
        text = palette.color(QPalette.ColorRole.Text)
        grid = palette.color(QPalette.ColorRole.Mid)
        metrics = self.fontMetrics()
        line = metrics.height()
        width = (self.width() - 1) / 7
        monday = self._first_monday()
        painter.setPen(text)
        for weekday in range(7):
            label = QLocale().toString(fmt.qdate(monday + timedelta(days=weekday)), "ddd")
            rect = QRect(round(weekday * width), 0, round(width), self._header_height())
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), label)
        bold = QFont(self.font())
        bold.setBold(True)
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() * 0.85, 6.0))
        for entry in self.days:
            cell = self._cell_rect(entry.day)
            if entry.holiday:
                painter.fillRect(cell, HOLIDAY)
            elif entry.weekend:
                painter.fillRect(cell, WEEKEND)
            painter.setPen(grid)
            painter.drawRect(cell.adjusted(0, 0, -1, -1))
            inner = cell.adjusted(4, 2, -4, -2)
            painter.setPen(text)
            painter.setFont(bold)
            head = f"{entry.day.day} {QLocale().toString(fmt.qdate(entry.day), 'MMM')}"
            painter.drawText(inner, int(Qt.AlignmentFlag.AlignLeft), head)
            painter.setFont(small)
            painter.drawText(
                inner,
                int(Qt.AlignmentFlag.AlignRight),
                self.tr("Discharge")
                if entry.offset == 0
                else self.tr("Day %1").replace("%1", str(entry.offset)),
            )
            y = inner.top() + line
            bands: list[tuple[QColor, str]] = []
            if entry.contact_due:
                bands.append((CONTACT, self.tr("Contact due")))
            if entry.visit_due:
                bands.append((VISIT, self.tr("Visit due")))
            if entry.holiday:
                bands.append((WARN, entry.holiday))
            for colour, label in bands:
                band = QRect(inner.left(), y, inner.width(), line)
                if colour is WARN:
                    painter.setPen(WARN)
                else:
                    painter.fillRect(band, colour)
                    painter.setPen(QColor("white"))
                painter.drawText(
                    band.adjusted(2, 0, -2, 0),
                    int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                    metrics.elidedText(label, Qt.TextElideMode.ElideRight, band.width() - 4),
                )
                y += line
            for appt in entry.appointments:
                if y + line > inner.bottom() + 2:
                    break
                painter.setPen(WARN if appt.id in self.warned_ids else text)
                label = f"{fmt.format_time(appt.starts_at, self.tz)} {type_label(appt.type)}"
                painter.drawText(
                    QRect(inner.left(), y, inner.width(), line),
                    int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                    metrics.elidedText(label, Qt.TextElideMode.ElideRight, inner.width()),
                )
                y += line
            painter.setFont(self.font())
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """The hovered day's details become the tooltip (no ``event()`` override needed)."""
        entry = self.day_at(event.position().toPoint())
        self.setToolTip(self.day_tooltip(entry) if entry is not None else "")
        super().mouseMoveEvent(event)

    def day_tooltip(self, entry: CalendarDay) -> str:
        lines = [short_date(entry.day)]
        if entry.holiday:
            lines.append(entry.holiday)
        if entry.contact_due:
            lines.append(self.tr("TCM interactive contact due (2 business days)"))
        if entry.visit_due:
            lines.append(self.tr("Face-to-face visit due"))
        for appt in entry.appointments:
            lines.append(
                f"{fmt.format_time(appt.starts_at, self.tz)} {type_label(appt.type)} — "
                f"{appt.where} ({status_label(appt.status)})"
            )
        return "\n".join(lines)
