"""Startup, after the window's first paint: the notes shown and taking keys before the other
panels are filled, what was typed meanwhile saved (even when the window closes first), the demo
journal opened by --demo, and a refused journal ending the start cleanly."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from shell_data import Gothenburg, show_active, when_modal
from sprintjournal_ui import gc_policy
from sprintjournal_ui.app import parse_args
from sprintjournal_ui.dialogs.errors import JournalErrorDialog
from sprintjournal_ui.main_window import MainWindow
from sprintjournal_ui.startup import Startup
from sprintjournal_ui.startup_trace import StartupTrace

from sprintjournal.journal import Journal
from sprintjournal.paths import demo_journal


def exec_app(app: QApplication, startup: Startup) -> int:
    """Run `startup` in the application's event loop, as main() does: it ends that loop."""
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    QTimer.singleShot(0, startup.run)
    try:
        return app.exec()
    finally:
        app.setQuitOnLastWindowClosed(quit_on_close)
        gc_policy.release()


def start_early(qtbot: QtBot, journal_path: Path) -> tuple[MainWindow, Startup]:
    window = MainWindow(autosave_ms=60_000)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    startup = Startup(window, parse_args(["--journal", str(journal_path)]), StartupTrace(False),
                      QApplication.instance())  # type: ignore[arg-type]
    startup.run()
    assert window.notes is not None and window.sprint is not None
    return window, startup


def test_typing_in_the_early_view_is_saved_once_the_journal_is_open(
        qtbot: QtBot, gothenburg: Gothenburg, journal: Journal, journal_path: Path) -> None:
    journal.close()
    window, _startup = start_early(qtbot, journal_path)
    notes = window.notes
    assert notes is not None and window.sprint is not None
    assert window.sprint.id == gothenburg.sprint_id
    notes.select_item(gothenburg.note_id)
    notes.editor.setFocus()
    notes.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(notes.editor, " early")
    assert window.panels == {}  # the other panels are not there yet
    qtbot.waitUntil(lambda: bool(window.panels), timeout=20_000)
    assert notes.editor.textCursor().position() == len(notes.editor.toPlainText())
    notes.flush()
    assert window.store.get_note(gothenburg.note_id).text.endswith("STM. early")
    window.close_for_good()


def test_closing_during_startup_saves_what_was_typed(
        qtbot: QtBot, gothenburg: Gothenburg, journal: Journal, journal_path: Path) -> None:
    journal.close()
    window, _startup = start_early(qtbot, journal_path)
    notes = window.notes
    assert notes is not None
    notes.select_item(gothenburg.note_id)
    qtbot.keyClicks(notes.editor, "!")
    window.close()  # before the panels are filled
    window.store.close()  # main() does this after the event loop ends
    with Journal(journal_path) as reopened:
        assert reopened.get_note(gothenburg.note_id).text.startswith("!# Thursday")


def test_the_notes_come_in_the_layout_they_keep(
        qtbot: QtBot, gothenburg: Gothenburg, journal: Journal, journal_path: Path) -> None:
    """The frame the notes are first painted in is the one the filled window keeps: the toolbar
    and the status bar are there, and the editor has no scroll bars left from its size before
    the layout (a first start: no saved layout shows the toolbar)."""
    journal.add_note(gothenburg.sprint_id, date(2011, 11, 2),  # the first day's, shown first
                     "# Arrival\n\nMost people arrived today; @Laura and @Jacob host.")
    journal.close()
    window = MainWindow(autosave_ms=60_000, frame_later=True)  # as main() makes it
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.resize(1000, 700)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    trace = StartupTrace(False)
    startup = Startup(window, parse_args(["--journal", str(journal_path)]), trace, app)
    startup.run()  # the frame, the journal, the notes painted, as after the first paint
    assert [phase for phase, _ in trace.marks] == ["journal opened", "ready for input"]
    notes = window.notes
    assert notes is not None and notes.editor.toPlainText().startswith("# Arrival")
    editor = notes.editor

    def layout() -> tuple[object, ...]:
        return (window.statusBar().isVisible(), window.toolbar.isVisible(), editor.geometry(),
                editor.verticalScrollBar().isVisible(), editor.horizontalScrollBar().isVisible())

    early = layout()
    assert early[0] and early[1] and not early[3] and not early[4]
    qtbot.waitUntil(lambda: bool(window.panels), timeout=20_000)
    qtbot.waitUntil(lambda: trace.marks[-1][0] == "all panels filled", timeout=20_000)
    assert layout() == early
    window.close_for_good()


def test_the_phases_are_marked_and_quit_after_startup_closes(
        qtbot: QtBot, gothenburg: Gothenburg, journal: Journal, journal_path: Path) -> None:
    journal.close()
    window = MainWindow(autosave_ms=60_000)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    trace = StartupTrace(False)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    args = parse_args(["--journal", str(journal_path), "--quit-after-startup"])
    assert exec_app(app, Startup(window, args, trace, app)) == 0
    assert not window.isVisible()
    assert [phase for phase, _ in trace.marks] == [
        "journal opened", "ready for input", "all panels filled"]
    assert window.sprint is not None and window.sprint.id == gothenburg.sprint_id
    window.store.close()  # main() does this after the event loop ends
    with Journal(journal_path) as reopened:
        assert reopened.get_note(gothenburg.note_id).text.startswith("# Thursday")


def test_demo_opens_the_demo_journal(qtbot: QtBot) -> None:
    window = MainWindow(autosave_ms=60_000)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    startup = Startup(window, parse_args(["--demo"]), StartupTrace(False), app)
    startup.run()
    qtbot.waitUntil(lambda: bool(window.panels) and window.toolbar.isEnabled(), timeout=20_000)
    assert window.store.path == str(demo_journal())
    assert window.sprint is not None and "Gothenburg" in window.sprint.title
    assert not startup.failed
    window.close_for_good()
    window.store.close()
    gc_policy.release()


def test_a_refused_journal_ends_the_start(qtbot: QtBot, journal: Journal,
                                          journal_path: Path) -> None:
    """The `journal` fixture holds the lock; the user gives up in the dialog."""
    window = MainWindow(autosave_ms=60_000)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    app = QApplication.instance()
    assert isinstance(app, QApplication)

    def give_up(dialog: QWidget) -> None:
        assert isinstance(dialog, JournalErrorDialog)
        dialog.quit_button.click()

    seen = when_modal(give_up)
    startup = Startup(window, parse_args(["--journal", str(journal_path)]), StartupTrace(False),
                      app)
    assert exec_app(app, startup) == 1
    assert seen == ["Journal already open"]
    assert startup.failed and not window.isVisible()
    assert window.panels == {} and window.before_close is None
