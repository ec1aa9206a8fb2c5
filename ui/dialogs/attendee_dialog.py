"""Add (or edit) an attendee: name, arrival and departure, accommodation, diet, host."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from sprintjournal.records import AttendeeRec, SprintRec

from .form import add_ok_cancel, add_rows


@dataclass(frozen=True)
class AttendeeAnswer:
    name: str
    fields: dict[str, Any] = field(default_factory=dict)


class UnknownDateEdit(QDateEdit):
    """A date edit whose lowest value means "unknown" (Qt's special-value idiom)."""

    def __init__(self, around: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("ddd d MMM yyyy")
        earliest = around - timedelta(days=60)
        self._unknown = QDate(earliest.year, earliest.month, earliest.day)
        self.setMinimumDate(self._unknown)
        self.setSpecialValueText("unknown")

    def value(self) -> date | None:
        return None if self.date() == self._unknown else self.date().toPython()  # type: ignore[return-value]

    def set_value(self, day: date | None) -> None:
        self.setDate(self._unknown if day is None else QDate(day.year, day.month, day.day))


class AttendeeDialog(QDialog):
    def __init__(self, sprint: SprintRec, known_names: list[str],
                 current: AttendeeRec | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit attendee" if current else "Add attendee")
        around = sprint.start or date.today()
        self.name = QLineEdit()
        self.name.setPlaceholderText("Full name, e.g. Mark Pearse")
        completer = QCompleter(known_names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.name.setCompleter(completer)
        self.arrive, self.depart = UnknownDateEdit(around), UnknownDateEdit(around)
        self.arrive.set_value(sprint.start)
        self.depart.set_value(sprint.end)
        self.accommodation = QLineEdit()
        self.accommodation.setPlaceholderText("e.g. Laura and Jacob's house, hotel")
        self.diet = QLineEdit()
        self.diet.setPlaceholderText("e.g. vegetarian, no nuts")
        self.host = QCheckBox("Host of this sprint")
        self._build_form()
        if current is not None:
            self._fill(current)

    def _build_form(self) -> None:
        form = QFormLayout(self)
        add_rows(form, (("&Name:", self.name), ("&Arrives:", self.arrive),
                        ("&Departs:", self.depart), ("Acco&mmodation:", self.accommodation),
                        ("D&iet:", self.diet)))
        form.addRow("", self.host)
        self.ok_button = add_ok_cancel(self, form, required=self.name)
        self.setMinimumWidth(380)

    def _fill(self, rec: AttendeeRec) -> None:
        self.name.setText(rec.person.name)
        self.arrive.set_value(rec.arrive)
        self.depart.set_value(rec.depart)
        self.accommodation.setText(rec.accommodation or "")
        self.diet.setText(rec.diet or "")
        self.host.setChecked(rec.host)

    def answer(self) -> AttendeeAnswer:
        fields: dict[str, Any] = {
            "arrive": self.arrive.value(),
            "depart": self.depart.value(),
            "accommodation": self.accommodation.text().strip() or None,
            "diet": self.diet.text().strip() or None,
            "host": self.host.isChecked(),
        }
        return AttendeeAnswer(self.name.text().strip(), fields)

    @classmethod
    def ask(cls, parent: QWidget | None, sprint: SprintRec, known_names: list[str],
            current: AttendeeRec | None = None) -> AttendeeAnswer | None:
        """Show the dialog modally; the answer, or None when cancelled."""
        dialog = cls(sprint, known_names, current, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.answer()
            return None
        finally:
            dialog.deleteLater()

