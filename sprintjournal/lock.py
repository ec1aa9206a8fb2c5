"""One writer per journal: an OS-level lock on `<journal>.lock`.

The lock is an flock/LockFileEx held by the process, so a killed process releases it and a
stale lock file on disk is simply taken over on the next start.

`EarlyLock` is the same lock for the app's first, read-only look at a journal (while the core
loads): where `fcntl.flock` works it is a plain flock on the same file, which filelock's lock
respects both ways, so the app's startup need not import filelock (about 15 ms) before it shows
the notes. Anywhere else (Windows, a file system without flock) it is a `JournalLock`.
"""

import errno
import os
from pathlib import Path

from sprintjournal.errors import JournalLockedError


def _lock_path(journal: Path) -> Path:
    return journal.with_name(journal.name + ".lock")


def _locked_error(lock_path: Path) -> JournalLockedError:
    return JournalLockedError(
        f"{lock_path.with_suffix('')} is open in another SprintJournal window or process. "
        "Close it there first (only one program may write a journal).")


class JournalLock:
    def __init__(self, journal: Path) -> None:
        from filelock import FileLock

        self.path = _lock_path(journal)
        self._lock = FileLock(self.path, timeout=0, is_singleton=False)

    def acquire(self) -> None:
        from filelock import Timeout

        try:
            self._lock.acquire()
        except Timeout as exc:
            raise _locked_error(self.path) from exc
        except PermissionError:
            return  # a read-only folder: the journal itself will be opened read-only
        self._write_owner()

    def _write_owner(self) -> None:
        try:
            with self.path.open("w", encoding="utf-8") as handle:
                handle.write(f"{os.getpid()}\n")
        except OSError:
            pass

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release()


class EarlyLock:
    """`JournalLock`'s lock without filelock where flock works; release it before the Journal
    takes its own (two locks of one process exclude each other too)."""

    def __init__(self, journal: Path) -> None:
        self.journal = journal
        self.path = _lock_path(journal)
        self._fd: int | None = None
        self._fallback: JournalLock | None = None

    def acquire(self) -> None:
        """Raises `JournalLockedError` when another process holds the journal."""
        if not self._acquire_flock():
            self._fallback = JournalLock(self.journal)
            self._fallback.acquire()

    def _acquire_flock(self) -> bool:
        """False where flock cannot say (no fcntl, no flock on this file system)."""
        try:
            import fcntl
        except ImportError:  # Windows
            return False
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except PermissionError:
            return True  # a read-only folder: no lock, as JournalLock
        except OSError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES):
                raise _locked_error(self.path) from exc
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the only descriptor releases the flock
            self._fd = None
        if self._fallback is not None:
            self._fallback.release()
            self._fallback = None
