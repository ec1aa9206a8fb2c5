"""The journal file at the SQLite level: reading its version, creating it, copying it, and the
connections' transaction rules (a writer takes the write lock at BEGIN, a reader never does)."""

import shutil
import sqlite3
from pathlib import Path

import pytest
from fault_helpers import other_programs_database, own_folder, read_only, unbuilt_journal
from locations import FIXTURES
from sqlalchemy import text

from sprintjournal import db
from sprintjournal.errors import NewerJournalError, NotAJournalError
from sprintjournal.migrations import MIGRATIONS


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def other_writer(path: Path) -> sqlite3.Connection:
    """A second program's connection that gives up at once instead of waiting for a lock."""
    return sqlite3.connect(path, isolation_level=None, timeout=0)


@pytest.mark.parametrize("version", range(1, db.latest_version() + 1))
def test_the_version_of_each_committed_fixture_is_read_without_a_trace(
    version: int, tmp_path: Path
) -> None:
    path = tmp_path / f"v{version}.sprintjournal"
    shutil.copy(FIXTURES / f"journal-v{version}.sprintjournal", path)
    assert db.inspect_file(path) == version
    assert db.header_version(path) == version  # the guess before opening agrees
    assert listing(tmp_path) == [path.name]  # no -wal, -shm or journal file beside it


def test_the_header_guess_is_none_for_anything_but_a_journal(tmp_path: Path) -> None:
    other = other_programs_database(tmp_path / "other.sqlite", user_version=3)
    text_file = tmp_path / "notes.sprintjournal"
    text_file.write_text("SQLite format 3 is not enough " * 10)
    short = tmp_path / "short.sprintjournal"
    short.write_bytes(b"SQLite format 3\x00")
    for path in (other, text_file, short, tmp_path / "missing.sprintjournal", tmp_path):
        assert db.header_version(path) is None, path.name


def test_the_header_guess_lags_a_version_still_in_the_wal(tmp_path: Path) -> None:
    """Only ever lower than the truth: the app then loads the ORM for nothing, never too late."""
    path = tmp_path / "j.sprintjournal"
    older = db.latest_version() - 1
    shutil.copy(FIXTURES / f"journal-v{older}.sprintjournal", path)
    reader = db.connect_raw(path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM sqlite_master").fetchone()  # holds off a checkpoint
    writer = db.connect_raw(path)
    writer.execute(f"PRAGMA user_version={db.latest_version()}")  # committed, in the WAL only
    assert db.header_version(path) == older
    assert db.inspect_file(path) == db.latest_version()
    reader.execute("COMMIT")
    writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    writer.close()
    reader.close()
    assert db.header_version(path) == db.inspect_file(path) == db.latest_version()


def test_a_file_of_version_zero_is_ours_but_not_yet_built(tmp_path: Path) -> None:
    path = unbuilt_journal(tmp_path / "bare.sprintjournal")
    assert db.inspect_file(path) == 0


def test_the_header_is_checked_before_sqlite_opens_the_file(tmp_path: Path) -> None:
    path = tmp_path / "almost.sprintjournal"
    path.write_bytes(b"SQLite format 2\x00" + bytes(100))
    with pytest.raises(NotAJournalError, match="not an SQLite database"):
        db.inspect_file(path)


def test_one_past_the_latest_version_is_newer(tmp_path: Path) -> None:
    path = tmp_path / "j.sprintjournal"
    db.create(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={db.latest_version() + 1}")
    conn.close()
    with pytest.raises(NewerJournalError, match=f"reads up to {db.latest_version()}"):
        db.inspect_file(path)


def test_create_builds_the_latest_version_and_leaves_only_the_file(tmp_path: Path) -> None:
    path = tmp_path / "new.sprintjournal"
    db.create(path)
    assert db.inspect_file(path) == db.latest_version()
    assert listing(tmp_path) == ["new.sprintjournal"]


def test_create_replaces_what_a_crashed_creation_left(tmp_path: Path) -> None:
    path = tmp_path / "new.sprintjournal"
    leftover = tmp_path / "new.sprintjournal.creating"
    leftover.write_bytes(b"half a database")
    db.create(path)
    assert db.inspect_file(path) == db.latest_version()
    assert not leftover.exists()


def test_a_current_file_needs_no_migration_and_gets_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "j.sprintjournal"
    db.create(path)
    assert db.migrate(path, db.latest_version(), tmp_path / "backups") is None
    assert not (tmp_path / "backups").exists()


def test_a_failing_first_step_raises_its_own_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Creating a file has no older version to keep: the step's own error, not "upgrading"."""

    def broken(conn: sqlite3.Connection) -> None:
        raise RuntimeError("step one is broken")

    monkeypatch.setattr(db, "MIGRATIONS", [broken, *MIGRATIONS[1:]])
    with pytest.raises(RuntimeError, match="step one is broken"):
        db.create(tmp_path / "new.sprintjournal")
    assert not (tmp_path / "new.sprintjournal").exists()


def test_a_raw_connection_writes_with_the_house_pragmas(tmp_path: Path) -> None:
    path = tmp_path / "j.sprintjournal"
    db.create(path)
    conn = db.connect_raw(path)
    try:
        assert conn.isolation_level is None  # callers BEGIN themselves
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        conn.execute("UPDATE sprint SET title = title")  # the checksum triggers find their function
    finally:
        conn.close()


def test_a_read_only_raw_connection_cannot_write(tmp_path: Path) -> None:
    path = tmp_path / "j.sprintjournal"
    db.create(path)
    conn = db.connect_raw(path, readonly=True)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute("INSERT INTO person(name) VALUES ('x')")
    finally:
        conn.close()


def test_backup_to_copies_the_live_database_whole(tmp_path: Path) -> None:
    path = tmp_path / "j.sprintjournal"
    db.create(path)
    conn = db.connect_raw(path)
    try:
        conn.execute("PRAGMA wal_autocheckpoint=0")  # the row stays in the WAL, not the file
        conn.execute("CREATE TABLE kept(x)")
        conn.execute("INSERT INTO kept VALUES ('only in the WAL')")
        target = db.backup_to(conn, tmp_path / "copy.sprintjournal")
    finally:
        conn.close()
    assert target == tmp_path / "copy.sprintjournal"
    assert not (tmp_path / "copy.sprintjournal.partial").exists()
    copy = sqlite3.connect(target)
    try:
        assert copy.execute("SELECT x FROM kept").fetchall() == [("only in the WAL",)]
        assert copy.execute("PRAGMA application_id").fetchone()[0] == db.APPLICATION_ID
    finally:
        copy.close()


def test_a_reader_connection_refuses_to_write(tmp_path: Path) -> None:
    path = tmp_path / "j.sprintjournal"
    db.create(path)
    conn = db.connect_reader(path)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute("CREATE TABLE t(x)")
    finally:
        conn.close()


def test_a_reader_reads_a_journal_in_a_folder_nobody_can_write(tmp_path: Path) -> None:
    """No -shm can be made there: the reader reads the file as it is (a CD, a read-only mount)."""
    with own_folder(tmp_path / "cdrom") as folder:
        path = folder / "j.sprintjournal"
        db.create(path)
        with read_only(folder):
            conn = db.connect_reader(path, readonly=True)
            try:
                assert conn.execute("SELECT count(*) FROM sprint").fetchone()[0] == 0
            finally:
                conn.close()
        assert listing(folder) == ["j.sprintjournal"]


def test_an_engine_write_takes_the_write_lock_at_begin(tmp_path: Path) -> None:
    path = tmp_path / "j.sprintjournal"
    db.create(path)
    engine = db.make_engine(path)
    other = other_writer(path)
    try:
        with engine.begin() as conn:
            conn.execute(text("SELECT 1"))  # reads only, yet the transaction holds the lock
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        other.close()
        engine.dispose()


def test_an_engine_read_leaves_the_write_lock_free(tmp_path: Path) -> None:
    path = tmp_path / "j.sprintjournal"
    db.create(path)
    engine = db.make_engine(path)
    other = other_writer(path)
    try:
        reading = engine.execution_options(**{db.READ_OPTION: True})
        with reading.begin() as conn:
            assert conn.execute(text("SELECT count(*) FROM sprint")).scalar() == 0
            other.execute("BEGIN IMMEDIATE")  # another program may write meanwhile
            other.execute("ROLLBACK")
    finally:
        other.close()
        engine.dispose()
