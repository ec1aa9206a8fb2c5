"""The panels in tabs behind Stand-up are made when first shown (their tab chosen, Ctrl+1…6, a
search hit, any code asking), joining the sprint and day the others show; start-up makes the
one on screen and Needs Review (its tab's title counts what is left)."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar
from pytestqt.qtbot import QtBot
from shell_data import Gothenburg, show_active
from sprintjournal_ui.main_window import MainWindow
from sprintjournal_ui.store import JournalStore

from sprintjournal.records import SearchHit


@pytest.fixture
def window(qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg) -> Iterator[MainWindow]:
    """Shown first, then attached, as the app starts: the layout decides what is on screen."""
    win = MainWindow(autosave_ms=60_000)
    qtbot.addWidget(win)
    show_active(qtbot, win)
    win.attach(store)
    win.select_sprint(gothenburg.sprint_id)
    yield win
    win.close_for_good()


def test_start_up_makes_the_panel_on_screen_and_needs_review_only(window: MainWindow) -> None:
    assert set(window.panels) == {"standup", "review"}
    assert window.docks["review"].windowTitle().startswith("Needs Review (")  # its count


def test_choosing_a_tab_makes_its_panel_over_the_sprint_shown(
        qtbot: QtBot, window: MainWindow, gothenburg: Gothenburg) -> None:
    bar = next(bar for bar in window.findChildren(QTabBar)
               if "Branches" in [bar.tabText(i) for i in range(bar.count())])
    bar.setCurrentIndex([bar.tabText(i) for i in range(bar.count())].index("Branches"))
    assert "branches" in window.panels
    branches = window.panels["branches"]
    assert window.docks["branches"].widget() is branches
    assert branches.sprint_id == gothenburg.sprint_id
    assert branches.model.rowCount() == 2  # the sprint's two branches, shown


def test_ctrl_number_makes_and_focuses_the_panel(qtbot: QtBot, window: MainWindow) -> None:
    assert "attendees" not in window.panels
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # Attendees
    attendees = window.panels.get("attendees")
    assert attendees is not None and attendees.isAncestorOf(window.focusWidget())


def test_a_search_hit_opens_a_panel_not_made_yet(window: MainWindow, gothenburg: Gothenburg
                                               ) -> None:
    person = window.store.read(window.store.list_attendees, gothenburg.sprint_id)[0]
    window.jump_to(SearchHit("person", person.person.id, gothenburg.sprint_id, ""))
    assert "attendees" in window.panels
    table = window.panels["attendees"].table
    assert table.selectionModel().selectedRows()  # the person's row selected


def test_after_start_up_a_panel_made_later_shows_the_notes_day(
        qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg) -> None:
    """Start-up shows the notes first (`attach_early`), then fills the rest: the day they show
    is the window's, and a panel made afterwards shows that day too (not "pick a day")."""
    win = MainWindow(autosave_ms=60_000)
    qtbot.addWidget(win)
    show_active(qtbot, win)
    win.attach_early(store)
    assert win.notes is not None and win.notes.day is not None
    for _step in win.attach_steps(store):
        pass
    assert win.day == win.notes.day
    assert win.panels["attendees"].day == win.notes.day
    win.close_for_good()
