"""Errors the core raises, each with a message fit to show a user as it is.

The UI and the command line print `str(error)`; so every message names the file or item
concerned and says what to do, and never leaks a traceback or SQL.
"""

from sprintjournal.record_class import record


@record
class Problem:
    """One thing wrong in an input file, with where it is (a JSON path or `line N`)."""

    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class JournalError(Exception):
    """Base of every error the core reports to the user."""


class NotAJournalError(JournalError):
    """The file exists but is not a SprintJournal journal (another program's, or not SQLite)."""


class NewerJournalError(JournalError):
    """The journal was written by a newer SprintJournal; it is refused and left untouched."""


class DamagedJournalError(JournalError):
    """SQLite reports the file as malformed; it is never repaired in place."""


class MigrationFailedError(JournalError):
    """An upgrade step failed; it was rolled back and the file kept its old version."""


class JournalLockedError(JournalError):
    """Another SprintJournal process is writing this journal."""


class JournalFileLostError(JournalError):
    """The journal's file was deleted, moved or replaced while open: nothing more is written."""


class JournalBusyError(JournalError):
    """Another program holds a write lock on the file longer than the busy timeout."""


class DiskFullError(JournalError):
    """The disk (or the journal's size limit) is full; the change was rolled back."""


class ReadOnlyJournalError(JournalError):
    """The journal was opened read-only (file or folder not writable)."""


class NotFoundError(JournalError):
    """An id or name given by the caller does not exist in the journal."""


class ValidationError(JournalError):
    """A value given by the user is not acceptable (blank name, unknown status...)."""


class PhotoError(JournalError):
    """A photo cannot be imported: too large, incomplete, not an image, unsupported format."""


class ImportFailedError(JournalError):
    """An import found problems; nothing was changed. `problems` lists each with its location."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        count = len(problems)
        head = f"{source}: {count} problem{'s' if count != 1 else ''}, nothing was imported"
        super().__init__(head + "".join(f"\n  {p}" for p in problems[:50]))


class UsageError(Exception):
    """A command-line verb was used with arguments that do not fit; exit code 2."""


def from_sqlite(exc: BaseException, path: object) -> JournalError:
    """SQLite's terse errors (a `sqlite3.Error`) as messages a user can act on."""
    message = str(exc).lower()
    if "full" in message:
        return DiskFullError(
            f"The disk holding {path} is full; the last change was not saved. "
            "Free some space and it will be saved again."
        )
    if "locked" in message or "busy" in message:
        return JournalBusyError(
            f"{path} is busy: another program is writing it. Try again shortly."
        )
    if "readonly" in message or "read-only" in message:
        return ReadOnlyJournalError(f"{path} is read-only; changes cannot be saved.")
    if "malformed" in message or "not a database" in message:
        return DamagedJournalError(f"{path} is damaged ({exc}); restore a backup.")
    return JournalError(f"{path}: {exc}")
