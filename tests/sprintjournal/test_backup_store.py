"""The backup's two parts: an SQLite file of every row but the photo originals, and the originals
stored once each by content; filling them back in; collecting what no backup names."""

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from factories import jpeg_bytes
from fault_helpers import dump

from sprintjournal import backup_mark, backup_store, db
from sprintjournal.errors import DamagedJournalError, NotAJournalError
from sprintjournal.journal import Journal


@pytest.fixture
def with_photos(journal: Journal, journal_path: Path) -> Path:
    """A closed journal with two photos of different content."""
    sid = journal.add_sprint("Gothenburg", project="PyPy", start=date(2011, 11, 2)).id
    journal.add_photo(sid, jpeg_bytes(colour=(200, 60, 40)), "hallway.jpg", caption="Hallway")
    journal.add_photo(sid, jpeg_bytes(colour=(10, 120, 40)), "cake.jpg", caption="Cake")
    journal.close()
    return journal_path


def backups(tmp_path: Path) -> Path:
    """A folder of its own (closing the journal put a backup in the one beside it)."""
    folder = tmp_path / "other-backups"
    folder.mkdir()
    return folder


def shas(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [sha for (sha,) in conn.execute("SELECT sha256 FROM photo ORDER BY id")]
    finally:
        conn.close()


def count(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def test_a_backup_holds_every_row_but_the_originals_which_go_to_the_store(
    with_photos: Path, tmp_path: Path
) -> None:
    folder = backups(tmp_path)
    target = backup_store.write_backup(with_photos, folder / "b1.sprintjournal")
    assert target == folder / "b1.sprintjournal"
    original, copy = dump(with_photos), dump(target)
    assert copy["photo_data"] == [] and copy["rendition"] == []
    assert ("backup.photo_store", "objects/sha256") in copy["meta"]
    for table in original.keys() - {"photo_data", "rendition", "meta"}:
        assert copy[table] == original[table], table
    stored = sorted(p.name for p in backup_store.objects_dir(folder).glob("??/*"))
    assert stored == sorted(shas(with_photos))
    for sha in stored:
        assert backup_store.object_digest(backup_store.object_path(folder, sha))[0] == sha
    assert sorted(p.name for p in folder.iterdir()) == ["b1.sprintjournal", "objects"]


def test_an_original_that_no_longer_matches_its_checksum_is_not_stored(
    with_photos: Path, tmp_path: Path
) -> None:
    conn = sqlite3.connect(with_photos)
    conn.execute("UPDATE photo_data SET data = x'00' WHERE photo_id = "
                 "(SELECT min(id) FROM photo)")
    conn.commit()
    conn.close()
    folder = backups(tmp_path)
    backup_store.write_backup(with_photos, folder / "b.sprintjournal")
    first, second = shas(with_photos)
    assert not backup_store.object_path(folder, first).exists()
    assert backup_store.object_path(folder, second).is_file()
    assert list(backup_store.objects_dir(folder).glob("??/*.partial")) == []


def test_a_backup_is_told_apart_from_a_journal_and_from_anything_else(
    with_photos: Path, tmp_path: Path
) -> None:
    folder = backups(tmp_path)
    backup = backup_store.write_backup(with_photos, folder / "b.sprintjournal")
    text = tmp_path / "notes.sprintjournal"
    text.write_text("just text " * 100)
    # the checks before opening read the mark on the connection they use for the version
    assert db.inspect_journal(backup) == (db.latest_version(), True)
    assert db.inspect_journal(with_photos) == (db.latest_version(), False)
    with pytest.raises(NotAJournalError, match="not an SQLite database"):
        db.inspect_journal(text)
    with pytest.raises(FileNotFoundError):
        db.inspect_journal(tmp_path / "missing.sprintjournal")


def test_filling_the_originals_back_gives_the_journal_again(
    with_photos: Path, tmp_path: Path
) -> None:
    folder = backups(tmp_path)
    backup = backup_store.write_backup(with_photos, folder / "b.sprintjournal")
    conn = sqlite3.connect(backup, isolation_level=None)
    try:
        conn.execute("BEGIN")
        backup_store.fill_originals(conn, folder)
        conn.execute("COMMIT")
        assert not backup_mark.uses_store(conn)
    finally:
        conn.close()
    restored = dump(backup)
    assert restored["photo_data"] == dump(with_photos)["photo_data"]


def test_filling_refuses_an_original_changed_in_the_store(
    with_photos: Path, tmp_path: Path
) -> None:
    folder = backups(tmp_path)
    backup = backup_store.write_backup(with_photos, folder / "b.sprintjournal")
    changed = backup_store.object_path(folder, shas(with_photos)[0])
    data = bytearray(changed.read_bytes())
    data[len(data) // 2] ^= 0xFF
    changed.write_bytes(bytes(data))
    conn = sqlite3.connect(backup, isolation_level=None)
    try:
        with pytest.raises(DamagedJournalError, match=r"hallway\.jpg.*does not match its checksum"):
            backup_store.fill_originals(conn, folder)
    finally:
        conn.close()


def test_referenced_names_a_backups_originals_and_none_when_unreadable(
    with_photos: Path, tmp_path: Path
) -> None:
    folder = backups(tmp_path)
    backup = backup_store.write_backup(with_photos, folder / "b.sprintjournal")
    assert backup_store.referenced(backup) == set(shas(with_photos))
    assert backup_store.referenced(with_photos) == set()  # a full copy names no object
    empty = folder / "empty.sprintjournal"
    empty.touch()
    assert backup_store.referenced(empty) == set()
    garbage = folder / "garbage.sprintjournal"
    garbage.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    assert backup_store.referenced(garbage) is None


def test_garbage_collection_deletes_only_what_no_backup_names(
    with_photos: Path, tmp_path: Path
) -> None:
    folder = backups(tmp_path)
    backup = backup_store.write_backup(with_photos, folder / "b.sprintjournal")
    stray = backup_store.object_path(folder, "ab" + "0" * 62)
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"left by a deleted backup")
    with backup_store.store_lock(folder):
        assert backup_store.collect_garbage(folder) == [stray]
    assert sorted(p.name for p in backup_store.objects_dir(folder).glob("??/*")) == sorted(
        shas(with_photos))
    backup.unlink()
    with backup_store.store_lock(folder):
        assert len(backup_store.collect_garbage(folder)) == 2
    assert list(backup_store.objects_dir(folder).glob("??/*")) == []


def test_garbage_collection_without_a_store_does_nothing(tmp_path: Path) -> None:
    assert backup_store.collect_garbage(tmp_path) == []
