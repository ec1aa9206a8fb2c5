"""The shortcuts dialog lists the keys each panel really has."""

from factories import OFFSCREEN_NOISE
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot
from sprintjournal_ui.dialogs.shortcuts import shortcut_rows
from sprintjournal_ui.panels.standup import StandupPanel
from sprintjournal_ui.store import JournalStore

pytestmark = OFFSCREEN_NOISE


def test_the_shortcuts_dialog_lists_each_panels_keys(
    qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
) -> None:
    panel = StandupPanel(store, undo_stack)
    qtbot.addWidget(panel)
    rows = dict(shortcut_rows([], {"Stand-up": panel.actions()}))
    assert rows["Stand-up: Move Up"] == "Alt+Up" and rows["Stand-up: Add item"] == "Ins"
