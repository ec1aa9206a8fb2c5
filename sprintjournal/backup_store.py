"""Backups that cost what changed: photo originals stored once, by content, beside the backups.

A journal with a thousand 12 MP photos is about 6 GB, nearly all of it photo originals that
never change once imported. A backup is therefore written as two parts:

- `backups/<name>.sprintjournal`: an SQLite file holding every table of the journal, row for
  row (the search index included), except the photo originals (`photo_data`) and the export
  renditions (a cache, made again on the next export). A meta row `backup.photo_store` says the
  originals live in the object store; restore and `check` follow it.
- `backups/objects/sha256/<ab>/<sha256>`: each original once, named by the SHA-256 the journal
  already keeps for it (`photo.sha256`), written under a temporary name, verified and renamed.

So a backup where no photo changed writes only the small file. The copy is made in one read
transaction on the journal, so the rows and the originals it names are one consistent state.
Thinning ends with `collect_garbage`, which deletes objects no remaining backup names. Both run
under a lock on the backups folder: two journals in one folder share the store.
"""

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sprintjournal.backup_mark import STORE_KEY
from sprintjournal.errors import DamagedJournalError
from sprintjournal.files import fsync_dir, remove_database
from sprintjournal.paths import SUFFIX

STORE_VALUE = "objects/sha256"
SKIPPED_TABLES = ("photo_data", "rendition")
"""Originals go to the object store; renditions are a cache and are not backed up."""
CHUNK = 1 << 20
LOCK_NAME = ".objects.lock"
LOCK_TIMEOUT_S = 120


def objects_dir(folder: Path) -> Path:
    return folder / STORE_VALUE


def object_path(folder: Path, sha256: str) -> Path:
    return objects_dir(folder) / sha256[:2] / sha256


@contextmanager
def store_lock(folder: Path) -> Iterator[None]:
    """One writer or collector of the shared object store at a time: an flock on the backups
    folder itself (no lock file left among the backups), or a lock file where flock is missing."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # Windows
        from filelock import FileLock

        with FileLock(folder / LOCK_NAME, timeout=LOCK_TIMEOUT_S, is_singleton=False):
            yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def write_backup(source: Path, target: Path) -> Path:
    """Back up the journal file at `source` into `target` (+ objects); atomic, checked."""
    folder = target.parent
    tmp = target.with_name(target.name + ".partial")
    remove_database(tmp)
    conn = sqlite3.connect(tmp.resolve().as_uri(), uri=True, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        src_uri = f"{Path(source).resolve().as_uri()}?mode=ro"
        conn.execute("ATTACH DATABASE ? AS src", (src_uri,))
        conn.execute("BEGIN")
        _copy_schema_and_rows(conn)
        _store_originals(conn, folder)
        conn.execute("INSERT OR REPLACE INTO main.meta(key, value) VALUES (?, ?)",
                     (STORE_KEY, STORE_VALUE))
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE src")
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise DamagedJournalError(f"backup {target} failed its integrity check")
    except BaseException:
        conn.close()
        remove_database(tmp)
        raise
    conn.close()
    _fsync(tmp)
    tmp.replace(target)
    return target


def _schema(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    return conn.execute(
        "SELECT type, name, sql FROM src.sqlite_master WHERE sql IS NOT NULL "
        "AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
    ).fetchall()


def _copy_schema_and_rows(conn: sqlite3.Connection) -> None:
    """Tables (virtual ones make their own shadow tables), rows, then indexes and triggers.

    Triggers come last so copying rows fires none: the search index's own tables are copied
    as they are, not rebuilt."""
    for pragma in ("application_id", "user_version"):
        value = int(conn.execute(f"PRAGMA src.{pragma}").fetchone()[0])
        conn.execute(f"PRAGMA main.{pragma}={value}")
    schema = _schema(conn)
    virtual = [n for k, n, sql in schema if k == "table" and _is_virtual(sql)]
    for kind, name, sql in sorted(schema, key=lambda row: not _is_virtual(row[2])):
        if kind == "table" and not _exists(conn, name):
            conn.execute(sql)  # virtual tables first: they make their own shadow tables
    for kind, name, _sql in schema:
        if kind == "table" and name not in virtual and name not in SKIPPED_TABLES:
            conn.execute(f'DELETE FROM main."{name}"')  # a shadow table's initial rows
            conn.execute(f'INSERT INTO main."{name}" SELECT * FROM src."{name}"')
    for kind, _name, sql in schema:
        if kind in ("index", "trigger", "view"):
            conn.execute(sql)


def _is_virtual(sql: str) -> bool:
    return sql.upper().startswith("CREATE VIRTUAL TABLE")


def _exists(conn: sqlite3.Connection, name: str) -> bool:
    row = conn.execute("SELECT 1 FROM main.sqlite_master WHERE name = ?", (name,)).fetchone()
    return row is not None


def _store_originals(conn: sqlite3.Connection, folder: Path) -> None:
    """Each original not yet in the store is streamed into it (never whole in memory)."""
    rows = conn.execute(
        "SELECT p.id, p.sha256 FROM src.photo p JOIN src.photo_data d ON d.photo_id = p.id"
    ).fetchall()
    wrote = False
    for photo_id, sha in rows:
        if not object_path(folder, sha).is_file():
            _write_object(conn, folder, photo_id, sha)
            wrote = True
    if wrote:
        fsync_dir(objects_dir(folder))


def _write_object(conn: sqlite3.Connection, folder: Path, photo_id: int, sha: str) -> None:
    """Write under a temporary name; an original whose bytes no longer match its checksum is
    left out (the backup's `check` then names it) rather than stored under a false name."""
    target = object_path(folder, sha)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".partial")
    import hashlib  # backups and restores only: opening a journal needs no digest

    digest = hashlib.sha256()
    with conn.blobopen("photo_data", "data", photo_id, readonly=True, name="src") as blob, \
            tmp.open("wb") as out:
        while chunk := blob.read(CHUNK):
            digest.update(chunk)
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    if digest.hexdigest() != sha:
        tmp.unlink()
        return
    tmp.replace(target)
    fsync_dir(target.parent)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def object_digest(path: Path) -> tuple[str, int]:
    """SHA-256 and size of one stored original, read in chunks."""
    import hashlib

    digest, size = hashlib.sha256(), 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def fill_originals(conn: sqlite3.Connection, folder: Path) -> None:
    """Put the originals a backup names back into `photo_data` of the copy at `conn` (a restore).

    Each is streamed through an incremental blob write and checked against its checksum.
    """
    import hashlib

    rows = conn.execute("SELECT id, sha256, byte_size, filename FROM photo ORDER BY id").fetchall()
    for photo_id, sha, size, name in rows:
        path = object_path(folder, sha)
        if not path.is_file():
            raise DamagedJournalError(f"photo {photo_id} ({name}): its original {path} is missing")
        conn.execute("INSERT INTO photo_data(photo_id, data) VALUES (?, zeroblob(?))",
                     (photo_id, path.stat().st_size))
        digest = hashlib.sha256()
        with conn.blobopen("photo_data", "data", photo_id) as blob, path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
                blob.write(chunk)
        if digest.hexdigest() != sha or path.stat().st_size != size:
            raise DamagedJournalError(
                f"photo {photo_id} ({name}): its original {path} does not match its checksum"
            )
    conn.execute("DELETE FROM meta WHERE key = ?", (STORE_KEY,))


def referenced(backup: Path) -> set[str] | None:
    """The originals one backup names; None when it cannot be read (then nothing is collected:
    a damaged backup may still name originals that a repair would want)."""
    try:
        if backup.stat().st_size == 0:
            return set()
        conn = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except (OSError, sqlite3.Error):
        return None
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (STORE_KEY,)).fetchone()
        if row is None:
            return set()
        return {sha for (sha,) in conn.execute("SELECT sha256 FROM photo")}
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()


def collect_garbage(folder: Path) -> list[Path]:
    """Delete the objects no backup in `folder` names (any journal's: the store is shared).

    When any backup cannot be read, nothing is deleted: an object it might name must survive.
    Call under `store_lock`."""
    store = objects_dir(folder)
    if not store.is_dir():
        return []
    keep: set[str] = set()
    for backup in folder.glob(f"*{SUFFIX}"):
        names = referenced(backup)
        if names is None:
            return []
        keep |= names
    removed = []
    for path in store.glob("??/*"):
        if path.name not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed
