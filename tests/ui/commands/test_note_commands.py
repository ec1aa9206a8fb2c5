"""Adding and removing a note as undo steps: undo of an add keeps what was typed for redo, undo
of a removal brings the note back on its day (under a new id, which the command follows)."""

from datetime import date

from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot
from shell_data import Gothenburg
from sprintjournal_ui.commands.note_commands import (
    add_note_command,
    created_id,
    remove_note_command,
)
from sprintjournal_ui.store import JournalStore

THURSDAY = date(2011, 11, 3)
FRIDAY = date(2011, 11, 4)


def texts(store: JournalStore, sprint_id: int, day: date | None) -> list[str]:
    return [n.text for n in store.list_notes(sprint_id, day)]


def test_adding_a_note_is_one_step_named_after_its_day(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, gothenburg: Gothenburg
) -> None:
    marker = object()
    command = add_note_command(store, gothenburg.sprint_id, FRIDAY, marker)
    assert command.text() == "Add note on Fri 4 Nov"
    with qtbot.waitSignal(store.notes_changed) as signal:
        undo_stack.push(command)
    assert signal.args is not None and signal.args[1] is marker
    note_id = created_id(command)
    assert store.get_note(note_id).day == FRIDAY
    assert texts(store, gothenburg.sprint_id, FRIDAY) == [""]


def test_undoing_an_add_keeps_the_typed_text_for_redo(
        store: JournalStore, undo_stack: QUndoStack, gothenburg: Gothenburg) -> None:
    command = add_note_command(store, gothenburg.sprint_id, FRIDAY, None)
    undo_stack.push(command)
    store.set_note_text(created_id(command), "Armin and Maciej paired on the JIT hooks.")

    undo_stack.undo()
    assert texts(store, gothenburg.sprint_id, FRIDAY) == []
    undo_stack.redo()
    assert texts(store, gothenburg.sprint_id, FRIDAY) == [
        "Armin and Maciej paired on the JIT hooks."]
    assert store.get_note(created_id(command)).day == FRIDAY


def test_an_undated_note_is_named_no_day(
        store: JournalStore, undo_stack: QUndoStack, gothenburg: Gothenburg) -> None:
    command = add_note_command(store, gothenburg.sprint_id, None, None)
    assert command.text() == "Add note on No day"
    undo_stack.push(command)
    assert store.get_note(created_id(command)).day is None


def test_a_removed_note_comes_back_with_its_text_on_its_day(
        store: JournalStore, undo_stack: QUndoStack, gothenburg: Gothenburg) -> None:
    note = store.get_note(gothenburg.note_id)
    command = remove_note_command(store, note, None)
    assert command.text() == "Remove note of Thu 3 Nov"
    undo_stack.push(command)
    assert texts(store, gothenburg.sprint_id, THURSDAY) == []

    undo_stack.undo()
    assert texts(store, gothenburg.sprint_id, THURSDAY) == [note.text]
    new_id = created_id(command)
    assert store.get_note(new_id).text == note.text

    undo_stack.redo()  # removes the copy, under the id undo gave it
    assert texts(store, gothenburg.sprint_id, THURSDAY) == []
    undo_stack.undo()
    assert texts(store, gothenburg.sprint_id, THURSDAY) == [note.text]
