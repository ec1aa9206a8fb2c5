"""Automatic backups of a journal, made with SQLite's backup API into `backups/` beside it.

A backup is taken on close when the session changed something, every 30 minutes while changes
keep coming (the app calls `maybe_backup`), before a migration (`db.migrate`) and before an
import (`backup_before`). Each is written to a temporary name, integrity-checked, then renamed,
so a half-written backup never looks like a valid one. Photo originals go to an object store
shared by the backups (`backup_store`), so a backup costs what changed.

Old backups are thinned to 12 daily, 10 weekly and 9 monthly ones, plus everything from the last
day and the 10 newest. The clock is not trusted blindly: a backup dated in the future is never
counted as newest, never fills a slot and is never thinned (the clock that dated it, or today's,
is wrong); and the backups taken before a risky operation (`before-import`, `before-restore`,
`before-vN` of a migration) are never thinned at all: they are what undoes that operation.
"""

import glob
import re
import sqlite3
import weakref
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol

from sprintjournal import backup_store, db, restoring
from sprintjournal.errors import DiskFullError, JournalError
from sprintjournal.files import fsync_dir
from sprintjournal.lock import JournalLock, real_path
from sprintjournal.paths import SUFFIX, backup_dir
from sprintjournal.restoring import verify_backup

__all__ = ["verify_backup"]  # part of this module's interface (re-exported)

INTERVAL = timedelta(minutes=30)
KEEP_ALL_FOR = timedelta(days=1)
KEEP_NEWEST = 10
CLOCK_SLACK = timedelta(minutes=5)
"""A backup dated further ahead than this is from the future: the clock was (or is) wrong."""
PROTECTED_PREFIX = "before-"
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 12, 10, 9
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"-(\d{8}-\d{6})(?:-(\d+))?(?:-(.*))?$")
_MIGRATION_NAME = re.compile(r"-(before-v\d+)-(\d{8}-\d{6})$")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file, as listed for the user (newest first)."""

    path: Path
    created: datetime
    size: int
    reason: str
    from_future: bool = False
    """Dated after now: listed last, never preselected, never thinned."""

    @property
    def protected(self) -> bool:
        """Taken before a risky operation: thinning never deletes it."""
        return self.reason.startswith(PROTECTED_PREFIX)


class OpenJournal(Protocol):
    """What a backup needs of an open journal; `journal_file.OpenJournal` is one.

    The journal backs itself up as it closes, so it imports this module; this protocol keeps
    the arrow one way (journal_file -> backup).
    """

    path: Path
    generation: int
    readonly: bool

    def file_problem(self) -> str | None: ...

    def raw(self) -> AbstractContextManager[sqlite3.Connection]: ...


@dataclass
class _State:
    generation: int
    last: datetime | None


_states: "weakref.WeakKeyDictionary[OpenJournal, _State]" = weakref.WeakKeyDictionary()


def _state(journal: OpenJournal) -> _State:
    """Per open journal: the write generation and time of the last backup in this session."""
    state = _states.get(journal)
    if state is None:
        newest = list_backups(journal.path)
        state = _State(generation=0, last=newest[0].created if newest else None)
        _states[journal] = state
    return state


def backup_now(
    journal: OpenJournal, reason: str = "manual", *, when: datetime | None = None
) -> Path:
    """Back up an open journal now, whatever changed; thin the folder afterwards."""
    when = when or datetime.now()
    real = real_path(journal.path)
    folder = backup_dir(real)
    generation = journal.generation
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with backup_store.store_lock(folder):
            _remove_partials(folder)
            if journal.file_problem() is not None:
                target = _backup_lost(journal, folder, real.stem, when)
            else:
                target = _unique_name(folder, real.stem, when, reason)
                backup_store.write_backup(real, target)
    except (sqlite3.Error, OSError) as exc:
        raise _backup_error(folder, exc) from exc
    fsync_dir(folder)
    state = _state(journal)
    state.generation, state.last = generation, when
    thin(real, now=when)
    return target


def _backup_lost(journal: OpenJournal, folder: Path, stem: str, when: datetime) -> Path:
    """The file was deleted or replaced while open: the path would back up the wrong file, so
    the open connection's view (the user's work) is copied whole instead."""
    target = _unique_name(folder, stem, when, "lost-file")
    with journal.raw() as conn:
        db.backup_to(conn, target)
    return target


def _backup_error(folder: Path, exc: sqlite3.Error | OSError) -> JournalError:
    """SQLite's message as one a user can act on; earlier backups are untouched either way."""
    if "full" in str(exc).lower() or "no space" in str(exc).lower():
        return DiskFullError(
            f"The disk holding {folder} is full; no backup was made (earlier backups are "
            "untouched). Free some space and it will be made again."
        )
    return JournalError(f"A backup in {folder} could not be made ({exc}).")


def backup_before(journal: OpenJournal, reason: str) -> Path:
    """A safety backup before a risky operation (an import, a restore); never skipped."""
    return backup_now(journal, f"before-{_slug(reason)}")


def maybe_backup(journal: OpenJournal, *, now: datetime | None = None) -> Path | None:
    """The app's periodic call: back up when something changed and 30 minutes have passed."""
    now = now or datetime.now()
    state = _state(journal)
    if journal.readonly or journal.generation == state.generation:
        return None
    if state.last is not None and timedelta(0) <= now - state.last < INTERVAL:
        return None
    return backup_now(journal, "auto", when=now)


def backup_on_close(journal: OpenJournal) -> Path | None:
    """Called as a journal closes: a backup only when this session changed something."""
    if journal.readonly or journal.generation == _state(journal).generation:
        return None
    return backup_now(journal, "on-close")


def list_backups(journal_path: Path, *, now: datetime | None = None) -> list[BackupInfo]:
    """The journal's backups, newest first, those dated in the future last (whatever name the
    journal is opened by: its real file decides); `.partial` files are never listed."""
    real = real_path(Path(journal_path))
    folder = backup_dir(real)
    if not folder.is_dir():
        return []
    future = (now or datetime.now()) + CLOCK_SLACK
    found = [
        _info(path, real.stem, future)
        for path in folder.glob(f"{glob.escape(real.stem)}-*{SUFFIX}")
        if path.is_file()
    ]
    infos = sorted((i for i in found if i is not None), key=_age_key, reverse=True)
    return [i for i in infos if not i.from_future] + [i for i in infos if i.from_future]


def _age_key(info: BackupInfo) -> tuple[datetime, int]:
    """Names carry whole seconds; the file time orders backups made within one second."""
    return info.created, info.path.stat().st_mtime_ns


def _info(path: Path, stem: str, future: datetime) -> BackupInfo | None:
    rest = path.name[len(stem) : -len(SUFFIX)]
    created, reason = _parse_name(rest)
    if created is None:
        return None
    return BackupInfo(path, created, path.stat().st_size, reason, created > future)


def _parse_name(rest: str) -> tuple[datetime | None, str]:
    """`-<stamp>[-n][-reason]` (ours) or `-before-vN-<stamp>` (made by `db.migrate`)."""
    migration = _MIGRATION_NAME.fullmatch(rest)
    if migration:
        return datetime.strptime(migration.group(2), _STAMP), migration.group(1)
    match = _NAME.fullmatch(rest)
    if not match:
        return None, ""
    return datetime.strptime(match.group(1), _STAMP), match.group(3) or "manual"


def thin(journal_path: Path, *, now: datetime | None = None) -> list[Path]:
    """Delete backups outside the keep policy, then the photo originals no backup names
    any more; return the deleted backups."""
    now = now or datetime.now()
    listed = list_backups(journal_path, now=now)
    keep = {b.path for b in listed if b.from_future or b.protected}
    backups = [b for b in listed if not b.from_future]
    keep |= {b.path for b in backups[:KEEP_NEWEST]}
    keep |= {b.path for b in backups if now - b.created < KEEP_ALL_FOR}
    keep |= _newest_per_bucket(backups, lambda d: d.date(), KEEP_DAILY)
    keep |= _newest_per_bucket(backups, lambda d: d.isocalendar()[:2], KEEP_WEEKLY)
    keep |= _newest_per_bucket(backups, lambda d: (d.year, d.month), KEEP_MONTHLY)
    removed = [b.path for b in backups if b.path not in keep]
    folder = backup_dir(real_path(Path(journal_path)))
    if not folder.is_dir():
        return removed
    with backup_store.store_lock(folder):
        for path in removed:
            path.unlink(missing_ok=True)
        backup_store.collect_garbage(folder)
    return removed


def _newest_per_bucket(
    backups: Iterable[BackupInfo], bucket: Callable[[datetime], object], count: int
) -> set[Path]:
    """Walking newest to oldest, the first backup of each new bucket, for `count` buckets."""
    kept: dict[object, Path] = {}
    for info in backups:
        key = bucket(info.created)
        if key not in kept:
            if len(kept) == count:
                break
            kept[key] = info.path
    return set(kept.values())


def restore(journal_path: Path, backup_path: Path) -> Path:
    """Put a backup in place of the journal (which must be closed); return the safety copy.

    The backup is checked before anything is touched, the restored copy is checked again, and
    the current file is backed up (or, if it is damaged, moved aside: never deleted) just before
    the copy replaces it. Through a symlink, the file it points to is restored (see
    `restoring`).
    """
    journal_path, backup_path = real_path(Path(journal_path)), Path(backup_path)
    verify_backup(backup_path)
    lock = JournalLock(journal_path)
    lock.acquire()
    tmp = journal_path.with_name(journal_path.name + ".restoring")
    try:
        restoring.build(backup_path, tmp)
        safety = _secure_current(journal_path)
        restoring.install(tmp, journal_path)
    finally:
        tmp.unlink(missing_ok=True)
        lock.release()
    return safety


def _secure_current(journal_path: Path) -> Path:
    """A backup of the current journal, or the damaged file itself moved aside."""
    if not journal_path.exists():
        return journal_path
    try:
        db.inspect_file(journal_path)
        return _backup_closed(journal_path)
    except (JournalError, sqlite3.DatabaseError):
        return move_aside(journal_path)


def _backup_closed(journal_path: Path) -> Path:
    """Back up a closed journal and fold its WAL in, so no stale WAL meets the restored file."""
    folder = backup_dir(journal_path)
    folder.mkdir(parents=True, exist_ok=True)
    conn = db.connect_raw(journal_path)  # open while copying: a crash's WAL is read with it
    try:
        with backup_store.store_lock(folder):
            target = _unique_name(folder, journal_path.stem, datetime.now(), "before-restore")
            backup_store.write_backup(journal_path, target)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    for side in _side_files(journal_path):
        side.unlink(missing_ok=True)
    return target


def move_aside(journal_path: Path) -> Path:
    """Rename a damaged journal (and its -wal/-shm) out of the way, keeping every byte."""
    stamp = datetime.now().strftime(_STAMP)
    aside = journal_path.with_name(f"{journal_path.name}.damaged-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = journal_path.with_name(f"{journal_path.name}.damaged-{stamp}-{n}")
    for side in _side_files(journal_path):
        side.replace(aside.with_name(aside.name + side.name[len(journal_path.name) :]))
    journal_path.replace(aside)
    return aside


def _side_files(journal_path: Path) -> list[Path]:
    names = (journal_path.name + "-wal", journal_path.name + "-shm", journal_path.name + "-journal")
    return [journal_path.with_name(n) for n in names if journal_path.with_name(n).exists()]


def _unique_name(folder: Path, stem: str, when: datetime, reason: str) -> Path:
    base = f"{stem}-{when.strftime(_STAMP)}"
    target = folder / f"{base}-{reason}{SUFFIX}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{base}-{n}-{reason}{SUFFIX}"
    return target


def _remove_partials(folder: Path) -> None:
    """Leftovers of a backup interrupted by a crash: never valid, never listed, so removed."""
    for path in folder.glob("*.partial*"):
        path.unlink(missing_ok=True)


def _slug(reason: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-") or "operation"
