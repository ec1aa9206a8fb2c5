"""The Branches panel: status chip editor, filters, dialog, undo — checked against the file."""

import json
import sqlite3
from datetime import date
from pathlib import Path

from factories import OFFSCREEN_NOISE
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import QApplication, QComboBox, QDockWidget, QMainWindow, QWidget
from pytestqt.qtbot import QtBot
from shell_data import show_active
from sprintjournal_ui.dialogs.branch_dialog import BranchDialog
from sprintjournal_ui.models.branches_model import STATUS_COLOURS
from sprintjournal_ui.panels.branches import EMPTY_HINT, FILTERED_HINT, BranchesPanel
from sprintjournal_ui.store import JournalStore

from sprintjournal.journal import Journal

pytestmark = OFFSCREEN_NOISE


def make_panel(qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
               sprint_id: int | None) -> BranchesPanel:
    panel = BranchesPanel(store, undo_stack)
    qtbot.addWidget(panel)
    panel.resize(1000, 500)
    show_active(qtbot, panel)
    panel.set_sprint(sprint_id)
    panel.table.setFocus()
    return panel


def branch_in_file(path: Path, name: str) -> tuple[str, list[str], list[str]]:
    """(status, results, people) of a branch, read with a separate sqlite3 connection."""
    with sqlite3.connect(path) as conn:
        bid, status, results = conn.execute(
            "SELECT id, status, results FROM branch WHERE name = ?", (name,)).fetchone()
        people = [r[0] for r in conn.execute(
            "SELECT person.name FROM branch_person JOIN person ON person.id = person_id "
            "WHERE branch_id = ? ORDER BY position", (bid,))]
    return status, json.loads(results), people


def visible_names(panel: BranchesPanel) -> list[str]:
    return [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]


def test_status_change_through_the_chip_editor_is_saved_and_undoable(
    qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
    panel_sprint: int, journal_path: Path,
) -> None:
    panel = make_panel(qtbot, store, undo_stack, panel_sprint)
    row = visible_names(panel).index("SpecialisedTuple")
    status = panel.proxy.index(row, panel.model.column_of("status"))
    assert status.data(Qt.ItemDataRole.UserRole + 1) == STATUS_COLOURS["in progress"]
    panel.table.setCurrentIndex(status)
    qtbot.keyClick(panel.table, Qt.Key.Key_F2)
    editor = panel.table.indexWidget(status)
    assert isinstance(editor, QComboBox)
    assert editor.currentText() == "in progress"
    editor.setCurrentIndex(editor.findText("merged"))
    editor.activated.emit(editor.currentIndex())

    assert branch_in_file(journal_path, "SpecialisedTuple")[0] == "merged"
    assert status.data() == "merged"
    assert isinstance(status.data(Qt.ItemDataRole.UserRole + 1), QColor)
    assert undo_stack.undoText() == "Set status of SpecialisedTuple to merged"
    undo_stack.undo()
    assert branch_in_file(journal_path, "SpecialisedTuple")[0] == "in progress"
    undo_stack.redo()
    assert branch_in_file(journal_path, "SpecialisedTuple")[0] == "merged"


def test_filter_by_status_and_person(qtbot: QtBot, store: JournalStore,
                                     undo_stack: QUndoStack, panel_sprint: int,
                                     journal: Journal) -> None:
    panel = make_panel(qtbot, store, undo_stack, panel_sprint)
    assert len(visible_names(panel)) == 4
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("in progress"))
    assert visible_names(panel) == ["SpecialisedTuple", "stm"]

    antonio = journal.find_person("Antonio Cuni")
    assert antonio is not None
    panel.person_filter.setCurrentIndex(panel.person_filter.findData(antonio.id))
    assert visible_names(panel) == ["SpecialisedTuple"]
    panel.status_filter.setCurrentIndex(0)
    assert visible_names(panel) == ["SpecialisedTuple", "ffistruct"]

    panel.status_filter.setCurrentIndex(panel.status_filter.findData("abandoned"))
    assert visible_names(panel) == []
    assert panel.pages.currentWidget() is panel.hint and panel.hint.text() == FILTERED_HINT

    stm = next(r.id for r in panel.model.records() if r.name == "stm")
    panel.select_item(stm)  # a search result hidden by the filter: the filter gives way
    assert [r.name for r in panel.selected_records()] == ["stm"]
    assert panel.status_filter.currentData() is None


def test_add_branch_through_the_dialog(qtbot: QtBot, store: JournalStore,
                                       undo_stack: QUndoStack, panel_sprint: int,
                                       journal_path: Path) -> None:
    panel = make_panel(qtbot, store, undo_stack, panel_sprint)

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, BranchDialog)
        qtbot.keyClicks(dialog.name, "jit-targets")
        dialog.status.setCurrentText("in progress")
        dialog.people.set_checked("Håkan Ardö")
        dialog.people.set_checked("Armin Rigo")
        dialog.results.setPlainText("unrolling refactored around TARGET\n\n 2× fewer guards \n")
        dialog.ok_button.click()

    QTimer.singleShot(0, fill)
    qtbot.keyClick(panel.table, Qt.Key.Key_Insert)
    status, results, people = branch_in_file(journal_path, "jit-targets")
    assert status == "in progress"
    assert results == ["unrolling refactored around TARGET", "2× fewer guards"]
    assert people == ["Armin Rigo", "Håkan Ardö"]  # in the order the list offers them
    assert [r.name for r in panel.selected_records()] == ["jit-targets"]
    undo_stack.undo()
    assert "jit-targets" not in [r.name for r in panel.model.records()]


def test_remove_and_undo_relinks_standup_items(qtbot: QtBot, store: JournalStore,
                                               undo_stack: QUndoStack, panel_sprint: int,
                                               journal: Journal, journal_path: Path) -> None:
    stm = next(b for b in journal.list_branches(panel_sprint) if b.name == "stm")
    journal.add_standup_item(panel_sprint, date(2011, 11, 5), "today", "STM: first run",
                             ["Armin Rigo"], branch_id=stm.id)
    panel = make_panel(qtbot, store, undo_stack, panel_sprint)
    panel.select_item(stm.id)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert "stm" not in visible_names(panel)
    assert journal.list_standup(panel_sprint)[0].branch_id is None
    undo_stack.undo()
    assert branch_in_file(journal_path, "stm")[2] == ["Armin Rigo"]
    assert journal.list_standup(panel_sprint)[0].branch_name == "stm"


def test_empty_hint(qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
                    journal: Journal) -> None:
    sid = journal.add_sprint("Leysin").id
    panel = make_panel(qtbot, store, undo_stack, sid)
    assert panel.pages.currentWidget() is panel.hint and panel.hint.text() == EMPTY_HINT



def test_a_result_in_a_background_tab_is_scrolled_to_with_the_rows_fitted(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, panel_sprint: int,
        journal: Journal) -> None:
    """The table measures its rows at its first paint; a search result selected while its
    dock tab is still behind (the window raises it, then selects) is measured first, so the
    scroll lands on it once the tab shows."""
    goal = "a goal long enough to wrap over several lines in the goal column " * 3
    ids = [journal.add_branch(panel_sprint, f"b{n:02d}", goal=goal).id for n in range(15)]
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QWidget())
    panel = BranchesPanel(store, undo_stack)
    docks = [QDockWidget("Front", window), QDockWidget("Branches", window)]
    docks[0].setWidget(QWidget())
    docks[1].setWidget(panel)
    for dock in docks:
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.tabifyDockWidget(docks[0], docks[1])
    docks[0].raise_()
    window.resize(1200, 500)
    show_active(qtbot, window)
    panel.set_sprint(panel_sprint)
    qtbot.wait(50)
    assert not panel.fit_rows.fitting  # behind: nothing measured yet
    docks[1].raise_()
    panel.select_item(ids[-1])
    qtbot.waitUntil(lambda: not panel.table.visibleRegion().isEmpty())
    qtbot.wait(50)
    row = panel.proxy.mapFromSource(panel.model.index(panel.model.row_of(ids[-1]), 0)).row()
    top = panel.table.rowViewportPosition(row)
    assert panel.table.rowHeight(row) > 2 * panel.table.verticalHeader().defaultSectionSize()
    assert top >= 0 and top + panel.table.rowHeight(row) <= panel.table.viewport().height()
