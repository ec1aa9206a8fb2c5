"""Undoable structural edits (add/remove/rename/status/move) for the QUndoStack.

A command is a pair of store operations. Removing restores by re-adding from a snapshot taken
before the removal, so ids may change on undo: commands therefore remember the *new* id each
time `redo` runs and hand it to `undo` through `self.state`.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, ClassVar, Literal

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

    taking: ClassVar[Literal["undo", "redo"] | None] = None
    """While a step runs from the undo stack: which way. The panels read it to tell their
    own writes replayed by Ctrl+Z / Ctrl+Shift+Z (whose rows they then select) from new edits."""

    def redo(self) -> None:
        with _taking("redo"):
            self.last_change = self._do(self.state)

    def undo(self) -> None:
        with _taking("undo"):
            self.last_change = self._undo(self.state)


@contextmanager
def _taking(way: Literal["undo", "redo"]) -> Iterator[None]:
    outer, StoreCommand.taking = StoreCommand.taking, way
    try:
        yield
    finally:
        StoreCommand.taking = outer
