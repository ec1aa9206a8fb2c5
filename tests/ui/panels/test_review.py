"""Issue 13 item 3: the report's guesses are answered in the Needs Review list, with the rows an
import flagged — Enter confirms, Delete says "not so" where the journal keeps that answer, F2
corrects where the item is edited, Ctrl+Z takes any answer back — and the Report panel's "To
confirm" bar shows the same items, so an answer in one place is seen in the other."""

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QSpinBox, QWidget
from pytestqt.qtbot import QtBot
from shell_data import Gothenburg, main_window, when_modal
from sprintjournal_ui.main_window import MainWindow
from sprintjournal_ui.panels.review import ReviewPanel
from sprintjournal_ui.store import JournalStore

from sprintjournal.journal import Journal
from sprintjournal.review import ROW, SUGGESTION, Counts, ReviewItem


@pytest.fixture
def window(qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg,
           journal: Journal) -> Iterator[MainWindow]:
    """Gothenburg with one flagged row, and stand-up work on a branch still marked planned."""
    sid = gothenburg.sprint_id
    journal.add_attendee(sid, "Romain", needs_review=True, review_reason="Romain added as new")
    journal.add_standup_item(sid, date(2011, 11, 3), "done", "ffistruct: field access works",
                             ["Antonio Cuni"], branch_id=gothenburg.branch_id, status="done")
    with main_window(qtbot, store, size=(1280, 800), sprint_id=sid) as win:
        win.go_actions["review"].trigger()
        yield win


def panel(window: MainWindow) -> ReviewPanel:
    review = window.panels["review"]
    assert isinstance(review, ReviewPanel)
    return review


def select(qtbot: QtBot, window: MainWindow, kind: str, title: str = "") -> ReviewItem:
    """Select the first listed item of `kind` (whose title starts with `title`) and focus the
    list, once the window is active again after a dialog."""
    review = panel(window)
    row = next(n for n, i in enumerate(review.items)
               if i.kind == kind and i.title.startswith(title))
    review._select_row(row)
    handle = window.windowHandle()
    assert handle is not None
    handle.requestActivate()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    review.tree.setFocus()
    assert review.tree.hasFocus(), QApplication.focusWidget()
    return review.items[row]


def titles(window: MainWindow, kind: str) -> list[str]:
    return [i.title for i in panel(window).items if i.kind == kind]


def test_the_list_holds_every_kind_and_its_title_counts_them_apart(
        window: MainWindow, gothenburg: Gothenburg) -> None:
    review = panel(window)
    kinds = [i.kind for i in review.items]
    assert kinds[0] == "attendee"  # the import's rows first, then the report's guesses
    assert set(kinds) == {"attendee", "newcomer", "ordinal", "status"}
    # Mark Pearse is marked a newcomer already: nothing to ask about him
    assert titles(window, "newcomer") == ["Armin Rigo", "Antonio Cuni", "Håkan Ardö", "Romain"]
    assert titles(window, "status") == ["ffistruct"]
    assert titles(window, "ordinal") == ["first of 2011", "first in Gothenburg in 2011"]
    rows = sum(i.group == ROW for i in review.items)
    suggested = sum(i.group == SUGGESTION for i in review.items)
    assert (rows, suggested) == (1, 7) and review.counts() == Counts(1, 7)
    assert review.heading.text() == "1 row to review and 7 suggestions to confirm."
    assert window.docks["review"].windowTitle() == "Needs Review (8)"
    texts = [review.tree.topLevelItem(n).text(0) for n in range(review.tree.topLevelItemCount())]
    assert "Newcomer: Armin Rigo" in texts and "Branch status: ffistruct" in texts
    whys = {review.tree.topLevelItem(n).text(0): review.tree.topLevelItem(n).text(1)
            for n in range(review.tree.topLevelItemCount())}
    assert whys["Newcomer: Armin Rigo"] == "First sprint in this journal. Welcome as a newcomer?"
    assert whys["Branch status: ffistruct"].startswith("ffistruct is marked planned")
    # the Report panel's bar lists the same guesses, in the same words
    box = window.panels["report"].suggestions
    assert box.texts() == [i.reason for i in review.items if i.group == SUGGESTION]


def test_enter_confirms_a_guess_in_both_places_and_ctrl_z_reopens_it(
        qtbot: QtBot, window: MainWindow, journal: Journal, gothenburg: Gothenburg) -> None:
    sid, review = gothenburg.sprint_id, panel(window)
    box = window.panels["report"].suggestions
    select(qtbot, window, "newcomer", "Antonio")
    qtbot.keyClick(review.tree, Qt.Key.Key_Return)
    antonio = next(a for a in journal.list_attendees(sid) if a.person.name == "Antonio Cuni")
    assert antonio.newcomer_override is True
    assert "Antonio Cuni" not in titles(window, "newcomer")
    assert not any(t.startswith("Antonio Cuni") for t in box.texts())
    assert review.heading.text() == "1 row to review and 6 suggestions to confirm."
    assert window.docks["review"].windowTitle() == "Needs Review (7)"
    window.act_undo.trigger()
    antonio = next(a for a in journal.list_attendees(sid) if a.person.name == "Antonio Cuni")
    assert antonio.newcomer_override is None
    assert "Antonio Cuni" in titles(window, "newcomer")
    assert any(t.startswith("Antonio Cuni") for t in box.texts())
    # the status guess: Enter sets the branch to done, Ctrl+Z back to planned
    select(qtbot, window, "status")
    qtbot.keyClick(review.tree, Qt.Key.Key_Return)
    assert journal.list_branches(sid)[0].status == "done" and titles(window, "status") == []
    window.act_undo.trigger()
    assert journal.list_branches(sid)[0].status == "planned"
    assert titles(window, "status") == ["ffistruct"]
    # the sprint's number: one answer settles both ways of counting
    select(qtbot, window, "ordinal", "first in Gothenburg")
    qtbot.keyClick(review.tree, Qt.Key.Key_Return)
    sprint = journal.get_sprint(sid)
    assert (sprint.ordinal, sprint.ordinal_scope) == (1, "in Gothenburg in 2011")
    assert titles(window, "ordinal") == []
    window.act_undo.trigger()
    assert journal.get_sprint(sid).ordinal is None and len(titles(window, "ordinal")) == 2


def test_the_report_bar_answers_the_same_items_on_the_same_undo_stack(
        qtbot: QtBot, window: MainWindow, journal: Journal, gothenburg: Gothenburg) -> None:
    box = window.panels["report"].suggestions
    window.go_to_panel("report")
    box.list.setCurrentIndex(box.texts().index(
        next(t for t in box.texts() if t.startswith("Håkan Ardö"))))
    qtbot.mouseClick(box.confirm_button, Qt.MouseButton.LeftButton)
    assert "Håkan Ardö" not in titles(window, "newcomer")
    assert window.act_undo.text().replace("&", "") == "Undo Confirm newcomer Håkan Ardö"
    window.act_undo.trigger()
    assert "Håkan Ardö" in titles(window, "newcomer")
    # "Not so" only where the journal keeps the answer
    box.list.setCurrentIndex(next(n for n, t in enumerate(box.texts()) if "Set it to" in t))
    assert box.confirm_button.isEnabled() and not box.decline_button.isEnabled()
    box.list.setCurrentIndex(0)
    assert box.decline_button.isEnabled()
    qtbot.mouseClick(box.decline_button, Qt.MouseButton.LeftButton)
    armin = next(a for a in journal.list_attendees(gothenburg.sprint_id)
                 if a.person.name == "Armin Rigo")
    assert armin.newcomer_override is False and "Armin Rigo" not in titles(window, "newcomer")


def test_delete_says_not_so_where_the_journal_keeps_it(
        qtbot: QtBot, window: MainWindow, journal: Journal, gothenburg: Gothenburg) -> None:
    review, sid = panel(window), gothenburg.sprint_id
    select(qtbot, window, "newcomer", "Armin")
    assert review.decline_action.isEnabled()
    qtbot.keyClick(review.tree, Qt.Key.Key_Delete)
    armin = next(a for a in journal.list_attendees(sid) if a.person.name == "Armin Rigo")
    assert armin.newcomer_override is False and not armin.newcomer
    assert "Armin Rigo" not in titles(window, "newcomer")
    window.act_undo.trigger()
    assert "Armin Rigo" in titles(window, "newcomer")
    # a guess with no "no" to keep, and a flagged row: Delete does nothing
    for kind in ("status", "ordinal", "attendee"):
        before = list(review.items)
        select(qtbot, window, kind)
        assert not review.decline_action.isEnabled()
        qtbot.keyClick(review.tree, Qt.Key.Key_Delete)
        assert review.items == before


def test_f2_corrects_each_guess_where_it_is_edited(
        qtbot: QtBot, window: MainWindow, journal: Journal, gothenburg: Gothenburg) -> None:
    review, sid = panel(window), gothenburg.sprint_id
    # a newcomer: the attendee's own dialog, on that row
    select(qtbot, window, "newcomer", "Håkan")
    seen = when_modal(lambda dialog: dialog.reject())
    qtbot.keyClick(review.tree, Qt.Key.Key_F2)
    assert seen == ["Edit attendee"] and window.docks["attendees"].isVisible()
    assert [r.person.name for r in window.panels["attendees"].selected_records()] == [
        "Håkan Ardö"]
    # a branch status: the branch's dialog
    window.go_actions["review"].trigger()
    select(qtbot, window, "status")
    seen = when_modal(lambda dialog: dialog.reject())
    qtbot.keyClick(review.tree, Qt.Key.Key_F2)
    assert seen == ["Edit branch ffistruct"]
    # the sprint's number has no panel: F2 asks for it, typed in the real dialog
    window.go_actions["review"].trigger()
    select(qtbot, window, "ordinal", "first of 2011")

    def type_three(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        spin = dialog.findChild(QSpinBox)
        assert spin is not None and spin.value() == 1
        spin.selectAll()
        qtbot.keyClicks(spin, "3")
        dialog.accept()

    seen = when_modal(type_three)
    qtbot.keyClick(review.tree, Qt.Key.Key_F2)
    sprint = journal.get_sprint(sid)
    assert seen == ["Sprint number"] and (sprint.ordinal, sprint.ordinal_scope) == (3, "of 2011")
    assert titles(window, "ordinal") == []
    assert window.act_undo.text().replace("&", "") == (
        "Undo Confirm sprint number third of 2011")
    window.act_undo.trigger()
    assert journal.get_sprint(sid).ordinal is None
