"""FAULTS 13 in the window: a journal open read-only invites no change that would fail.

The window over a real journal file opened read-only (the core's flag, which the app sets itself
when the file or its folder cannot be written): the notes editor takes no typing yet its text
can be copied, every action that writes is disabled wherever it is offered (menus, toolbars,
context menus, keys, drops) and says why, while reading, searching, switching day and
exporting go on."""

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from factories import jpeg_bytes
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from shell_data import Gothenburg, every_panel, main_window, panel_rows, when_modal
from sprintjournal_ui.main_window import READ_ONLY_STATE, MainWindow
from sprintjournal_ui.panels.panel_base import RecordPanel
from sprintjournal_ui.panels.photos import PhotosPanel
from sprintjournal_ui.read_only import REASON
from sprintjournal_ui.store import JournalStore

from sprintjournal.journal import Journal

THURSDAY, FRIDAY = date(2011, 11, 3), date(2011, 11, 4)
NOTE = "# Thursday\n\n@Armin explained STM."
SHOTS = os.environ.get("SPRINTJOURNAL_SHOTS")
"""A folder to keep the screenshots in, to look at them (unset: they go to the test's tmp)."""


@pytest.fixture
def readonly_window(qtbot: QtBot, gothenburg: Gothenburg, journal: Journal,
                    journal_path: Path) -> Iterator[MainWindow]:
    """The window on Thursday of the Gothenburg sprint, its journal reopened read-only."""
    journal.close()
    readonly = Journal(journal_path, readonly=True)
    try:
        with main_window(qtbot, JournalStore(readonly), size=(1280, 800),
                         sprint_id=gothenburg.sprint_id, day=THURSDAY) as win:
            yield win
    finally:
        readonly.close()


def _shot(window: MainWindow, tmp_path: Path, name: str) -> Path:
    path = Path(SHOTS or tmp_path) / name
    assert window.grab().save(str(path))
    return path


def test_the_notes_take_no_typing_and_say_why(qtbot: QtBot, readonly_window: MainWindow,
                                              tmp_path: Path) -> None:
    win = readonly_window
    notes = win.notes
    assert notes is not None and win.central.banner.isVisible()
    errors: list[str] = []
    win.store.error.connect(errors.append)
    try:
        notes.editor.setFocus()
        notes.editor.moveCursor(QTextCursor.MoveOperation.End)
        qtbot.keyClicks(notes.editor, "typed")
        qtbot.keyClick(notes.editor, Qt.Key.Key_Backspace)
        assert notes.editor.isReadOnly() and notes.editor.toPlainText() == NOTE
        qtbot.wait(50)
        assert errors == [] and win.save_label.text() == READ_ONLY_STATE and not notes.dirty
    finally:  # typing taken (the fault) would leave a failed save to ask about on closing
        if notes.dirty:
            win.close_for_good()
    qtbot.keyClick(notes.editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(notes.editor, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == NOTE
    for button in (notes.add_button, notes.remove_button):
        assert not button.isEnabled() and REASON in button.toolTip()
    _shot(win, tmp_path, "read-only-window.png")
    win.select_day(FRIDAY)  # reading goes on: another day; its empty page says why
    assert notes.heading.text() == "Friday 4 November 2011"
    assert "open read-only" in notes.editor.placeholderText()
    _shot(win, tmp_path, "read-only-empty-day.png")


def test_every_action_that_writes_is_disabled_and_says_why(
        qtbot: QtBot, readonly_window: MainWindow, gothenburg: Gothenburg) -> None:
    win = readonly_window
    window_writes = [win.act_new_note, win.act_new_sprint,  # Sprint Properties: to read
                     win.act_delete_sprint, win.act_import, win.act_undo_import]
    for action in window_writes:
        assert not action.isEnabled(), action.text()
        assert REASON in action.toolTip(), action.text()
    for action in (win.act_export, win.act_find, win.act_open, win.act_note_history):
        assert action.isEnabled(), action.text()
    for name, panel in every_panel(win).items():
        for action in panel.write_actions.actions():
            assert not action.isEnabled() and REASON in action.toolTip(), (name, action.text())
    # the keys do nothing either: a dialog would open (Insert) or a note be added (Shift+F2
    # opens the attendee's dialog to read: test_edit_opens_the_record_to_read_and_writes_nothing)
    seen: list[str] = []
    watching = [True]

    def close_dialogs() -> None:  # a dialog that opened anyway is closed, not waited on
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            seen.append(dialog.windowTitle())
            dialog.close()
        if watching:
            QTimer.singleShot(20, close_dialogs)

    close_dialogs()
    win.go_to_panel("attendees")
    attendees = win.panels["attendees"]
    table = attendees.table  # type: ignore[attr-defined]
    table.setCurrentIndex(table.model().index(0, 0))
    for key, mods in ((Qt.Key.Key_Insert, Qt.KeyboardModifier.NoModifier),
                      (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
                      (Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier)):
        qtbot.keyClick(table, key, mods)
    qtbot.keyClick(win, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    qtbot.wait(100)
    watching.clear()
    qtbot.wait(50)  # the last check runs here, not in the next test
    assert seen == [] and table.indexWidget(table.currentIndex()) is None
    assert len(win.store.list_attendees(gothenburg.sprint_id)) == 4
    assert len(win.store.list_notes(gothenburg.sprint_id, THURSDAY)) == 1


@pytest.fixture
def more_rows(journal: Journal, gothenburg: Gothenburg) -> None:
    """A stand-up item and a photo on Thursday, and an attendee's notes, written before the
    journal is reopened read-only (request it before `readonly_window`)."""
    journal.add_standup_item(gothenburg.sprint_id, THURSDAY, "today", "STM on PyPy",
                             ["Armin Rigo"], status="in progress")
    journal.add_photo(gothenburg.sprint_id, jpeg_bytes(), "cake.jpg", caption="The cake",
                      alt="A cake", day=THURSDAY)
    armin = next(a for a in journal.list_attendees(gothenburg.sprint_id)
                 if a.person.name == "Armin Rigo")
    journal.update_attendee(armin.id, notes="picks up Mark at the station")


@pytest.mark.parametrize(("name", "shows"), [
    ("attendees", "picks up Mark at the station"), ("branches", "ffistruct"),
    ("standup", "STM on PyPy"), ("photos", "The cake")])
def test_edit_opens_the_record_to_read_and_writes_nothing(
        qtbot: QtBot, more_rows: None, readonly_window: MainWindow, gothenburg: Gothenburg,
        name: str, shows: str) -> None:
    """What only the dialog shows (an attendee's notes) stays in reach: the Edit… action is
    View… ("Details…" for photos, whose View shows the photo), its dialog's fields can be read
    and selected, not changed, and Close is its only button."""
    win = readonly_window
    win.go_to_panel(name)
    panel = win.panels[name]
    assert isinstance(panel, RecordPanel)
    rows = panel_rows(panel)
    target = next(r for r in rows if shows in str(r)) if name != "attendees" else next(
        r for r in rows if r.person.name == "Armin Rigo")
    panel.select_item(target.id)
    action = panel.edit_action  # type: ignore[attr-defined]
    assert action.isEnabled() and action.text() == panel.view_text
    assert REASON in action.toolTip()
    found: dict[str, object] = {}
    seen = when_modal(lambda dialog: _look_at_read_only(qtbot, dialog, Qt.Key.Key_Return, found))
    action.trigger()
    assert seen and not seen[0].startswith("Edit")
    assert "left open" not in found  # Enter closed it
    assert found["read_only"] and not found["typed"] and found["buttons"] == ["Close"]
    assert found["lists"]
    assert shows in str(found["text"])
    assert panel_rows(panel) == rows


def test_sprint_properties_open_to_read_and_write_nothing(
        qtbot: QtBot, readonly_window: MainWindow, gothenburg: Gothenburg) -> None:
    """The sprint's description and blog fields are shown nowhere else: Sprint Properties
    stays enabled, says it opens to read, and its dialog changes nothing."""
    win = readonly_window
    action = win.act_sprint_props
    assert action.isEnabled() and REASON in action.toolTip()
    assert action.toolTip().startswith("The sprint's title, dates")
    before = win.store.get_sprint(gothenburg.sprint_id)
    found: dict[str, object] = {}
    seen = when_modal(lambda dialog: _look_at_read_only(qtbot, dialog, Qt.Key.Key_Escape, found))
    action.trigger()
    assert seen == ["Sprint Properties"] and "left open" not in found
    assert found["read_only"] and not found["typed"] and found["buttons"] == ["Close"]
    assert "Gothenburg 2011" in found["lines"]  # type: ignore[operator]
    assert win.store.get_sprint(gothenburg.sprint_id) == before


def _look_at_read_only(qtbot: QtBot, dialog: QWidget, close: Qt.Key,
                       found: dict[str, object]) -> None:
    """What a dialog opened to read offers, into `found`: its text fields read-only without
    placeholders ("read_only"), their texts ("text"; the line fields' in "lines"), its lists
    scrolled and read but no tick changeable ("lists"), its visible buttons ("buttons"),
    whether typing into the first field changed it ("typed"); then `close` is pressed. A dialog
    still open after that is closed ("left open"): a failed look must not leave the test
    waiting in exec()."""
    try:
        texts = [w for w in dialog.findChildren(QWidget)
                 if isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit)]
        found["read_only"] = all(w.isReadOnly() and not w.placeholderText() for w in texts)
        found["text"] = " ".join(w.text() if isinstance(w, QLineEdit) else w.toPlainText()
                                 for w in texts)
        found["lines"] = [w.text() for w in texts if isinstance(w, QLineEdit)]
        found["lists"] = all(
            view.isEnabled() and not any(
                view.item(row).flags() & Qt.ItemFlag.ItemIsUserCheckable
                for row in range(view.count()))
            for view in dialog.findChildren(QListWidget))
        buttons = [b for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons()]
        found["buttons"] = [b.text() for b in buttons if b.isVisible()]
        first = next(w for w in texts if w.isVisible())
        qtbot.keyClicks(first, "typed")  # read-only: nothing changes
        found["typed"] = "typed" in (first.text() if isinstance(first, QLineEdit)
                                     else first.toPlainText())
        qtbot.keyClick(dialog, close)
    finally:
        if dialog.isVisible():
            found["left open"] = True
            dialog.close()


def _read_only_editor(widget: QWidget | None) -> bool:
    return isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit) and widget.isReadOnly()


def test_no_panel_takes_a_drop(readonly_window: MainWindow) -> None:
    """Qt delivers no drag to a widget that does not accept drops: photos and files dropped on
    the Photos panel (which takes them in a writable journal) are refused before it sees them."""
    for name, panel in every_panel(readonly_window).items():
        taking = [w for w in [panel, *panel.findChildren(QWidget)] if w.acceptDrops()]
        # a read-only editor refuses dropped text itself (Qt checks isReadOnly on the drag)
        editors = [w if _read_only_editor(w) else w.parentWidget() for w in taking]
        assert all(_read_only_editor(w) for w in editors), (name, taking)
    assert isinstance(readonly_window.panels["photos"], PhotosPanel)


def test_reading_searching_and_exporting_still_work(
        qtbot: QtBot, readonly_window: MainWindow, gothenburg: Gothenburg) -> None:
    win = readonly_window
    win.focus_search()
    qtbot.keyClicks(win.search.field, "STM")
    hits = win.search.run_search()
    assert [h.item_id for h in hits if h.kind == "note"] == [gothenburg.note_id]
    win.select_day(FRIDAY)
    win.jump_to(hits[0])
    assert win.notes is not None and win.notes.day == THURSDAY
    report = win.panels["report"]
    assert report.act_export.isEnabled() and report.act_copy.isEnabled()  # type: ignore[attr-defined]
    assert win.toolbar.day_combo.isEnabled() and win.toolbar.sprint_combo.isEnabled()


def test_the_status_bar_does_not_claim_saved_changes(readonly_window: MainWindow) -> None:
    """"All changes saved" was shown for a journal that can save nothing."""
    label = readonly_window.save_label
    assert label.text() == READ_ONLY_STATE
    assert label.toolTip() == REASON
    readonly_window.save_manager.flush_all()  # a flush with nothing pending says the same
    assert label.text() == READ_ONLY_STATE
