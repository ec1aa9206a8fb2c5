"""Guesses the report will not print until the organiser confirms them, above the draft.

"Mark Pearse: first sprint in this journal. Welcome as a newcomer?" — Confirm writes the answer
to the journal (and the next draft says it); "Not so" records the opposite where that means
something (a person who is not new) so the guess is not offered again.
"""

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

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
        self.label = QLabel("To confirm before the report says it:")
        self.list = QListWidget()
        self.list.setAccessibleName("Report suggestions")
        self.list.setMaximumHeight(110)
        self.confirm_button = QPushButton("Confirm")
        self.decline_button = QPushButton("Not so")
        self.confirm_button.clicked.connect(lambda: self._answer(True))
        self.decline_button.clicked.connect(lambda: self._answer(False))
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.decline_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
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
            item = QListWidgetItem(suggestion.text)
            item.setData(Qt.ItemDataRole.UserRole, suggestion)
            self.list.addItem(item)
        if found:
            self.list.setCurrentRow(0)
        writable = not self.store.readonly
        self.confirm_button.setEnabled(bool(found) and writable)
        self.decline_button.setEnabled(bool(found) and writable)
        self.setVisible(bool(found))

    def current(self) -> Suggestion | None:
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

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
                self.list.takeItem(self.list.currentRow())
        except JournalError:
            return  # the store has shown the error
        self.answered.emit()
