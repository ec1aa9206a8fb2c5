"""Column widths that follow a table's width, so a narrow dock never crushes one column.

With one Stretch column and fixed widths for the rest, a 500-pixel dock left the stand-up's
Item column 70 pixels wide: a few words per line, rows a page high. Here every other column
takes a share of the width, between a floor and its comfortable width, and the stretching
column keeps the rest.
"""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView


class ColumnShares(QObject):
    def __init__(self, table: QTableView, stretch: int,
                 shares: dict[int, tuple[float, int, int]]) -> None:
        """`shares`: column -> (share of the width, least pixels, most pixels)."""
        super().__init__(table)
        self._table = table
        self._shares = shares
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        table.viewport().installEventFilter(self)
        self.apply()

    def apply(self) -> None:
        width = self._table.viewport().width()
        for column, (share, least, most) in self._shares.items():
            self._table.setColumnWidth(column, max(least, min(most, int(width * share))))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.apply()
        return False
