"""dialogs/errors: a journal that cannot be opened gets a titled dialog with the core's message,
advice and three ways on; a caught error gets a message box that does not block the app."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from shell_data import when_modal
from sprintjournal_ui.dialogs.errors import (
    JournalErrorDialog,
    OpenChoice,
    error_title,
    show_message_later,
)

from sprintjournal.errors import (
    DamagedJournalError,
    DiskFullError,
    JournalError,
    JournalLockedError,
    NewerJournalError,
    NotAJournalError,
    ReadOnlyJournalError,
)
from sprintjournal.paths import backup_dir

PATH = Path("/sprints/gothenburg-2011.sprintjournal")


@pytest.mark.parametrize(("error", "title"), [
    (JournalLockedError("in use"), "Journal already open"),
    (NotAJournalError("a JPEG"), "Not a SprintJournal file"),
    (NewerJournalError("version 9"), "Journal from a newer SprintJournal"),
    (DamagedJournalError("malformed"), "Journal damaged"),
    (ReadOnlyJournalError("read-only"), "Journal is read-only"),
    (DiskFullError("full"), "Cannot open the journal"),
])
def test_each_refusal_has_its_own_title(error: JournalError, title: str) -> None:
    assert error_title(error) == title


def dialog_for(qtbot: QtBot, error: JournalError, *, at_startup: bool) -> JournalErrorDialog:
    dialog = JournalErrorDialog(None, PATH, error, at_startup)
    qtbot.addWidget(dialog)
    return dialog


def test_the_dialog_says_what_is_wrong_and_what_to_do(qtbot: QtBot) -> None:
    damaged = dialog_for(qtbot, DamagedJournalError("The journal is damaged: malformed page."),
                         at_startup=True)
    assert damaged.windowTitle() == "Journal damaged"
    assert damaged.text() == "The journal is damaged: malformed page."
    assert str(backup_dir(PATH)) in damaged.informativeText()
    assert "sprintjournal restore" in damaged.informativeText()
    assert damaged.icon() == QMessageBox.Icon.Warning
    locked = dialog_for(qtbot, JournalLockedError("open elsewhere"), at_startup=True)
    assert "Switch to the window that has it open" in locked.informativeText()
    foreign = dialog_for(qtbot, NotAJournalError("a JPEG"), at_startup=True)
    assert "left untouched" in foreign.informativeText()


def test_quit_at_startup_and_cancel_later(qtbot: QtBot) -> None:
    error = NotAJournalError("a JPEG")
    assert dialog_for(qtbot, error, at_startup=True).quit_button.text() == "Quit"
    later = dialog_for(qtbot, error, at_startup=False)
    buttons = [b.text() for b in later.findChildren(QPushButton)]
    assert sorted(buttons) == ["Cancel", "New Journal…", "Open Another Journal…"]
    assert later.defaultButton() is later.open_button
    assert later.escapeButton() is later.quit_button


@pytest.mark.parametrize(("button", "choice"), [
    ("open_button", OpenChoice.OPEN_OTHER),
    ("new_button", OpenChoice.NEW),
    ("quit_button", OpenChoice.GIVE_UP),
])
def test_ask_returns_the_button_clicked(qtbot: QtBot, button: str, choice: OpenChoice) -> None:
    def click(dialog: QWidget) -> None:
        assert isinstance(dialog, JournalErrorDialog)
        getattr(dialog, button).click()

    seen = when_modal(click)
    assert JournalErrorDialog.ask(None, PATH, NewerJournalError("v9"), at_startup=True) is choice
    assert seen == ["Journal from a newer SprintJournal"]


def test_escape_gives_up(qtbot: QtBot) -> None:
    when_modal(lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    assert JournalErrorDialog.ask(None, PATH, NotAJournalError("x"),
                                  at_startup=False) is OpenChoice.GIVE_UP


def test_a_message_shown_later_does_not_block(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    box = show_message_later(parent, "Something went wrong", "The disk is full.",
                             "Traceback (most recent call last): …")
    qtbot.waitExposed(box)
    assert box.isVisible() and not box.isModal()
    assert box.windowModality() == Qt.WindowModality.NonModal
    assert (box.windowTitle(), box.text()) == ("Something went wrong", "The disk is full.")
    assert box.detailedText().startswith("Traceback")
    assert box.parent() is parent
    plain = show_message_later(None, "Export failed", "No space left.")
    qtbot.addWidget(plain)
    assert plain.detailedText() == ""
    assert plain.standardButtons() == QMessageBox.StandardButton.Close
    box.close()
    plain.close()
