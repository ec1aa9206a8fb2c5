"""The Notes panel's widgets: the days list (counts, quiet selection, today during the sprint),
a note's tab title from its first line, and the page shown before any sprint exists."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot
from shell_data import show_active
from sprintjournal_ui.main_window import MainWindow
from sprintjournal_ui.store import JournalStore
from sprintjournal_ui.widgets.notes_view import (
    DaysList,
    NotesView,
    count_tip,
    leading_text,
    long_day,
    note_title,
)

from sprintjournal.journal import Journal

WED, THU = date(2011, 11, 2), date(2011, 11, 3)


@pytest.fixture
def days(qtbot: QtBot) -> DaysList:
    listed = DaysList()
    qtbot.addWidget(listed)
    listed.fill([WED, THU, None], {THU: 2, None: 1})
    return listed


def texts(listed: DaysList) -> list[tuple[str, str]]:
    return [(listed.item(i).text(), listed.item(i).toolTip()) for i in range(listed.count())]


def test_each_day_shows_its_number_of_notes(days: DaysList) -> None:
    assert texts(days) == [("Wed 2 Nov", "No notes yet"), ("Thu 3 Nov · 2", "2 notes"),
                           ("No day · 1", "1 note")]
    assert days.values() == [WED, THU, None]
    days.set_count(WED, 1)
    days.set_count(date(2012, 1, 1), 5)  # not listed: nothing happens
    assert texts(days)[0] == ("Wed 2 Nov · 1", "1 note")
    assert days.count() == 3


def test_filling_and_selecting_are_not_announced(qtbot: QtBot, days: DaysList) -> None:
    with qtbot.assertNotEmitted(days.currentRowChanged):
        days.select(THU)
        days.fill([WED, THU], {})
        days.select(THU)
    assert days.currentRow() == 1
    days.select(date(2012, 1, 1))
    assert days.currentRow() == -1
    with qtbot.waitSignal(days.currentRowChanged):  # the user's own choice is announced
        days.setCurrentRow(0)


def test_the_default_day_is_today_during_the_sprint_else_the_first(qtbot: QtBot,
                                                                   days: DaysList) -> None:
    assert days.default_day() == WED
    today = date.today()
    days.fill([today - timedelta(days=1), today, None], {})
    assert days.default_day() == today
    days.fill([None], {})
    assert days.default_day() is None


@pytest.mark.parametrize(("text", "title"), [
    ("# Thursday\n\nArmin explained STM.", "Thursday"),
    ("   \n## JIT hooks", "JIT hooks"),  # blank lines before it are skipped
    ("  \n \n", "Note 3"),  # nothing written yet: numbered
    ("", "Note 3"),
    ("Antonio and Mark paired on the specialised tuples all afternoon",
     "Antonio and Mark paired on …"),
    ("#hashtag-like start", "hashtag-like start"),
])
def test_a_note_is_titled_by_its_first_line(text: str, title: str) -> None:
    assert note_title(text, 3) == title
    assert len(note_title(text, 3)) <= 28


def test_the_leading_text_reads_five_short_lines_of_a_huge_note(qtbot: QtBot) -> None:
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText("\n".join(["x" * 10_000] * 50))
    lead = leading_text(editor)
    assert lead.split("\n") == ["x" * 200] * 5


def test_words_for_days_and_counts() -> None:
    assert long_day(THU) == "Thursday 3 November 2011"
    assert long_day(None) == "Notes without a day"
    assert count_tip(0) == "No notes yet" and count_tip(1) == "1 note"


def test_the_view_has_the_hint_page_and_the_editor_page(qtbot: QtBot) -> None:
    view = NotesView()
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    assert view.hint is None and not view.showing_hint, "the hint page is made when needed"
    assert view.stack.count() == 1
    view.show_hint()
    assert view.hint is not None and view.showing_hint
    assert view.hint.label.isVisible() and view.hint.new_sprint_button.isDefault()
    assert "Sprint ▸ New sprint…" in view.hint.label.text()
    assert not view.days.isVisible()
    view.show_editor_page()
    assert not view.showing_hint and not view.hint.isVisible()
    view.show_hint()
    assert view.stack.count() == 2, "made once"
    view.show_editor_page()
    assert view.days.isVisible() and view.editor.isVisible() and view.preview.isVisible()
    assert view.days.accessibleName() == "Days of the sprint"
    assert view.add_button.accessibleName() == "New note"
    assert view.remove_button.toolTip() == "Remove the note shown"
    assert view.days.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert view.editor.width() > view.days.width()


# -- in a window of a common screen's width: a day with several notes (its tabs beside the
# day's heading) must not make the window wider than it is --------------------------------------
WEDNESDAY = date(2016, 8, 3)  # a Wednesday: the longest day names make the longest heading


def test_a_day_with_many_notes_fits_a_1280_pixel_window(
        qtbot: QtBot, store: JournalStore, journal: Journal) -> None:
    sprint = journal.add_sprint("Sprint 199", start=date(2016, 8, 2), end=date(2016, 8, 9)).id
    for n in range(3):
        journal.add_note(sprint, WEDNESDAY, f"struct stm merge {n} " * 30)
    window = MainWindow(autosave_ms=60_000)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.attach(store)
    show_active(qtbot, window)
    window.select_sprint(sprint)
    window.select_day(WEDNESDAY)
    assert window.notes is not None
    qtbot.waitUntil(lambda: window.notes is not None and window.notes.tabs.isVisible())
    window.focus_search()  # the search beside the notes, as after a search
    window.notes.editor.setFocus()
    qtbot.keyClicks(window.notes.editor, "x")
    qtbot.wait(50)
    assert window.minimumSizeHint().width() <= 1280
    assert window.width() == 1280
    assert window.notes.heading.text().startswith("Wednesday 3 August 2016")
    window.close_for_good()
