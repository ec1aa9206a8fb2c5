"""The report's guesses, above the draft: a shortcut to the same items the Needs Review list
shows as "suggestions to confirm".

"Mark Pearse: first sprint in this journal. Welcome as a newcomer?" — Confirm writes the answer
to the journal (and the next draft says it); "Not so" records the opposite where the journal
keeps it (a person who is not new). Both answer through `review.answer`, as the list does: one
undo step, and the list and this bar follow each other because both read the journal.
"""

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from sprintjournal import review as core
from sprintjournal.errors import JournalError

from ..commands.review_commands import WATCHED, answer
from ..store import JournalStore


class SuggestionsBox(QWidget):
    answered = Signal()

    def __init__(self, store: JournalStore, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = undo_stack
        self.sprint_id: int | None = None
        # One line, so a short dock keeps its room for the draft.
        self.label = QLabel("To confirm:")
        self.list = QComboBox()
        self.list.setAccessibleName("Report suggestions")
        self.list.setToolTip("Guesses the report does not print until you confirm them; "
                             "Needs Review lists them too")
        self.list.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.list.setMinimumContentsLength(20)
        self.list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.confirm_button = QPushButton("Confirm")
        self.decline_button = QPushButton("Not so")
        self.confirm_button.clicked.connect(lambda: self._answer(True))
        self.decline_button.clicked.connect(lambda: self._answer(False))
        self.list.currentIndexChanged.connect(lambda _i: self._enable())
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
        if change.entity in WATCHED:
            self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        found: list[core.ReviewItem] = []
        if self.sprint_id is not None:
            found = self.store.read(self.store.review_items, self.sprint_id, core.SUGGESTION)
        for item in found:
            self.list.addItem(item.reason, item)
            self.list.setItemData(self.list.count() - 1, item.reason,
                                  Qt.ItemDataRole.ToolTipRole)
        self._enable()
        self.setVisible(bool(found))

    def _enable(self) -> None:
        item, writable = self.current(), not self.store.readonly
        self.confirm_button.setEnabled(item is not None and writable)
        self.decline_button.setEnabled(item is not None and writable
                                       and core.can_decline(item))
        self.decline_button.setToolTip(
            "Not a newcomer: kept, so it is not offered again" if self.decline_button.isEnabled()
            else "Nothing to record for this guess: leave it unconfirmed and the report does "
                 "not say it")

    def texts(self) -> list[str]:
        return [self.list.itemText(i) for i in range(self.list.count())]

    def current(self) -> core.ReviewItem | None:
        data = self.list.currentData()
        return data if isinstance(data, core.ReviewItem) else None

    def _answer(self, yes: bool) -> None:
        item = self.current()
        if item is None or not (yes or core.can_decline(item)):
            return
        try:
            answer(self.store, self.undo_stack, item, yes, initiator=self)
        except JournalError:
            return  # the store has shown the error
        self.answered.emit()
