"""The journal file: identity, pragmas, refusal of foreign files, the lock, migrations, paths.

Every refused file is hashed before and after: refusing must leave it byte-for-byte untouched,
and no lock, WAL or shared-memory file may appear beside it.
"""

import hashlib
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from fault_helpers import other_programs_database

from sprintjournal import db, paths
from sprintjournal.errors import (
    JournalError,
    JournalLockedError,
    MigrationFailedError,
    NewerJournalError,
    NotAJournalError,
    ReadOnlyJournalError,
)
from sprintjournal.journal import Journal


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_refused(path: Path, error: type[Exception], *fragments: str) -> str:
    """Opening `path` raises `error`; the file and its folder are unchanged. Returns the message."""
    before, listing = digest(path), sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(error) as caught:
        Journal(path)
    assert digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == listing
    message = str(caught.value)
    assert str(path) in message
    for fragment in fragments:
        assert fragment in message
    return message


def pragma(conn: sqlite3.Connection, name: str) -> object:
    return conn.execute(f"PRAGMA {name}").fetchone()[0]


# -- a new journal ---------------------------------------------------------------------------


def test_new_journal_is_marked_as_ours_and_current(journal: Journal, journal_path: Path) -> None:
    with journal.raw() as conn:
        assert pragma(conn, "application_id") == 0x534A524E
        assert pragma(conn, "user_version") == db.latest_version()
    assert journal.schema_version() == db.latest_version()
    raw = sqlite3.connect(journal_path)
    try:
        assert pragma(raw, "application_id") == db.APPLICATION_ID == 0x534A524E
        assert pragma(raw, "user_version") == db.latest_version()
    finally:
        raw.close()


def test_every_connection_has_the_house_pragmas(journal: Journal) -> None:
    with journal.raw() as conn:
        assert pragma(conn, "journal_mode") == "wal"
        assert pragma(conn, "synchronous") == 2  # FULL
        assert pragma(conn, "foreign_keys") == 1
        assert pragma(conn, "busy_timeout") == db.BUSY_TIMEOUT_MS


def test_foreign_keys_are_enforced(journal: Journal) -> None:
    with journal.raw() as conn, pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO attendance(sprint_id, person_id, host, needs_review, position) "
            "VALUES (999, 999, 0, 0, 0)"
        )


def test_the_journal_file_persists_across_opens(journal_path: Path) -> None:
    with Journal(journal_path) as j:
        j.add_person("Armin Rigo")
    with Journal(journal_path) as again:
        assert [p.name for p in again.list_people()] == ["Armin Rigo"]
        assert again.migration_backup is None  # already current: no migration, no backup


# -- files that are not journals ------------------------------------------------------------


def test_a_jpeg_renamed_to_a_journal_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "holiday.sprintjournal"
    path.write_bytes(
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01" + bytes(range(256)) * 8 + b"\xff\xd9"
    )
    assert_refused(path, NotAJournalError, "not an SQLite database")


def test_an_sqlite_file_of_another_program_is_refused_untouched(tmp_path: Path) -> None:
    path = other_programs_database(tmp_path / "firefox-places.sprintjournal")
    assert_refused(path, NotAJournalError, "another program")


def test_a_journal_from_a_newer_version_is_refused_naming_both_versions(journal_path: Path) -> None:
    Journal(journal_path).close()
    newer = db.latest_version() + 3
    conn = sqlite3.connect(journal_path)
    conn.execute(f"PRAGMA user_version={newer}")
    conn.close()
    message = assert_refused(journal_path, NewerJournalError)
    assert f"version {newer}" in message
    assert f"up to {db.latest_version()}" in message


def test_an_empty_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "empty.sprintjournal"
    path.touch()
    assert_refused(path, NotAJournalError, "0 bytes")
    assert path.stat().st_size == 0


def test_a_damaged_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "broken.sprintjournal"
    path.write_bytes(db.SQLITE_MAGIC + b"\x00" * 50 + b"garbage" * 200)
    assert_refused(path, JournalError)


def test_a_missing_journal_is_not_created_when_create_is_false(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.sprintjournal"
    with pytest.raises(JournalError, match="There is no journal"):
        Journal(path, create=False)
    assert not path.exists()


# -- one writer -----------------------------------------------------------------------------


def test_a_second_journal_in_the_same_process_is_locked_out(
    journal: Journal, journal_path: Path
) -> None:
    with pytest.raises(JournalLockedError, match="another SprintJournal"):
        Journal(journal_path)
    journal.close()
    with Journal(journal_path) as again:
        assert again.list_people() == []


OPEN_IN_CHILD = textwrap.dedent(
    """
    import sys
    from sprintjournal.errors import JournalLockedError
    from sprintjournal.journal import Journal
    try:
        Journal(sys.argv[1]).close()
    except JournalLockedError as exc:
        print("LOCKED", exc)
        raise SystemExit(3)
    print("OPENED")
    """
)


def open_in_child(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", OPEN_IN_CHILD, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_a_second_process_is_locked_out_until_the_first_closes(
    journal: Journal, journal_path: Path
) -> None:
    journal.add_person("Laura Creighton")
    child = open_in_child(journal_path)
    assert child.returncode == 3, child.stderr
    assert child.stdout.startswith("LOCKED") and str(journal_path) in child.stdout
    journal.close()
    child = open_in_child(journal_path)
    assert child.returncode == 0, child.stderr
    assert child.stdout.strip() == "OPENED"


def test_a_reader_may_open_beside_the_writer(journal: Journal, journal_path: Path) -> None:
    journal.add_person("Jacob Hallén")
    with Journal(journal_path, readonly=True) as reader:
        assert [p.name for p in reader.list_people()] == ["Jacob Hallén"]


# -- read-only ------------------------------------------------------------------------------


def test_read_only_mode_rejects_every_write(journal_path: Path) -> None:
    with Journal(journal_path) as j:
        sprint = j.add_sprint("Gothenburg").id
    before = digest(journal_path)
    with Journal(journal_path, readonly=True) as ro:
        assert ro.readonly
        for write in (
            lambda: ro.add_person("Mark Pearse"),
            lambda: ro.add_note(sprint, None, "hello"),
            lambda: ro.update_sprint(sprint, title="x"),
            lambda: ro.set_meta("k", "v"),
        ):
            with pytest.raises(ReadOnlyJournalError, match="read-only"):
                write()
        assert [s.title for s in ro.list_sprints()] == ["Gothenburg"]
    assert digest(journal_path) == before


def test_read_only_mode_does_not_create_a_journal(tmp_path: Path) -> None:
    path = tmp_path / "absent.sprintjournal"
    with pytest.raises(JournalError):
        Journal(path, readonly=True)
    assert not path.exists()


# -- migrations -----------------------------------------------------------------------------


def _add_colour_table(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TABLE colour(id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
    conn.execute("INSERT INTO colour(name) VALUES ('sprint blue')")


def _half_then_fail(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TABLE half_done(id INTEGER PRIMARY KEY)")
    conn.execute("UPDATE person SET name = 'changed by a broken step'")
    raise RuntimeError("the new step failed half-way")


def _tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


N = db.latest_version()
"""The appended test-only step takes a journal of this version to N + 1."""


@pytest.fixture
def current_journal(journal_path: Path) -> Path:
    with Journal(journal_path) as j:
        j.add_person("Håkan Ardö", aliases=["Hakan"])
    return journal_path


def test_a_migration_step_runs_after_a_backup(
    current_journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "MIGRATIONS", [*db.MIGRATIONS, _add_colour_table])
    with Journal(current_journal) as j:
        assert j.schema_version() == N + 1
        backup = j.migration_backup
        assert [p.name for p in j.list_people()] == ["Håkan Ardö"]
    assert backup is not None and backup.parent == current_journal.parent / "backups"
    assert f"before-v{N + 1}" in backup.name and backup.suffix == ".sprintjournal"
    old = sqlite3.connect(backup)
    try:
        assert pragma(old, "user_version") == N
        assert pragma(old, "application_id") == db.APPLICATION_ID
        assert old.execute("SELECT name FROM person").fetchall() == [("Håkan Ardö",)]
    finally:
        old.close()
    assert "colour" in _tables(current_journal) and "colour" not in _tables(backup)
    conn = sqlite3.connect(current_journal)
    assert pragma(conn, "user_version") == N + 1
    assert conn.execute("SELECT name FROM colour").fetchall() == [("sprint blue",)]
    conn.close()


def test_a_failing_migration_step_changes_nothing(
    current_journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "MIGRATIONS", [*db.MIGRATIONS, _half_then_fail])
    with pytest.raises(MigrationFailedError, match="half-way"):
        Journal(current_journal)
    conn = sqlite3.connect(current_journal)
    try:
        assert pragma(conn, "user_version") == N
        assert conn.execute("SELECT name FROM person").fetchall() == [("Håkan Ardö",)]
    finally:
        conn.close()
    assert "half_done" not in _tables(current_journal)
    monkeypatch.setattr(db, "MIGRATIONS", db.MIGRATIONS[:N])
    with Journal(current_journal) as j:  # the lock was released and the file still opens
        assert j.schema_version() == N


def test_a_newer_journal_is_refused_before_any_migration(
    current_journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = sqlite3.connect(current_journal)
    conn.execute(f"PRAGMA user_version={N + 1}")
    conn.close()
    assert_refused(current_journal, NewerJournalError)
    monkeypatch.setattr(db, "MIGRATIONS", [*db.MIGRATIONS, _add_colour_table])
    with Journal(current_journal) as j:  # once this version knows N + 1, it opens
        assert j.schema_version() == N + 1 and j.migration_backup is None


def test_a_read_only_journal_that_needs_a_migration_is_refused(
    current_journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "MIGRATIONS", [*db.MIGRATIONS, _add_colour_table])
    before = digest(current_journal)
    with pytest.raises(ReadOnlyJournalError, match="upgrade"):
        Journal(current_journal, readonly=True)
    assert digest(current_journal) == before


# -- where journals live ----------------------------------------------------------------------


def test_the_default_journal_lives_under_sprintjournal_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.ENV_HOME, str(tmp_path / "home"))
    assert paths.resolve_journal() == tmp_path / "home" / "journal.sprintjournal"
    assert paths.demo_journal() == tmp_path / "home" / "demo.sprintjournal"
    with Journal(paths.resolve_journal()) as j:  # created on first use, folder and all
        assert j.list_sprints() == []
    assert (tmp_path / "home" / "journal.sprintjournal").is_file()
