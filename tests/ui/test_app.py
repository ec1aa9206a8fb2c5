"""Startup: paint before loading the core, refused journals get a dialog, SIGTERM saves."""

import gc
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QAbstractButton, QApplication, QDockWidget, QWidget
from pytestqt.qtbot import QtBot
from shell_data import Gothenburg, show_active, when_modal
from sprintjournal_ui.app import app_icon, main, make_application, parse_args
from sprintjournal_ui.crash_guard import install_signal_handlers
from sprintjournal_ui.dialogs.errors import JournalErrorDialog
from sprintjournal_ui.main_frame import BUTTONED
from sprintjournal_ui.main_window import MainWindow
from sprintjournal_ui.panels.search import SearchPanel
from sprintjournal_ui.store import JournalStore

from sprintjournal.journal import Journal
from sprintjournal.paths import APP_ID


def give_up(dialog: QWidget) -> None:
    assert isinstance(dialog, JournalErrorDialog)
    dialog.quit_button.click()


def test_main_shows_the_dialog_and_quits_when_the_journal_is_locked(
        qtbot: QtBot, journal: Journal, journal_path: Path) -> None:
    seen = when_modal(give_up)
    assert main(["--journal", str(journal_path)]) == 1
    assert seen == ["Journal already open"]


def test_main_opens_the_journal_and_quits_cleanly(qtbot: QtBot, journal_path: Path) -> None:
    assert main(["--journal", str(journal_path), "--quit-after-startup"]) == 0
    with Journal(journal_path) as reopened:  # created, valid, and the lock was released
        assert reopened.list_sprints() == []


def test_the_window_is_painted_before_the_core_is_imported(
        tmp_path: Path, trace_phases: Callable[..., dict[str, str]]) -> None:
    phases = trace_phases(tmp_path / "new.sprintjournal", tmp_path)
    assert list(phases) == ["qapplication", "window", "first", "journal", "all"]
    assert phases["first"].endswith("core not loaded")
    assert phases["all"].endswith("core loaded")  # a new file: creating it needs the ORM


def test_an_existing_journal_is_shown_and_filled_without_the_orm(
        tmp_path: Path, gothenburg: Gothenburg, journal: Journal, journal_path: Path,
        trace_phases: Callable[..., dict[str, str]]) -> None:
    journal.close()
    phases = trace_phases(journal_path, tmp_path)
    assert list(phases) == ["qapplication", "window", "first", "journal", "ready", "all"]
    assert phases["ready"].endswith("core not loaded")
    assert phases["all"].endswith("core not loaded")  # showing every panel needs no ORM


def test_the_early_view_is_filled_around_one_step_at_a_time(
        qtbot: QtBot, gothenburg: Gothenburg, journal: Journal, journal_path: Path) -> None:
    """Start-up runs `attach_steps` one per event-loop turn: keys typed between the steps
    land in the note and are saved; switching waits until every panel is filled."""
    journal.close()
    window = MainWindow(autosave_ms=60_000)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    with Journal(journal_path) as real:
        store = JournalStore(real)
        window.attach_early(store)
        notes = window.notes
        assert notes is not None
        notes.select_item(gothenburg.note_id)
        steps = window.attach_steps(store)
        done = [next(steps), next(steps)]
        notes.editor.moveCursor(QTextCursor.MoveOperation.End)
        qtbot.keyClicks(notes.editor, " between")
        assert done == ["notes", "StandupPanel made"]  # one panel per turn
        while done[-1] != "panels made":
            done.append(next(steps))
        assert len(done) == 2 + len(window.panels)
        assert not window.toolbar.isEnabled() and not window.act_find.isEnabled()
        assert window.panels["standup"].sprint_id is None  # made, not filled yet
        done += list(steps)
        # notes, each panel made, panels made, each panel filled (Search, hidden, is made when
        # wanted), ready
        assert done[-1] == "ready" and len(done) == 2 + 2 * len(window.panels) + 1
        assert not isinstance(window.docks["search"].widget(), SearchPanel)
        assert window.toolbar.isEnabled() and window.act_find.isEnabled()
        assert {p.sprint_id for p in window.panels.values()} == {gothenburg.sprint_id}
        notes.flush()
        assert real.get_note(gothenburg.note_id).text.endswith(" between")
        window.close_for_good()


def test_the_menus_come_right_after_the_early_view(
        qtbot: QtBot, gothenburg: Gothenburg, journal: Journal, journal_path: Path) -> None:
    """Start-up builds the frame without its actions (`build_frame(menus=False)`): the menu
    bar shows its titles, the menus fill with the first step after the notes, once."""
    journal.close()
    window = MainWindow(autosave_ms=60_000, frame_later=True)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.build_frame(menus=False)
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&Sprint", "&View", "&Help"]
    assert all(action.menu().isEmpty() for action in window.menuBar().actions())
    with Journal(journal_path) as real:
        store = JournalStore(real)
        window.attach_early(store)
        assert window.notes is not None and not hasattr(window, "act_quit")
        steps = window.attach_steps(store)
        assert next(steps) == "notes"
        file_menu = window.menuBar().actions()[0].menu()
        assert "&Quit" in [action.text() for action in file_menu.actions()]
        assert window.act_quit.shortcut().toString() == "Ctrl+Q"
        count = len(window.actions())
        list(steps)
        window.build_menus()
        assert len(window.actions()) == count  # made once
        assert window.act_find.isEnabled()
        window.close_for_good()


def _title_buttons(dock: QDockWidget) -> list[QAbstractButton]:
    """The close and float buttons a dock's title bar shows (Qt makes both, hides the ones
    its features leave out)."""
    return [button for button in dock.findChildren(QAbstractButton)
            if button.parent() is dock and not button.isHidden()]


def test_the_docks_get_their_buttons_once_every_panel_is_filled_and_keep_the_saved_layout(
        qtbot: QtBot, gothenburg: Gothenburg, journal: Journal, journal_path: Path) -> None:
    """Start-up shows the notes with the docks' title bars bare (`main_frame.BUTTONLESS`):
    the saved layout is restored as saved (a floating panel floats), and the last step, with
    the toolbar, gives every dock its close and float buttons, and the View menu its toggles."""
    journal.close()
    earlier = MainWindow(autosave_ms=60_000)
    qtbot.addWidget(earlier)
    show_active(qtbot, earlier)
    earlier.docks["photos"].setFloating(True)
    earlier.close_for_good()  # saves the layout: the returning user's
    assert QDockWidget().features() == BUTTONED, "Qt's default: what the docks get back"
    window = MainWindow(autosave_ms=60_000, frame_later=True)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.build_frame(menus=False)
    photos, standup = window.docks["photos"], window.docks["standup"]
    assert photos.isFloating() and not standup.isFloating()
    assert _title_buttons(standup) == []
    with Journal(journal_path) as real:
        store = JournalStore(real)
        window.attach_early(store)
        steps = window.attach_steps(store)
        assert next(steps) == "notes"
        toggle = standup.toggleViewAction()
        assert toggle.shortcut().toString() == "Ctrl+Shift+1"  # the View menu is made
        assert list(steps)[-1] == "ready"
        assert all(dock.features() == BUTTONED for dock in window.docks.values())
        assert len(_title_buttons(standup)) == 2
        assert toggle.isEnabled()
        toggle.trigger()
        assert standup.isHidden()
        assert photos.isFloating()
        window.close_for_good()


def test_fault_08_sigterm_saves_the_pending_edit_and_closes(qtbot: QtBot, store: JournalStore,
                                                   gothenburg: Gothenburg,
                                                   journal: Journal) -> None:
    window = MainWindow(autosave_ms=60_000)
    qtbot.addWidget(window)
    window.attach(store)
    show_active(qtbot, window)
    window.select_day(date(2011, 11, 3))
    assert window.notes is not None
    window.notes.editor.setFocus()
    window.notes.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.notes.editor, " (logging out)")
    restore = install_signal_handlers(window, window)
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    finally:
        restore()
    assert journal.get_note(gothenburg.note_id).text.endswith("STM. (logging out)")


def test_the_app_has_its_icon_and_desktop_id(qapp: QApplication) -> None:
    app = make_application([])
    assert app.desktopFileName() == APP_ID
    sizes = {(s.width(), s.height()) for s in app_icon().availableSizes()}
    assert {(16, 16), (48, 48), (256, 256)} <= sizes
    assert not app.windowIcon().isNull()


def test_the_windows_carry_the_icon_up_to_128_px(qapp: QApplication) -> None:
    """Every size of a window's icon goes to the X server before the window maps: the large
    ones are the desktop entry's (`sprintjournal.desktop` installs them all)."""
    app = make_application([])
    sizes = {s.width() for s in app.windowIcon().availableSizes()}
    assert sizes == {16, 24, 32, 48, 64, 128}
    assert not app.windowIcon().pixmap(128, 128).isNull()


def test_a_file_given_as_the_menu_does_opens_that_journal(tmp_path: Path) -> None:
    """The desktop entry runs `sprintjournal-gui %f`: a bare path means --journal PATH."""
    path = tmp_path / "leysin.sprintjournal"
    assert parse_args([str(path)]).journal == path
    assert parse_args(["--journal", str(path)]).journal == path
    assert parse_args(["--color-scheme", "dark"]).color_scheme == "dark"


def test_main_leaves_the_collector_as_it_found_it(qtbot: QtBot, journal_path: Path) -> None:
    assert gc.isenabled()
    assert main(["--journal", str(journal_path), "--quit-after-startup"]) == 0
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


THREADS_AFTER_A_PAINT = """
import os
from PySide6.QtWidgets import QPlainTextEdit
from sprintjournal_ui.app import make_application

app = make_application([], "light")
edit = QPlainTextEdit("\\n".join(f"line {n}" for n in range(500)))
edit.resize(600, 800)  # a tall scroll bar: its gradient fill is 700 short spans
edit.show()
edit.repaint()
app.processEvents()
for task in os.listdir("/proc/self/task"):
    print(open(f"/proc/self/task/{task}/comm").read().strip())
"""


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="threads listed by Linux's /proc")
def test_qt_paints_on_the_gui_thread_alone(tmp_path: Path) -> None:
    """Qt's raster engine sent a tall scroll bar's fill to a pool of paint threads and waited
    for them: on two cores, with the X server on the other, the notes came 10 ms later than
    painted on one thread (ui/app.py, ONE_PAINT_THREAD)."""
    env = {k: v for k, v in os.environ.items() if k != "QT_NO_GUI_THREADPOOL"}
    env |= {"QT_QPA_PLATFORM": "offscreen", "SPRINTJOURNAL_HOME": str(tmp_path),
            "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-c", THREADS_AFTER_A_PAINT], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120, check=True)
    threads = done.stdout.splitlines()
    assert threads and "Thread (pooled)" not in threads, threads
