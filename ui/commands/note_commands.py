"""Undoable note edits: adding and removing a note (typing has the editor's own undo).

Removing restores by re-adding from a snapshot, so undo gives the note a new id; each command
keeps the current id in its state (see `ui.commands.store_command.StoreCommand`).
"""

from datetime import date

from sprintjournal.changes import Change
from sprintjournal.records import NoteRec

from ..day_words import day_label
from ..store import JournalStore
from .store_command import StoreCommand


def _int(value: object) -> int:
    assert isinstance(value, int)
    return value


def add_note_command(store: JournalStore, sprint_id: int, day: date | None,
                     initiator: object) -> StoreCommand:
    """Add an empty note; undo removes it (keeping what was typed in it for redo)."""

    def do(state: dict[str, object]) -> Change:
        change = store.add_note(sprint_id, day,
                                str(state.get("text", "")), initiator=initiator)
        state["id"] = change.id
        return change

    def undo(state: dict[str, object]) -> Change:
        state["text"] = store.get_note(_int(state["id"])).text
        return store.remove_note(_int(state["id"]), initiator=initiator)

    return StoreCommand(f"Add note on {day_label(day)}", do, undo)


def remove_note_command(store: JournalStore, note: NoteRec, initiator: object) -> StoreCommand:
    """Remove `note`; undo re-creates it with its text on its day."""

    def do(state: dict[str, object]) -> Change:
        return store.remove_note(_int(state["id"]), initiator=initiator)

    def undo(state: dict[str, object]) -> Change:
        change = store.add_note(note.sprint_id, note.day, note.text,
                                initiator=initiator)
        state["id"] = change.id
        return change

    return StoreCommand(f"Remove note of {day_label(note.day)}", do, undo, {"id": note.id})


def created_id(command: StoreCommand) -> int:
    """The id of the note an add command created (after it was pushed)."""
    return _int(command.state["id"])
