"""The journal file on disk: identification, pragmas, schema version and migrations.

Checks run on a read-only raw sqlite3 connection *before* anything can write, so a file that is
not ours, is from a newer version or is damaged is refused byte-for-byte untouched. Migrations
are the numbered steps in `migrations/` (fixed SQL), each in one `BEGIN IMMEDIATE` transaction
with its version bump, and a backup (SQLite backup API) is taken before the first step runs.
"""

import os
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sprintjournal import text_sums
from sprintjournal.backup_mark import uses_store
from sprintjournal.errors import (
    DamagedJournalError,
    MigrationFailedError,
    NewerJournalError,
    NotAJournalError,
)
from sprintjournal.migrations import MIGRATIONS

if TYPE_CHECKING:  # SQLAlchemy loads when a journal is first written, not to check or read one
    from sqlalchemy import Connection, Engine

APPLICATION_ID = 0x534A524E  # "SJRN"
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
READ_OPTION = "sprintjournal_read"
"""Execution option marking a read transaction: it begins with a plain (deferred) BEGIN."""

GLOBAL_SCOPE = "g"
"""The search scope token of items that belong to no sprint (people), as step 2 writes it."""


def latest_version() -> int:
    return len(MIGRATIONS)


def header_version(path: Path) -> int | None:
    """The schema version written in the file's header, or None when the header is not a
    journal's: a guess, without opening the database, for whoever must prepare in advance
    (the app loads the ORM before opening a file to migrate). With a WAL beside the file the
    newest version may not be in the header yet, so it can only be lower than the true one:
    the guess then prepares for nothing, and opening still checks everything
    (`inspect_journal`)."""
    try:
        with path.open("rb") as handle:
            header = handle.read(72)
    except OSError:
        return None
    if len(header) < 72 or not header.startswith(SQLITE_MAGIC):
        return None
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        return None
    return int.from_bytes(header[60:64], "big")


def inspect_file(path: Path) -> int:
    """Return the schema version of an existing journal, refusing anything that is not one."""
    return inspect_journal(path)[0]


def inspect_journal(path: Path) -> tuple[int, bool]:
    """The schema version of an existing journal, and whether it is a backup that keeps its
    photos in the backups' store; anything that is not a journal is refused.

    Reads only: the header bytes, then one read-only connection for the pragmas and the mark
    (each connection reads and parses the whole schema at its first statement).
    """
    size = path.stat().st_size
    if size == 0:
        raise NotAJournalError(
            f"{path} is an empty file (0 bytes), not a SprintJournal journal. "
            "It was left untouched; choose another name to create a new journal."
        )
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_MAGIC))
    if header != SQLITE_MAGIC:
        raise NotAJournalError(
            f"{path} is not a SprintJournal file (it is not an SQLite database)."
        )
    # Without a WAL beside it the file holds everything, so `immutable` reads it without
    # creating -wal/-shm files next to a file we may be about to refuse.
    wal = path.with_name(path.name + "-wal")
    flags = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{flags}", uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            backup = app_id == APPLICATION_ID and uses_store(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DamagedJournalError(
            f"{path} is damaged ({exc}). It was left untouched; restore a backup."
        ) from exc
    if app_id != APPLICATION_ID:
        raise NotAJournalError(
            f"{path} is an SQLite database of another program, not a SprintJournal file."
        )
    if version > latest_version():
        raise NewerJournalError(
            f"{path} was written by a newer SprintJournal (journal version {version}; this "
            f"version reads up to {latest_version()}). Update SprintJournal to open it."
        )
    return int(version), backup


def connect_raw(path: Path, readonly: bool = False) -> sqlite3.Connection:
    """A raw connection in autocommit mode with the house pragmas; callers BEGIN explicitly."""
    uri = f"{path.resolve().as_uri()}?mode={'ro' if readonly else 'rwc'}"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    apply_pragmas(conn, readonly)
    return conn


def apply_pragmas(conn: sqlite3.Connection, readonly: bool = False) -> None:
    """The house pragmas, and the function the text-checksum triggers call."""
    text_sums.register(conn)
    if not readonly:
        conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def backup_to(conn: sqlite3.Connection, target: Path) -> Path:
    """Copy a live database with the backup API: a temp name, checked, then renamed."""
    from sprintjournal.files import remove_database  # not loaded to check or read a file

    tmp = target.with_name(target.name + ".partial")
    remove_database(tmp)
    dest = sqlite3.connect(tmp)
    try:
        conn.backup(dest)
        if dest.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise DamagedJournalError(f"backup {target} failed its integrity check")
    except BaseException:
        dest.close()
        remove_database(tmp)
        raise
    dest.close()
    tmp.replace(target)
    return target


def migrate(path: Path, current: int, backup_dir: Path) -> Path | None:
    """Bring an older (or brand new) file to the latest version, one step per transaction."""
    if current >= latest_version():
        return None
    conn = connect_raw(path)
    backup: Path | None = None
    try:
        if current > 0:
            backup = _backup_before_migration(path, backup_dir)
        for version in range(current, latest_version()):
            _run_step_explained(conn, path, version, backup)
    finally:
        conn.close()
    return backup


def _backup_before_migration(path: Path, folder: Path) -> Path:
    """Like every backup, with the photo originals in the shared store (`backup_store`)."""
    from sprintjournal import backup_store  # with a migration only

    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"{path.stem}-before-v{latest_version()}-{stamp}.sprintjournal"
    with backup_store.store_lock(folder):
        return backup_store.write_backup(path, folder / name)


def _run_step_explained(
    conn: sqlite3.Connection, path: Path, version: int, backup: Path | None
) -> None:
    """Run one step; a failure says which step, that nothing changed, and where the backup is."""
    try:
        _run_step(conn, version)
    except Exception as exc:
        if version == 0:
            raise
        saved = f" A backup made just before is at {backup}." if backup else ""
        raise MigrationFailedError(
            f"Upgrading {path} from journal version {version} to {version + 1} failed ({exc}). "
            f"The step was rolled back: the journal is still at version {version}, unchanged."
            f"{saved} Please report this problem."
        ) from exc


def create(path: Path) -> None:
    """Build a new journal under a temporary name and rename it into place when complete.

    A crash half-way through creation then leaves no file at `path` (which would otherwise be
    refused on the next start as "another program's database"), only a temporary one that the
    next creation removes.
    """
    from sprintjournal.files import remove_database

    tmp = path.with_name(path.name + ".creating")
    remove_database(tmp)
    migrate(tmp, 0, path.parent)
    tmp.replace(path)


def _run_step(conn: sqlite3.Connection, version: int) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        if version == 0:
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        MIGRATIONS[version](conn)
        conn.execute(f"PRAGMA user_version={version + 1}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _read_only_mode(path: Path) -> str:
    """`ro`, or `ro&immutable=1` in a folder nobody can write (a read-only mount, a CD).

    A WAL reader needs a -shm file beside the journal; where none can be created a plain
    read-only connection fails with "unable to open database file". With no -wal file the
    main file holds everything, and in an unwritable folder nothing can change it.
    """
    wal = path.with_name(path.name + "-wal")
    if not wal.exists() and not os.access(path.parent, os.W_OK):
        return "ro&immutable=1"
    return "ro"


def connect_reader(path: Path, readonly: bool = False) -> sqlite3.Connection:
    """A connection that only reads (`reader.SqliteReader`), usable from any thread one at a
    time; in autocommit mode, so the reader BEGINs each snapshot itself."""
    mode = _read_only_mode(path) if readonly else "rw"
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True,
                           isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                           check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA query_only=ON")
    return conn


def make_engine(path: Path, readonly: bool = False) -> "Engine":
    """SQLAlchemy engine whose transactions are real SQLite transactions.

    pysqlite's own transaction handling skips BEGIN for some statements; the documented
    recipe is to switch it off and emit BEGIN ourselves.
    """
    from sqlalchemy import create_engine, event

    mode = _read_only_mode(path) if readonly else "rw"
    uri = f"sqlite:///{path.resolve().as_uri()}?mode={mode}&uri=true"
    engine = create_engine(
        uri,
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None
        apply_pragmas(dbapi_conn, readonly)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: "Connection") -> None:
        # Writes take the write lock up front (no deadlock upgrading a read lock); reads
        # never do, so another program holding the write lock does not block reading.
        reading = readonly or conn.get_execution_options().get(READ_OPTION, False)
        conn.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")

    return engine
