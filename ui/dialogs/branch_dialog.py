"""Add or edit a branch: name, kind, status, goal, people, results, figures, links."""

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from sprintjournal.records import BranchRec
from sprintjournal.vocabulary import BRANCH_KINDS, BRANCH_STATUSES

from .figure_rows import FigureRows
from .form import add_ok_cancel, add_rows, run_form
from .people_picker import PeoplePicker


@dataclass(frozen=True)
class BranchAnswer:
    name: str
    people: list[str] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)


def lines(text: str) -> list[str]:
    """Non-blank lines, each kept as typed apart from surrounding spaces (figures verbatim)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class BranchDialog(QDialog):
    def __init__(self, attendees: list[str], current: BranchRec | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Edit branch {current.name}" if current else "Add branch")
        self.name = QLineEdit()
        self.name.setPlaceholderText("e.g. SpecialisedTuple")
        self.kind = QComboBox()
        self.kind.addItems(list(BRANCH_KINDS))
        self.status = QComboBox()
        self.status.addItems(list(BRANCH_STATUSES))
        self.goal = QLineEdit()
        self.goal.setPlaceholderText("What should be true at the end of the sprint?")
        linked = [p.name for p in current.people] if current else []
        self.people = PeoplePicker(attendees, linked)
        self.results = QPlainTextEdit()
        self.results.setPlaceholderText(
            "One result per line, figures as measured, e.g.\n"
            "unrolling refactored around TARGET")
        self.figures = FigureRows(current.figures if current else ())
        self.links = QPlainTextEdit()
        self.links.setPlaceholderText("One link per line")
        self.links.setMaximumHeight(70)
        self._build()
        if current is not None:
            self._fill(current)

    def _build(self) -> None:
        form = QFormLayout(self)
        add_rows(form, (("&Name:", self.name), ("&Kind:", self.kind),
                        ("&Status:", self.status), ("&Goal:", self.goal),
                        ("&People:", self.people), ("&Results:", self.results),
                        ("F&igures:", self.figures), ("&Links:", self.links)))
        self.ok_button = add_ok_cancel(self, form, required=self.name)
        self.resize(620, 580)  # room for a figure's three fields side by side

    def _fill(self, rec: BranchRec) -> None:
        self.name.setText(rec.name)
        self.kind.setCurrentText(rec.kind)
        self.status.setCurrentText(rec.status)
        self.goal.setText(rec.goal)
        self.results.setPlainText("\n".join(rec.results))
        self.links.setPlainText("\n".join(rec.links))

    def accept(self) -> None:
        """Keep the dialog open on a figure without its value, so nothing typed is lost."""
        if self.figures.check():
            super().accept()

    def answer(self) -> BranchAnswer:
        fields = {
            "kind": self.kind.currentText(),
            "status": self.status.currentText(),
            "goal": self.goal.text().strip(),
            "results": lines(self.results.toPlainText()),
            "links": lines(self.links.toPlainText()),
            "figures": self.figures.figures(),
        }
        return BranchAnswer(self.name.text().strip(), self.people.checked_names(), fields)

    @classmethod
    def ask(cls, parent: QWidget | None, attendees: list[str],
            current: BranchRec | None = None, *, read_only: bool = False) -> BranchAnswer | None:
        """Show the dialog modally; the answer, or None when cancelled (or opened to read)."""
        return run_form(cls(attendees, current, parent), cls.answer, read_only=read_only)

