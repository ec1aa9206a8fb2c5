"""The sprint's properties: title, project, place, venue, dates, description, blog details.

`SprintDialog.ask(parent, initial)` returns the fields for `Journal.add_sprint` /
`update_sprint`, or None when cancelled. Dates are optional (a sprint being planned may not have
them yet): a date is typed ("2 nov", "2011-11-02") or left empty; the end can never be set
before the start.
"""

from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from sprintjournal.records import SprintRec

from .date_field import DateField
from .form import run_form


def _split_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


class SprintDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, initial: SprintRec | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sprint Properties" if initial else "New Sprint")
        self.title = self._line("Title", "e.g. Gothenburg 2011")
        self.project = self._line("Project", "e.g. PyPy")
        self.place = self._line("Place", "e.g. Gothenburg")
        self.venue = self._line("Venue", "e.g. Laura and Jacob's flat")
        self.start = DateField("Start", date.today(), self)
        self.end = DateField("End", date.today(), self)
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
        self.start.edit.textChanged.connect(self._keep_end_near_start)
        for edit in (self.title, self.start.edit, self.end.edit):
            edit.textChanged.connect(self._update_ok)
        if initial is not None:
            self.set_values(initial)
        else:
            self.start.set_value(date.today())
            self.end.set_value(date.today() + timedelta(days=6))
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

    def _keep_end_near_start(self) -> None:
        """"8" typed as the end means the 8th after the start, in the start's month."""
        start = self.start.value()
        if start is not None:
            self.end.around = start
            self.end.edit.textChanged.emit(self.end.edit.text())

    def end_before_start(self) -> bool:
        start, end = self.start.value(), self.end.value()
        return start is not None and end is not None and end < start

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if self.end_before_start():
            self.end.read_as.setText("before the start")
        if ok is not None:
            ok.setEnabled(bool(self.title.text().strip()) and self.start.is_valid()
                          and self.end.is_valid() and not self.end_before_start())

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
    def ask(cls, parent: QWidget | None, initial: SprintRec | None = None, *,
            read_only: bool = False) -> dict[str, Any] | None:
        """Show the dialog modally; the values, or None when cancelled (or opened to read)."""
        return run_form(cls(parent, initial), cls.values, read_only=read_only)
