"""The main window: first start, sprints, saving on close/switch, layout, errors, keyboard."""

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from shell_data import Gothenburg, every_panel, show_active, when_modal
from sprintjournal_ui.crash_guard import install_excepthook
from sprintjournal_ui.dialogs.shortcuts import shortcut_rows
from sprintjournal_ui.dialogs.sprint_dialog import SprintDialog
from sprintjournal_ui.main_window import SAVED, SAVING, MainWindow
from sprintjournal_ui.panels.search import SearchPanel
from sprintjournal_ui.store import JournalStore

from sprintjournal.journal import Journal
from sprintjournal.paths import demo_journal

THURSDAY = date(2011, 11, 3)


@pytest.fixture
def window(qtbot: QtBot, store: JournalStore) -> Iterator[MainWindow]:
    win = MainWindow(autosave_ms=60_000)  # long: these tests prove the flushes, not the timer
    qtbot.addWidget(win)
    win.attach(store)
    show_active(qtbot, win)
    yield win
    win.close_for_good()


def note_in_file(path: Path, sprint_id: int) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT text FROM note WHERE sprint_id = ? ORDER BY id", (sprint_id,))
        return [r[0] for r in rows]
    finally:
        conn.close()


def type_note(qtbot: QtBot, window: MainWindow, text: str) -> None:
    assert window.notes is not None
    window.notes.editor.setFocus()
    window.notes.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.notes.editor, text)


def test_first_start_says_what_to_do_and_offers_the_demo(window: MainWindow,
                                                         journal_path: Path) -> None:
    assert window.notes is not None
    assert window.notes.showing_hint and window.notes.hint is not None
    assert window.notes.hint.label.isVisible() and "New sprint" in window.notes.hint.label.text()
    assert window.notes.hint.demo_button.isVisible()
    assert not window.toolbar.sprint_combo.isEnabled()
    assert window.windowTitle() == f"{journal_path.name} — SprintJournal"
    hints = [p.hint for p in every_panel(window).values() if hasattr(p, "hint")]
    assert hints, "the data panels show a hint when there is no sprint"
    for hint in hints:
        assert hint.text().strip()


def test_the_demo_button_opens_the_demo_journal(qtbot: QtBot, window: MainWindow) -> None:
    assert window.notes is not None and window.notes.hint is not None
    qtbot.mouseClick(window.notes.hint.demo_button, Qt.MouseButton.LeftButton)
    assert window.store.file == demo_journal()
    assert window.toolbar.sprint_combo.count() >= 2
    assert window.sprint is not None and "Gothenburg" in window.sprint.title
    assert window.windowTitle().startswith(window.sprint.title)
    assert not window.notes.showing_hint and window.notes.editor.isVisible()


def _fill_sprint_dialog(dialog: QWidget) -> None:
    assert isinstance(dialog, SprintDialog)
    dialog.title.setText("Gothenburg 2011")
    dialog.place.setText("Gothenburg")
    dialog.start.set_value(date(2011, 11, 2))
    dialog.end.set_value(date(2011, 11, 8))
    dialog.accept()


def test_new_sprint_through_the_dialog(qtbot: QtBot, window: MainWindow,
                                       journal: Journal) -> None:
    when_modal(_fill_sprint_dialog)
    window.act_new_sprint.trigger()
    [sprint] = journal.list_sprints()
    assert (sprint.title, sprint.start, sprint.end) == ("Gothenburg 2011", date(2011, 11, 2),
                                                        date(2011, 11, 8))
    assert window.sprint == sprint
    assert window.windowTitle().startswith("Gothenburg 2011 — ")
    assert window.notes is not None and window.notes.days.count() == 8  # 7 days + "No day"
    assert window.toolbar.day_combo.currentData() == date(2011, 11, 2)


def test_fault_06_closing_with_a_pending_edit_saves_it(qtbot: QtBot, window: MainWindow,
                                              gothenburg: Gothenburg, journal_path: Path) -> None:
    window.select_sprint(gothenburg.sprint_id)
    window.select_day(THURSDAY)
    type_note(qtbot, window, " Closing now")
    assert window.notes is not None and window.notes.dirty
    window.close()
    assert note_in_file(journal_path, gothenburg.sprint_id) == [
        "# Thursday\n\n@Armin explained STM. Closing now"]


def test_fault_07_switching_sprint_saves_the_pending_edit(qtbot: QtBot, window: MainWindow,
                                                 gothenburg: Gothenburg,
                                                 journal_path: Path) -> None:
    other = window.store.add_sprint("Leysin 2012").id
    window.select_sprint(gothenburg.sprint_id)
    window.select_day(THURSDAY)
    type_note(qtbot, window, " then Leysin")
    combo = window.toolbar.sprint_combo
    combo.setCurrentIndex(combo.findData(other))
    combo.activated.emit(combo.currentIndex())  # what a user's pick emits
    assert window.sprint is not None and window.sprint.id == other
    assert note_in_file(journal_path, gothenburg.sprint_id) == [
        "# Thursday\n\n@Armin explained STM. then Leysin"]


def test_status_bar_says_saving_then_saved(qtbot: QtBot, window: MainWindow,
                                           gothenburg: Gothenburg) -> None:
    window.select_sprint(gothenburg.sprint_id)
    window.select_day(THURSDAY)
    type_note(qtbot, window, "x")
    assert window.save_label.text() == SAVING
    assert window.notes is not None
    window.notes.flush()
    assert window.save_label.text() == SAVED


def test_undo_and_redo_from_the_edit_menu(window: MainWindow, gothenburg: Gothenburg,
                                          journal: Journal) -> None:
    window.select_sprint(gothenburg.sprint_id)
    window.select_day(THURSDAY)
    window.act_new_note.trigger()
    assert len(journal.list_notes(gothenburg.sprint_id, THURSDAY)) == 2
    assert window.act_undo.isEnabled() and "Add note" in window.act_undo.text()
    window.act_undo.trigger()
    assert len(journal.list_notes(gothenburg.sprint_id, THURSDAY)) == 1
    window.act_redo.trigger()
    assert len(journal.list_notes(gothenburg.sprint_id, THURSDAY)) == 2


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.Cancel,
                                    QMessageBox.StandardButton.Yes])
def test_delete_sprint_asks_first(qtbot: QtBot, window: MainWindow, gothenburg: Gothenburg,
                                  journal: Journal, answer: QMessageBox.StandardButton) -> None:
    window.select_sprint(gothenburg.sprint_id)

    def reply(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox) and "Gothenburg 2011" in dialog.text()
        button = dialog.button(answer)
        assert button is not None
        button.click()

    when_modal(reply)
    window.act_delete_sprint.trigger()
    remaining = [s.id for s in journal.list_sprints()]
    if answer == QMessageBox.StandardButton.Yes:
        assert remaining == [] and window.sprint is None
    else:
        assert remaining == [gothenburg.sprint_id] and window.sprint is not None


def test_layout_is_restored(qtbot: QtBot, window: MainWindow, store: JournalStore) -> None:
    window.resize(790, 640)  # near the minimum; the offscreen screen is 800×600
    size = window.size()
    window.docks["photos"].hide()
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    again.attach(store)
    again.show()
    qtbot.waitExposed(again)
    assert again.docks["photos"].isHidden()
    assert not again.docks["standup"].isHidden()
    assert again.size() == size
    again.close_for_good()


def readonly_window(qtbot: QtBot, journal: Journal, journal_path: Path
                    ) -> tuple[MainWindow, Journal]:
    """The window on the test's journal, reopened read-only; the caller closes both."""
    journal.close()
    readonly = Journal(journal_path, readonly=True)
    win = MainWindow()
    qtbot.addWidget(win)
    win.attach(JournalStore(readonly))
    show_active(qtbot, win)
    return win, readonly


def test_fault_13_read_only_journal_shows_a_banner(qtbot: QtBot, gothenburg: Gothenburg,
                                          journal: Journal, journal_path: Path) -> None:
    win, readonly = readonly_window(qtbot, journal, journal_path)
    assert win.central.banner.isVisible()
    banner = win.central.banner.text()
    assert "Read-only" in banner and str(journal_path) in banner
    win.close_for_good()
    readonly.close()


def test_not_saved_is_readable_in_the_status_bar(qtbot: QtBot, gothenburg: Gothenburg,
                                                window: MainWindow, journal_path: Path) -> None:
    """A save the core refuses (here: the journal's file was deleted while open) says "Not
    saved" in the status bar, in letters one can read: it was white on the light status bar
    (palette bright-text), so nobody saw it. (A read-only journal no longer takes typing.)"""
    window.select_sprint(gothenburg.sprint_id)
    window.select_day(THURSDAY)
    journal_path.unlink()
    type_note(qtbot, window, " typed after the file went")
    window.save_manager.flush_all()
    label = window.save_label
    qtbot.waitUntil(lambda: label.text().startswith("Not saved"), timeout=10_000)
    shot = window.grab().toImage()
    top_left = label.mapTo(window, label.rect().topLeft())
    lightness = {shot.pixelColor(top_left.x() + x, top_left.y() + y).lightness()
                 for x in range(label.width()) for y in range(label.height())}
    box = window.file_lost.box  # the lost file's question, not answered here: "Later"
    if box is not None:
        box.reject()
    window.close_for_good()  # never asks: the refused save would otherwise wait for an answer
    assert max(lightness) - min(lightness) > 120, "the words stand out from their background"


def test_fault_09_an_error_in_a_slot_is_shown_and_the_app_keeps_running(
        qtbot: QtBot, window: MainWindow, gothenburg: Gothenburg) -> None:
    window.select_sprint(gothenburg.sprint_id)
    window.select_day(THURSDAY)
    type_note(qtbot, window, " kept")
    restore = install_excepthook(window)
    try:
        QTimer.singleShot(0, lambda: window.store.get_note(987654))
        qtbot.waitUntil(lambda: "987654" in window.statusBar().currentMessage(), timeout=3000)
    finally:
        restore()
    assert window._error_box is not None and window._error_box.isVisible()
    assert not window._error_box.isModal()
    assert window.notes is not None and window.notes.editor.toPlainText().endswith("STM. kept")
    type_note(qtbot, window, "!")  # still accepting input
    assert window.notes.editor.toPlainText().endswith("kept!")


def test_find_shortcut_focuses_the_search_field(qtbot: QtBot, window: MainWindow,
                                                gothenburg: Gothenburg) -> None:
    window.select_sprint(gothenburg.sprint_id)
    assert window.docks["search"].isHidden()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.docks["search"].isVisible()
    assert window.search.field.hasFocus()


def test_search_is_made_when_first_wanted_and_searches_the_sprint_shown(
        qtbot: QtBot, window: MainWindow, gothenburg: Gothenburg, journal: Journal) -> None:
    """Hidden at start, the Search panel is made by Ctrl+F (or its dock shown), and joins the
    sprint the other panels show: "this sprint" is that one, not every sprint."""
    other = journal.add_sprint("Leysin 2011", place="Leysin").id
    journal.add_note(other, None, "The cake, in Leysin")  # in all sprints, not in this one
    journal.add_note(gothenburg.sprint_id, None, "The cake: 5x faster than CPython")
    window.select_sprint(gothenburg.sprint_id)
    assert not isinstance(window.docks["search"].widget(), SearchPanel)  # not made yet
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.docks["search"].widget() is window.search
    window.search.field.setText("cake")
    hits = window.search.run_search()
    assert hits and {hit.sprint_id for hit in hits} == {gothenburg.sprint_id}


def test_showing_the_search_dock_makes_the_panel(qtbot: QtBot, window: MainWindow,
                                                gothenburg: Gothenburg) -> None:
    window.select_sprint(gothenburg.sprint_id)
    toggle = window.findChild(QAction, "toggle_search")
    assert toggle is not None and not toggle.isChecked()
    toggle.trigger()  # View ▸ Show or Hide ▸ Search
    assert isinstance(window.docks["search"].widget(), SearchPanel)


def test_a_layout_with_search_shown_makes_it_at_start(qtbot: QtBot, window: MainWindow,
                                                     store: JournalStore) -> None:
    window.focus_search()
    window.close()  # the layout is saved with Search shown
    again = MainWindow()
    qtbot.addWidget(again)
    again.attach(store)
    assert not again.docks["search"].isHidden()
    assert isinstance(again.docks["search"].widget(), SearchPanel)
    again.close_for_good()


def test_every_menu_entry_is_reachable_by_keyboard(window: MainWindow) -> None:
    """Each menu and each entry has a mnemonic (Alt+letter); the main ones have shortcuts."""
    for menu_action in window.menuBar().actions():
        assert "&" in menu_action.text()
        menu = menu_action.menu()
        assert isinstance(menu, QMenu)
        for action in menu.actions():
            if not action.isSeparator() and action.menu() is None:
                assert "&" in action.text() or action.shortcut().toString(), action.text()
    for action in (window.act_new_journal, window.act_open, window.act_quit, window.act_undo,
                   window.act_redo, window.act_find, window.act_new_sprint):
        assert not action.shortcut().isEmpty(), action.text()
    assert window.toolbar.sprint_combo.accessibleName() == "Sprint"
    assert window.toolbar.day_combo.accessibleName() == "Day"


def test_a_mention_click_selects_the_person(window: MainWindow, gothenburg: Gothenburg) -> None:
    window.select_sprint(gothenburg.sprint_id)
    assert window.notes is not None
    window.notes.mention_activated.emit("person", gothenburg.antonio_id)
    attendees = window.panels["attendees"]
    assert window.docks["attendees"].isVisible()
    assert [r.person.id for r in attendees.selected_records()] == [gothenburg.antonio_id]


def test_usable_at_1024_by_700(qtbot: QtBot, window: MainWindow, gothenburg: Gothenburg) -> None:
    window.select_sprint(gothenburg.sprint_id)
    window.resize(1024, 700)
    qtbot.wait(50)
    assert window.notes is not None
    assert window.notes.editor.width() >= 200 and window.notes.preview.width() >= 200
    assert window.docks["standup"].width() >= 220


def test_reset_layout_keeps_the_window_size_and_shares_the_width(
    qtbot: QtBot, window: MainWindow, gothenburg: Gothenburg
) -> None:
    window.select_sprint(gothenburg.sprint_id)
    for width, height in ((1280, 800), (1024, 700)):
        window.resize(width, height)
        qtbot.waitUntil(lambda w=width: window.width() == w)
        window.docks["standup"].setFloating(True)  # a layout the user made a mess of
        window.act_reset_layout.trigger()
        qtbot.wait(50)
        assert (window.width(), window.height()) == (width, height)
        standup, attendees = window.docks["standup"], window.docks["attendees"]
        assert not standup.isFloating() and standup.isVisible()
        assert attendees in window.tabifiedDockWidgets(standup), "one tab each, full height"
        assert standup.width() >= 0.4 * width, "the right-hand panels get a fair share"
        assert standup.height() >= 0.7 * height
        assert window.notes is not None and window.notes.editor.width() >= 200


def test_the_shortcuts_dialog_lists_the_live_shortcuts(window: MainWindow) -> None:
    rows = dict(shortcut_rows(window.actions()))
    native = QKeySequence.SequenceFormat.NativeText
    assert rows["Find"] == window.act_find.shortcut().toString(native)
    assert rows["Quit"] and rows["New Sprint"] == "Ctrl+Shift+N"


def test_import_of_a_people_txt_fills_the_sprint(
        qtbot: QtBot, window: MainWindow, samples: Path, journal: Journal,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """File ▸ Import… with the real Gothenburg 2011 people.txt (the file dialog answered)."""
    people_txt = samples / "gothenburg-2011-2" / "people.txt"
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *args, **kwargs: (str(people_txt), ""))
    reports: list[str] = []

    def read_and_close(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        reports.append(dialog.text())
        dialog.accept()

    when_modal(read_and_close)
    window.act_import.trigger()
    assert reports and reports[0].strip()
    [sprint] = journal.list_sprints()
    assert window.sprint == sprint  # the new sprint is shown
    names = {a.person.name for a in journal.list_attendees(sprint.id)}
    assert {"Armin Rigo", "Antonio Cuni"} <= names
    assert window.toolbar.sprint_combo.isEnabled()
