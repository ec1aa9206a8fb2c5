"""What a table panel says about a removal, and what it shows after Ctrl+Z / Ctrl+Shift+Z.

A Delete is quick (no question for a few rows: undo brings them back), so the status bar says
what went and how to get it back. Undo and redo then select the rows they brought back or
changed, in the panel's dock, so the user does not lose their place. One place for every
`RecordPanel`: a panel names its records (`describe`, `removed_from`) and finds their rows
(`select_item`, `locate`); the rest is here.
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QWidget

from sprintjournal.changes import Change

from ..commands.store_command import StoreCommand

if TYPE_CHECKING:
    from .panel_base import RecordPanel

Way = Literal["undo", "redo"]
BULK_ROWS = 5
"""From this many rows at once a Delete asks first: a stray Ctrl+A, Delete would otherwise
empty a list with one line in the status bar, easy to miss until undo is long gone (the stack
is lost when the journal closes)."""
NAMED = 3
"""How many of several removed rows the message names."""
NAME_CHARS = 60
"""A longer name (a stand-up item's sentence) is cut short in the message."""


def key_text(key: QKeySequence.StandardKey) -> str:
    """How this platform writes a standard key ("Ctrl+Z", "⌘Z")."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def removed_message(names: Sequence[str], noun: str, where: str, more: str = "") -> str:
    """ "Removed Armin Rigo from the attendees — Ctrl+Z to undo"; several rows are counted and
    the first few named. `where` is "" or "from …"; `more` says what else changed."""
    names = [_short(n) for n in names]
    if len(names) == 1:
        what = names[0]
    else:
        shown = ", ".join(names[:NAMED]) + (", …" if len(names) > NAMED else "")
        what = f"{len(names)} {noun} ({shown})"
    place = f" {where}" if where else ""
    extra = f" ({more})" if more else ""
    return f"Removed {what}{place}{extra} — {key_text(QKeySequence.StandardKey.Undo)} to undo"


def _short(name: str) -> str:
    """`name` cut to `NAME_CHARS`, a closing quote kept."""
    if len(name) <= NAME_CHARS:
        return name
    quote = "”" if name.endswith("”") else ""
    return name[:NAME_CHARS - 1 - len(quote)].rstrip() + "…" + quote


def step_message(way: Way, text: str) -> str:
    """After an undo or redo: which step it was and the key that takes it the other way."""
    if way == "undo":
        return f"Undone: {text} — {key_text(QKeySequence.StandardKey.Redo)} to redo"
    return f"Redone: {text} — {key_text(QKeySequence.StandardKey.Undo)} to undo"


def confirm_bulk(parent: QWidget, count: int, noun: str) -> bool:
    """Ask before removing `count` rows at once; Enter and Escape keep them."""
    from PySide6.QtWidgets import QMessageBox  # its enums load with the first box shown

    box = QMessageBox(QMessageBox.Icon.Question, f"Remove {count} {noun}",
                      f"Remove the {count} selected {noun}?", parent=parent)
    box.setInformativeText(
        f"You can bring them back with {key_text(QKeySequence.StandardKey.Undo)} "
        "(Edit ▸ Undo) until the journal is closed.")
    remove = box.addButton(f"Remove {count} {noun}", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("Keep them", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is remove


def shown_ids(changes: Sequence[Change], entity: str) -> list[int]:
    """The rows of `entity` an undone/redone step brought back or changed, in order, once each
    (a removal has no row left to show; a reorder names the whole list)."""
    ids: list[int] = []
    for change in changes:
        if change.entity == entity and change.op not in ("removed", "reordered"):
            ids.extend(i for i in change.ids if i not in ids)
    return ids


RowPlace = tuple[QAbstractItemView, int]
"""A view and a row in it."""


class StepFollower(QObject):
    """Collects the panel's own writes made while a step is undone or redone; when the undo
    stack has moved, hands them to `panel.show_step`, with the place of the first row the step
    removed (a redone removal, an undone add), taken before its model dropped the row."""

    def __init__(self, panel: "RecordPanel[Any]") -> None:
        super().__init__(panel)
        self._panel = panel
        self._seen: list[Change] = []
        self._way: Way | None = None
        self._removed_at: RowPlace | None = None
        if panel.order_entity is not None:  # connected before the panel's models: rows still in
            panel.store.entity_signal(panel.order_entity).connect(self._before_models)
        panel.store.changed.connect(self._on_change)
        panel.undo_stack.indexChanged.connect(self._after_step)

    def _before_models(self, change: Change, initiator: object) -> None:
        if (initiator is self._panel and StoreCommand.taking is not None
                and change.op == "removed" and change.ids and self._removed_at is None):
            found = self._panel.locate(change.ids[0])
            if found is not None:
                self._removed_at = (found[0], found[1].row())

    def _on_change(self, change: Change, initiator: object) -> None:
        way = StoreCommand.taking
        if initiator is self._panel and way is not None:
            self._seen.append(change)
            self._way = way

    def _after_step(self, _index: int) -> None:
        changes, way, removed_at = self._seen, self._way, self._removed_at
        self._seen, self._way, self._removed_at = [], None, None
        if not changes or way is None:
            return
        stack = self._panel.undo_stack
        text = stack.redoText() if way == "undo" else stack.undoText()
        self._panel.show_step(changes, way, text, removed_at)
