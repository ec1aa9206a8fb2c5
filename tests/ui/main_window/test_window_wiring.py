"""Main-window wiring: the automatic backup started, Backups and Note History entries,
timeline day clicks."""

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from shell_data import Gothenburg, show_active
from sprintjournal_ui.main_window import MainWindow
from sprintjournal_ui.store import JournalStore


@pytest.fixture
def window(qtbot: QtBot, store: JournalStore) -> Iterator[MainWindow]:
    win = MainWindow(autosave_ms=60_000)
    qtbot.addWidget(win)
    win.attach(store)
    show_active(qtbot, win)
    yield win
    win.close_for_good()


def test_the_window_starts_its_auto_backup(window: MainWindow) -> None:
    assert window.auto_backup.timer.isActive()


def test_backups_and_note_history_are_in_the_menus(window: MainWindow) -> None:
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    assert window.act_backups in menus["&File"].actions()
    assert window.act_note_history in menus["&Edit"].actions()
    assert window.act_backups.isEnabled()


def test_file_backups_opens_the_list(qtbot: QtBot, window: MainWindow) -> None:
    seen: list[str] = []

    def close_when_shown() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, close_when_shown)
            return
        assert isinstance(dialog, QDialog)
        seen.append(dialog.windowTitle())
        dialog.reject()

    QTimer.singleShot(0, close_when_shown)
    window.act_backups.trigger()  # blocks in exec() until the dialog is closed
    assert seen and "Backup" in seen[0]


def test_a_click_on_the_timeline_selects_the_day_everywhere(
    qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg
) -> None:
    win = MainWindow(autosave_ms=60_000)
    qtbot.addWidget(win)
    win.attach(store)
    show_active(qtbot, win)
    try:
        win.select_sprint(gothenburg.sprint_id)
        saturday = date(2011, 11, 5)
        win.panels["attendees"].timeline.day_clicked.emit(saturday)
        assert win.notes is not None and win.notes.day == saturday
        assert win.panels["standup"].day == saturday
    finally:
        win.close_for_good()
