"""What the window's actions (`window_ops`, `import_flow`) may use of the main window.

`MainWindow` implements `Shell`; the actions take a `Shell`. Declared here, below both, so the
actions need not import `main_window` (which imports them): no circle, and what an action may
touch of the window is written down in one place.
"""

from __future__ import annotations  # a declaration: its Qt classes need not load with it

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QMainWindow

from .savemanager import SaveManager

if TYPE_CHECKING:
    from datetime import date  # loaded with the journal, after the first paint

    from PySide6.QtGui import QAction, QUndoStack
    from PySide6.QtWidgets import QDockWidget, QMenu

    from sprintjournal.records import SprintRec

    from .panels.notes import NotesPanel
    from .panels.panel_base import DataPanel
    from .panels.review import ReviewPanel
    from .store import JournalStore


class ImportUndo(Protocol):
    """Edit ▸ Undo Import: the backup taken before the last import, while it is still fresh."""

    def offer(self, backup: Path, name: str) -> None: ...

    def undo(self) -> None: ...


class Shell(QMainWindow):
    """The main window as its actions see it (the attributes are made by `MainWindow`)."""

    undo_stack: QUndoStack
    save_manager: SaveManager
    panels: dict[str, DataPanel]
    """The data panels made so far, by name (see `panels.registry`), once the journal is
    attached; `panels[name]` makes one not made yet (`ui/panel_set.py`)."""
    notes: NotesPanel | None
    docks: dict[str, QDockWidget]
    recent_menu: QMenu
    act_undo: QAction
    act_redo: QAction
    act_undo_import: QAction
    go_actions: dict[str, QAction]
    undo_import: ImportUndo

    @property
    def store(self) -> JournalStore:
        raise NotImplementedError

    @property
    def has_store(self) -> bool:
        raise NotImplementedError

    @property
    def sprint(self) -> SprintRec | None:
        raise NotImplementedError

    @property
    def day(self) -> date | None:
        raise NotImplementedError

    def select_sprint(self, sprint_id: int | None) -> None:
        raise NotImplementedError

    def review_panel(self) -> ReviewPanel | None:
        """The Needs Review panel, once the panels are made (the import, its counts, F2)."""
        from .panels.review import ReviewPanel  # here: the panels load after the first paint

        panel = self.panels.get("review")
        return panel if isinstance(panel, ReviewPanel) else None

    def select_day(self, day: date | None) -> None:
        raise NotImplementedError

    def show_panel(self, name: str) -> None:
        raise NotImplementedError

    def go_to_panel(self, name: str) -> None:
        raise NotImplementedError
