"""`sprintjournal check`: find damage in a journal without changing a single byte of it.

SQLite's own checks (`integrity_check`, `foreign_key_check`) find broken pages and dangling
rows; the SHA-256 kept per note, note version and photo, and per item of every other text the
user wrote (`text_sums`), finds what SQLite cannot see: bytes that changed inside a value (bit
rot, a bad copy). A backup's photo originals are checked in the object store beside it.
Problems are reported, never repaired: the user decides, usually by restoring a backup.

The file is opened with `immutable=1`, which makes SQLite read it without locks and without
creating `-wal`/`-shm` files. If a `-wal` file exists (the app is running, or crashed), the main
file and its WAL are copied to a temporary folder and the copy is checked instead, so that
recent commits are checked too and the original still stays untouched.
"""

import hashlib
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sprintjournal import backup_mark, backup_store, db, text_sums

MAX_MESSAGES = 100


@dataclass
class CheckReport:
    """What `check_journal` found; `ok` only when nothing at all is wrong."""

    path: Path
    problems: list[str] = field(default_factory=list)
    notes_checked: int = 0
    versions_checked: int = 0
    photos_checked: int = 0
    texts_checked: int = 0
    schema_version: int | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if self.ok:
            return (
                f"{self.path}: ok ({self.notes_checked} notes, {self.versions_checked} note "
                f"versions, {self.photos_checked} photos and {self.texts_checked} other "
                "items of text verified)"
            )
        count = len(self.problems)
        lines = [f"{self.path}: {count} problem{'s' if count != 1 else ''} found"]
        return "\n  ".join(lines + self.problems)


def check_journal(path: str | Path) -> CheckReport:
    """Run every check on the journal at `path` and report; the file is left as it was."""
    report = CheckReport(Path(path))
    if not _header_ok(report):
        return report
    with _readable_copy(report.path) as conn:
        try:
            _run_checks(conn, report)
        except sqlite3.DatabaseError as exc:
            report.problems.append(f"the file cannot be read as a database: {exc}")
    return report


def _header_ok(report: CheckReport) -> bool:
    path = report.path
    if not path.is_file():
        report.problems.append(f"there is no file at {path}")
        return False
    if path.stat().st_size == 0:
        report.problems.append("the file is empty (0 bytes)")
        return False
    with path.open("rb") as handle:
        if handle.read(len(db.SQLITE_MAGIC)) != db.SQLITE_MAGIC:
            report.problems.append("the file does not start with an SQLite header")
            return False
    return True


@contextmanager
def _readable_copy(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection that cannot change `path` or create files beside it."""
    wal = path.with_name(path.name + "-wal")
    if not wal.exists() or wal.stat().st_size == 0:
        conn = _connect_immutable(path)
        try:
            yield conn
        finally:
            conn.close()
        return
    with tempfile.TemporaryDirectory(prefix="sprintjournal-check-") as tmp:
        copy = Path(tmp) / path.name
        shutil.copyfile(path, copy)
        shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        conn = sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True)
        try:
            yield conn
        finally:
            conn.close()


def _connect_immutable(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def _run_checks(conn: sqlite3.Connection, report: CheckReport) -> None:
    conn.text_factory = bytes
    if not _identity_ok(conn, report):
        return
    for stage in _STAGES:
        try:
            stage(conn, report)
        except sqlite3.DatabaseError as exc:
            # Each stage on its own: damage in one place must not hide what the others find.
            what = stage.__name__.strip("_").replace("_", " ")
            report.problems.append(f"{what}: could not be completed ({exc})")


def _identity_ok(conn: sqlite3.Connection, report: CheckReport) -> bool:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    report.schema_version = version
    if app_id != db.APPLICATION_ID:
        report.problems.append("this is an SQLite database of another program, not a journal")
        return False
    if version > db.latest_version():
        report.problems.append(
            f"the journal is version {version}; this SprintJournal checks up to "
            f"{db.latest_version()}"
        )
        return False
    return True


def _integrity(conn: sqlite3.Connection, report: CheckReport) -> None:
    rows = conn.execute(f"PRAGMA integrity_check({MAX_MESSAGES})").fetchall()
    messages = [_text(r[0]) for r in rows]
    if messages != ["ok"]:
        report.problems.extend(f"integrity_check: {m}" for m in messages)


def _foreign_keys(conn: sqlite3.Connection, report: CheckReport) -> None:
    rows = conn.execute("PRAGMA foreign_key_check").fetchmany(MAX_MESSAGES)
    for table, rowid, parent, _fk in rows:
        report.problems.append(
            f"foreign_key_check: {_text(table)} row {rowid} points to a missing {_text(parent)}"
        )


def _note_checksums(conn: sqlite3.Connection, report: CheckReport) -> None:
    query = "SELECT id, CAST(text AS BLOB), sha256 FROM note ORDER BY id"
    for note_id, data, expected in conn.execute(query):
        report.notes_checked += 1
        if _sha(data) != _text(expected):
            report.problems.append(f"note {note_id}: its text does not match its checksum")


def _version_checksums(conn: sqlite3.Connection, report: CheckReport) -> None:
    query = "SELECT id, note_id, CAST(text AS BLOB), sha256 FROM note_version ORDER BY id"
    for version_id, note_id, data, expected in conn.execute(query):
        report.versions_checked += 1
        if _sha(data) != _text(expected):
            report.problems.append(
                f"note {note_id}, version {version_id}: its text does not match its checksum"
            )


def _photo_checksums(conn: sqlite3.Connection, report: CheckReport) -> None:
    """Photo row and original bytes must come together: a half-imported photo is damage."""
    if backup_mark.uses_store(conn):
        _stored_photo_checksums(conn, report)
        return
    query = (
        "SELECT p.id, p.filename, p.sha256, p.byte_size, d.data, d.photo_id IS NOT NULL "
        "FROM photo p LEFT JOIN photo_data d ON d.photo_id = p.id ORDER BY p.id"
    )
    for photo_id, name, expected, size, data, has_data in conn.execute(query):
        report.photos_checked += 1
        label = f"photo {photo_id} ({_text(name)})"
        if not has_data:
            report.problems.append(f"{label}: its original bytes are missing")
        elif len(data) != size or _sha(data) != _text(expected):
            report.problems.append(f"{label}: its original bytes do not match their checksum")
    orphans = conn.execute(
        "SELECT photo_id FROM photo_data WHERE photo_id NOT IN (SELECT id FROM photo)"
    ).fetchmany(MAX_MESSAGES)
    for (photo_id,) in orphans:
        report.problems.append(f"photo data {photo_id}: stored bytes without a photo")


def _stored_photo_checksums(conn: sqlite3.Connection, report: CheckReport) -> None:
    """A backup's originals sit in the object store beside it: each must be there, whole."""
    folder = report.path.parent
    query = "SELECT id, filename, sha256, byte_size FROM photo ORDER BY id"
    for photo_id, name, expected, size in conn.execute(query):
        report.photos_checked += 1
        label = f"photo {photo_id} ({_text(name)})"
        path = backup_store.object_path(folder, _text(expected))
        if not path.is_file():
            report.problems.append(f"{label}: its original is missing from {path.parent}")
            continue
        digest, length = backup_store.object_digest(path)
        if length != size or digest != _text(expected):
            report.problems.append(f"{label}: its stored original does not match its checksum")


def _text_checksums(conn: sqlite3.Connection, report: CheckReport) -> None:
    """Every other piece of user text (journals from version 4 on carry its checksums)."""
    if not text_sums.present(conn):
        return
    checked, problems = text_sums.problems(conn, MAX_MESSAGES)
    report.texts_checked += checked
    report.problems.extend(problems)


_STAGES = (
    _integrity,
    _foreign_keys,
    _note_checksums,
    _version_checksums,
    _photo_checksums,
    _text_checksums,
)


def _sha(data: bytes | None) -> str:
    return hashlib.sha256(data or b"").hexdigest()


def _text(value: bytes | str | None) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return "" if value is None else str(value)
