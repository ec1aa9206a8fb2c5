"""The note-history dialog: versions newest first, their text and changes, restore keeps current."""

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot
from sprintjournal_ui.dialogs.note_history import NoteHistoryDialog, first_line
from sprintjournal_ui.store import JournalStore

from sprintjournal.journal import Journal
from sprintjournal.usecases import common
from sprintjournal.usecases import notes as notes_uc

T0 = datetime(2011, 11, 3, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Callable[[int], None]:
    current = [T0]
    monkeypatch.setattr(notes_uc, "now", lambda: current[0])
    monkeypatch.setattr(common, "now", lambda: current[0])
    return lambda minutes: current.__setitem__(0, T0 + timedelta(minutes=minutes))


@pytest.fixture
def edited(journal: Journal, clock: Callable[[int], None]) -> int:
    """A note typed over an hour: three versions kept, newest "Thursday: ffistruct"."""
    j = journal
    note_id = j.add_note(j.add_sprint("Gothenburg 2011").id, date(2011, 11, 3), "Thursday").id
    for minutes, text in (
        (20, "Thursday: ffistruct"),
        (40, "Thursday: ffistruct merged"),
        (60, "Thursday: ffistruct merged, 400× faster than ctypes"),
    ):
        clock(minutes)
        j.set_note_text(note_id, text)
    return note_id


def test_versions_are_listed_newest_first_with_text_and_changes(
    qtbot: QtBot, store: JournalStore, edited: int
) -> None:
    dialog = NoteHistoryDialog(store, edited)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 3
    assert dialog.list.item(0).text().endswith("1 line, 26 characters\nThursday: ffistruct merged")
    assert dialog.text.toPlainText() == "Thursday: ffistruct merged"
    assert "+Thursday: ffistruct merged, 400× faster than ctypes" in dialog.diff.toPlainText()
    dialog.list.setCurrentRow(2)
    assert dialog.text.toPlainText() == "Thursday"
    assert dialog.restore_button.isEnabled() and not dialog.empty.isVisibleTo(dialog)


def test_restoring_a_version_keeps_the_current_text(
    qtbot: QtBot, store: JournalStore, edited: int
) -> None:
    dialog = NoteHistoryDialog(store, edited)
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow(2)
    with qtbot.waitSignal(store.notes_changed) as signal:
        dialog.restore_button.click()
    assert signal.args is not None and signal.args[1] is dialog
    assert store.get_note(edited).text == "Thursday"
    assert dialog.restored and dialog.list.count() == 4
    assert dialog.text.toPlainText() == "Thursday: ffistruct merged, 400× faster than ctypes"


def test_a_note_without_history_says_so(
        qtbot: QtBot, store: JournalStore, journal: Journal) -> None:
    j = journal
    note_id = j.add_note(j.add_sprint("S").id, None, "fresh").id
    dialog = NoteHistoryDialog(store, note_id)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 0 and dialog.empty.isVisibleTo(dialog)
    assert not dialog.restore_button.isEnabled()


def test_first_line_skips_blank_lines_and_shortens() -> None:
    assert first_line("\n\n  # Thursday  \nmore") == "# Thursday"
    assert first_line("# Thursday\nSTM\nffi", unlike="# Thursday\nSTM") == "ffi"
    assert first_line("") == "(empty)"
    assert len(first_line("x" * 200)) == 60
