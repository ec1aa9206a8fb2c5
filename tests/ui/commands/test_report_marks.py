"""Marking for the report, as the module's two pieces do it: the rows' action (mark all, or
unmark when all are marked; undo puts each row back as it was) and a note's marks (the
paragraph under the cursor, shading that follows marks changed elsewhere at once)."""

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QToolBar, QWidget
from pytestqt.qtbot import QtBot
from shell_data import Gothenburg, thursday_notes
from sprintjournal_ui.commands.report_marks import MARK_KEY, add_row_mark_action
from sprintjournal_ui.panels.notes import NotesPanel
from sprintjournal_ui.store import JournalStore

from sprintjournal.journal import Journal
from sprintjournal.publish import marks_for
from sprintjournal.records import BranchRec

THURSDAY = date(2011, 11, 3)
TEXT = "# Thursday\n\n@Armin explained STM."


class RowsHost(QWidget):
    """What the action needs of a panel: the store, the undo stack, the selected records and
    a way to add an action."""

    def __init__(self, store: JournalStore, undo_stack: QUndoStack, sprint_id: int) -> None:
        super().__init__()
        self.store, self.undo_stack, self.sprint_id = store, undo_stack, sprint_id
        self.chosen: list[str] = []
        self.toolbar = QToolBar(self)

    def selected_records(self) -> list[BranchRec]:
        return [b for b in self.store.list_branches(self.sprint_id) if b.name in self.chosen]

    def add_action(self, text: str, slot: Callable[[], object], icon: str,
                   shortcut: QKeySequence, tip: str = "", *, toolbar: bool = True) -> QAction:
        action = QAction(text, self)
        action.setShortcut(shortcut)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        if toolbar:
            self.toolbar.addAction(action)
        self.addAction(action)
        return action


def published(store: JournalStore, sprint_id: int) -> dict[str, bool]:
    return {b.name: b.notes_publish for b in store.list_branches(sprint_id)}


def host_with_action(qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
                     sprint_id: int) -> tuple[RowsHost, QAction]:
    host = RowsHost(store, undo_stack, sprint_id)
    qtbot.addWidget(host)
    return host, add_row_mark_action(host, "notes_publish", "update_branch", "branch notes")


def test_the_action_is_ctrl_shift_r_and_stays_off_the_toolbar(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, panel_sprint: int) -> None:
    host, action = host_with_action(qtbot, store, undo_stack, panel_sprint)
    assert action.shortcut() == QKeySequence(MARK_KEY)
    assert action.shortcut().toString() == "Ctrl+Shift+R"
    assert "only marked ones are published" in action.toolTip()
    assert action in host.actions() and action not in host.toolbar.actions()


def test_a_mixed_selection_is_all_marked_and_undo_restores_each_row(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, panel_sprint: int) -> None:
    host, action = host_with_action(qtbot, store, undo_stack, panel_sprint)
    stm = next(b.id for b in store.list_branches(panel_sprint) if b.name == "stm")
    store.update_branch(stm, notes_publish=True)
    host.chosen = ["stm", "win64"]
    action.trigger()
    assert undo_stack.undoText() == "Mark for the report: branch notes"
    assert published(store, panel_sprint) == {"SpecialisedTuple": False, "ffistruct": False,
                                              "stm": True, "win64": True}
    undo_stack.undo()
    assert published(store, panel_sprint)["stm"] is True  # as it was, not unmarked
    assert published(store, panel_sprint)["win64"] is False


def test_when_all_are_marked_the_action_unmarks_them(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, panel_sprint: int) -> None:
    host, action = host_with_action(qtbot, store, undo_stack, panel_sprint)
    host.chosen = ["ffistruct", "stm"]
    action.trigger()
    action.trigger()
    assert undo_stack.undoText() == "Keep out of the report: branch notes"
    assert not any(published(store, panel_sprint).values())
    undo_stack.undo()
    assert published(store, panel_sprint)["ffistruct"] and published(store, panel_sprint)["stm"]


def test_nothing_selected_is_no_step(qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
                                     panel_sprint: int) -> None:
    _host, action = host_with_action(qtbot, store, undo_stack, panel_sprint)
    action.trigger()
    assert undo_stack.count() == 0


def test_a_read_only_journal_is_not_marked(qtbot: QtBot, journal: Journal, journal_path: Path,
                                           panel_sprint: int) -> None:
    journal.close()
    store = JournalStore(Journal(journal_path, readonly=True))
    try:
        stack = QUndoStack()
        host, action = host_with_action(qtbot, store, stack, panel_sprint)
        host.chosen = ["stm"]
        action.trigger()
        assert stack.count() == 0
        assert not published(store, panel_sprint)["stm"]
    finally:
        store.close()


# -- a note's marks ---------------------------------------------------------------------------


def put_cursor(panel: NotesPanel, position: int) -> None:
    cursor = panel.editor.textCursor()
    cursor.setPosition(position)
    panel.editor.setTextCursor(cursor)


def test_the_blank_line_between_paragraphs_marks_nothing(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, gothenburg: Gothenburg
) -> None:
    panel = thursday_notes(qtbot, store, undo_stack, gothenburg)
    put_cursor(panel, len("# Thursday\n"))  # the empty line
    panel.report_marks.toggle_here()
    assert undo_stack.count() == 0
    assert store.get_note(gothenburg.note_id).publish == ()


def test_marks_changed_elsewhere_are_shaded_at_once(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, gothenburg: Gothenburg
) -> None:
    panel = thursday_notes(qtbot, store, undo_stack, gothenburg)
    assert panel.editor.extraSelections() == []
    store.set_note_publish(gothenburg.note_id, marks_for(TEXT, [0, 1]))  # e.g. Note History
    assert panel.report_marks.marked_paragraphs() == [0, 1]
    shaded = [s.cursor.selectedText() for s in panel.editor.extraSelections()]
    assert shaded == ["# Thursday", "@Armin explained STM."]
    store.set_note_publish(gothenburg.note_id, [])
    assert panel.editor.extraSelections() == []


def test_a_marked_paragraph_is_unmarked_by_the_same_key(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, gothenburg: Gothenburg
) -> None:
    panel = thursday_notes(qtbot, store, undo_stack, gothenburg)
    panel.editor.setFocus()
    put_cursor(panel, 3)  # in the heading
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(panel.editor, Qt.Key.Key_R, modifiers)
    assert undo_stack.undoText() == "Mark paragraph for the report"
    qtbot.keyClick(panel.editor, Qt.Key.Key_R, modifiers)
    assert undo_stack.undoText() == "Keep paragraph out of the report"
    assert panel.report_marks.marked_paragraphs() == []
    undo_stack.undo()
    assert panel.report_marks.marked_paragraphs() == [0]
    assert len(panel.editor.extraSelections()) == 1


def test_another_note_without_marks_is_shown_unshaded(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, gothenburg: Gothenburg
) -> None:
    panel = thursday_notes(qtbot, store, undo_stack, gothenburg)
    store.set_note_publish(gothenburg.note_id, marks_for(TEXT, [1]))
    assert len(panel.editor.extraSelections()) == 1
    panel.set_day(date(2011, 11, 4))  # Friday: no note with marks
    assert panel.editor.extraSelections() == []
    panel.set_day(THURSDAY)
    assert len(panel.editor.extraSelections()) == 1
