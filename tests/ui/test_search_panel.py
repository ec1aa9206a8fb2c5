"""Search: FTS hits listed with snippets; choosing one selects the item in its panel."""

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from shell_data import Gothenburg, show_active

from sprintjournal.records import SearchHit
from ui.main_window import MainWindow
from ui.models.search_model import SearchModel, snippet_html
from ui.store import JournalStore

FRIDAY = date(2011, 11, 4)


@pytest.fixture
def window(qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg) -> Iterator[MainWindow]:
    win = MainWindow(autosave_ms=60_000)
    qtbot.addWidget(win)
    win.attach(store)
    show_active(qtbot, win)
    win.select_sprint(gothenburg.sprint_id)
    yield win
    win.close_for_good()


def search(qtbot: QtBot, window: MainWindow, text: str) -> list[SearchHit]:
    window.focus_search()
    window.search.field.clear()
    qtbot.keyClicks(window.search.field, text)
    return window.search.run_search()


def test_search_and_jump_to_a_note_on_another_day(qtbot: QtBot, window: MainWindow,
                                                  store: JournalStore,
                                                  gothenburg: Gothenburg) -> None:
    friday = store.apply(store.journal.add_note, gothenburg.sprint_id, FRIDAY,
                         "The cake said 5x faster than CPython").id
    window.select_day(date(2011, 11, 2))
    hits = search(qtbot, window, "cake")
    assert [(h.kind, h.item_id) for h in hits] == [("note", friday)]
    assert "[cake]" in hits[0].snippet
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.notes is not None
    assert window.notes.note_id == friday and window.notes.day == FRIDAY
    assert window.toolbar.day_combo.currentData() == FRIDAY
    assert window.notes.editor.toPlainText() == "The cake said 5x faster than CPython"


def test_a_hit_in_another_sprint_switches_sprint(qtbot: QtBot, window: MainWindow,
                                                 store: JournalStore) -> None:
    leysin = store.apply(store.journal.add_sprint, "Leysin 2012").id
    note = store.apply(store.journal.add_note, leysin, None, "Skiing and STM").id
    assert search(qtbot, window, "skiing") == []  # this sprint only, by default
    window.search.all_sprints.setChecked(True)
    hits = window.search.run_search()
    assert [(h.kind, h.item_id) for h in hits] == [("note", note)]
    window.search.results.activated.emit(window.search.model.index(0))
    assert window.sprint is not None and window.sprint.id == leysin
    assert window.notes is not None and window.notes.note_id == note


def test_a_person_hit_selects_the_attendee(qtbot: QtBot, window: MainWindow,
                                           gothenburg: Gothenburg) -> None:
    hits = search(qtbot, window, "Cuni")
    assert [(h.kind, h.item_id) for h in hits] == [("person", gothenburg.antonio_id)]
    qtbot.keyClick(window.search.field, Qt.Key.Key_Down)
    assert window.search.results.hasFocus()
    window.search.results.activated.emit(window.search.results.currentIndex())
    attendees = window.panels["attendees"]
    assert [r.person.id for r in attendees.selected_records()] == [gothenburg.antonio_id]
    assert window.docks["attendees"].isVisible()


def test_nothing_found_says_so(qtbot: QtBot, window: MainWindow) -> None:
    assert search(qtbot, window, "zeppelin") == []
    assert window.search.empty_hint.isVisible()
    assert "zeppelin" in window.search.empty_hint.text()


def test_snippets_show_user_text_literally() -> None:
    hit = SearchHit("note", 1, 1, "<img src=x onerror=alert(1)> [ffistruct] is fast")
    html = snippet_html(hit)
    assert "<img" not in html and "&lt;img" in html
    assert "<b>ffistruct</b>" in html and html.startswith("<b>Note</b>")


def test_search_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = SearchModel()
    model.set_hits([SearchHit("note", 1, 1, "a [b] c"), SearchHit("person", 2, None, "[Armin]")])
    qtmodeltester.check(model)
