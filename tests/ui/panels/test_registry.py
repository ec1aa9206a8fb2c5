"""The panel registry: every line names a panel built to the contract, with a dock of its own."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QWidget
from pytestqt.qtbot import QtBot
from sprintjournal_ui.main_frame import DOCKS
from sprintjournal_ui.panels.panel_base import DataPanel
from sprintjournal_ui.panels.registry import PANELS, panel_for_hit
from sprintjournal_ui.read_only import REASON, text_editors
from sprintjournal_ui.store import JournalStore
from sprintjournal_ui.window_ops import create_panel

from sprintjournal.journal import Journal


def every_registered_panel(store: JournalStore, parent: QWidget) -> dict[str, DataPanel]:
    undo = QUndoStack(parent)
    return {spec.name: create_panel(spec, store, undo, parent) for spec in PANELS}


def test_each_registered_panel_is_made_to_the_contract(qtbot: QtBot, store: JournalStore) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    panels = every_registered_panel(store, parent)
    assert list(panels) == [spec.name for spec in PANELS]
    for panel in panels.values():
        for method in ("set_sprint", "set_day", "select_item", "flush"):
            assert callable(getattr(panel, method)), (type(panel).__name__, method)
        panel.set_sprint(None)


def test_the_docks_and_search_hits_follow_the_registry() -> None:
    assert list(DOCKS) == [*(spec.name for spec in PANELS), "search"]
    assert [DOCKS[spec.name].title for spec in PANELS] == [spec.title for spec in PANELS]
    assert {kind: panel_for_hit(kind) for kind in ("standup", "branch", "photo", "person", "note")
            } == {"standup": "standup", "branch": "branches", "photo": "photos",
                  "person": "attendees", "note": None}


def _in_combo_box(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QComboBox):
        parent = parent.parentWidget()
    return parent is not None


READING = {"View", "Export…", "Copy for Blogger", "Correct…"}
"""Panel actions that only read (made with `writes=False`): a new one is added here on purpose."""
OPENED_TO_READ = {"View…", "Details…"}
"""A record's Edit… action in a read-only journal (made with `edits=True`): its dialog opens to
be read, and the action's tooltip says so."""


def test_each_registered_panel_honours_a_read_only_journal(
        qtbot: QtBot, journal: Journal, journal_path: Path, panel_sprint: int) -> None:
    """Every registered panel over a journal opened read-only, told so as the window tells it,
    then filled (its own refresh enables what it would): every action that writes is disabled
    and says why, wherever it is offered (toolbar, context menu, shortcut); every editor is
    read-only; no cell opens an inline editor or toggles a check box; nothing accepts a drop."""
    journal.close()
    readonly = Journal(journal_path, readonly=True)
    try:
        store = JournalStore(readonly)
        parent = QWidget()
        qtbot.addWidget(parent)
        panels = every_registered_panel(store, parent)
        for name, panel in panels.items():
            panel.set_read_only(store.readonly)
            panel.set_sprint(panel_sprint)
            panel.set_day(date(2011, 11, 4))
            writing = set(panel.write_actions.actions())
            assert writing, name
            offered = {a for w in [panel, *panel.findChildren(QWidget)] for a in w.actions()
                       if not (a.isSeparator() or w.objectName().startswith("qt_"))}
            for action in offered:
                if action in writing:
                    assert not action.isEnabled(), (name, action.text())
                    assert REASON in action.toolTip(), (name, action.text())
                elif action.text() in OPENED_TO_READ:
                    assert REASON in action.toolTip(), (name, action.text())
                else:
                    assert action.text() in READING, (name, action.text())
            for editor in text_editors(panel):
                assert editor.isReadOnly(), (name, editor.accessibleName())
            for view in panel.findChildren(QAbstractItemView):
                if _in_combo_box(view):  # a filter's list: chosen from, never written
                    continue
                model = view.model()
                for row in range(model.rowCount()):
                    for column in range(model.columnCount()):
                        index = model.index(row, column)
                        flags = model.flags(index)
                        box = model.data(index, Qt.ItemDataRole.CheckStateRole) is not None
                        assert not flags & Qt.ItemFlag.ItemIsEditable, (name, row, column)
                        assert not (box and flags & Qt.ItemFlag.ItemIsUserCheckable), (
                            name, row, column)
            assert not panel.acceptDrops(), name
    finally:
        readonly.close()
