"""A one-line label that ends in "…" rather than widen its window when space runs out.

A QLabel is never narrower than its text: the notes' day heading ("Wednesday 3 August 2016")
beside a day's note tabs made the window's minimum wider than a 1280-pixel screen, so the
window grew, and was laid out and painted whole again, at the first key typed.
"""

from PySide6.QtCore import QSize
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QLabel

SHORTEST = "Wed…"
"""The narrowest the label gets: enough to recognise what was cut."""


class ElidedLabel(QLabel):
    """`text()` stays whole (and is the tooltip when cut); only the drawing is shortened."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        margins = self.contentsMargins()
        shortest = (self.fontMetrics().horizontalAdvance(SHORTEST) + margins.left()
                    + margins.right())
        return QSize(min(hint.width(), shortest), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        rect = self.contentsRect()
        fits = self.fontMetrics().horizontalAdvance(self.text()) <= rect.width()
        tip = "" if fits else self.text()
        if self.toolTip() != tip:
            self.setToolTip(tip)
        if fits:  # QLabel's own drawing, which names no `Qt` enum (see ui/qt_values.py)
            super().paintEvent(event)
            return
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QPainter  # only here: its enums cost the first screen 1 ms

        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                              rect.width())
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(self.alignment()), shown)
