"""The sprint's properties: title, project, place, venue, dates, description, blog details.

`SprintDialog.ask(parent, initial)` returns the fields for `Journal.add_sprint` /
`update_sprint`, or None when cancelled. Dates are optional (a sprint being planned may not have
them yet), so each date has a checkbox; the end can never be set before the start.
"""

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from sprintjournal.records import SprintRec


def _split_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


class _OptionalDate(QWidget):
    """A date edit with a "known" checkbox: unchecked means the date is not known yet."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.known = QCheckBox(self)
        self.known.setAccessibleName(f"{label} date known")
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("ddd d MMM yyyy")
        self.edit.setAccessibleName(f"{label} date")
        self.edit.setDate(QDate.currentDate())
        self.known.toggled.connect(self.edit.setEnabled)
        self.known.setChecked(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.known)
        layout.addWidget(self.edit, 1)

    def value(self) -> date | None:
        if not self.known.isChecked():
            return None
        picked = self.edit.date()
        return date(picked.year(), picked.month(), picked.day())

    def set_value(self, value: date | None) -> None:
        self.known.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(QDate(value.year, value.month, value.day))


class SprintDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, initial: SprintRec | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sprint Properties" if initial else "New Sprint")
        self.title = self._line("Title", "e.g. Gothenburg 2011")
        self.project = self._line("Project", "e.g. PyPy")
        self.place = self._line("Place", "e.g. Gothenburg")
        self.venue = self._line("Venue", "e.g. Laura and Jacob's flat")
        self.start, self.end = _OptionalDate("Start", self), _OptionalDate("End", self)
        self.description = QPlainTextEdit(self)
        self.description.setAccessibleName("Description")
        self.description.setTabChangesFocus(True)
        self.authors = self._line("Blog authors", "comma-separated: Laura, Jacob")
        self.tags = self._line("Blog tags", "comma-separated: pypy, sprint")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self.start.edit.dateChanged.connect(self._keep_end_after_start)
        self.title.textChanged.connect(self._update_ok)
        if initial is not None:
            self.set_values(initial)
        else:
            self.end.edit.setDate(self.start.edit.date().addDays(6))
        self._update_ok()

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _lay_out(self) -> None:
        form = QFormLayout(self)
        for label, widget in (("&Title:", self.title), ("&Project:", self.project),
                              ("P&lace:", self.place), ("&Venue:", self.venue),
                              ("&Start:", self.start), ("&End:", self.end),
                              ("&Description:", self.description),
                              ("Blog &authors:", self.authors), ("Blog ta&gs:", self.tags)):
            form.addRow(label, widget)
        form.addRow(self.buttons)
        self.setMinimumWidth(460)

    def _keep_end_after_start(self, start: QDate) -> None:
        self.end.edit.setMinimumDate(start)

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(bool(self.title.text().strip()))

    def set_values(self, sprint: SprintRec) -> None:
        self.title.setText(sprint.title)
        self.project.setText(sprint.project)
        self.place.setText(sprint.place)
        self.venue.setText(sprint.venue or "")
        self.start.set_value(sprint.start)
        self.end.set_value(sprint.end)
        self.description.setPlainText(sprint.description)
        self.authors.setText(", ".join(sprint.blog_authors))
        self.tags.setText(", ".join(sprint.blog_tags))

    def values(self) -> dict[str, Any]:
        """Keyword arguments for `Journal.add_sprint(**values)` / `update_sprint`."""
        return {
            "title": self.title.text().strip(),
            "project": self.project.text().strip(),
            "place": self.place.text().strip(),
            "venue": self.venue.text().strip() or None,
            "start": self.start.value(),
            "end": self.end.value(),
            "description": self.description.toPlainText(),
            "blog_authors": _split_list(self.authors.text()),
            "blog_tags": _split_list(self.tags.text()),
        }

    @classmethod
    def ask(cls, parent: QWidget | None, initial: SprintRec | None = None) -> dict[str, Any] | None:
        dialog = cls(parent, initial)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
