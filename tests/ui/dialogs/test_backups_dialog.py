"""File ▸ Backups: the list, backing up by hand, and restoring one after a confirmation."""

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from shell_data import when_modal
from sprintjournal_ui.dialogs.backups_dialog import BackupsDialog, describe_reason
from sprintjournal_ui.store import JournalStore

from sprintjournal.backup import backup_before, backup_now, list_backups
from sprintjournal.journal import Journal

THURSDAY = date(2011, 11, 3)


def click(label: str) -> Callable[[QWidget], None]:
    def act(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        (button,) = [b for b in widget.buttons() if b.text().replace("&", "") == label]
        button.click()

    return act


def cell(dialog: BackupsDialog, row: int, column: int) -> str:
    item = dialog.table.item(row, column)
    assert item is not None
    return item.text()


@pytest.fixture
def history(journal: Journal) -> tuple[int, Path, Path]:
    """A note saved twice with a backup of each state: (note id, older, newer backup)."""
    j = journal
    sprint_id = j.add_sprint("Gothenburg 2011").id
    note_id = j.add_note(sprint_id, THURSDAY, "Armin explained STM").id
    older = backup_now(j)
    j.set_note_text(note_id, "Armin explained STM; Håkan merged jit-targets")
    newer = backup_before(j, "import")
    return note_id, older, newer


def test_the_list_shows_backups_newest_first(
    qtbot: QtBot, store: JournalStore, history: tuple[int, Path, Path]
) -> None:
    dialog = BackupsDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert cell(dialog, 0, 1) == "Before an import"
    assert cell(dialog, 1, 1) == "Made by hand"
    assert cell(dialog, 0, 2).endswith("kB")
    assert dialog.restore_button.isEnabled() and "one a day for 12 days" in dialog.hint.text()


def test_an_empty_list_says_when_backups_are_made(qtbot: QtBot, store: JournalStore) -> None:
    dialog = BackupsDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0
    assert not dialog.restore_button.isEnabled()
    assert "every 30 minutes" in dialog.hint.text()
    dialog.backup_button.click()
    assert dialog.table.rowCount() == 1 and len(list_backups(Path(store.path))) == 1


def test_restore_asks_first_and_cancel_changes_nothing(
    qtbot: QtBot, store: JournalStore, history: tuple[int, Path, Path]
) -> None:
    dialog = BackupsDialog(store)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(1)
    when_modal(click("Cancel"))
    dialog.restore_button.click()
    assert dialog.chosen is None and dialog.result() == 0


def test_a_confirmed_restore_brings_the_old_text_back_and_keeps_the_current(
    qtbot: QtBot, store: JournalStore, history: tuple[int, Path, Path]
) -> None:
    note_id, older, _newer = history
    dialog = BackupsDialog(store)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(1)
    when_modal(click("Restore"))
    dialog.restore_button.click()
    assert dialog.chosen is not None and dialog.chosen.path == older
    with qtbot.waitSignal(store.journal_replaced):
        safety = store.restore_backup(dialog.chosen.path)
    assert store.get_note(note_id).text == "Armin explained STM"
    with Journal(safety, readonly=True) as kept:
        assert kept.get_note(note_id).text.endswith("Håkan merged jit-targets")
    again = BackupsDialog(store)
    qtbot.addWidget(again)
    reasons = [cell(again, r, 1) for r in range(again.table.rowCount())]
    assert "Before a restore" in reasons


def test_a_failed_restore_reopens_the_current_journal(
    qtbot: QtBot, store: JournalStore, history: tuple[int, Path, Path], tmp_path: Path
) -> None:
    note_id, _older, _newer = history
    junk = tmp_path / "junk.sprintjournal"
    junk.write_bytes(b"not a journal at all")
    with pytest.raises(Exception, match="not a SprintJournal file"):
        store.restore_backup(junk)
    assert store.get_note(note_id).text.endswith("jit-targets")


def test_reasons_read_as_sentences() -> None:
    assert describe_reason("before-v2") == "Before the upgrade to journal version 2"
    assert describe_reason("before-import-people-txt") == "Before import people txt"
    assert describe_reason("on-close") == "When the journal was closed"


def test_fault_67_a_backup_dated_in_the_future_is_listed_last_and_not_preselected(
    qtbot: QtBot, store: JournalStore, history: tuple[int, Path, Path]
) -> None:
    from datetime import datetime

    _note_id, _older, newer = history
    store.backup_now(when=datetime(2031, 6, 1, 12, 0))  # the clock ran ahead
    dialog = BackupsDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.selected() is not None and dialog.selected().path == newer  # type: ignore[union-attr]
    assert cell(dialog, 2, 0).endswith("(in the future?)") and "2031" in cell(dialog, 2, 0)
    assert "always kept" in dialog.hint.text()
