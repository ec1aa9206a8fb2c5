"""Open a journal file, asking the user what to do when the core refuses it.

Used at startup and by File ▸ New/Open/Open recent. The core (`sprintjournal.journal`) is
imported here, on first use, so the main window can paint before SQLAlchemy loads.
"""

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from sprintjournal.errors import JournalError
from sprintjournal.paths import SUFFIX, data_dir

if TYPE_CHECKING:
    from sprintjournal.journal import Journal

FILTER = f"SprintJournal journals (*{SUFFIX});;All files (*)"


def ask_journal_path(parent: QWidget | None, *, new: bool) -> Path | None:
    """A file dialog for an existing journal (or a new file name when `new`)."""
    from PySide6.QtWidgets import QFileDialog

    start = str(data_dir())
    if new:
        name, _ = QFileDialog.getSaveFileName(parent, "New Journal", start, FILTER)
        if name and not name.endswith(SUFFIX):
            name += SUFFIX
    else:
        name, _ = QFileDialog.getOpenFileName(parent, "Open Journal", start, FILTER)
    return Path(name) if name else None


def open_journal(parent: QWidget | None, path: Path, *, at_startup: bool) -> "Journal | None":
    """The opened journal, or None when the user gives up (quits or cancels).

    Each refusal shows the core's message and offers another file, a new journal, or giving up;
    the refused file is never modified.
    """
    from sprintjournal.journal import Journal

    while True:
        try:
            return Journal(path)
        except JournalError as error:
            from .dialogs.errors import JournalErrorDialog, OpenChoice  # with the first refusal

            choice = JournalErrorDialog.ask(parent, path, error, at_startup=at_startup,
                                            backed_up=_has_backups(path))
        if choice is OpenChoice.GIVE_UP:
            return None
        other = ask_journal_path(parent, new=choice is OpenChoice.NEW)
        if other is not None:
            path = other


def _has_backups(path: Path) -> bool:
    """Whether the refused file has backups to restore (the dialog's advice depends on it)."""
    from sprintjournal.backup import list_backups

    return bool(list_backups(path))
