"""The data panels' undo steps: an edit runs before it is pushed (a refused one leaves the stack
as it was), undo and redo follow the journal's new ids, and a step that can no longer be taken
drops off the stack instead of staying on offer."""

import logging

import pytest
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot
from sprintjournal_ui.commands.edit_commands import (
    AppliedCommand,
    push_add,
    push_edit,
    push_remove,
    push_update,
)
from sprintjournal_ui.store import JournalStore

from sprintjournal.changes import Change
from sprintjournal.errors import JournalError


def names(store: JournalStore, sprint_id: int) -> list[str]:
    return [b.name for b in store.list_branches(sprint_id)]


def status_of(store: JournalStore, sprint_id: int, name: str) -> str:
    return next(b.status for b in store.list_branches(sprint_id) if b.name == name)


def branch_id(store: JournalStore, sprint_id: int, name: str) -> int:
    return next(b.id for b in store.list_branches(sprint_id) if b.name == name)


def test_an_update_is_applied_at_once_and_undone_and_redone(
        store: JournalStore, undo_stack: QUndoStack, panel_sprint: int) -> None:
    stm = branch_id(store, panel_sprint, "stm")
    change = push_update(undo_stack, "Edit branch stm",
                         lambda i, **f: store.update_branch(i, **f), stm,
                         {"status": "in progress"}, {"status": "merged"})
    assert (change.entity, change.op, change.ids) == ("branch", "updated", (stm,))
    assert status_of(store, panel_sprint, "stm") == "merged"
    assert (undo_stack.count(), undo_stack.undoText()) == (1, "Edit branch stm")
    command = undo_stack.command(0)
    assert isinstance(command, AppliedCommand) and command.last_change is change

    undo_stack.undo()
    assert status_of(store, panel_sprint, "stm") == "in progress"
    undo_stack.redo()
    assert status_of(store, panel_sprint, "stm") == "merged"


def test_a_refused_edit_raises_and_leaves_the_stack_and_the_journal_alone(
        store: JournalStore, undo_stack: QUndoStack, panel_sprint: int) -> None:
    stm = branch_id(store, panel_sprint, "stm")
    with pytest.raises(JournalError, match="finished-ish"):
        push_update(undo_stack, "Edit branch stm", lambda i, **f: store.update_branch(i, **f),
                    stm, {"status": "in progress"}, {"status": "finished-ish"})
    assert undo_stack.count() == 0
    assert status_of(store, panel_sprint, "stm") == "in progress"


def test_an_add_is_removed_by_undo_and_its_new_copy_by_the_next_undo(
        store: JournalStore, undo_stack: QUndoStack, panel_sprint: int) -> None:
    change = push_add(undo_stack, "Add branch jit-hooks",
                      lambda: store.add_branch(panel_sprint, "jit-hooks", ["Armin Rigo"]),
                      lambda item_id: store.remove_branch(item_id))
    first_id = change.id
    assert "jit-hooks" in names(store, panel_sprint)

    undo_stack.undo()
    assert "jit-hooks" not in names(store, panel_sprint)
    undo_stack.redo()  # re-added: the journal may give it another id
    second_id = branch_id(store, panel_sprint, "jit-hooks")
    command = undo_stack.command(0)
    assert isinstance(command, AppliedCommand)
    assert command.state["id"] == second_id and first_id is not None
    undo_stack.undo()  # removes the copy redo made, not the first id
    assert "jit-hooks" not in names(store, panel_sprint)


def test_an_undone_removal_puts_the_item_back_where_it_stood(
        store: JournalStore, undo_stack: QUndoStack, panel_sprint: int) -> None:
    before = names(store, panel_sprint)
    assert before == ["SpecialisedTuple", "ffistruct", "stm", "win64"]
    ffistruct = next(b for b in store.list_branches(panel_sprint) if b.name == "ffistruct")
    order = [b.id for b in store.list_branches(panel_sprint)]
    put_back: list[list[int]] = []

    def restore() -> Change:
        return store.add_branch(panel_sprint, ffistruct.name,
                                [p.name for p in ffistruct.people], status=ffistruct.status,
                                results=list(ffistruct.results))

    def reorder(ids: list[int]) -> None:
        put_back.append(ids)
        store.reorder_unless_changed("branch", ids)

    push_remove(undo_stack, "Remove branch ffistruct", ffistruct.id,
                lambda item_id: store.remove_branch(item_id), restore, order, reorder)
    assert names(store, panel_sprint) == ["SpecialisedTuple", "stm", "win64"]

    undo_stack.undo()
    assert names(store, panel_sprint) == before
    restored = next(b for b in store.list_branches(panel_sprint) if b.name == "ffistruct")
    assert restored.status == "merged"
    assert restored.results == ffistruct.results
    assert put_back == [[order[0], restored.id, *order[2:]]]

    undo_stack.redo()  # removes the restored copy under its new id
    assert names(store, panel_sprint) == ["SpecialisedTuple", "stm", "win64"]


def test_a_removal_without_an_order_is_restored_last(
        store: JournalStore, undo_stack: QUndoStack, panel_sprint: int) -> None:
    stm = branch_id(store, panel_sprint, "stm")
    push_remove(undo_stack, "Remove branch stm", stm, lambda i: store.remove_branch(i),
                lambda: store.add_branch(panel_sprint, "stm", ["Armin Rigo"]))
    undo_stack.undo()
    assert names(store, panel_sprint) == ["SpecialisedTuple", "ffistruct", "win64", "stm"]


def test_a_step_that_can_no_longer_be_undone_leaves_the_stack(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, panel_sprint: int,
        caplog: pytest.LogCaptureFixture) -> None:
    stm = branch_id(store, panel_sprint, "stm")
    push_update(undo_stack, "Edit branch stm", lambda i, **f: store.update_branch(i, **f), stm,
                {"goal": ""}, {"goal": "software transactional memory"})
    store.remove_branch(stm)  # meanwhile, elsewhere: the branch is gone

    with caplog.at_level(logging.WARNING), qtbot.waitSignal(store.error):
        undo_stack.undo()
    assert undo_stack.count() == 0
    assert not undo_stack.canUndo() and not undo_stack.canRedo()
    assert "Edit branch stm could not be undone/redone" in caplog.text


def test_push_edit_hands_its_state_to_both_steps(undo_stack: QUndoStack) -> None:
    seen: list[tuple[str, dict[str, object]]] = []

    def do(state: dict[str, object]) -> Change:
        seen.append(("do", dict(state)))
        state["runs"] = int(str(state.get("runs", 0))) + 1
        return Change("note", "updated", (7,))

    def undo(state: dict[str, object]) -> Change:
        seen.append(("undo", dict(state)))
        return Change("note", "updated", (7,))

    push_edit(undo_stack, "Touch", do, undo, {"id": 7})
    undo_stack.undo()
    undo_stack.redo()
    assert seen == [("do", {"id": 7}), ("undo", {"id": 7, "runs": 1}),
                    ("do", {"id": 7, "runs": 1})]
