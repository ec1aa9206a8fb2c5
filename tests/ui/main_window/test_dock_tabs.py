"""The docks' tab bars show whole panel names, scrolled, rather than "Stand…" "Branc…": on the
default layout, on a restored one, and after the user tabs docks together (QMainWindow makes a
tab bar whenever it lays docks out, so setting it once at start missed the one on screen)."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar
from pytestqt.qtbot import QtBot
from shell_data import show_active
from sprintjournal_ui.main_window import MainWindow
from sprintjournal_ui.store import JournalStore


def new_window(qtbot: QtBot, store: JournalStore) -> MainWindow:
    win = MainWindow(autosave_ms=60_000)
    qtbot.addWidget(win)
    win.resize(1024, 700)
    win.attach(store)
    show_active(qtbot, win)
    return win


@pytest.fixture
def window(qtbot: QtBot, store: JournalStore) -> Iterator[MainWindow]:
    win = new_window(qtbot, store)
    yield win
    win.close_for_good()


def shown_bars(window: MainWindow) -> list[QTabBar]:
    return [bar for bar in window.findChildren(QTabBar) if bar.isVisible() and bar.count() > 1]


def whole_names(window: MainWindow) -> bool:
    bars = shown_bars(window)
    return bool(bars) and all(bar.elideMode() == Qt.TextElideMode.ElideNone
                              and bar.usesScrollButtons() for bar in bars)


def test_the_default_layouts_tabs_keep_whole_names(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: whole_names(window), timeout=3000)
    [bar] = shown_bars(window)
    assert bar.tabText(bar.currentIndex()) == "Stand-up"


def test_a_restored_layouts_tabs_keep_whole_names(qtbot: QtBot, store: JournalStore) -> None:
    first = new_window(qtbot, store)
    first.close_for_good()  # saves the layout, as quitting does
    again = new_window(qtbot, store)
    try:
        qtbot.waitUntil(lambda: whole_names(again), timeout=3000)
    finally:
        again.close_for_good()


def test_docks_tabbed_together_by_the_user_keep_whole_names(qtbot: QtBot,
                                                            window: MainWindow) -> None:
    left = Qt.DockWidgetArea.LeftDockWidgetArea
    window.addDockWidget(left, window.docks["attendees"])
    window.tabifyDockWidget(window.docks["attendees"], window.docks["photos"])
    qtbot.waitUntil(lambda: len(shown_bars(window)) == 2 and whole_names(window), timeout=3000)
