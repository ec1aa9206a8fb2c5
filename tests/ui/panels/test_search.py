"""Search: FTS hits listed with snippets; choosing one selects the item in its panel."""

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shell_data import Gothenburg, show_active
from sprintjournal_ui.main_window import MainWindow
from sprintjournal_ui.models.search_model import ROWS_AT_ONCE, SpansRole
from sprintjournal_ui.panels.search import SearchPanel
from sprintjournal_ui.store import JournalStore

from sprintjournal.journal import Journal
from sprintjournal.records import SearchHit

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
    friday = store.add_note(gothenburg.sprint_id, FRIDAY,
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
    leysin = store.add_sprint("Leysin 2012").id
    note = store.add_note(leysin, None, "Skiing and STM").id
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


def test_results_say_the_day_and_branch_and_read_as_rendered(
        qtbot: QtBot, store: JournalStore, journal: Journal, gothenburg: Gothenburg) -> None:
    """Issue 13, item 18: no raw `**`; a stand-up hit names its day and branch, a note its
    day."""
    from sprintjournal_ui.panels.search import SearchPanel

    branch = journal.add_branch(gothenburg.sprint_id, "jit-targets2", []).id
    journal.add_standup_item(gothenburg.sprint_id, date(2011, 11, 4), "today",
                             "adds a **TARGET** resoperation (`jit-targets`)", ["Håkan Ardö"],
                             branch_id=branch)
    journal.add_note(gothenburg.sprint_id, date(2011, 11, 4),
                     "## Friday\n\n- [x] the *TARGET* resoperation\n")
    panel = SearchPanel(store)
    qtbot.addWidget(panel)
    panel.set_sprint(gothenburg.sprint_id)
    panel.field.setText("TARGET")
    hits = panel.run_search()
    assert {h.kind for h in hits} == {"standup", "note", "branch"}
    rows = {panel.model.index(r, 0).data() for r in range(panel.model.rowCount())}
    assert any(r.startswith("Stand-up, Fri 4 Nov · #jit-targets2: adds a TARGET resoperation "
                            "(jit-targets)") for r in rows)
    note = next(r for r in rows if r.startswith("Note"))
    assert note.startswith("Note, Fri 4 Nov: ") and "☑ the TARGET resoperation" in note
    assert not any("*" in r or "`" in r or "##" in r for r in rows)
    spans = next(panel.model.index(r, 0).data(SpansRole) for r in range(len(hits))
                 if panel.model.index(r, 0).data().startswith("Stand-up"))
    start, length = spans.bold[1]
    assert spans.text[start:start + length] == "TARGET"


# -- the list: the first results at once, the rest as it is scrolled -------------------------
def _panel(qtbot: QtBot, store: JournalStore, journal: Journal, people: int) -> SearchPanel:
    sprint = journal.add_sprint("Gothenburg 2011", project="PyPy").id
    for n in range(people):
        journal.add_attendee(sprint, f"Person {n:04d}")
    panel = SearchPanel(store)
    qtbot.addWidget(panel)
    panel.set_sprint(sprint)
    panel.resize(320, 400)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _row_at_top(panel: SearchPanel) -> int:
    return panel.results.indexAt(QPoint(8, 8)).row()


def test_the_first_search_of_a_fresh_list_shows_its_first_hit(
        qtbot: QtBot, store: JournalStore, journal: Journal) -> None:
    """Hits a screenful at a time (the model's batches), the first one shown at the top."""
    panel = _panel(qtbot, store, journal, people=3 * ROWS_AT_ONCE)
    panel.field.setText("Person")
    assert len(panel.run_search()) == 3 * ROWS_AT_ONCE
    qtbot.waitUntil(lambda: _row_at_top(panel) == 0)
    assert panel.results.visualRect(panel.model.index(0)).top() == 0


def test_scrolling_to_the_end_shows_every_hit(
        qtbot: QtBot, store: JournalStore, journal: Journal) -> None:
    panel = _panel(qtbot, store, journal, people=3 * ROWS_AT_ONCE)
    panel.field.setText("Person")
    panel.run_search()
    qtbot.waitUntil(lambda: _row_at_top(panel) == 0)
    assert panel.model.rowCount() < 3 * ROWS_AT_ONCE  # not all laid out at once

    def scrolled_to_the_end() -> bool:
        bar = panel.results.verticalScrollBar()
        bar.setValue(bar.maximum())
        return panel.model.rowCount() == 3 * ROWS_AT_ONCE

    qtbot.waitUntil(scrolled_to_the_end)
    last = panel.model.index(3 * ROWS_AT_ONCE - 1)
    assert last.data().startswith("Person")


def test_keys_queued_behind_ctrl_f_go_to_the_new_search_field(
        qtbot: QtBot, window: MainWindow) -> None:
    """The Search panel is made at the first Ctrl+F; it takes the focus then and there, so the
    keys typed after Ctrl+F while the app was busy (queued, delivered right after it) go into
    its field, never into the note the cursor was in."""
    assert window.findChild(SearchPanel) is None
    assert window.notes is not None
    editor = window.notes.editor
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    before = editor.toPlainText()
    window.act_find.trigger()  # no turn of the event loop between it and the keys
    focused = QApplication.focusWidget()
    assert focused is window.search.field
    qtbot.keyClicks(focused, "STM")
    assert window.search.field.text() == "STM"
    assert editor.toPlainText() == before
    assert window.search.run_search(), "Thursday's note mentions STM"  # the search it asked for
