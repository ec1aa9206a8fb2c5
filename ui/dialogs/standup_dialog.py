"""Add or edit a stand-up item: section, text, status, people (the pair) and branch."""

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from sprintjournal.records import BranchRec, StandupRec
from sprintjournal.vocabulary import BRANCH_STATUSES

from ..models.standup_model import SECTION_TITLES
from .form import add_ok_cancel, add_rows, run_form
from .people_picker import PeoplePicker


@dataclass(frozen=True)
class StandupAnswer:
    section: str
    text: str
    people: list[str] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)


class StandupDialog(QDialog):
    def __init__(self, attendees: list[str], branches: list[BranchRec], section: str = "today",
                 current: StandupRec | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit stand-up item" if current else "Add stand-up item")
        self.section = QComboBox()
        for key, title in SECTION_TITLES.items():
            self.section.addItem(title, key)
        self.section.setCurrentIndex(self.section.findData(section))
        self.text = QLineEdit()
        self.text.setPlaceholderText("e.g. specialised 2-tuples")
        self.status = QComboBox()
        self.status.setEditable(True)
        self.status.addItems(["", *BRANCH_STATUSES])
        self.branch = QComboBox()
        self.branch.addItem("(no branch)", None)
        for b in branches:
            self.branch.addItem(b.name, b.id)
        linked = [p.name for p in current.people] if current else []
        self.people = PeoplePicker(attendees, linked)
        self._build()
        if current is not None:
            self._fill(current)

    def _build(self) -> None:
        form = QFormLayout(self)
        add_rows(form, (("&Section:", self.section), ("&Item:", self.text),
                        ("S&tatus:", self.status), ("&People:", self.people),
                        ("&Branch:", self.branch)))
        self.ok_button = add_ok_cancel(self, form, required=self.text)
        self.resize(440, 420)

    def _fill(self, rec: StandupRec) -> None:
        self.section.setCurrentIndex(self.section.findData(rec.section))
        self.text.setText(rec.text)
        self.status.setCurrentText(rec.status or "")
        self.branch.setCurrentIndex(max(0, self.branch.findData(rec.branch_id)))

    def answer(self) -> StandupAnswer:
        fields = {
            "status": self.status.currentText().strip() or None,
            "branch_id": self.branch.currentData(),
        }
        return StandupAnswer(self.section.currentData(), self.text.text().strip(),
                             self.people.checked_names(), fields)

    @classmethod
    def ask(cls, parent: QWidget | None, attendees: list[str], branches: list[BranchRec],
            section: str = "today", current: StandupRec | None = None, *,
            read_only: bool = False) -> StandupAnswer | None:
        """Show the dialog modally; the answer, or None when cancelled (or opened to read)."""
        return run_form(cls(attendees, branches, section, current, parent), cls.answer,
                        read_only=read_only)

