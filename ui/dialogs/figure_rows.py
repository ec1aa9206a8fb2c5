"""Figures of a branch as rows of three fields: what, value, compared with.

A figure is entered as such rather than buried in a result line, so the report can print the
number exactly as measured ("about 400 times faster" than "ctypes") and never reword it.
"""

from collections.abc import Iterable

from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sprintjournal.records import FigureRec

_FIELDS = (("What", "e.g. field access"), ("Value", "e.g. about 400 times faster"),
           ("Compared with", "e.g. ctypes"))


class FigureRows(QWidget):
    def __init__(self, figures: Iterable[FigureRec] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[QLineEdit, QLineEdit, QLineEdit]] = []
        self._buttons: list[QToolButton] = []
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton("Add &figure")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda: self.add_row().setFocus())
        self.setFocusProxy(self.add_button)  # the label's mnemonic lands on "Add figure"
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addWidget(self.error, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(self.grid)
        box.addLayout(bottom)
        for fig in figures:
            self.add_row(fig)

    def add_row(self, fig: FigureRec | None = None) -> QLineEdit:
        """Append a row (filled from `fig`); its first field, for focus."""
        values = (fig.what, fig.value, fig.compared_with) if fig else ("", "", "")
        fields = []
        for (_label, hint), text in zip(_FIELDS, values, strict=True):
            field = QLineEdit(text)
            field.setPlaceholderText(hint)
            fields.append(field)
        row = (fields[0], fields[1], fields[2])
        remove = QToolButton()
        remove.setText("−")
        remove.setToolTip("Remove this figure")
        remove.clicked.connect(lambda: self.remove_row(row))
        self.rows.append(row)
        self._buttons.append(remove)
        self._lay_out()
        if self.isVisible():  # shown now, not on the next layout pass, so focus can land
            for widget in (*row, remove):
                widget.show()
        return row[0]

    def remove_row(self, row: tuple[QLineEdit, QLineEdit, QLineEdit]) -> None:
        index = self.rows.index(row)
        del self.rows[index]
        for widget in (*row, self._buttons.pop(index)):
            self.grid.removeWidget(widget)
            widget.deleteLater()
        self._lay_out()

    def _lay_out(self) -> None:
        """Place the rows and name them by where they now stand (a screen reader says
        "figure 2" for the second row, also after the first was removed)."""
        for r, (row, button) in enumerate(zip(self.rows, self._buttons, strict=True)):
            for c, widget in enumerate((*row, button)):
                self.grid.addWidget(widget, r, c)
            for field, (label, _hint) in zip(row, _FIELDS, strict=True):
                field.setAccessibleName(f"Figure {r + 1}: {label.lower()}")
            button.setAccessibleName(f"Remove figure {r + 1}")
        for c, stretch in enumerate((3, 2, 3)):  # "what" and "compared with" are the long ones
            self.grid.setColumnStretch(c, stretch)

    def figures(self) -> list[FigureRec]:
        """The filled rows, each field as typed apart from surrounding spaces."""
        figs = [FigureRec(*(f.text().strip() for f in row)) for row in self.rows]
        return [f for f in figs if f.what or f.value or f.compared_with]

    def check(self) -> bool:
        """True when every filled row has its value; else say so and focus the gap."""
        for row in self.rows:
            what, value, compared = (f.text().strip() for f in row)
            if (what or compared) and not value:
                self.error.setText("A figure needs its value.")
                self.error.show()
                row[1].setFocus()
                return False
        self.error.hide()
        return True
