"""EarlyLock (the app's startup lock, without filelock) and JournalLock exclude each other."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sprintjournal.errors import JournalLockedError
from sprintjournal.journal import Journal
from sprintjournal.lock import EarlyLock, JournalLock

HOLD_IN_CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from sprintjournal.errors import JournalLockedError
    from sprintjournal.lock import JournalLock
    try:
        JournalLock(Path(sys.argv[1])).acquire()
    except JournalLockedError:
        print("LOCKED")
    else:
        print("ACQUIRED")
    """
)


def child_tries(journal_path: Path) -> str:
    return subprocess.run([sys.executable, "-c", HOLD_IN_CHILD, str(journal_path)],
                          capture_output=True, text=True, timeout=60, check=True).stdout.strip()


def test_an_early_lock_keeps_other_processes_out_until_released(journal_path: Path) -> None:
    lock = EarlyLock(journal_path)
    lock.acquire()
    assert child_tries(journal_path) == "LOCKED"
    lock.release()
    assert child_tries(journal_path) == "ACQUIRED"


def test_an_open_journal_refuses_the_early_lock(journal: Journal, journal_path: Path) -> None:
    with pytest.raises(JournalLockedError, match="another SprintJournal"):
        EarlyLock(journal_path).acquire()


def test_the_journal_opens_once_the_early_lock_is_released(journal_path: Path) -> None:
    lock = EarlyLock(journal_path)
    lock.acquire()
    with pytest.raises(JournalLockedError):
        JournalLock(journal_path).acquire()
    lock.release()
    with Journal(journal_path) as journal:
        assert journal.list_sprints() == []
