"""Help ▸ About: what SprintJournal is, its version, where this journal lives; Escape or Close
closes it."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot
from shell_data import show_active
from sprintjournal_ui.dialogs.about import AboutDialog

from sprintjournal import __version__


def labels(dialog: AboutDialog) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel)]


def test_it_names_the_version_and_the_journal(qtbot: QtBot) -> None:
    dialog = AboutDialog(journal_path="/home/laura/gothenburg-2011.sprintjournal")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "About SprintJournal"
    shown = labels(dialog)
    assert f"<h2>SprintJournal {__version__}</h2>" in shown[0]
    assert "nothing is sent anywhere" in shown[0]
    assert shown[1] == "This journal: /home/laura/gothenburg-2011.sprintjournal"


def test_without_a_journal_no_place_is_named(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert not any(text.startswith("This journal:") for text in labels(dialog))


def test_close_and_escape_close_it(qtbot: QtBot) -> None:
    dialog = AboutDialog(journal_path="j.sprintjournal")
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    show_active(qtbot, dialog)
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
