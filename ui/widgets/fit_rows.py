"""Rows as tall as their wrapped text, measured once the table is on screen.

A header in `ResizeToContents` mode measures every cell of every row (each delegate's size hint,
the word wrap of each text) at each model reset, filter change and column resize, and it does so
for a table in a background tab too: Qt keeps the panels of a tabbed dock area "visible",
off-screen. The Branches table measured its rows five times while the window started, behind the
Stand-up tab (30-60 ms of the start-up). So a table keeps plain rows until its viewport gets its
first paint event (Qt paints only what is on screen), and the rows are measured right before that
paint: the first frame the user sees has them fitted, and they follow the contents from then on.
Whatever scrolls to a row before that paint (a search result in a tab about to be raised) calls
`fit_now` first, or it would scroll by the plain rows' heights.
"""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

FIT = QHeaderView.ResizeMode.ResizeToContents


class FitRowsWhenShown(QObject):
    """`FitRowsWhenShown(table)`: the table's rows fit their contents from its first paint on."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)  # the table owns it; no Python reference back (no cycle for gc)
        self.fitting = False
        table.viewport().installEventFilter(self)

    def fit_now(self) -> None:
        """Fit the rows before the first paint: a row about to be scrolled to (a search result
        in a background tab) must be measured where it will be shown."""
        table = self.parent()
        if self.fitting or not isinstance(table, QTableView):
            return
        table.viewport().removeEventFilter(self)
        header = table.verticalHeader()
        header.resizeSections(FIT)  # now, so the coming paint already shows the fitted rows
        header.setSectionResizeMode(FIT)
        table.updateGeometries()  # the scroll bars' range too, before anything scrolls
        self.fitting = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.fit_now()
        return False
