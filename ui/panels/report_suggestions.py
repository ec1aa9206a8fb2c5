"""Guesses the report will not print until the organiser confirms them, above the draft.

"Mark Pearse: first sprint in this journal. Welcome as a newcomer?" — Confirm writes the answer
to the journal (and the next draft says it); "Not so" records the opposite where that means
something (a person who is not new) so the guess is not offered again.
"""

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from sprintjournal.errors import JournalError
from sprintjournal.report.suggestions import (
    Suggestion,
    can_decline,
    confirm,
    decline,
    suggestions,
)

from ..store import JournalStore


class SuggestionsBox(QWidget):
    answered = Signal()

    def __init__(self, store: JournalStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.sprint_id: int | None = None
        # One line, so a short dock keeps its room for the draft.
        self.label = QLabel("To confirm:")
        self.list = QComboBox()
        self.list.setAccessibleName("Report suggestions")
        self.list.setToolTip("Guesses the report does not print until you confirm them")
        self.list.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.list.setMinimumContentsLength(20)
        self.list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.confirm_button = QPushButton("Confirm")
        self.decline_button = QPushButton("Not so")
        self.confirm_button.clicked.connect(lambda: self._answer(True))
        self.decline_button.clicked.connect(lambda: self._answer(False))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.confirm_button)
        layout.addWidget(self.decline_button)
        store.changed.connect(self._on_change)

    def set_sprint(self, sprint_id: int | None) -> None:
        self.sprint_id = sprint_id
        self.refresh()

    def _on_change(self, change: Any, _initiator: object) -> None:
        if change.entity in ("attendance", "sprint", "branch", "standup", "journal"):
            self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        found: list[Suggestion] = []
        if self.sprint_id is not None:
            found = self.store.read(suggestions, self.store.journal, self.sprint_id)
        for suggestion in found:
            self.list.addItem(suggestion.text, suggestion)
            self.list.setItemData(self.list.count() - 1, suggestion.text,
                                  Qt.ItemDataRole.ToolTipRole)
        writable = not self.store.readonly
        self.confirm_button.setEnabled(bool(found) and writable)
        self.decline_button.setEnabled(bool(found) and writable)
        self.setVisible(bool(found))

    def texts(self) -> list[str]:
        return [self.list.itemText(i) for i in range(self.list.count())]

    def current(self) -> Suggestion | None:
        data = self.list.currentData()
        return data if isinstance(data, Suggestion) else None

    def _answer(self, yes: bool) -> None:
        suggestion = self.current()
        if suggestion is None:
            return
        journal = self.store.journal
        try:
            if yes:
                self.store.apply(confirm, journal, suggestion, initiator=self)
            elif can_decline(suggestion):
                self.store.apply(decline, journal, suggestion, initiator=self)
            else:  # nothing to record: just stop showing it for now
                self.list.removeItem(self.list.currentIndex())
        except JournalError:
            return  # the store has shown the error
        self.answered.emit()
