"""The mark of a backup whose photos are in the backups' store: set by writing such a backup,
absent from a journal, and read as absent from a file without the `meta` table at all."""

import sqlite3
from pathlib import Path

from fault_helpers import unbuilt_journal

from sprintjournal import backup_mark, backup_store
from sprintjournal.journal import Journal


def read(path: Path) -> bool:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return backup_mark.uses_store(conn)
    finally:
        conn.close()


def test_a_store_backup_carries_the_mark_and_its_journal_does_not(
        journal: Journal, journal_path: Path, tmp_path: Path) -> None:
    journal.add_sprint("Gothenburg")
    journal.close()
    folder = tmp_path / "store-backups"
    folder.mkdir()
    backup = backup_store.write_backup(journal_path, folder / "b.sprintjournal")
    assert read(backup)
    assert not read(journal_path)
    conn = sqlite3.connect(backup)
    try:
        value = conn.execute("SELECT value FROM meta WHERE key = ?",
                             (backup_mark.STORE_KEY,)).fetchone()
    finally:
        conn.close()
    assert value == (backup_store.STORE_VALUE,)


def test_a_file_without_the_meta_table_is_not_marked(tmp_path: Path) -> None:
    assert not read(unbuilt_journal(tmp_path / "bare.sprintjournal"))
