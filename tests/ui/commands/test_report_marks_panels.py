"""Marking for the report with one key (Ctrl+Shift+R): a note's paragraph, a stand-up item."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QUndoStack
from pytestqt.qtbot import QtBot
from shell_data import Gothenburg, show_active, thursday_notes
from sprintjournal_ui.panels.standup import StandupPanel
from sprintjournal_ui.store import JournalStore
from sprintjournal_ui.theme import MARKED

from sprintjournal.journal import Journal
from sprintjournal.publish import published
from sprintjournal.report.compose import compose_draft

THURSDAY = date(2011, 11, 3)
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier




def test_ctrl_shift_r_marks_the_paragraph_under_the_cursor(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, gothenburg: Gothenburg,
        journal: Journal) -> None:
    panel = thursday_notes(qtbot, store, undo_stack, gothenburg)
    text = panel.editor.toPlainText()
    assert "\n\n" in text  # a heading paragraph, then the text
    assert "explained STM" not in compose_draft(journal, gothenburg.sprint_id)
    panel.editor.setFocus()
    panel.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(panel.editor, Qt.Key.Key_R, CTRL_SHIFT)

    note = journal.get_note(gothenburg.note_id)
    assert published(note.text, note.publish) == ["@Armin explained STM."]
    assert panel.report_marks.marked_paragraphs() == [1]
    assert len(panel.editor.extraSelections()) == 1  # the marked paragraph is shaded
    assert "Armin explained STM." in compose_draft(journal, gothenburg.sprint_id)

    undo_stack.undo()
    assert journal.get_note(gothenburg.note_id).publish == ()
    assert panel.editor.extraSelections() == []


def test_ctrl_shift_r_marks_the_selected_stand_up_item(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, journal: Journal) -> None:
    sid = journal.add_sprint("S", project="PyPy", start=THURSDAY, end=THURSDAY).id
    item = journal.add_standup_item(sid, THURSDAY, "done", "merged ffistruct", ["Antonio Cuni"])
    panel = StandupPanel(store, undo_stack)
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    show_active(qtbot, panel)
    panel.set_sprint(sid)
    panel.set_day(THURSDAY)
    panel.select_item(item.id)
    table = panel.tables["done"]
    qtbot.keyClick(table, Qt.Key.Key_R, CTRL_SHIFT)
    assert journal.list_standup(sid)[0].publish is True
    model = panel.models["done"]
    cell = model.index(0, model.column_of("text"))
    assert cell.data(Qt.ItemDataRole.BackgroundRole) == MARKED  # shaded as in the notes
    assert "marked for the report" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert "merged ffistruct" in compose_draft(journal, sid)
    qtbot.keyClick(table, Qt.Key.Key_R, CTRL_SHIFT)
    assert journal.list_standup(sid)[0].publish is False
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is None


def test_ctrl_shift_r_lets_a_branchs_notes_into_the_report(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, journal: Journal) -> None:
    from sprintjournal_ui.panels.branches import BranchesPanel

    sid = journal.add_sprint("S", project="PyPy").id
    branch = journal.add_branch(sid, "stm", ["Armin Rigo"], notes="GC support is next.")
    assert "GC support" not in compose_draft(journal, sid)
    panel = BranchesPanel(store, undo_stack)
    qtbot.addWidget(panel)
    panel.resize(900, 400)
    show_active(qtbot, panel)
    panel.set_sprint(sid)
    panel.select_item(branch.id)
    qtbot.keyClick(panel.table, Qt.Key.Key_R, CTRL_SHIFT)
    assert journal.list_branches(sid)[0].notes_publish is True
    assert "GC support is next." in compose_draft(journal, sid)
    cell = panel.model.index(0, panel.model.column_of("name"))
    assert cell.data(Qt.ItemDataRole.BackgroundRole) == MARKED
    undo_stack.undo()
    assert journal.list_branches(sid)[0].notes_publish is False


def test_the_shading_follows_typing_after_a_pause(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, gothenburg: Gothenburg,
        journal: Journal) -> None:
    """Editing a marked paragraph makes it private again; the shading goes once typing pauses
    (the marks are read once per note, not on every key)."""
    panel = thursday_notes(qtbot, store, undo_stack, gothenburg)
    panel.editor.setFocus()
    panel.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(panel.editor, Qt.Key.Key_R, CTRL_SHIFT)
    assert len(panel.editor.extraSelections()) == 1
    reads = []
    real_get_note = journal.get_note
    journal.get_note = lambda note_id: reads.append(note_id) or real_get_note(note_id)  # type: ignore[method-assign]
    panel.editor.moveCursor(QTextCursor.MoveOperation.End)  # marking reloaded the note
    qtbot.keyClicks(panel.editor, " Later.")
    assert reads == []  # typing reads no marks
    assert len(panel.editor.extraSelections()) == 1  # not yet: the pause has not come
    qtbot.waitUntil(lambda: panel.editor.extraSelections() == [], timeout=3000)
    qtbot.keyClick(panel.editor, Qt.Key.Key_R, CTRL_SHIFT)  # marked again as it now reads
    assert len(panel.editor.extraSelections()) == 1
    assert published(*(lambda n: (n.text, n.publish))(journal.get_note(gothenburg.note_id))) == [
        "@Armin explained STM. Later."]


def test_marking_a_paragraph_leaves_the_cursor_where_it_was(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, gothenburg: Gothenburg) -> None:
    panel = thursday_notes(qtbot, store, undo_stack, gothenburg)
    panel.editor.setFocus()
    where = len("# Thursday\n\n@Armin")
    cursor = panel.editor.textCursor()
    cursor.setPosition(where)
    panel.editor.setTextCursor(cursor)
    qtbot.keyClick(panel.editor, Qt.Key.Key_R, CTRL_SHIFT)
    assert panel.report_marks.marked_paragraphs() == [1]
    assert panel.editor.textCursor().position() == where
    undo_stack.undo()
    assert panel.report_marks.marked_paragraphs() == []
    assert panel.editor.textCursor().position() == where
