"""The checks and file moves of a restore: nothing is replaced before the result is proven good.

1. The backup must pass the same `check` a journal does (integrity, checksums of every piece of
   text, and its photo originals in the object store): a damaged backup is refused, naming what
   is wrong. A `-wal` beside the backup is read with it (`check` and the copy both see its
   commits), never dropped.
2. The journal is rebuilt from the backup under a temporary name beside the journal, originals
   filled back in, and that result is checked again.
3. Only then does it replace the journal: by a rename onto the real file (a symlink keeps
   pointing at it), or, when the file has other names (hard links) or is a mount point, by
   copying the pages into the file itself, so every name still shows the one journal.
"""

import os
import sqlite3
from pathlib import Path

from sprintjournal import backup_mark, backup_store, db
from sprintjournal.check import check_journal
from sprintjournal.errors import DamagedJournalError, JournalError
from sprintjournal.files import fsync_dir, remove_database

SHOWN_PROBLEMS = 5


def verify_backup(path: Path) -> None:
    """Refuse a backup that is not ours, too new, or fails any part of `check`."""
    db.inspect_file(path)
    _require_ok(path, "The backup")


def _require_ok(path: Path, what: str) -> None:
    report = check_journal(path)
    if report.ok:
        return
    shown = "; ".join(report.problems[:SHOWN_PROBLEMS])
    more = len(report.problems) - SHOWN_PROBLEMS
    extra = f" (and {more} more)" if more > 0 else ""
    raise DamagedJournalError(
        f"{what} {path} is damaged: {shown}{extra}. Nothing was changed; choose another backup."
    )


def _open_backup(path: Path) -> sqlite3.Connection:
    """Read-only, WAL included: without `immutable`, SQLite replays a pending `-wal`."""
    wal = path.with_name(path.name + "-wal")
    flags = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    try:
        return sqlite3.connect(f"{path.resolve().as_uri()}?{flags}", uri=True)
    except sqlite3.Error as exc:
        raise JournalError(
            f"The backup {path} has changes pending in {wal.name} that cannot be read here "
            f"({exc}); copy both files to a writable folder and restore from there."
        ) from exc


def build(backup: Path, tmp: Path) -> None:
    """The restored journal, complete and checked, at `tmp` (beside the journal)."""
    remove_database(tmp)
    source = _open_backup(backup)
    try:
        db.backup_to(source, tmp)
    except sqlite3.Error as exc:
        raise DamagedJournalError(f"The backup {backup} could not be read ({exc}).") from exc
    finally:
        source.close()
    conn = sqlite3.connect(tmp, isolation_level=None)
    try:
        if backup_mark.uses_store(conn):
            conn.execute("BEGIN IMMEDIATE")
            backup_store.fill_originals(conn, backup.parent)
            conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode=WAL")
    except BaseException:
        conn.close()
        tmp.unlink(missing_ok=True)
        raise
    conn.close()
    try:
        _require_ok(tmp, "The restored copy of")
    except JournalError:
        tmp.unlink(missing_ok=True)
        raise


def install(tmp: Path, journal: Path) -> None:
    """Put the checked copy at `tmp` in place of the journal's real file (see module doc)."""
    if _renamable(journal):
        tmp.replace(journal)
        fsync_dir(journal.parent)
        return
    source = sqlite3.connect(tmp)
    dest = db.connect_raw(journal)
    try:
        source.backup(dest)
        dest.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        dest.close()
        source.close()
    remove_database(tmp)


def _renamable(journal: Path) -> bool:
    """A plain file with one name: a rename replaces exactly it."""
    try:
        st = journal.stat()
    except FileNotFoundError:
        return True
    return st.st_nlink <= 1 and not os.path.ismount(journal)
