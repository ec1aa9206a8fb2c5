"""One writer per journal: an OS-level lock on `<journal>.lock`.

The lock is an flock/LockFileEx held by the process, so a killed process releases it and a
stale lock file on disk is simply taken over on the next start. On POSIX it is a plain `flock`
(filelock takes the same lock there, so either sees the other); elsewhere filelock's.

One file has one lock whatever path names it: the lock file sits beside the *resolved* path (a
symlink and its target, or two bind mounts of one folder, meet on one lock file), and a second
lock keyed by the file's device and inode, in a per-user folder of the temporary directory,
catches the names that resolving cannot join (hard links, a bind-mounted file).
"""

import errno
import os
import tempfile
from pathlib import Path

from sprintjournal.errors import JournalLockedError


def real_path(journal: Path) -> Path:
    """The path every name of one journal file agrees on (symlinks resolved)."""
    return Path(journal).expanduser().resolve()


def _lock_path(journal: Path) -> Path:
    real = real_path(journal)
    return real.with_name(real.name + ".lock")


def identity_lock_path(journal: Path) -> Path | None:
    """`<tmp>/sprintjournal-locks-<uid>/<device>-<inode>.lock`, or None while no file exists."""
    try:
        st = Path(journal).stat()
    except OSError:
        return None
    uid = os.getuid() if hasattr(os, "getuid") else 0
    folder = Path(tempfile.gettempdir()) / f"sprintjournal-locks-{uid}"
    return folder / f"{st.st_dev}-{st.st_ino}.lock"


def _locked_error(lock_path: Path) -> JournalLockedError:
    return JournalLockedError(
        f"{lock_path.with_suffix('')} is open in another SprintJournal window or process. "
        "Close it there first (only one program may write a journal).")


class _BusyError(Exception):
    """Another process holds the lock."""


class _Flock:
    """An exclusive `flock` on a file: the lock filelock's `FileLock` takes on Unix (each
    respects the other), without importing filelock, which costs tens of ms at start-up."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def is_locked(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        import fcntl

        self.path.parent.mkdir(parents=True, exist_ok=True)  # as filelock does
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES):
                raise _BusyError from exc
            raise
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the only descriptor releases the flock
            self._fd = None


class _Portable:
    """filelock's lock (LockFileEx on Windows), where there is no `fcntl`."""

    def __init__(self, path: Path) -> None:
        from filelock import FileLock

        self._lock = FileLock(path, timeout=0, is_singleton=False)

    @property
    def is_locked(self) -> bool:
        return self._lock.is_locked

    def acquire(self) -> None:
        from filelock import Timeout

        try:
            self._lock.acquire()
        except Timeout as exc:
            raise _BusyError from exc

    def release(self) -> None:
        self._lock.release()


def _os_lock(path: Path) -> _Flock | _Portable:
    return _Flock(path) if os.name == "posix" else _Portable(path)


class JournalLock:
    def __init__(self, journal: Path) -> None:
        self.journal = Path(journal)
        self.path = _lock_path(journal)
        self._lock = _os_lock(self.path)
        self._identity: _Flock | _Portable | None = None

    def acquire(self) -> None:
        try:
            self._lock.acquire()
        except _BusyError as exc:
            raise _locked_error(self.path) from exc
        except PermissionError:
            return  # a read-only folder: the journal itself will be opened read-only
        try:
            self._acquire_identity()
        except BaseException:
            self._lock.release()
            raise
        self._write_owner()

    def _acquire_identity(self) -> None:
        """The device+inode lock: another name of this very file (a hard link) is held."""
        path = identity_lock_path(self.journal)
        if path is None:
            return  # not created yet: no other name can exist
        try:
            path.parent.mkdir(mode=0o700, exist_ok=True)
            lock = _os_lock(path)
            lock.acquire()
        except _BusyError as exc:
            raise _locked_error(self.path) from exc
        except OSError:
            return  # no usable temporary folder: the lock beside the file still holds
        self._identity = lock

    def acquire_identity(self) -> None:
        """Once a new journal file exists, lock its device+inode too."""
        if self._lock.is_locked and self._identity is None:
            self._acquire_identity()

    def _write_owner(self) -> None:
        try:
            with self.path.open("w", encoding="utf-8") as handle:
                handle.write(f"{os.getpid()}\n")
        except OSError:
            pass

    def release(self) -> None:
        if self._identity is not None:
            self._identity.release()
            self._identity = None
        if self._lock.is_locked:
            self._lock.release()
