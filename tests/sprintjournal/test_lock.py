"""JournalLock is a plain flock on POSIX: filelock's lock on the same file (an older
SprintJournal, or any tool using filelock) and ours exclude each other, across processes."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from filelock import FileLock, Timeout

from sprintjournal.errors import JournalLockedError
from sprintjournal.journal import Journal
from sprintjournal.lock import JournalLock

FILELOCK_IN_CHILD = textwrap.dedent(
    """
    import sys
    from filelock import FileLock, Timeout
    try:
        FileLock(sys.argv[1], timeout=0, is_singleton=False).acquire()
    except Timeout:
        print("LOCKED")
    else:
        print("ACQUIRED")
    """
)


def filelock_in_child(lock_file: Path) -> str:
    return subprocess.run([sys.executable, "-c", FILELOCK_IN_CHILD, str(lock_file)],
                          capture_output=True, text=True, timeout=60, check=True).stdout.strip()


def test_filelock_cannot_take_an_open_journal(journal: Journal) -> None:
    lock = JournalLock(journal.path)
    assert filelock_in_child(lock.path) == "LOCKED"
    journal.close()
    assert filelock_in_child(lock.path) == "ACQUIRED"


def test_a_filelock_holder_keeps_the_journal_closed(journal_path: Path) -> None:
    held = FileLock(JournalLock(journal_path).path, timeout=0, is_singleton=False)
    held.acquire()
    try:
        with pytest.raises(JournalLockedError, match="another SprintJournal"):
            Journal(journal_path)
    finally:
        held.release()
    with Journal(journal_path) as journal:
        assert journal.list_sprints() == []
        with pytest.raises(Timeout):
            FileLock(JournalLock(journal_path).path, timeout=0, is_singleton=False).acquire()
