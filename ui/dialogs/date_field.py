"""A date typed as people write it ("7", "7 nov", "mon", "2011-11-07"), or left unknown.

A QDateEdit makes the user step through day, month and year; here the text is read by the same
reader as people.txt's dates (`fuzzydates`), with the sprint's month and year filled in, and the
date it was read as is shown beside it. Empty, "?" or "unknown" mean the date is not known.
"""

from datetime import date, timedelta

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from sprintjournal.exchange.fuzzydates import SprintDates, parse_dates

UNKNOWN = ("", "?", "unknown", "not known")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def read_date(text: str, around: date) -> tuple[bool, date | None]:
    """(understood, the date or None for unknown) for `text`, near the date `around`."""
    words = text.strip().lower()
    if words in UNKNOWN:
        return True, None
    if words[:3] in WEEKDAYS and words.isalpha():  # "mon", "Monday": that day of the week
        offset = (WEEKDAYS.index(words[:3]) - around.weekday()) % 7
        return True, around + timedelta(days=offset)
    try:
        return True, date.fromisoformat(words)
    except ValueError:
        pass
    parsed = parse_dates(text, SprintDates(around.year, around, around))
    if parsed.arrive is None or parsed.depart is not None:
        return False, None
    return True, parsed.arrive


def show_date(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


class DateField(QWidget):
    """A line edit for a date, with what it was read as (or why not) beside it."""

    def __init__(self, label: str, around: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.around = around
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(f"{label} date")
        self.edit.setPlaceholderText("unknown — type e.g. 7, 7 nov, mon")
        self.read_as = QLabel(self)
        self.read_as.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.read_as.setMinimumWidth(130)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.read_as)
        self.setFocusProxy(self.edit)
        self.setFocusPolicy(self.edit.focusPolicy())  # a label's Alt+key skips NoFocus buddies
        self.edit.textChanged.connect(self._show_reading)
        self._show_reading()

    def is_valid(self) -> bool:
        return read_date(self.edit.text(), self.around)[0]

    def value(self) -> date | None:
        return read_date(self.edit.text(), self.around)[1]

    def set_value(self, day: date | None) -> None:
        self.edit.setText("" if day is None else day.isoformat())

    def _show_reading(self) -> None:
        ok, day = read_date(self.edit.text(), self.around)
        self.read_as.setText(("→ " + show_date(day)) if day else
                             ("unknown" if ok else "not a date"))
