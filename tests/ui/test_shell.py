"""The main window as its actions see it: `MainWindow` provides every member `Shell` declares,
and an action written against `Shell` (a search hit selected) works on the real window."""

from datetime import date
from typing import get_type_hints

import pytest
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QDockWidget, QMenu
from pytestqt.qtbot import QtBot
from shell_data import Gothenburg, main_window
from sprintjournal_ui.savemanager import SaveManager
from sprintjournal_ui.shell import Shell
from sprintjournal_ui.store import JournalStore
from sprintjournal_ui.window_ops import select_hit

from sprintjournal.records import SearchHit

SATURDAY = date(2011, 11, 5)


def test_a_bare_shell_provides_nothing_itself(qtbot: QtBot) -> None:
    shell = Shell()
    qtbot.addWidget(shell)
    for prop in ("store", "has_store", "sprint", "day"):
        with pytest.raises(NotImplementedError):
            getattr(shell, prop)
    for method, arg in (("select_sprint", 1), ("select_day", SATURDAY),
                        ("show_panel", "branches"), ("go_to_panel", "branches")):
        with pytest.raises(NotImplementedError):
            getattr(shell, method)(arg)


def test_the_main_window_has_every_declared_member(
        qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg) -> None:
    with main_window(qtbot, store, sprint_id=gothenburg.sprint_id, day=SATURDAY) as win:
        shell: Shell = win
        declared = get_type_hints(Shell, localns={
            "SprintRec": object, "NotesPanel": object, "JournalStore": object, "DataPanel": object,
            "QAction": QAction, "QUndoStack": QUndoStack, "QDockWidget": QDockWidget,
            "QMenu": QMenu})
        for name in declared:
            assert hasattr(shell, name), name
        assert isinstance(shell.undo_stack, QUndoStack)
        assert isinstance(shell.save_manager, SaveManager)
        assert all(isinstance(d, QDockWidget) for d in shell.docks.values())
        assert isinstance(shell.recent_menu, QMenu)
        assert all(isinstance(a, QAction) for a in (shell.act_undo, shell.act_redo,
                                                    shell.act_undo_import))
        assert set(shell.panels) <= set(shell.docks) | {"notes"}
        assert "review" in shell.go_actions
        assert shell.review_panel() is shell.panels["review"]
        assert shell.store is store and shell.has_store
        sprint = shell.sprint
        assert sprint is not None and sprint.id == gothenburg.sprint_id
        assert shell.day == SATURDAY
        assert shell.notes is not None


def test_an_action_taking_a_shell_drives_the_main_window(
        qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg) -> None:
    with main_window(qtbot, store, sprint_id=gothenburg.sprint_id) as win:
        shell: Shell = win
        shell.docks["branches"].hide()
        hit = next(h for h in store.search("ffistruct", gothenburg.sprint_id)
                   if h.kind == "branch")
        assert isinstance(hit, SearchHit)
        select_hit(shell, hit)
        assert shell.docks["branches"].isVisible()
        selected = shell.panels["branches"].selected_records()
        assert [b.id for b in selected] == [gothenburg.branch_id]

        shell.select_day(SATURDAY)
        assert shell.day == SATURDAY
        shell.go_to_panel("attendees")
        qtbot.waitUntil(lambda: shell.docks["attendees"].isAncestorOf(shell.focusWidget()))
