"""One writer per journal: an OS-level lock on `<journal>.lock`.

The lock is an flock/LockFileEx held by the process, so a killed process releases it and a
stale lock file on disk is simply taken over on the next start.
"""

import os
from pathlib import Path

from filelock import FileLock, Timeout

from sprintjournal.errors import JournalLockedError


class JournalLock:
    def __init__(self, journal: Path) -> None:
        self.path = journal.with_name(journal.name + ".lock")
        self._lock = FileLock(self.path, timeout=0, is_singleton=False)

    def acquire(self) -> None:
        try:
            self._lock.acquire()
        except Timeout as exc:
            raise JournalLockedError(
                f"{self.path.with_suffix('')} is open in another SprintJournal window or process. "
                "Close it there first (only one program may write a journal)."
            ) from exc
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
