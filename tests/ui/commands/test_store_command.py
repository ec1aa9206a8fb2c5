"""StoreCommand on a real journal: redo performs the edit, undo reverts it, and an id that
changes on each redo (a removed row re-added) travels through the command's state."""

from typing import Any

from PySide6.QtGui import QUndoStack
from sprintjournal_ui.commands.store_command import StoreCommand

from sprintjournal.changes import Change
from sprintjournal.journal import Journal


def test_push_performs_undo_reverts_redo_tracks_the_new_id(journal: Journal) -> None:
    sprint = journal.add_sprint("Gothenburg 2011", project="PyPy").id

    def add(state: dict[str, Any]) -> Change:
        change = journal.add_branch(sprint, "ffistruct", ["Antonio Cuni"])
        state["id"] = change.id
        return change

    def remove(state: dict[str, Any]) -> Change:
        return journal.remove_branch(state["id"])

    stack = QUndoStack()
    command = StoreCommand("Add branch ffistruct", add, remove)
    stack.push(command)
    first_id = command.state["id"]
    assert [b.name for b in journal.list_branches(sprint)] == ["ffistruct"]
    assert command.last_change is not None and command.last_change.id == first_id
    assert stack.undoText() == "Add branch ffistruct"

    stack.undo()
    assert journal.list_branches(sprint) == []
    stack.redo()
    assert [b.id for b in journal.list_branches(sprint)] == [command.state["id"]]
    stack.undo()
    assert journal.list_branches(sprint) == []


def test_a_given_state_is_kept_and_shared_with_both_halves(journal: Journal) -> None:
    seen: list[dict[str, Any]] = []
    state = {"title": "Gothenburg"}

    def do(s: dict[str, Any]) -> Change:
        seen.append(s)
        return journal.add_sprint(s["title"])

    command = StoreCommand("Add sprint", do, lambda s: journal.remove_sprint(s["id"]), state)
    command.redo()
    assert seen == [state] and seen[0] is command.state
