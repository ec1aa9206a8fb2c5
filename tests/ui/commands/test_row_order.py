"""Reordering rows (Alt+Up/Alt+Down, the context menu) and undone removals returning in place."""

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from factories import OFFSCREEN_NOISE, jpeg_bytes
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from shell_data import show_active
from sprintjournal_ui.commands.row_order import moved
from sprintjournal_ui.panels.attendees import AttendeesPanel
from sprintjournal_ui.panels.branches import BranchesPanel
from sprintjournal_ui.panels.panel_base import DataPanel
from sprintjournal_ui.panels.photos import PhotosPanel
from sprintjournal_ui.panels.standup import StandupPanel
from sprintjournal_ui.store import JournalStore

from sprintjournal.journal import Journal

pytestmark = OFFSCREEN_NOISE
FRI = date(2011, 11, 4)


def shown(qtbot: QtBot, panel: DataPanel, sprint: int, day: date | None = None) -> None:
    qtbot.addWidget(panel)
    panel.resize(1000, 600)
    show_active(qtbot, panel)
    panel.set_sprint(sprint)
    panel.set_day(day)


def in_file(path: Path, sql: str) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute(sql)]


BRANCHES = "SELECT name FROM branch ORDER BY position, id"
ORIGINAL = ["SpecialisedTuple", "ffistruct", "stm", "win64"]


def alt(qtbot: QtBot, widget: QWidget, key: Qt.Key) -> None:
    qtbot.keyClick(widget, key, Qt.KeyboardModifier.AltModifier)


def test_alt_up_moves_a_branch_keeps_it_selected_and_undoes(
    qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
    panel_sprint: int, journal_path: Path,
) -> None:
    panel = BranchesPanel(store, undo_stack)
    shown(qtbot, panel, panel_sprint)
    panel.select_item(panel.model.record(2).id)  # stm
    panel.table.setFocus()
    alt(qtbot, panel.table, Qt.Key.Key_Up)
    assert in_file(journal_path, BRANCHES) == ["SpecialisedTuple", "stm", "ffistruct", "win64"]
    assert [r.name for r in panel.selected_records()] == ["stm"]
    alt(qtbot, panel.table, Qt.Key.Key_Up)
    alt(qtbot, panel.table, Qt.Key.Key_Up)  # already first: nothing, and no undo step
    assert in_file(journal_path, BRANCHES)[0] == "stm"
    assert undo_stack.count() == 2 and undo_stack.undoText() == "Move branch stm up"
    undo_stack.undo()
    undo_stack.undo()
    assert in_file(journal_path, BRANCHES) == ORIGINAL
    undo_stack.redo()
    assert in_file(journal_path, BRANCHES) == ["SpecialisedTuple", "stm", "ffistruct", "win64"]


def test_a_filtered_branch_moves_past_the_row_the_user_sees(
    qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
    panel_sprint: int, journal_path: Path,
) -> None:
    panel = BranchesPanel(store, undo_stack)
    shown(qtbot, panel, panel_sprint)
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("in progress"))
    panel.select_item(panel.model.record(2).id)  # stm; SpecialisedTuple is the row above it
    panel.move_down_action.trigger()  # the last visible row: stays
    panel.move_up_action.trigger()
    assert in_file(journal_path, BRANCHES) == ["stm", "SpecialisedTuple", "ffistruct", "win64"]


def test_the_context_menu_offers_moving(
    qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
    panel_sprint: int, journal_path: Path,
) -> None:
    panel = AttendeesPanel(store, undo_stack)
    shown(qtbot, panel, panel_sprint, FRI)
    table = panel.table
    assert table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    texts = [a.text() for a in table.actions() if not a.isSeparator()]
    assert texts == ["Edit…", "Remove", "Move Up", "Move Down", "Merge with…"]
    panel.select_item(panel.model.record(0).id)
    next(a for a in table.actions() if a.text() == "Move Down").trigger()
    people = in_file(journal_path, "SELECT person.name FROM attendance JOIN person "
                     "ON person.id = person_id ORDER BY attendance.position, attendance.id")
    assert people[:2] == ["Jacob Hallén", "Laura Creighton"]


def test_stand_up_items_move_within_the_focused_section(
    qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
    panel_sprint: int, journal: Journal, journal_path: Path,
) -> None:
    for text in ("one", "two", "three"):
        journal.add_standup_item(panel_sprint, FRI, "done", text)
    journal.add_standup_item(panel_sprint, FRI, "today", "four")
    panel = StandupPanel(store, undo_stack)
    shown(qtbot, panel, panel_sprint, FRI)
    table = panel.tables["done"]
    table.setFocus()
    table.selectRow(0)
    alt(qtbot, table, Qt.Key.Key_Down)
    alt(qtbot, table, Qt.Key.Key_Down)
    done = "SELECT text FROM standup_item WHERE section = 'done' ORDER BY position, id"
    assert in_file(journal_path, done) == ["two", "three", "one"]
    assert [r.text for r in panel.selected_records()] == ["one"]
    assert undo_stack.undoText() == "Move “one” down"


def test_photos_move_earlier_and_later(
    qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
    panel_sprint: int, journal: Journal, journal_path: Path,
) -> None:
    for name in ("cake.jpg", "crew.jpg"):
        journal.add_photo(panel_sprint, jpeg_bytes(), name)
    panel = PhotosPanel(store, undo_stack)
    shown(qtbot, panel, panel_sprint)
    panel.select_item(panel.model.record(1).id)
    assert panel.move_up_action.text() == "Move Earlier"
    panel.move_up_action.trigger()
    photos = "SELECT filename FROM photo ORDER BY position, id"
    assert in_file(journal_path, photos) == ["crew.jpg", "cake.jpg"]


def test_undoing_a_removal_puts_the_row_back_where_it_was(
    qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
    panel_sprint: int, journal_path: Path,
) -> None:
    panel = BranchesPanel(store, undo_stack)
    shown(qtbot, panel, panel_sprint)
    panel.select_item(panel.model.record(1).id)  # ffistruct
    panel.remove_selected()
    assert in_file(journal_path, BRANCHES) == ["SpecialisedTuple", "stm", "win64"]
    undo_stack.undo()
    assert in_file(journal_path, BRANCHES) == ORIGINAL
    assert [r.name for r in panel.model.records()] == ORIGINAL
    undo_stack.redo()
    undo_stack.undo()  # a second round trip, with the re-added row's new id
    assert in_file(journal_path, BRANCHES) == ORIGINAL


@pytest.mark.parametrize(
    ("order", "visible", "item", "step", "expected"),
    [
        ([1, 2, 3], [1, 2, 3], 2, -1, [2, 1, 3]),
        ([1, 2, 3], [1, 2, 3], 2, 1, [1, 3, 2]),
        ([1, 2, 3], [1, 2, 3], 1, -1, None),  # already first
        ([1, 2, 3], [1, 2, 3], 3, 1, None),  # already last
        ([1, 2, 3, 4], [1, 4], 4, -1, [4, 1, 2, 3]),  # past the visible neighbour
        ([1, 2, 3, 4], [1, 4], 1, 1, [2, 3, 4, 1]),
    ],
)
def test_moved_steps_past_the_visible_neighbour(
    order: list[int], visible: list[int], item: int, step: int, expected: list[int] | None
) -> None:
    assert moved(order, visible, item, step) == expected


def test_alt_down_in_an_open_combo_editor_opens_its_list_and_moves_nothing(
    qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
    panel_sprint: int, journal_path: Path,
) -> None:
    """Issue 13, item 5: the row must not move under an open editor (nor Qt warn about
    commitData from a foreign editor, which would fail this test)."""
    from PySide6.QtWidgets import QApplication, QComboBox

    panel = BranchesPanel(store, undo_stack)
    shown(qtbot, panel, panel_sprint)
    panel.select_item(panel.model.record(2).id)  # stm
    index = panel.table.currentIndex().siblingAtColumn(panel.model.column_of("status"))
    panel.table.setCurrentIndex(index)
    panel.table.edit(index)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    alt(qtbot, combo, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: combo.view().isVisible())
    assert in_file(journal_path, BRANCHES) == ORIGINAL
    assert undo_stack.count() == 0
    combo.hidePopup()
