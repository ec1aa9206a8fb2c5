"""File ▸ New Journal, Open Journal and Open Recent, answered through the real file dialogs."""

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from shell_data import Gothenburg, main_window, when_modal
from sprintjournal_ui.main_window import MainWindow
from sprintjournal_ui.settings import last_folder, recent_journals
from sprintjournal_ui.store import JournalStore
from sprintjournal_ui.window_ops import fill_recent_menu

from sprintjournal.journal import Journal
from sprintjournal.paths import SUFFIX

THURSDAY = date(2011, 11, 3)


@pytest.fixture
def window(qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg) -> Iterator[MainWindow]:
    # A long autosave: the switch itself must save what was typed.
    with main_window(qtbot, store, sprint_id=gothenburg.sprint_id, day=THURSDAY) as win:
        yield win
    win.store.close()


@pytest.fixture
def leysin(tmp_path: Path) -> Path:
    """Another journal, with one sprint, closed."""
    path = tmp_path / "elsewhere" / f"leysin{SUFFIX}"
    path.parent.mkdir()
    with Journal(path) as journal:
        journal.add_sprint("Leysin 2012", start=date(2012, 1, 15))
    return path


def type_into_file_dialog(qtbot: QtBot, path: Path, seen: list[str]) -> None:
    """In the next file dialog, go to `path`'s folder, type its name and press Enter."""
    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        seen.append(dialog.windowTitle())
        dialog.setDirectory(str(path.parent))
        field = dialog.findChild(QLineEdit, "fileNameEdit")
        assert field is not None
        field.setFocus()
        field.selectAll()
        qtbot.keyClicks(field, path.name)
        popup = QApplication.activePopupWidget()
        if popup is not None:  # the file name completer offers names: dismiss it, as users do
            qtbot.keyClick(popup, Qt.Key.Key_Escape)
        qtbot.keyClick(field, Qt.Key.Key_Return)

    when_modal(answer)


def cancel_file_dialog(seen: list[str]) -> None:
    def cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        seen.append(dialog.windowTitle())
        dialog.reject()

    when_modal(cancel)


def notes_in_file(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT text FROM note ORDER BY id")]
    finally:
        conn.close()


def type_note(qtbot: QtBot, window: MainWindow, text: str) -> None:
    assert window.notes is not None
    window.notes.editor.setFocus()
    window.notes.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.notes.editor, text)


def test_new_journal_saves_the_old_one_and_starts_empty(
    qtbot: QtBot, window: MainWindow, journal_path: Path, tmp_path: Path
) -> None:
    type_note(qtbot, window, " Typed just before File, New.")
    seen: list[str] = []
    target = tmp_path / "second"  # no suffix typed: the app adds it
    type_into_file_dialog(qtbot, target, seen)
    window.act_new_journal.trigger()
    assert seen == ["New Journal"]
    created = target.with_name(f"second{SUFFIX}")
    assert window.store.path == str(created) and created.is_file()
    assert window.windowTitle() == f"second{SUFFIX} — SprintJournal"
    assert window.sprint is None and not window.toolbar.sprint_combo.isEnabled()
    saved = "# Thursday\n\n@Armin explained STM. Typed just before File, New."
    assert notes_in_file(journal_path) == [saved]
    with Journal(journal_path) as old:  # closed and unlocked: it opens again at once
        assert old.list_sprints()
    assert recent_journals()[:2] == [str(created), str(journal_path)]


def test_open_journal_shows_the_chosen_file(
    qtbot: QtBot, window: MainWindow, leysin: Path
) -> None:
    seen: list[str] = []
    type_into_file_dialog(qtbot, leysin, seen)
    window.act_open.trigger()
    assert seen == ["Open Journal"]
    assert window.store.path == str(leysin)
    assert window.sprint is not None and window.sprint.title == "Leysin 2012"
    assert window.toolbar.sprint_combo.currentText().startswith("Leysin 2012")
    assert window.windowTitle() == f"Leysin 2012 — {leysin.name} — SprintJournal"


def test_cancelling_the_dialogs_changes_nothing(
    qtbot: QtBot, window: MainWindow, journal_path: Path
) -> None:
    before = window.sprint
    for action in (window.act_open, window.act_new_journal):
        seen: list[str] = []
        cancel_file_dialog(seen)
        action.trigger()
        assert seen and window.store.path == str(journal_path) and window.sprint == before


def test_open_recent_lists_other_journals_and_goes_back(
    qtbot: QtBot, window: MainWindow, journal_path: Path, leysin: Path, tmp_path: Path
) -> None:
    fill_recent_menu(window)
    assert [a.text() for a in window.recent_menu.actions()] == ["No other journal yet"]
    type_into_file_dialog(qtbot, leysin, [])
    window.act_open.trigger()
    assert window.store.path == str(leysin)
    gone = tmp_path / f"deleted{SUFFIX}"
    Journal(gone).close()
    type_into_file_dialog(qtbot, gone, [])
    window.act_open.trigger()
    type_into_file_dialog(qtbot, leysin, [])
    window.act_open.trigger()
    gone.unlink()
    fill_recent_menu(window)  # what the menu shows when it opens
    actions = window.recent_menu.actions()
    assert [a.text() for a in actions] == [f"&1 {journal_path.name} — {journal_path.parent}"]
    actions[0].trigger()
    assert window.store.path == str(journal_path)
    assert window.sprint is not None and window.sprint.title == "Gothenburg 2011"


def test_opening_a_file_that_is_not_a_journal_explains_and_keeps_the_current_one(
    qtbot: QtBot, window: MainWindow, journal_path: Path, tmp_path: Path
) -> None:
    photo = tmp_path / f"cake{SUFFIX}"
    photo.write_bytes(b"\xff\xd8\xff\xe0 not a journal at all")
    before = photo.read_bytes()
    messages: list[str] = []

    def give_up(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        messages.append(dialog.text())
        dialog.escapeButton().click()

    def then_refuse(dialog: QWidget) -> None:
        field = dialog.findChild(QLineEdit, "fileNameEdit")
        assert isinstance(dialog, QFileDialog) and field is not None
        dialog.setDirectory(str(photo.parent))
        qtbot.keyClicks(field, photo.name)
        when_modal(give_up)
        qtbot.keyClick(field, Qt.Key.Key_Return)

    when_modal(then_refuse)
    window.act_open.trigger()
    assert messages and "not a SprintJournal file" in messages[0]
    assert window.store.path == str(journal_path) and window.sprint is not None
    assert photo.read_bytes() == before


def test_the_import_dialog_opens_in_the_folder_used_last(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Issue 13 (19): a file dialog remembers its folder, even across a restart of the app."""
    folder = tmp_path / "sprint files"
    folder.mkdir()
    planning = folder / "planning.txt"
    planning.write_text("people present: Armin\n\ntoday:\n  - stm (Armin)\n", encoding="utf-8")
    seen: list[str] = []

    def close_summary(dialog: QWidget) -> None:
        if isinstance(dialog, QFileDialog):  # still the file dialog: look again
            QTimer.singleShot(20, lambda: when_modal(close_summary))
            return
        assert dialog.objectName() == "import_summary", dialog.windowTitle()
        assert isinstance(dialog, QMessageBox)
        dialog.accept()

    type_into_file_dialog(qtbot, planning, seen)
    QTimer.singleShot(50, lambda: when_modal(close_summary))
    window.act_import.trigger()
    assert seen == ["Import"]
    assert last_folder("import") == str(folder)

    shown: list[str] = []

    def note_folder_and_cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        shown.append(dialog.directory().absolutePath())
        dialog.reject()

    when_modal(note_folder_and_cancel)
    window.act_import.trigger()
    assert shown == [str(folder)]
