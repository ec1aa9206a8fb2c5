"""The report's "To confirm" bar: it lists the sprint's guesses (and hides when there are none),
answers the chosen one as one undo step, offers "Not so" only where the journal keeps a no,
follows answers given elsewhere, and offers nothing to answer in a read-only journal."""

from pathlib import Path

import pytest
from factories import build_gothenburg
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot
from sprintjournal_ui.store import JournalStore
from sprintjournal_ui.widgets.report_suggestions import SuggestionsBox

from sprintjournal.journal import Journal

WELCOME = "Antonio Cuni: first sprint in this journal. Welcome as a newcomer?"


def box_for(qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
            sprint_id: int | None) -> SuggestionsBox:
    box = SuggestionsBox(store, undo_stack)
    qtbot.addWidget(box)
    box.show()
    box.set_sprint(sprint_id)
    return box


def choose(box: SuggestionsBox, starts: str) -> None:
    box.list.setCurrentIndex(next(i for i, t in enumerate(box.texts()) if t.startswith(starts)))


def test_the_guesses_are_listed_with_their_reasons(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, panel_sprint: int) -> None:
    box = box_for(qtbot, store, undo_stack, panel_sprint)
    assert box.isVisible()
    assert box.texts()[0] == WELCOME
    assert any(t.startswith("The first PyPy sprint of 2011") for t in box.texts())
    assert box.list.itemData(0, Qt.ItemDataRole.ToolTipRole) == WELCOME
    box.set_sprint(None)
    assert box.isHidden() and box.texts() == []


def test_confirm_answers_the_chosen_guess_as_one_undo_step(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, panel_sprint: int) -> None:
    box = box_for(qtbot, store, undo_stack, panel_sprint)
    choose(box, "Antonio Cuni")
    with qtbot.waitSignal(box.answered):
        qtbot.mouseClick(box.confirm_button, Qt.MouseButton.LeftButton)
    antonio = next(a for a in store.list_attendees(panel_sprint)
                   if a.person.name == "Antonio Cuni")
    assert antonio.newcomer_override is True
    assert WELCOME not in box.texts()
    assert undo_stack.count() == 1
    undo_stack.undo()
    assert box.texts()[0] == WELCOME  # the bar follows the journal, whoever answers


def test_not_so_only_where_the_journal_keeps_the_no(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, panel_sprint: int) -> None:
    box = box_for(qtbot, store, undo_stack, panel_sprint)
    choose(box, "The first PyPy sprint of 2011")
    assert box.confirm_button.isEnabled() and not box.decline_button.isEnabled()
    assert box.decline_button.toolTip().startswith("Nothing to record for this guess")
    choose(box, "Armin Rigo")
    assert box.decline_button.isEnabled()
    qtbot.mouseClick(box.decline_button, Qt.MouseButton.LeftButton)
    armin = next(a for a in store.list_attendees(panel_sprint) if a.person.name == "Armin Rigo")
    assert armin.newcomer_override is False
    assert not any(t.startswith("Armin Rigo") for t in box.texts())


def test_an_answer_given_elsewhere_is_followed(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, panel_sprint: int) -> None:
    box = box_for(qtbot, store, undo_stack, panel_sprint)
    maciej = next(i for i in store.review_items(panel_sprint, "suggestion")
                  if i.title == "Maciej Fijałkowski")
    store.confirm_review(maciej)  # as the Needs Review list does
    assert not any(t.startswith("Maciej") for t in box.texts())


@pytest.fixture
def readonly_store(journal: Journal, journal_path: Path) -> tuple[JournalStore, int]:
    sid = build_gothenburg(journal)
    journal.close()
    return JournalStore(Journal(journal_path, readonly=True)), sid


def test_a_read_only_journal_shows_the_guesses_but_offers_no_answer(
        qtbot: QtBot, readonly_store: tuple[JournalStore, int]) -> None:
    store, sid = readonly_store
    try:
        box = box_for(qtbot, store, QUndoStack(), sid)
        assert box.texts()[0] == WELCOME
        assert not box.confirm_button.isEnabled() and not box.decline_button.isEnabled()
    finally:
        store.close()
