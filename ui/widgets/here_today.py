""""Here today": the head count for the selected day and who eats what (who cooks what tonight)."""

from collections import defaultdict
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGroupBox, QLabel, QSizePolicy, QVBoxLayout, QWidget

from sprintjournal.records import AttendeeRec

NO_RESTRICTION = "no restrictions"


def diet_groups(present: list[AttendeeRec]) -> dict[str, list[str]]:
    """Diet -> first names, special diets first (largest group first), then everyone else."""
    groups: dict[str, list[str]] = defaultdict(list)
    for a in present:
        diet = (a.diet or "").strip() or NO_RESTRICTION
        groups[diet].append(a.person.name.split()[0] if a.person.name else "?")
    special = sorted((d for d in groups if d != NO_RESTRICTION), key=lambda d: (-len(groups[d]), d))
    ordered = {d: groups[d] for d in special}
    if NO_RESTRICTION in groups:
        ordered[NO_RESTRICTION] = groups[NO_RESTRICTION]
    return ordered


class HereTodayBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Here today", parent)
        self.count = QLabel()
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.count.setFont(font)
        self.count.setAccessibleName("Head count")
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setAccessibleName("Diets and arrivals")
        layout = QVBoxLayout(self)
        layout.addWidget(self.count)
        layout.addWidget(self.details, 1)
        self.setMinimumWidth(220)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.show_day(None, [], [])

    def show_day(self, day: date | None, present: list[AttendeeRec],
                 everyone: list[AttendeeRec]) -> None:
        """Fill in for `day`; `everyone` gives who arrives and leaves that day."""
        if day is None:
            self.setTitle("Here today")
            self.count.setText("—")
            self.details.setText("Pick a day to see who is here and what to cook.")
            return
        self.setTitle(f"Here on {day:%a} {day.day} {day:%b}")
        people = "person" if len(present) == 1 else "people"
        self.count.setText(f"{len(present)} {people}")
        self.details.setText(self._details(day, present, everyone))

    def _details(self, day: date, present: list[AttendeeRec], everyone: list[AttendeeRec]) -> str:
        lines = [f"{diet}: {', '.join(names)}" if diet != NO_RESTRICTION
                 else f"{diet}: {len(names)}"
                 for diet, names in diet_groups(present).items()]
        arriving = [a.person.name for a in everyone if a.arrive == day]
        leaving = [a.person.name for a in everyone if a.depart == day]
        if arriving:
            lines.append(f"arriving: {', '.join(arriving)}")
        if leaving:
            lines.append(f"leaving: {', '.join(leaving)}")
        return "\n".join(lines) or "Nobody is here on this day."
