"""main_frame, the window's frame before a journal is open: the sprint and day switcher, the
central area with its read-only banner, and the docks in their default layout."""

from datetime import date

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QTabBar, QWidget
from pytestqt.qtbot import QtBot
from shell_data import show_active
from sprintjournal_ui.main_frame import (
    DOCKS,
    CentralArea,
    SprintToolbar,
    build_docks,
    day_label,
    default_geometry,
    default_layout,
    sprint_label,
    whole_tab_names,
)
from sprintjournal_ui.panels.registry import PANELS

from sprintjournal.records import SprintRec

GOTHENBURG = SprintRec(1, "Gothenburg 2011", start=date(2011, 11, 2), end=date(2011, 11, 8))
LEYSIN = SprintRec(2, "Leysin 2012", start=date(2012, 1, 15), end=date(2012, 1, 22))


@pytest.mark.parametrize(("start", "end", "label"), [
    (date(2011, 11, 2), date(2011, 11, 8), "Gothenburg 2011 · 2–8 Nov 2011"),
    (date(2011, 10, 30), date(2011, 11, 4), "Gothenburg 2011 · 30 Oct – 4 Nov 2011"),
    (date(2011, 12, 29), date(2012, 1, 3), "Gothenburg 2011 · 29 Dec 2011 – 3 Jan 2012"),
    (None, None, "Gothenburg 2011"),
    (date(2011, 11, 2), None, "Gothenburg 2011"),
])
def test_a_sprint_is_named_with_its_dates(start: date | None, end: date | None,
                                          label: str) -> None:
    assert sprint_label(SprintRec(1, "Gothenburg 2011", start=start, end=end)) == label


def test_a_day_is_named_in_full() -> None:
    assert day_label(date(2011, 11, 7)) == "Monday 7 Nov 2011"


def toolbar(qtbot: QtBot) -> SprintToolbar:
    bar = SprintToolbar()
    qtbot.addWidget(bar)
    return bar


def items(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_no_sprint_yet_disables_the_switcher(qtbot: QtBot) -> None:
    bar = toolbar(qtbot)
    bar.set_sprints([])
    assert items(bar.sprint_combo) == ["No sprint yet"]
    assert not bar.sprint_combo.isEnabled()
    bar.show_sprint(None)
    assert items(bar.day_combo) == [] and not bar.day_combo.isEnabled()


def test_the_shown_sprint_stays_chosen_when_the_list_is_refreshed(qtbot: QtBot) -> None:
    bar = toolbar(qtbot)
    bar.set_sprints([GOTHENBURG, LEYSIN])
    bar.show_sprint(LEYSIN)
    renamed = SprintRec(2, "Leysin 2012 (winter)", start=LEYSIN.start, end=LEYSIN.end)
    bar.set_sprints([GOTHENBURG, renamed])
    assert bar.sprint_combo.currentText() == "Leysin 2012 (winter) · 15–22 Jan 2012"
    assert bar.sprint_combo.isEnabled()


def test_the_days_of_the_sprint_and_a_day_outside_them(qtbot: QtBot) -> None:
    bar = toolbar(qtbot)
    bar.set_sprints([GOTHENBURG])
    bar.show_sprint(GOTHENBURG)
    assert items(bar.day_combo) == [
        "Wednesday 2 Nov 2011", "Thursday 3 Nov 2011", "Friday 4 Nov 2011", "Saturday 5 Nov 2011",
        "Sunday 6 Nov 2011", "Monday 7 Nov 2011", "Tuesday 8 Nov 2011", "No day"]
    bar.show_day(date(2011, 11, 4))
    assert bar.day_combo.currentText() == "Friday 4 Nov 2011"
    bar.show_day(None)
    assert bar.day_combo.currentText() == "No day"
    bar.show_day(date(2011, 11, 12))  # an imported note dated after the sprint
    assert bar.day_combo.currentText() == "Saturday 12 Nov 2011"
    assert bar.day_combo.count() == 9


def test_choosing_by_keyboard_announces_the_sprint_and_the_day(qtbot: QtBot) -> None:
    bar = toolbar(qtbot)
    show_active(qtbot, bar)
    bar.set_sprints([GOTHENBURG, LEYSIN])
    bar.show_sprint(GOTHENBURG)
    bar.sprint_combo.setFocus()
    with qtbot.waitSignal(bar.sprint_chosen) as chosen:
        qtbot.keyClick(bar.sprint_combo, Qt.Key.Key_Down)
    assert chosen.args == [LEYSIN.id]
    bar.day_combo.setFocus()
    with qtbot.waitSignal(bar.day_chosen) as day:
        qtbot.keyClick(bar.day_combo, Qt.Key.Key_Down)
    assert day.args == [date(2011, 11, 3)]


def test_the_central_area_shows_opening_until_content_comes(qtbot: QtBot) -> None:
    area = CentralArea()
    qtbot.addWidget(area)
    area.show()
    area.show_opening()
    assert isinstance(area.content, QLabel) and area.content.text() == "Opening the journal…"
    notes = QWidget()
    area.set_content(notes)
    assert area.content is notes and notes.isVisible()
    area.show_opening()  # too late: the notes stay
    assert area.content is notes


def test_the_central_area_says_when_it_is_painted(qtbot: QtBot) -> None:
    """Start-up waits for its first paint (ui/app.py)."""
    area = CentralArea()
    qtbot.addWidget(area)
    area.resize(400, 300)  # empty, it has no size of its own
    with qtbot.waitSignal(area.painted, timeout=5000):
        area.show()
    with qtbot.waitSignal(area.painted, timeout=5000):
        area.repaint()


def test_the_banner_appears_only_for_a_read_only_journal(qtbot: QtBot) -> None:
    area = CentralArea()
    qtbot.addWidget(area)
    area.show()
    area.set_read_only(False, "/sprints/gothenburg.sprintjournal")
    assert area.findChildren(QLabel) == []  # not even made
    area.set_read_only(True, "/media/cd/gothenburg.sprintjournal")
    assert area.banner.isVisible()
    assert "/media/cd/gothenburg.sprintjournal cannot be written" in area.banner.text()
    area.set_read_only(False, "/sprints/gothenburg.sprintjournal")
    assert not area.banner.isVisible()


def test_one_dock_per_panel_and_search(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    docks = build_docks(window)
    assert list(docks) == [*(p.name for p in PANELS), "search"] == list(DOCKS)
    assert {d.objectName() for d in docks.values()} == {f"dock_{n}" for n in DOCKS}
    assert docks["search"].windowTitle() == "Search"
    assert docks["standup"].accessibleName() == "Stand-up panel"


def test_the_default_layout_tabs_the_panels_right_with_stand_up_in_front(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QWidget())
    window.resize(1280, 800)
    docks = build_docks(window)
    default_layout(window, docks)
    show_active(qtbot, window)
    right = [n for n, spec in DOCKS.items() if spec.area == "right"]
    assert all(window.dockWidgetArea(docks[n]) == Qt.DockWidgetArea.RightDockWidgetArea
               for n in right)
    assert {d.objectName() for d in window.tabifiedDockWidgets(docks["standup"])} == {
        f"dock_{n}" for n in right if n != "standup"}
    assert docks["search"].isHidden()
    assert window.size() == QSize(1280, 800)  # the docks did not grow the window
    [bar] = [b for b in window.findChildren(QTabBar) if b.count() == len(right)]
    assert bar.tabText(bar.currentIndex()) == "Stand-up"


def test_whole_tab_names_on_every_dock_tab_bar(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QWidget())
    docks = build_docks(window)
    default_layout(window, docks)
    show_active(qtbot, window)
    whole_tab_names(window)
    bars = window.findChildren(QTabBar)
    assert bars and all(b.elideMode() == Qt.TextElideMode.ElideNone and b.usesScrollButtons()
                        for b in bars)


def test_the_default_size_fits_the_screen(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    screen = QGuiApplication.primaryScreen().availableGeometry().size()
    default_geometry(window, QSize(800, 600))
    assert window.size() == QSize(min(800, screen.width()), min(600, screen.height()))
    default_geometry(window, screen + QSize(500, 500))
    assert window.size() == screen
