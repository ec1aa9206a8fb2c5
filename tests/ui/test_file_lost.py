"""The guard for a journal file deleted or moved while open: it asks once (not again while
asking, never for a read-only journal or a file in place), saves back or elsewhere and carries
on there with the waiting edits written, and says so when the save itself fails."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot
from shell_data import Gothenburg, when_modal
from sprintjournal_ui.file_lost import FileLostGuard
from sprintjournal_ui.savemanager import SaveManager
from sprintjournal_ui.store import JournalStore

from sprintjournal.journal import Journal


@pytest.fixture
def window(qtbot: QtBot) -> QMainWindow:
    win = QMainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def flushed() -> list[str]:
    return []


@pytest.fixture
def guard(store: JournalStore, window: QMainWindow, flushed: list[str]) -> Iterator[FileLostGuard]:
    saves = SaveManager(window)
    saves.register("notes", lambda: flushed.append("notes"))
    guard = FileLostGuard(store, window, saves, interval_ms=3_600_000)  # checks when told
    yield guard
    if guard.box is not None:
        guard.box.close()


def test_a_file_in_place_is_not_asked_about(guard: FileLostGuard, gothenburg: Gothenburg
                                            ) -> None:
    guard.check()
    assert guard.box is None
    assert guard.timer.isActive()


def test_a_deleted_file_is_asked_about_once(
        qtbot: QtBot, guard: FileLostGuard, journal_path: Path, gothenburg: Gothenburg) -> None:
    journal_path.unlink()
    guard.check()
    box = guard.box
    assert box is not None and box.isVisible()
    assert box.windowTitle() == "Journal file lost"
    assert box.text().startswith(f"The journal file {journal_path} was ")
    assert box.defaultButton() is not None
    assert box.defaultButton().text() == "Save to its place"
    assert sorted(b.text() for b in box.buttons()) == [
        "Later", "Save elsewhere…", "Save to its place"]
    guard.check()  # while asking: no second box
    assert guard.box is box


def test_a_failed_save_makes_the_guard_look(
        qtbot: QtBot, guard: FileLostGuard, store: JournalStore, journal_path: Path,
        gothenburg: Gothenburg) -> None:
    journal_path.unlink()
    store.error.emit("could not save")  # as a refused write announces it
    assert guard.box is not None and guard.box.isVisible()


def test_save_to_its_place_brings_the_file_back_with_what_was_waiting(
        qtbot: QtBot, guard: FileLostGuard, store: JournalStore, window: QMainWindow,
        journal_path: Path, gothenburg: Gothenburg, flushed: list[str]) -> None:
    journal_path.unlink()
    guard.check()
    assert guard.box is not None
    back = next(b for b in guard.box.buttons() if b.text() == "Save to its place")
    with qtbot.assertNotEmitted(store.journal_replaced), qtbot.waitSignal(store.saved):
        back.click()
    assert journal_path.exists()
    assert flushed == ["notes"]
    assert window.statusBar().currentMessage() == f"Journal saved to {journal_path}"
    with Journal(journal_path, readonly=True) as back_again:
        assert back_again.get_note(gothenburg.note_id).text.startswith("# Thursday")
    guard.check()
    assert not guard.box.isVisible()


def test_save_elsewhere_carries_on_there(
        qtbot: QtBot, guard: FileLostGuard, store: JournalStore, window: QMainWindow,
        journal_path: Path, gothenburg: Gothenburg, tmp_path: Path) -> None:
    journal_path.rename(tmp_path / "moved-by-a-sync-tool.sprintjournal")
    target = tmp_path / "saved-here.sprintjournal"
    with qtbot.waitSignal(store.journal_replaced):
        guard.save_to(target)
    assert store.file == target
    store.set_note_text(gothenburg.note_id, "written after the rescue")
    assert window.statusBar().currentMessage() == f"Journal saved to {target}"


def test_a_save_that_fails_is_told_and_nothing_is_replaced(
        qtbot: QtBot, guard: FileLostGuard, store: JournalStore, journal_path: Path,
        gothenburg: Gothenburg, tmp_path: Path, flushed: list[str]) -> None:
    journal_path.unlink()
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("a file where a folder was chosen", encoding="utf-8")
    target = not_a_folder / "j.sprintjournal"
    titles = when_modal(lambda box: box.close())
    with qtbot.assertNotEmitted(store.journal_replaced):
        guard.save_to(target)
    assert titles == ["Journal not saved"]
    assert flushed == []
    assert not target.exists()
    assert store.file == journal_path  # still the lost file: the guard asks again later


def test_a_read_only_journal_is_never_asked_about(
        qtbot: QtBot, journal: Journal, journal_path: Path, window: QMainWindow,
        gothenburg: Gothenburg, tmp_path: Path) -> None:
    journal.close()
    copy = tmp_path / "copy.sprintjournal"
    copy.write_bytes(journal_path.read_bytes())
    readonly = JournalStore(Journal(copy, readonly=True))
    try:
        guard = FileLostGuard(readonly, window, SaveManager(window), interval_ms=3_600_000)
        copy.unlink()
        guard.check()
        assert guard.box is None
    finally:
        readonly.close()
