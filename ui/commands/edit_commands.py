"""Undoable edits for the data panels, built on `ui.commands.store_command.StoreCommand`.

An edit is performed *before* its command goes on the stack: if the core refuses it (a blank
name, departure before arrival, a read-only journal) the error reaches the user through the
store and nothing half-done is left on the undo stack. Later undo/redo failures (the file went
read-only meanwhile) are announced by the store too; the command is then made obsolete so the
stack does not keep offering a step that cannot be taken.
"""

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtGui import QUndoStack

from sprintjournal.changes import Change
from sprintjournal.errors import JournalError

from .store_command import StoreCommand

log = logging.getLogger(__name__)
Step = Callable[[dict[str, Any]], Change]


class AppliedCommand(StoreCommand):
    """A StoreCommand whose first redo is skipped, because the edit was already applied."""

    def __init__(self, text: str, do: Step, undo: Step, state: dict[str, Any]) -> None:
        super().__init__(text, do, undo, state)
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._guarded(super().redo)

    def undo(self) -> None:
        self._guarded(super().undo)

    def _guarded(self, step: Callable[[], None]) -> None:
        try:
            step()
        except JournalError as exc:
            log.warning("%s could not be undone/redone: %s", self.text(), exc)
            self.setObsolete(True)


def push_edit(stack: QUndoStack, text: str, do: Step, undo: Step,
              state: dict[str, Any] | None = None) -> Change:
    """Run `do` now (errors propagate, nothing is pushed), then push it for undo/redo."""
    state = {} if state is None else state
    change = do(state)
    command = AppliedCommand(text, do, undo, state)
    command.last_change = change
    stack.push(command)
    return change


def push_update(stack: QUndoStack, text: str, update: Callable[..., Change], item_id: int,
                old: dict[str, Any], new: dict[str, Any]) -> Change:
    """An undoable field update: redo applies `new`, undo puts back `old`.

    `update` is a typed store write such as `lambda i, **f: store.update_branch(i, **f)`.
    """
    return push_edit(
        stack, text,
        lambda _state: update(item_id, **new),
        lambda _state: update(item_id, **old),
    )


def push_add(stack: QUndoStack, text: str, add: Callable[[], Change],
             remove: Callable[[int], Change]) -> Change:
    """An undoable add; the id of the newest copy travels in the command's state."""

    def do(state: dict[str, Any]) -> Change:
        change = add()
        state["id"] = change.id
        return change

    return push_edit(stack, text, do, lambda state: remove(state["id"]))


def push_remove(stack: QUndoStack, text: str, item_id: int, remove: Callable[[int], Change],
                restore: Callable[[], Change], order: Sequence[int] = (),
                put_back: Callable[[list[int]], object] | None = None) -> Change:
    """An undoable removal; `restore` re-adds from a snapshot and yields the new id.

    With the list's `order` at removal time, undo also calls `put_back` with that order (the
    re-added item's new id in place of the removed one), so the item returns where it stood.
    """

    def undo(state: dict[str, Any]) -> Change:
        change = restore()
        if put_back is not None and state["order"]:
            state["order"] = [change.id if i == state["id"] else i for i in state["order"]]
            put_back(state["order"])
        state["id"] = change.id
        return change

    return push_edit(stack, text, lambda state: remove(state["id"]), undo,
                     {"id": item_id, "order": list(order)})
