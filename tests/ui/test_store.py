"""The store reads through the journal's plain-sqlite3 reader and loads the ORM for the first
write on the GUI thread, under a busy cursor, never in a pool thread's save."""

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication, QUndoStack
from pytestqt.qtbot import QtBot
from shell_data import Gothenburg, show_active
from sprintjournal_ui.panels.notes import NotesPanel
from sprintjournal_ui.store import JournalStore

from sprintjournal.journal import Journal


@pytest.fixture
def reopened(gothenburg: Gothenburg, journal: Journal, journal_path: Path) -> Iterator[Journal]:
    """The Gothenburg journal as the app opens it: nothing written in this session yet."""
    journal.close()
    with Journal(journal_path) as fresh:
        yield fresh


def test_reads_leave_the_orm_unloaded_and_the_first_write_loads_it(
        qtbot: QtBot, reopened: Journal, gothenburg: Gothenburg) -> None:
    store = JournalStore(reopened)
    for sprint in store.list_sprints():
        store.list_notes(sprint.id)
        store.list_attendees(sprint.id)
        store.search("STM", sprint.id)
    assert not reopened.writes_prepared
    cursors: list[object] = []
    load = reopened.prepare_writes

    def watched() -> None:
        cursors.append(QGuiApplication.overrideCursor())
        load()

    reopened.prepare_writes = watched  # type: ignore[method-assign]
    change = store.add_note(gothenburg.sprint_id, None, "first write")
    assert reopened.writes_prepared and len(cursors) == 1 and cursors[0] is not None
    assert QGuiApplication.overrideCursor() is None  # the busy cursor is gone again
    assert store.get_note(change.ids[0]).text == "first write"
    store.add_note(gothenburg.sprint_id, None, "second")
    assert len(cursors) == 1  # once per session


def test_the_first_autosave_loads_the_orm_off_the_gui_thread(
        qtbot: QtBot, reopened: Journal, gothenburg: Gothenburg) -> None:
    store = JournalStore(reopened)
    threads: list[threading.Thread] = []
    load = reopened.prepare_writes

    def watched() -> None:
        threads.append(threading.current_thread())
        load()

    reopened.prepare_writes = watched  # type: ignore[method-assign]
    panel = NotesPanel(store, QUndoStack(), autosave_ms=0)
    qtbot.addWidget(panel)
    show_active(qtbot, panel)
    panel.set_sprint(gothenburg.sprint_id)
    panel.select_item(gothenburg.note_id)
    panel.editor.insertPlainText("typed ")
    qtbot.waitUntil(lambda: not panel.dirty, timeout=10_000)
    assert threads and threading.main_thread() not in threads
    assert reopened.writes_prepared
    assert reopened.get_note(gothenburg.note_id).text.startswith("typed ")


def test_threads_that_write_at_once_load_the_orm_once(reopened: Journal,
                                                      gothenburg: Gothenburg) -> None:
    """The first writes of two threads: one imports, the other waits; both are saved."""
    made: list[object] = []
    load = reopened._load_orm

    def counted() -> None:
        made.append(threading.current_thread())
        load()

    reopened._load_orm = counted  # type: ignore[method-assign]
    writers = [threading.Thread(target=reopened.add_note, args=(gothenburg.sprint_id, None, t))
               for t in ("one", "two")]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    assert len(made) == 1
    texts = [n.text for n in reopened.list_notes(gothenburg.sprint_id)]
    assert "one" in texts and "two" in texts


def test_a_read_only_journal_never_loads_the_orm(
        qtbot: QtBot, gothenburg: Gothenburg, journal: Journal, journal_path: Path) -> None:
    journal.close()
    with Journal(journal_path, readonly=True) as readonly:
        store = JournalStore(readonly)
        store.prepare_writes()
        assert not readonly.writes_prepared
        assert store.read(readonly.get_note, gothenburg.note_id).text
