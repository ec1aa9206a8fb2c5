"""The panel registry: every line names a panel built to the contract, with a dock of its own."""

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sprintjournal_ui.main_frame import DOCKS
from sprintjournal_ui.panels.registry import PANELS, panel_for_hit
from sprintjournal_ui.store import JournalStore
from sprintjournal_ui.window_ops import create_panels


def test_each_registered_panel_is_made_to_the_contract(qtbot: QtBot, store: JournalStore) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    panels = create_panels(store, QUndoStack(parent), parent)
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
