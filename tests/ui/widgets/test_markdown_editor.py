"""Issue 13, items 13, 16: completion that prefers prefixes, undo by words or pauses, and a
Note History version before a large deletion."""

from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor, QUndoStack
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shell_data import Gothenburg, show_active
from sprintjournal_ui.panels.notes import NotesPanel
from sprintjournal_ui.store import JournalStore
from sprintjournal_ui.widgets.markdown_editor import UNDO_PAUSE_S, MarkdownEditor

from sprintjournal.journal import Journal

THURSDAY = date(2011, 11, 3)


def editor(qtbot: QtBot) -> MarkdownEditor:
    widget = MarkdownEditor()
    qtbot.addWidget(widget)
    widget.resize(500, 300)
    show_active(qtbot, widget)
    return widget


def test_the_completer_is_made_with_the_first_mention(qtbot: QtBot) -> None:
    """Typing without a sigil (or focus leaving) needs no completer; the first `@` makes it."""
    from PySide6.QtWidgets import QCompleter

    edit = editor(qtbot)
    edit.set_candidates(["Armin Rigo", "Mark Pearse"], [])
    qtbot.keyClicks(edit, "Plain words. ")
    edit.clearFocus()
    assert edit.findChild(QCompleter) is None
    edit.setFocus()
    qtbot.keyClicks(edit, "@Ma")
    assert edit.findChild(QCompleter) is edit.completer
    popup = edit.completer.popup()
    assert popup is not None and popup.isVisible()
    assert edit.completer.currentCompletion() == "Mark Pearse"


def test_branch_completion_offers_prefixes_first(qtbot: QtBot) -> None:
    """Item 13: "#st" offers stm before ffistruct."""
    edit = editor(qtbot)
    edit.set_candidates(["Armin Rigo"], ["ffistruct", "jit-targets", "stm", "list-strategies"])
    qtbot.keyClicks(edit, "Today on #st")
    popup = edit.completer.popup()
    assert popup is not None and popup.isVisible()
    model = edit.completer.completionModel()
    offered = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert offered == ["stm", "list-strategies", "ffistruct"]
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert edit.toPlainText() == "Today on #stm"


def test_one_ctrl_z_takes_back_a_word_not_the_whole_text(qtbot: QtBot) -> None:
    """Item 16: undo steps at word granularity, and after a pause."""
    edit = editor(qtbot)
    qtbot.keyClicks(edit, "Armin explained STM")
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert edit.toPlainText() == "Armin explained "
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert edit.toPlainText() == "Armin "
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert edit.toPlainText() == ""
    edit.redo()
    assert edit.toPlainText() == "Armin "
    edit.clear()
    qtbot.keyClicks(edit, "abc")
    qtbot.wait(int(UNDO_PAUSE_S * 1000) + 200)
    qtbot.keyClicks(edit, "def")
    edit.undo()
    assert edit.toPlainText() == "abc", "a pause starts a new step"


def test_select_all_and_delete_keeps_a_version_in_note_history(
        qtbot: QtBot, store: JournalStore, journal: Journal, gothenburg: Gothenburg) -> None:
    """Item 16: Note History keeps the text from before a large deletion, even when a version
    was kept a minute ago."""
    long_text = "# Thursday\n\n" + "Armin explained STM and the transaction module. " * 3
    journal.set_note_text(gothenburg.note_id, long_text)
    journal.set_note_text(gothenburg.note_id, long_text + "More.")  # a version, just now
    versions_before = len(journal.note_versions(gothenburg.note_id))
    panel = NotesPanel(store, QUndoStack(), autosave_ms=60_000)
    qtbot.addWidget(panel)
    panel.resize(1000, 600)
    show_active(qtbot, panel)
    panel.set_sprint(gothenburg.sprint_id)
    panel.set_day(THURSDAY)
    assert panel.editor.toPlainText() == long_text + "More."
    panel.editor.setFocus()
    qtbot.keySequence(panel.editor, QKeySequence(QKeySequence.StandardKey.SelectAll))
    qtbot.keyClick(panel.editor, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: journal.get_note(gothenburg.note_id).text == "")
    versions = journal.note_versions(gothenburg.note_id)
    assert len(versions) == versions_before + 1
    assert any(v.text == long_text + "More." for v in versions)
    panel.editor.moveCursor(QTextCursor.MoveOperation.End)


def test_the_preview_shows_task_lists_as_check_boxes(
        qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg) -> None:
    """Item 19: what the organiser sees in the note's preview."""
    store.set_note_text(gothenburg.note_id, "# Thursday\n\n- [ ] book the room\n"
                                            "- [x] release 1.7\n")
    panel = NotesPanel(store, QUndoStack(), autosave_ms=60_000)
    qtbot.addWidget(panel)
    panel.resize(1000, 600)
    show_active(qtbot, panel)
    panel.set_sprint(gothenburg.sprint_id)
    panel.set_day(THURSDAY)
    qtbot.waitUntil(lambda: "book the room" in panel.preview.toPlainText())
    shown = panel.preview.toPlainText()
    assert "☐ book the room" in shown and "☑ release 1.7" in shown and "[ ]" not in shown


def ctrl_key(widget: MarkdownEditor, key: Qt.Key, char: str) -> None:
    """Ctrl+<key> as X11 and Windows deliver it: its text is the control character (QTest's
    own key click gives the plain letter)."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.ControlModifier,
                                                 char))


def test_a_control_key_never_opens_the_completion(qtbot: QtBot) -> None:
    """Ctrl+Z, Ctrl+B… carry a control character as their text: the popup closed with Escape
    stays closed (it took the keys typed next, a Ctrl+F among them), and one left open closes."""
    edit = editor(qtbot)
    edit.set_candidates(["Mark Pearse", "Maciej Fijalkowski"], [])
    qtbot.keyClicks(edit, "Pairing: @Ma")
    popup = edit.completer.popup()
    assert popup is not None and popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    ctrl_key(edit, Qt.Key.Key_B, "\x02")
    assert not popup.isVisible()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)  # the prefix changed: offered again
    assert popup.isVisible() and edit.completer.completionPrefix() == "M"
    ctrl_key(popup, Qt.Key.Key_B, "\x02")  # the open popup takes it and hands it on
    assert not popup.isVisible()
    assert edit.toPlainText() == "Pairing: @M"
