"""Autosave on the pool: one save at a time, its Change announced on the GUI thread with the
editor as initiator, a refused save reported through the store with the text left unsaved, and
`wait()` finishing the save in flight so a flush can follow it."""

import threading

import pytest
from PySide6.QtCore import QCoreApplication, QThread, QThreadPool
from pytestqt.qtbot import QtBot
from shell_data import Gothenburg
from sprintjournal_ui.store import JournalStore
from sprintjournal_ui.workers.background_save import BackgroundSaver

from sprintjournal.changes import Change

TEXT = "# Thursday\n\nArmin explained STM; Maciej benchmarked the JIT hooks."


def test_a_save_is_written_and_announced_on_the_gui_thread(
        qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg) -> None:
    saver = BackgroundSaver(store)
    editor = object()
    threads: list[QThread | None] = []
    store.notes_changed.connect(lambda *_args: threads.append(QThread.currentThread()))
    with qtbot.waitSignals([saver.finished, store.notes_changed],
                           check_params_cbs=[lambda ok: ok is True,
                                             lambda change, who: who is editor]):
        saver.start(gothenburg.note_id, TEXT, editor)
        assert saver.busy
    assert not saver.busy
    assert threads == [QThread.currentThread()]
    assert store.get_note(gothenburg.note_id).text == TEXT


def test_a_refused_save_is_reported_and_nothing_announced(
        qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg) -> None:
    saver = BackgroundSaver(store)
    with qtbot.assertNotEmitted(store.notes_changed), \
            qtbot.waitSignal(store.error) as error, \
            qtbot.waitSignal(saver.finished) as finished:
        saver.start(987654, TEXT, None)
    assert finished.args == [False]
    assert error.args is not None and error.args[0]
    assert store.get_note(gothenburg.note_id).text.startswith("# Thursday\n\n@Armin")


def test_wait_finishes_the_save_in_flight_and_announces_it_once(
        qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg) -> None:
    saver = BackgroundSaver(store)
    announced: list[Change] = []
    finished: list[bool] = []
    store.notes_changed.connect(lambda change, _who: announced.append(change))
    saver.finished.connect(finished.append)
    saver.start(gothenburg.note_id, TEXT, None)
    saver.wait()  # returns with the text written and announced, before any event is processed
    assert store.get_note(gothenburg.note_id).text == TEXT
    assert [c.ids for c in announced] == [(gothenburg.note_id,)]
    assert finished == [True] and not saver.busy
    QThreadPool.globalInstance().waitForDone(30_000)
    QCoreApplication.processEvents()  # the job's own `done` arrives now: no second announcement
    assert len(announced) == 1 and finished == [True]
    saver.wait()  # nothing in flight: returns at once


def test_one_save_at_a_time(store: JournalStore, gothenburg: Gothenburg) -> None:
    saver = BackgroundSaver(store)
    saver.start(gothenburg.note_id, TEXT, None)
    with pytest.raises(AssertionError, match="one save at a time"):
        saver.start(gothenburg.note_id, "again", None)
    saver.wait()


def test_an_unexpected_failure_is_reported_like_a_journal_error(
        qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever goes wrong on the pool thread comes back as a message, not a lost thread."""
    saver = BackgroundSaver(store)
    writer = store.background_writer()
    in_pool = threading.Event()

    def broken(_note_id: int, _text: str) -> Change:
        in_pool.set()
        raise OSError("disk on fire")

    monkeypatch.setattr(writer, "set_note_text", broken)
    monkeypatch.setattr(store, "background_writer", lambda: writer)
    with qtbot.waitSignal(store.error) as error, qtbot.waitSignal(saver.finished):
        saver.start(gothenburg.note_id, TEXT, None)
    assert in_pool.is_set()
    assert error.args == ["The note could not be saved (OSError: disk on fire)."]
