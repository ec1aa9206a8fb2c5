"""The attendance timeline: one row per attendee, one column per sprint day, drawn with QPainter.

It answers at a glance "who is here on Thursday?" and "when is the house fullest?". Hosts get
the palette's accent colour, newcomers a green "new" badge, rows needing review a dashed bar,
and the selected day a highlighted column. Clicking a day column asks for that day.
"""

from datetime import date

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from sprintjournal.records import AttendeeRec

from ..models.attendees_model import NEWCOMER_COLOUR

HOST_COLOUR = QColor("#8e5cc0")
_ROW_H = 22
_HEADER_H = 36
_LEGEND_H = 26
_MIN_DAY_W = 34
_BADGE_W = 34



def newcomer_badge(a: AttendeeRec) -> str | None:
    """"new" for a confirmed newcomer, "new?" for the app's guess (first sprint in this
    journal, as the table's "newcomer?"), nothing otherwise."""
    if not a.newcomer:
        return None
    return "new" if a.newcomer_override else "new?"

class TimelineChart(QWidget):
    day_clicked = Signal(date)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._people: list[AttendeeRec] = []
        self._days: list[date] = []
        self._day: date | None = None
        self._names_w: int | None = None  # widest name: measured once per data and font
        self.setAccessibleName("Attendance timeline")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def set_data(self, attendees: list[AttendeeRec], days: list[date]) -> None:
        self._people, self._days = list(attendees), list(days)
        self._names_w = None
        self.updateGeometry()
        self.update()

    def set_day(self, day: date | None) -> None:
        self._day = day
        self.update()

    def sizeHint(self) -> QSize:
        width = self._name_width() + max(1, len(self._days)) * _MIN_DAY_W + 12
        return QSize(width, _HEADER_H + len(self._people) * _ROW_H + _LEGEND_H + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    # -- geometry ---------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._names_w = None
        super().changeEvent(event)

    def _name_width(self) -> int:
        """Every column's left edge needs it: measured once, not per day and per paint (at 12
        attendees and 8 days, ~600 text measurements per sprint switch)."""
        if self._names_w is None:
            metrics = self.fontMetrics()
            widest = max((metrics.horizontalAdvance(a.person.name) for a in self._people),
                         default=60)
            self._names_w = min(widest, 180) + _BADGE_W + 16
        return self._names_w

    def _day_width(self) -> float:
        free = self.width() - self._name_width() - 8
        return max(12.0, free / max(1, len(self._days)))

    def _column(self, index: int) -> QRectF:
        left = self._name_width() + index * self._day_width()
        rows = len(self._people) * _ROW_H
        return QRectF(left, 0, self._day_width(), _HEADER_H + rows)

    def day_at(self, point: QPoint) -> date | None:
        """The sprint day under `point` (header or rows), or None."""
        for n, day in enumerate(self._days):
            if self._column(n).contains(point.toPointF()):
                return day
        return None

    # -- painting ---------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        if not self._days or not self._people:
            self._paint_empty(painter, pal)
        else:
            self._paint_columns(painter, pal)
            for row, attendee in enumerate(self._people):
                self._paint_row(painter, pal, row, attendee)
            self._paint_legend(painter, pal)
        painter.end()

    def _paint_empty(self, painter: QPainter, pal: QPalette) -> None:
        painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
        text = ("Give the sprint start and end dates to see the timeline." if not self._days
                else "The timeline fills in as attendees are added.")
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, text)

    def _paint_columns(self, painter: QPainter, pal: QPalette) -> None:
        text = pal.color(QPalette.ColorRole.Text)
        grid = QColor(text)
        grid.setAlpha(40)
        for n, day in enumerate(self._days):
            col = self._column(n)
            if day == self._day:
                shade = QColor(pal.color(QPalette.ColorRole.Highlight))
                shade.setAlpha(60)
                painter.fillRect(col, shade)
            elif day.weekday() >= 5:
                weekend = QColor(text)
                weekend.setAlpha(14)
                painter.fillRect(col, weekend)
            painter.setPen(grid)
            painter.drawLine(col.topLeft(), col.bottomLeft())
            self._paint_day_label(painter, col, day, text)

    def _paint_day_label(self, painter: QPainter, col: QRectF, day: date, text: QColor) -> None:
        font = QFont(self.font())
        font.setBold(day == self._day)
        painter.setFont(font)
        painter.setPen(text)
        label = f"{day:%a}\n{day.day}" if col.width() >= 28 else f"{day.day}"
        painter.drawText(QRectF(col.left(), 2, col.width(), _HEADER_H - 4),
                         Qt.AlignmentFlag.AlignCenter, label)
        painter.setFont(self.font())

    def _paint_row(self, painter: QPainter, pal: QPalette, row: int, a: AttendeeRec) -> None:
        top = _HEADER_H + row * _ROW_H
        name_rect = QRect(6, top, self._name_width() - _BADGE_W - 12, _ROW_H)
        font = QFont(self.font())
        font.setBold(a.host)
        painter.setFont(font)
        painter.setPen(pal.color(QPalette.ColorRole.Text))
        elided = painter.fontMetrics().elidedText(a.person.name, Qt.TextElideMode.ElideRight,
                                                  name_rect.width())
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignVCenter, elided)
        painter.setFont(self.font())
        badge = newcomer_badge(a)
        if badge is not None:
            self._paint_badge(painter, QRectF(name_rect.right() + 6, top + 4, _BADGE_W, _ROW_H - 8),
                              badge)
        self._paint_bar(painter, pal, top, a)

    def _paint_badge(self, painter: QPainter, rect: QRectF, text: str) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(NEWCOMER_COLOUR)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, self.font().pointSizeF() * 0.8))
        painter.setFont(small)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.setFont(self.font())

    def _paint_bar(self, painter: QPainter, pal: QPalette, top: int, a: AttendeeRec) -> None:
        present = [n for n, day in enumerate(self._days) if a.present_on(day)]
        if not present:
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(QRectF(self._name_width() + 4, top, 400, _ROW_H),
                             Qt.AlignmentFlag.AlignVCenter, a.dates_text or "dates unknown")
            return
        first, last = self._column(present[0]), self._column(present[-1])
        bar = QRectF(first.left() + 2, top + 5, last.right() - first.left() - 4, _ROW_H - 10)
        colour = self._bar_colour(pal, a)
        painter.setBrush(colour)
        if a.needs_review:
            painter.setBrush(QColor(colour.red(), colour.green(), colour.blue(), 90))
            painter.setPen(QPen(QColor("#e69500"), 1.5, Qt.PenStyle.DashLine))
        else:
            painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(bar, 4, 4)

    def _bar_colour(self, pal: QPalette, a: AttendeeRec) -> QColor:
        return HOST_COLOUR if a.host else _attendee_colour(pal)

    def _paint_legend(self, painter: QPainter, pal: QPalette) -> None:
        top = _HEADER_H + len(self._people) * _ROW_H + 8
        x = 6.0
        entries = [(HOST_COLOUR, "host"),
                   (_attendee_colour(pal), "attendee"),
                   (NEWCOMER_COLOUR, "newcomer"), (QColor("#e69500"), "needs review")]
        painter.setFont(self.font())
        for colour, label in entries:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(x, top + 4, 14, 10), 3, 3)
            painter.setPen(pal.color(QPalette.ColorRole.Text))
            width = painter.fontMetrics().horizontalAdvance(label)
            painter.drawText(QRectF(x + 18, top, width + 4, 18), Qt.AlignmentFlag.AlignVCenter,
                             label)
            x += 18 + width + 16

    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().toPoint())
        if day is not None:
            self.day_clicked.emit(day)
        super().mousePressEvent(event)


def _attendee_colour(pal: QPalette) -> QColor:
    """A calm blue that differs from the host accent, a little lighter on dark palettes."""
    dark = pal.color(QPalette.ColorRole.Base).lightness() < 128
    return QColor("#7fb2dc") if dark else QColor("#5b8fb9")
