"""Answers to review items as undo steps, shared by Needs Review and the Report's "To confirm"
bar (both answer the same items, so both places show one truth), and a merge of two people.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoStack

from sprintjournal.changes import Change

from ..store import JournalStore
from .edit_commands import push_edit

if TYPE_CHECKING:
    from ..store_services import ReviewItem, Unmerge

KINDS = {"attendee": "Attendee", "standup": "Stand-up", "newcomer": "Newcomer",
         "ordinal": "Sprint number", "status": "Branch status"}
"""How a kind is named in the list; a source of another kind shows its kind as it is."""
WATCHED = frozenset({"attendance", "standup", "person", "report", "sprint", "branch", "journal"})
"""The changes that can open or answer a review item."""


def answer(store: JournalStore, undo_stack: QUndoStack, item: "ReviewItem",
           yes: bool = True, initiator: object = None) -> Change:
    """Confirm (`yes`) or decline `item` as one undo step; undo reopens it as it was listed.
    Raises JournalError when the journal refuses (the store has shown why)."""
    write = store.confirm_review if yes else store.decline_review
    label = KINDS.get(item.kind, item.kind).lower()
    text = f"{'Confirm' if yes else 'Not so:'} {label} {item.title}"
    return push_edit(
        undo_stack, text,
        lambda _state: write(item, initiator=initiator),
        lambda _state: store.reopen_review(item, initiator=initiator))


def merge_step(store: JournalStore, undo_stack: QUndoStack, name: str, keep: tuple[int, str],
               other_id: int | None = None, initiator: object = None,
               merge: "Callable[[], tuple[Change, Unmerge]] | None" = None,
               after_undo: Callable[[], Change] | None = None) -> Change:
    """Merge `other_id` (or run `merge`) into `keep` as one undo step; undo splits them again
    under their old ids, so the steps before it still find their rows. The journal is backed
    up first all the same (File ▸ Backups…)."""

    def do(state: dict[str, Any]) -> Change:
        if merge is not None:
            change, state["unmerge"] = merge()
        else:
            assert other_id is not None
            change, state["unmerge"] = store.merge_people_undoably(keep[0], other_id,
                                                                   initiator=initiator)
        return change

    def undo(state: dict[str, Any]) -> Change:
        change = store.unmerge_people(state["unmerge"], initiator=initiator)
        if after_undo is not None:
            after_undo()
        return change

    store.backup_before("merge")
    return push_edit(undo_stack, f"Merge {name} into {keep[1]}", do, undo)
