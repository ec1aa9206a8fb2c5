"""Undoable structural edits (add/remove/rename/status/move) for the QUndoStack.

A command is a pair of store operations. Removing restores by re-adding from a snapshot taken
before the removal, so ids may change on undo: commands therefore remember the *new* id each
time `redo` runs and hand it to `undo` through `self.state`.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from sprintjournal.changes import Change


class StoreCommand(QUndoCommand):
    """redo() runs `do(state)`, undo() runs `undo(state)`; both may update `state` in place.

    `do` returns the Change of the first run; the first redo (pushed onto the stack) performs the
    edit, so callers push instead of calling the store themselves.
    """

    def __init__(
        self,
        text: str,
        do: Callable[[dict[str, Any]], Change],
        undo: Callable[[dict[str, Any]], Change],
        state: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(text)
        self._do, self._undo = do, undo
        self.state: dict[str, Any] = state or {}
        self.last_change: Change | None = None

    def redo(self) -> None:
        self.last_change = self._do(self.state)

    def undo(self) -> None:
        self.last_change = self._undo(self.state)
