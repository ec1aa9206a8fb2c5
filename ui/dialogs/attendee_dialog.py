"""Add (or edit) an attendee: name, arrival and departure, accommodation, diet, host, notes."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from sprintjournal.records import AttendeeRec, SprintRec

from .date_field import DateField
from .form import add_ok_cancel, add_rows, run_form
from .people_completer import people_completer


@dataclass(frozen=True)
class AttendeeAnswer:
    name: str
    fields: dict[str, Any] = field(default_factory=dict)


class AttendeeDialog(QDialog):
    def __init__(self, sprint: SprintRec, known_names: list[str],
                 current: AttendeeRec | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit attendee" if current else "Add attendee")
        around = sprint.start or date.today()
        self.name = QLineEdit()
        self.name.setPlaceholderText("Full name, e.g. Mark Pearse")
        self.name.setCompleter(people_completer(known_names, self))
        self.arrive, self.depart = DateField("Arrives", around), DateField("Departs", around)
        self.arrive.set_value(sprint.start)
        self.depart.set_value(sprint.end)
        self.accommodation = QLineEdit()
        self.accommodation.setPlaceholderText("e.g. Laura and Jacob's house, hotel")
        self.diet = QLineEdit()
        self.diet.setPlaceholderText("e.g. vegetarian, no nuts")
        self.host = QCheckBox("Host of this sprint")
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText("Anything to remember: flight, allergies, who to pick up")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 4 + 12)
        self._build_form()
        if current is not None:
            self._fill(current)

    def _build_form(self) -> None:
        form = QFormLayout(self)
        add_rows(form, (("&Name:", self.name), ("&Arrives:", self.arrive),
                        ("&Departs:", self.depart), ("Acco&mmodation:", self.accommodation),
                        ("D&iet:", self.diet)))
        form.addRow("", self.host)
        add_rows(form, (("N&otes:", self.notes),))
        self.ok_button = add_ok_cancel(self, form, required=self.name)
        for field_ in (self.arrive, self.depart):  # OK waits for dates it can read
            field_.edit.textChanged.connect(self._enable_ok)
        self.setMinimumWidth(380)

    def _fill(self, rec: AttendeeRec) -> None:
        self.name.setText(rec.person.name)
        self.arrive.set_value(rec.arrive)
        self.depart.set_value(rec.depart)
        self.accommodation.setText(rec.accommodation or "")
        self.diet.setText(rec.diet or "")
        self.host.setChecked(rec.host)
        self.notes.setPlainText(rec.notes or "")

    def _enable_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.name.text().strip()) and self.arrive.is_valid()
                                  and self.depart.is_valid())

    def answer(self) -> AttendeeAnswer:
        fields: dict[str, Any] = {
            "arrive": self.arrive.value(),
            "depart": self.depart.value(),
            "accommodation": self.accommodation.text().strip() or None,
            "diet": self.diet.text().strip() or None,
            "host": self.host.isChecked(),
            "notes": self.notes.toPlainText().strip() or None,
        }
        return AttendeeAnswer(self.name.text().strip(), fields)

    @classmethod
    def ask(cls, parent: QWidget | None, sprint: SprintRec, known_names: list[str],
            current: AttendeeRec | None = None, *,
            read_only: bool = False) -> AttendeeAnswer | None:
        """Show the dialog modally; the answer, or None when cancelled (or opened to read)."""
        return run_form(cls(sprint, known_names, current, parent), cls.answer,
                        read_only=read_only)

