"""The Needs Review panel: every review flag of the sprint in one list, one key for each answer.

Two groups, named apart in the list's heading and the import summary: rows an import flagged
("Romain added as new") and the report's suggestions ("Mark Pearse: first sprint in this journal.
Welcome as a newcomer?"). Enter confirms (the flag goes, or the guess is written), F2 corrects
(the row opens in its own panel, in its editor; a sprint's number is asked here), Delete says
"not so" where the journal keeps that answer, and M merges a person into the one the journal
already knows under a similar name. Every answer, a merge too, is one undo step. The items come
from `sprintjournal.review`, whose sources other parts of the app extend; the panel only shows
them and routes the answers. The Report panel's "To confirm" bar answers the same items through
`answer`, so both places show one truth.
"""

import contextlib
import dataclasses
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sprintjournal import review
from sprintjournal.changes import Change
from sprintjournal.errors import JournalError
from sprintjournal.report.prose import ordinal_word

from ..commands.review_commands import KINDS, WATCHED, answer, merge_step
from ..store import JournalStore
from .panel_base import NO_SPRINT_HINT, DataPanel

EMPTY_HINT = ("Nothing needs review — imports flag what they could not read for sure, and the "
              "report's guesses wait here for your answer.")
def _why(item: review.ReviewItem) -> str:
    """The reason without the name the "What" column already shows ("Mark Pearse: first
    sprint…" reads "First sprint…")."""
    why = item.reason.removeprefix(f"{item.title}: ")
    return why if why.startswith(item.title) else _capital(why)  # "ffistruct is marked…"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def dock_title(counts: review.Counts) -> str:
    """"Needs Review (5)": the total only, which "4 rows to review and 1 suggestion to
    confirm" (the panel's heading, the import summary) adds up to. The groups' names did not
    fit in the dock's tab at 1280×800 beside the other panels' tabs."""
    total = counts.rows + counts.suggestions
    return f"Needs Review ({total})" if total else "Needs Review"


class ReviewPanel(DataPanel):
    correct_requested = Signal(review.ReviewItem)  # open it where it is edited
    count_changed = Signal(int)

    def __init__(self, store: JournalStore, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(store, undo_stack, parent)
        self.setObjectName("ReviewPanel")
        self.items: list[review.ReviewItem] = []
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Needs review")
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels(["What", "Why", "Could be"])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # "Why" takes the room left (a guess's question is a sentence); "Could be", a merge's
        # candidates, shows only when there are some, and stays in view in a 1280x800 dock
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.setColumnWidth(0, 200)
        self.tree.setColumnWidth(2, 150)
        self.tree.itemActivated.connect(lambda *_a: self.confirm_selected())
        # the two groups named apart, above the list (the dock's tab has room for a total only)
        self.heading = QLabel()
        self.heading.setAccessibleName("What needs review")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.content = QWidget()
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        self.pages.addWidget(self.content)
        self.ask_person: Any = self._ask_person
        self.confirm_merge: Any = self._confirm_merge
        self.ask_number: Any = self._ask_number
        key = Qt.Key
        self.confirm_action = self.add_action(
            "Confirm", self.confirm_selected, "confirm", QKeySequence(key.Key_Return),
            "The row is right as it is: clear its flag (Enter)")
        self.correct_action = self.add_action(
            "Correct…", self.correct_selected, "edit", QKeySequence(key.Key_F2),
            "Open the row in its panel to correct it (F2)", writes=False)
        self.decline_action = self.add_action(
            "Not So", self.decline_selected, "remove", QKeySequence(key.Key_Delete),
            "The guess is wrong: keep that answer so it is not offered again (Delete)")
        self.merge_action = self.add_action(
            "Merge…", self.merge_selected, "merge", QKeySequence(key.Key_M),
            "The same person as one already known: merge them (M)")
        self.add_context_menu(self.tree, self.confirm_action, self.correct_action,
                              self.decline_action, self.merge_action)
        self.tree.currentItemChanged.connect(lambda *_a: self._enable())
        store.changed.connect(self._on_change)
        self.reload()

    def _on_change(self, change: Change, _initiator: object) -> None:
        if change.entity in WATCHED:
            self.reload()

    # -- panel contract ---------------------------------------------------------------------
    def sprint_changed(self) -> None:
        self.reload()

    def select_item(self, item_id: int) -> None:
        for row, item in enumerate(self.items):
            if item.item_id == item_id:
                self._select_row(row)
                return

    def _select_row(self, row: int) -> None:
        item = self.tree.topLevelItem(row)
        if item is not None:
            self.tree.setCurrentItem(item)

    def _current_row(self) -> int:
        item = self.tree.currentItem()
        return -1 if item is None else self.tree.indexOfTopLevelItem(item)

    def count(self) -> int:
        return len(self.items)

    def counts(self) -> review.Counts:
        """Rows to review and suggestions to confirm, apart: what the title and import say."""
        return review.Counts.of(self.items)

    def current(self) -> review.ReviewItem | None:
        row = self._current_row()
        return self.items[row] if 0 <= row < len(self.items) else None

    def reload(self) -> None:
        keep = max(self._current_row(), 0)
        self.items = ([] if self.sprint_id is None
                      else self.store.read(self.store.review_items, self.sprint_id))
        self.tree.clear()
        for item in self.items:
            where = KINDS.get(item.kind, item.kind)
            day = f", {item.day:%a} {item.day.day} {item.day:%b}" if item.day else ""
            row = QTreeWidgetItem([f"{where}{day}: {item.title}", _why(item),
                                   ", ".join(name for _id, name in item.similar)])
            group = ("Suggestion to confirm" if item.group == review.SUGGESTION
                     else "Row to review")
            row.setToolTip(0, f"{group}: {item.title}")
            row.setToolTip(1, item.reason)
            self.tree.addTopLevelItem(row)
        self.tree.setColumnHidden(2, not any(item.similar for item in self.items))
        if self.items:
            self._select_row(min(keep, len(self.items) - 1))
        self.heading.setText(_capital(str(self.counts())) + ".")
        hint = NO_SPRINT_HINT if self.sprint_id is None else (None if self.items else EMPTY_HINT)
        self.show_content(self.content, hint)
        self._enable()
        self.count_changed.emit(len(self.items))

    def _enable(self) -> None:
        item = self.current()
        writable = not self.store.readonly
        self.confirm_action.setEnabled(item is not None and writable)
        self.correct_action.setEnabled(item is not None)
        self.decline_action.setEnabled(item is not None and writable
                                       and review.can_decline(item))
        self.merge_action.setEnabled(item is not None and item.person_id is not None
                                     and writable)

    # -- answers ----------------------------------------------------------------------------
    def confirm_selected(self) -> None:
        """Enter: the row is right, or the guess is. One undo step opens it again."""
        self._answer(True)

    def decline_selected(self) -> None:
        """Delete: the guess is wrong ("not a newcomer"). One undo step opens it again."""
        item = self.current()
        if item is not None and review.can_decline(item):
            self._answer(False)

    def _answer(self, yes: bool) -> None:
        item = self.current()
        if item is None:
            return
        with contextlib.suppress(JournalError):  # the store has shown why
            answer(self.store, self.undo_stack, item, yes, initiator=self)

    def correct_selected(self) -> None:
        """F2: where the item is edited. A sprint's number has no panel: it is asked here."""
        item = self.current()
        if item is None:
            return
        if item.kind == "ordinal":
            self._correct_number(item)
        else:
            self.correct_requested.emit(item)

    def _correct_number(self, item: review.ReviewItem) -> None:
        fields = dict(item.answer)
        number = self.ask_number(item, int(fields["ordinal"]))
        if number is None:
            return
        corrected = dataclasses.replace(
            item, title=ordinal_word(number) + item.title[item.title.find(" "):],
            answer=(("ordinal", number), ("ordinal_scope", fields["ordinal_scope"])))
        with contextlib.suppress(JournalError):
            answer(self.store, self.undo_stack, corrected, initiator=self)

    def _ask_number(self, item: review.ReviewItem, guess: int) -> int | None:
        scope = dict(item.answer)["ordinal_scope"]
        number, ok = QInputDialog.getInt(
            self, "Sprint number", f"Which sprint {scope} is this one? (1 is the first; the "
            "journal counted the sprints it holds)", guess, 1, 99)
        return number if ok else None

    def merge_selected(self) -> None:
        """M: fold this person into someone already known (the spelling stays as an alias)."""
        item = self.current()
        if item is None or item.person_id is None:
            return
        keep = self.ask_person(item)
        if keep is None or not self.confirm_merge(item, keep):
            return
        store = self.store
        with contextlib.suppress(JournalError):  # the store has shown why
            merge_step(store, self.undo_stack, item.title, keep, initiator=self,
                       merge=lambda: store.merge_review(item, keep[0], initiator=self),
                       after_undo=lambda: store.reopen_review(item, initiator=self))

    def _ask_person(self, item: review.ReviewItem) -> tuple[int, str] | None:
        return ask_person(self, self.store, item.title, item.person_id, item.similar)

    def _confirm_merge(self, item: review.ReviewItem, keep: tuple[int, str]) -> bool:
        return confirm_merge(self, item.title, keep[1])


def ask_person(parent: QWidget, store: JournalStore, name: str, person_id: int | None,
               similar: Sequence[tuple[int, str]] = ()) -> tuple[int, str] | None:
    """Which known person is `name` the same as? Similar names first, then everyone."""
    people = [(p.id, p.name) for p in store.read(store.list_people)
              if p.id != person_id]
    ordered = list(similar) + [p for p in people if p not in similar]
    if not ordered:
        return None
    names = [n for _id, n in ordered]
    chosen, ok = QInputDialog.getItem(parent, "Merge", f"“{name}” is the same person as:",
                                      names, 0, False)
    return ordered[names.index(chosen)] if ok else None


def confirm_merge(parent: QWidget, name: str, keep: str) -> bool:
    reply = QMessageBox.question(
        parent, "Merge people",
        f"Merge “{name}” into “{keep}”? Everything that names {name} will name {keep}, and "
        f"“{name}” is kept as another spelling.\n\nEdit ▸ Undo splits them again.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Yes)
    return reply == QMessageBox.StandardButton.Yes
