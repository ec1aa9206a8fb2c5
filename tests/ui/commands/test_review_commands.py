"""Answers to review items and merges of two people, each one undo step: undo reopens the item
as it was listed, and splits merged people under their old ids (after a backup)."""

from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot
from sprintjournal_ui.commands.review_commands import KINDS, WATCHED, answer, merge_step
from sprintjournal_ui.store import JournalStore

from sprintjournal.changes import Change


def open_titles(store: JournalStore, sprint_id: int) -> list[tuple[str, str]]:
    return [(item.kind, item.title) for item in store.review_items(sprint_id)]


def test_confirming_a_flagged_attendee_is_undone_to_the_same_reason(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, panel_sprint: int) -> None:
    item = next(i for i in store.review_items(panel_sprint) if i.kind == "attendee")
    assert item.title == "Armin Rigo"
    marker = object()
    with qtbot.waitSignal(store.attendees_changed) as signal:
        answer(store, undo_stack, item, initiator=marker)
    assert signal.args is not None and signal.args[1] is marker
    assert undo_stack.undoText() == "Confirm attendee Armin Rigo"
    assert ("attendee", "Armin Rigo") not in open_titles(store, panel_sprint)
    armin = next(a for a in store.list_attendees(panel_sprint) if a.person.name == "Armin Rigo")
    assert not armin.needs_review

    undo_stack.undo()
    again = next(i for i in store.review_items(panel_sprint) if i.kind == "attendee")
    assert again == item
    undo_stack.redo()
    assert ("attendee", "Armin Rigo") not in open_titles(store, panel_sprint)


def test_declining_a_suggestion_is_named_not_so_and_is_taken_back_by_undo(
        store: JournalStore, undo_stack: QUndoStack, panel_sprint: int) -> None:
    suggestions = store.review_items(panel_sprint, "suggestion")
    item = next(i for i in suggestions if i.kind == "newcomer")
    answer(store, undo_stack, item, yes=False)
    assert undo_stack.undoText() == f"Not so: newcomer {item.title}"
    assert item not in store.review_items(panel_sprint, "suggestion")
    undo_stack.undo()
    assert item in store.review_items(panel_sprint, "suggestion")


def test_every_kind_the_journal_lists_has_a_name_or_shows_its_own() -> None:
    assert KINDS["ordinal"] == "Sprint number"
    assert {"attendance", "standup", "report"} <= WATCHED


def test_a_merge_is_backed_up_and_undone_under_the_old_ids(
        store: JournalStore, undo_stack: QUndoStack, panel_sprint: int) -> None:
    people = {p.name: p.id for p in store.list_people()}
    store.add_attendee(panel_sprint, "Toni Cuni")
    other = next(p.id for p in store.list_people() if p.name == "Toni Cuni")
    backups = len(store.list_backups())

    merge_step(store, undo_stack, "Toni Cuni", (people["Antonio Cuni"], "Antonio Cuni"),
               other_id=other)
    assert undo_stack.undoText() == "Merge Toni Cuni into Antonio Cuni"
    assert len(store.list_backups()) == backups + 1
    assert other not in {p.id for p in store.list_people()}

    undo_stack.undo()
    after = {p.name: p.id for p in store.list_people()}
    assert after["Toni Cuni"] == other
    assert after["Antonio Cuni"] == people["Antonio Cuni"]
    undo_stack.redo()
    assert other not in {p.id for p in store.list_people()}


def test_a_merge_given_as_a_call_runs_it_and_calls_back_after_undo(
        store: JournalStore, undo_stack: QUndoStack, panel_sprint: int) -> None:
    item = next(i for i in store.review_items(panel_sprint) if i.kind == "attendee")
    store.add_attendee(panel_sprint, "Armin R.")
    keep = next(p for p in store.list_people() if p.name == "Armin R.")
    undone: list[str] = []

    def after_undo() -> Change:
        undone.append("after")
        return Change("person", "updated", (keep.id,))

    merge_step(store, undo_stack, item.title, (keep.id, keep.name),
               merge=lambda: store.merge_review(item, keep.id),
               after_undo=after_undo)
    assert "Armin Rigo" not in {p.name for p in store.list_people()}
    undo_stack.undo()
    assert undone == ["after"]
    assert item in store.review_items(panel_sprint)
