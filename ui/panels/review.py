"""The Needs Review panel: every review flag of the sprint in one list, one key for each answer.

Enter confirms (the row is right; its flag goes), F2 corrects (the row opens in its own panel,
in its editor) and M merges a person into the one the journal already knows under a similar
name. The items come from `sprintjournal.review`, whose sources other parts of the app extend;
the panel only shows them and routes the answers.
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QInputDialog,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from sprintjournal import review
from sprintjournal.backup import backup_before
from sprintjournal.errors import JournalError

from ..store import JournalStore
from .edit_commands import push_edit
from .panel_base import NO_SPRINT_HINT, DataPanel

if TYPE_CHECKING:
    from ..main_window import MainWindow

EMPTY_HINT = "Nothing needs review — imports flag what they could not read for sure, here."
KINDS = {"attendee": "Attendee", "standup": "Stand-up"}
"""How a kind is named in the list; a source of another kind shows its kind as it is."""


class ReviewPanel(DataPanel):
    correct_requested = Signal(object)  # ReviewItem: open it where it is edited
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
        self.tree.setColumnWidth(0, 220)
        self.tree.setColumnWidth(1, 260)
        self.tree.itemActivated.connect(lambda *_a: self.confirm_selected())
        self.pages.addWidget(self.tree)
        self.ask_person: Any = self._ask_person
        self.confirm_merge: Any = self._confirm_merge
        key = Qt.Key
        self.confirm_action = self.add_action(
            "Confirm", self.confirm_selected, "confirm", QKeySequence(key.Key_Return),
            "The row is right as it is: clear its flag (Enter)")
        self.correct_action = self.add_action(
            "Correct…", self.correct_selected, "edit", QKeySequence(key.Key_F2),
            "Open the row in its panel to correct it (F2)")
        self.merge_action = self.add_action(
            "Merge…", self.merge_selected, "merge", QKeySequence(key.Key_M),
            "The same person as one already known: merge them (M)")
        self.add_context_menu(self.tree, self.confirm_action, self.correct_action,
                              self.merge_action)
        self.tree.currentItemChanged.connect(lambda *_a: self._enable())
        for signal in (store.attendees_changed, store.standup_changed, store.people_changed,
                       store.report_changed):
            signal.connect(lambda *_a: self.reload())
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

    def current(self) -> review.ReviewItem | None:
        row = self._current_row()
        return self.items[row] if 0 <= row < len(self.items) else None

    def reload(self) -> None:
        keep = max(self._current_row(), 0)
        self.items = ([] if self.sprint_id is None
                      else self.store.read(review.review_items, self.store.journal,
                                           self.sprint_id))
        self.tree.clear()
        for item in self.items:
            where = KINDS.get(item.kind, item.kind)
            day = f", {item.day:%a} {item.day.day} {item.day:%b}" if item.day else ""
            row = QTreeWidgetItem([f"{where}{day}: {item.title}", item.reason,
                                   ", ".join(name for _id, name in item.similar)])
            row.setToolTip(0, item.title)
            row.setToolTip(1, item.reason)
            self.tree.addTopLevelItem(row)
        if self.items:
            self._select_row(min(keep, len(self.items) - 1))
        hint = NO_SPRINT_HINT if self.sprint_id is None else (None if self.items else EMPTY_HINT)
        self.show_content(self.tree, hint)
        self._enable()
        self.count_changed.emit(len(self.items))

    def _enable(self) -> None:
        item = self.current()
        self.confirm_action.setEnabled(item is not None)
        self.correct_action.setEnabled(item is not None)
        self.merge_action.setEnabled(item is not None and item.person_id is not None)

    # -- answers ----------------------------------------------------------------------------
    def confirm_selected(self) -> None:
        """Enter: the row is right. One undo step puts the flag back."""
        item = self.current()
        if item is None:
            return
        journal = self.store.journal

        def do(_state: dict[str, Any]) -> Any:
            return self.store.apply(review.confirm, journal, item, initiator=self)

        def undo(_state: dict[str, Any]) -> Any:
            op = (journal.update_attendee if item.kind == "attendee"
                  else journal.update_standup_item)
            return self.store.apply(op, item.item_id, needs_review=True,
                                    review_reason=item.reason, initiator=self)

        try:
            if item.kind in ("attendee", "standup"):
                push_edit(self.undo_stack, f"Confirm {item.title}", do, undo)
            else:  # another source's kind: confirmed, not undone row by row
                do({})
        except JournalError:
            return

    def correct_selected(self) -> None:
        item = self.current()
        if item is not None:
            self.correct_requested.emit(item)

    def merge_selected(self) -> None:
        """M: fold this person into someone already known (the spelling stays as an alias)."""
        item = self.current()
        if item is None or item.person_id is None:
            return
        keep = self.ask_person(item)
        if keep is None or not self.confirm_merge(item, keep):
            return
        try:
            backup_before(self.store.journal, "merge")
            self.store.apply(review.merge_into, self.store.journal, item, keep[0],
                             initiator=self)
        except JournalError:
            return
        self.undo_stack.clear()  # the rows named in earlier steps may be gone

    def _ask_person(self, item: review.ReviewItem) -> tuple[int, str] | None:
        return ask_person(self, self.store, item.title, item.person_id, item.similar)

    def _confirm_merge(self, item: review.ReviewItem, keep: tuple[int, str]) -> bool:
        return confirm_merge(self, item.title, keep[1])


def ask_person(parent: QWidget, store: JournalStore, name: str, person_id: int | None,
               similar: Sequence[tuple[int, str]] = ()) -> tuple[int, str] | None:
    """Which known person is `name` the same as? Similar names first, then everyone."""
    people = [(p.id, p.name) for p in store.read(store.journal.list_people)
              if p.id != person_id]
    ordered = list(similar) + [p for p in people if p not in similar]
    if not ordered:
        return None
    names = [n for _id, n in ordered]
    chosen, ok = QInputDialog.getItem(parent, "Merge", f"“{name}” is the same person as:",
                                      names, 0, False)
    return ordered[names.index(chosen)] if ok else None


def confirm_merge(parent: QWidget, name: str, keep: str) -> bool:
    answer = QMessageBox.question(
        parent, "Merge people",
        f"Merge “{name}” into “{keep}”? Everything that names {name} will name {keep}, and "
        f"“{name}” is kept as another spelling.\n\nUndo cannot split them again; the journal "
        "is backed up first (File ▸ Backups…).",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Yes)
    return answer == QMessageBox.StandardButton.Yes


def route(window: "MainWindow", item: review.ReviewItem) -> None:
    """F2 in the list: the item's panel, on its day, with the row selected and its editor open."""
    panel = window.panels.get(item.panel)
    if panel is None:
        return
    if item.day is not None:
        window.select_day(item.day)
    window.go_to_panel(item.panel)
    panel.select_item(item.item_id)
    edit = getattr(panel, "edit_selected", None)
    if callable(edit):
        edit()
