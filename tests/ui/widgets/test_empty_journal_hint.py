"""The Notes panel's page for a journal without a sprint: what to do, and a button for each
way to start (the panel connects them; see tests/ui/panels/test_notes.py)."""

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from shell_data import show_active
from sprintjournal_ui.widgets.empty_journal_hint import EmptyJournalHint


def test_the_hint_says_how_to_start_and_its_buttons_ask_for_it(qtbot: QtBot) -> None:
    hint = EmptyJournalHint()
    qtbot.addWidget(hint)
    hint.resize(800, 500)
    show_active(qtbot, hint)
    assert "No sprint to write about yet" in hint.label.text()
    assert "Ctrl+Shift+N" in hint.label.text() and "demo journal" in hint.label.text()
    assert hint.label.wordWrap() and hint.label.width() <= 520
    assert hint.new_sprint_button.isDefault()
    with qtbot.waitSignal(hint.new_sprint_requested):
        qtbot.mouseClick(hint.new_sprint_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(hint.demo_requested):
        qtbot.mouseClick(hint.demo_button, Qt.MouseButton.LeftButton)
