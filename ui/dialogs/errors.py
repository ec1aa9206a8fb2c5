"""Dialogs for a journal that cannot be opened, and for errors the app caught in a slot.

Opening: the core's message says what is wrong (in use, not a journal, newer version, damaged);
the dialog adds what the user can do next: open another journal, create a new one, or quit
(cancel, when another journal is already open). A damaged or foreign file is never touched.
"""

from enum import Enum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from sprintjournal.errors import (
    DamagedJournalError,
    JournalError,
    JournalLockedError,
    NewerJournalError,
    NotAJournalError,
    ReadOnlyJournalError,
)
from sprintjournal.paths import backup_dir


class OpenChoice(Enum):
    OPEN_OTHER = "open"
    NEW = "new"
    GIVE_UP = "quit"


_TITLES: list[tuple[type[JournalError], str]] = [
    (JournalLockedError, "Journal already open"),
    (NotAJournalError, "Not a SprintJournal file"),
    (NewerJournalError, "Journal from a newer SprintJournal"),
    (DamagedJournalError, "Journal damaged"),
    (ReadOnlyJournalError, "Journal is read-only"),
]


def error_title(error: JournalError) -> str:
    return next((title for kind, title in _TITLES if isinstance(error, kind)),
                "Cannot open the journal")


def _advice(error: JournalError, path: Path, backed_up: bool) -> str:
    if isinstance(error, DamagedJournalError) and not backed_up:
        # naming an empty or missing backups folder sent the user looking for nothing
        return ("The file was left as it is. No backup of it was found; open another journal "
                "or create a new one.")
    if isinstance(error, DamagedJournalError):
        return (f"The file was left as it is. Backups are kept in {backup_dir(path)}; "
                "restore one with “sprintjournal restore”, or open another journal.")
    if isinstance(error, JournalLockedError):
        return "Switch to the window that has it open, or open another journal here."
    return "The file was left untouched. Open another journal or create a new one."


class JournalErrorDialog(QMessageBox):
    """Says why `path` cannot be opened and asks what to do instead; `backed_up` says whether
    backups of it exist (the caller may look, this dialog may not reach the core's backups)."""

    def __init__(self, parent: QWidget | None, path: Path, error: JournalError,
                 at_startup: bool, backed_up: bool = True) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(error_title(error))
        self.setText(str(error))
        self.setInformativeText(_advice(error, path, backed_up))
        role = QMessageBox.ButtonRole
        self.open_button = self.addButton("Open Another Journal…", role.AcceptRole)
        self.new_button = self.addButton("New Journal…", QMessageBox.ButtonRole.ActionRole)
        quit_text = "Quit" if at_startup else "Cancel"
        self.quit_button = self.addButton(quit_text, QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.open_button)
        self.setEscapeButton(self.quit_button)

    def choice(self) -> OpenChoice:
        clicked = self.clickedButton()
        if clicked is self.open_button:
            return OpenChoice.OPEN_OTHER
        if clicked is self.new_button:
            return OpenChoice.NEW
        return OpenChoice.GIVE_UP

    @classmethod
    def ask(cls, parent: QWidget | None, path: Path, error: JournalError, *,
            at_startup: bool, backed_up: bool = True) -> OpenChoice:
        dialog = cls(parent, path, error, at_startup, backed_up)
        dialog.exec()
        return dialog.choice()


def show_message_later(
    parent: QWidget | None, title: str, text: str, details: str = ""
) -> QMessageBox:
    """A non-modal message box: the app keeps running (and the user keeps typing) behind it."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Close,
                      parent)
    if details:
        box.setDetailedText(details)
    box.setModal(False)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()
    return box
