"""FAULTS 71 in the window: a journal file deleted or replaced while open is noticed, the text
typed since is kept, and the user saves it back to its place (or elsewhere)."""

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from shell_data import Gothenburg, main_window
from sprintjournal_ui.main_window import SAVED, MainWindow
from sprintjournal_ui.store import JournalStore

from sprintjournal.journal import Journal

THURSDAY = date(2011, 11, 3)


@pytest.fixture
def window(qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg) -> Iterator[MainWindow]:
    with main_window(qtbot, store, sprint_id=gothenburg.sprint_id, day=THURSDAY) as win:
        yield win
    win.store.close()


def _type(qtbot: QtBot, window: MainWindow, text: str) -> None:
    assert window.notes is not None
    window.notes.editor.setFocus()
    window.notes.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.notes.editor, text)


def _note_texts(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [t for (t,) in conn.execute("SELECT text FROM note ORDER BY id")]
    finally:
        conn.close()


def _dialog(qtbot: QtBot, window: MainWindow) -> QMessageBox:
    qtbot.waitUntil(lambda: window.file_lost.box is not None and window.file_lost.box.isVisible())
    box = window.file_lost.box
    assert box is not None
    return box


def test_fault_71_a_deleted_journal_is_noticed_and_saved_back_with_the_typed_text(
    qtbot: QtBot, window: MainWindow, journal_path: Path
) -> None:
    journal_path.unlink()
    _type(qtbot, window, " Typed after the file went.")
    window.save_manager.flush_all()  # the save is refused: the text stays in the editor
    assert window.save_label.text() != SAVED
    box = _dialog(qtbot, window)
    assert "was deleted or moved away" in box.text()
    back = next(b for b in box.buttons() if b.text() == "Save to its place")
    back.click()
    assert journal_path.exists()
    assert _note_texts(journal_path)[0].endswith("Typed after the file went.")
    assert window.save_label.text() == SAVED
    _type(qtbot, window, " And more.")
    window.save_manager.flush_all()
    assert _note_texts(journal_path)[0].endswith("Typed after the file went. And more.")


def test_fault_71_a_replaced_journal_is_noticed_by_the_timer_and_the_newcomer_kept(
    qtbot: QtBot, window: MainWindow, journal_path: Path, tmp_path: Path
) -> None:
    other = tmp_path / "from-the-sync-tool.sprintjournal"
    with Journal(other) as j:
        j.add_sprint("Leysin 2012")
    shutil.copyfile(other, tmp_path / "incoming")
    (tmp_path / "incoming").replace(journal_path)
    window.file_lost.timer.setInterval(10)
    box = _dialog(qtbot, window)
    assert "was replaced by another file" in box.text()
    window.file_lost.save_to(journal_path)
    box.close()
    kept = list(tmp_path.glob(f"{journal_path.name}.replaced-*"))
    assert len(kept) == 1
    with Journal(kept[0], readonly=True) as j:
        assert [s.title for s in j.list_sprints()] == ["Leysin 2012"]
    with Journal(journal_path, readonly=True) as j:  # (a second reader; the window still writes)
        assert [s.title for s in j.list_sprints()] == ["Gothenburg 2011"]
