"""Types and helpers shared by the shell's GUI tests (the fixtures live in conftest.py)."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sprintjournal_ui.main_window import MainWindow
from sprintjournal_ui.panels.registry import PANELS
from sprintjournal_ui.store import JournalStore

if TYPE_CHECKING:  # imported by the tests that use them; conftest loads this module early
    from PySide6.QtGui import QUndoStack
    from sprintjournal_ui.panels.attendees import AttendeesPanel
    from sprintjournal_ui.panels.branches import BranchesPanel
    from sprintjournal_ui.panels.notes import NotesPanel
    from sprintjournal_ui.panels.panel_base import DataPanel


@dataclass(frozen=True)
class Gothenburg:
    """Ids of what the `gothenburg` fixture created."""

    sprint_id: int
    armin_id: int
    antonio_id: int
    branch_id: int
    note_id: int


def show_active(qtbot: QtBot, widget: QWidget) -> None:
    """Show `widget` as the active window: focus-in/out events need one, and the offscreen
    platform activates a window only when asked through its QWindow."""
    widget.show()
    qtbot.waitExposed(widget)
    handle = widget.windowHandle()
    assert handle is not None
    handle.requestActivate()
    qtbot.waitUntil(widget.isActiveWindow, timeout=3000)


def shown(qtbot: QtBot, panel: "AttendeesPanel | BranchesPanel", sprint: int) -> None:
    """`panel` shown, active, on `sprint` and its Friday (4 November 2011)."""
    qtbot.addWidget(panel)
    panel.resize(1000, 600)
    show_active(qtbot, panel)
    panel.set_sprint(sprint)
    panel.set_day(date(2011, 11, 4))


def when_modal(act: Callable[[QWidget], None]) -> list[str]:
    """Run `act` on the next modal dialog as soon as it is shown (it blocks in exec());
    the list returned records that dialog's title."""
    seen: list[str] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        seen.append(dialog.windowTitle())
        act(dialog)

    QTimer.singleShot(0, poll)
    return seen


@contextmanager
def main_window(qtbot: QtBot, store: JournalStore, *, autosave_ms: int = 60_000,
                size: tuple[int, int] | None = None, sprint_id: int | None = None,
                day: date | None = None) -> Iterator[MainWindow]:
    """A shown, active main window over `store`, optionally on a sprint and day; closed after."""
    win = MainWindow(autosave_ms=autosave_ms)
    qtbot.addWidget(win)
    win.attach(store)
    if size is not None:
        win.resize(*size)
    show_active(qtbot, win)
    if sprint_id is not None:
        win.select_sprint(sprint_id)
    if day is not None:
        win.select_day(day)
    yield win
    win.close_for_good()


def thursday_notes(qtbot: QtBot, store: JournalStore, undo_stack: "QUndoStack",
                   gothenburg: Gothenburg) -> "NotesPanel":
    """The Notes panel, shown and active, on the Gothenburg sprint's Thursday note ("# Thursday",
    then a paragraph): where the report-mark tests put their cursor."""
    from sprintjournal_ui.panels.notes import NotesPanel

    panel = NotesPanel(store, undo_stack, autosave_ms=0)
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    show_active(qtbot, panel)
    panel.set_sprint(gothenburg.sprint_id)
    panel.set_day(date(2011, 11, 3))
    return panel


def every_panel(window: MainWindow) -> dict[str, "DataPanel"]:
    """Every registered data panel of `window`, made if it was not yet: those in tabs behind
    are made when first shown (ui/panel_set.py), and a test of every panel means every one."""
    return {spec.name: window.panels[spec.name] for spec in PANELS}


def panel_rows(panel: "DataPanel") -> list[Any]:
    """The records a table panel shows: the Stand-up's "today" list, else its one model's."""
    models = getattr(panel, "models", None)
    return list(models["today"].records() if models else panel.model.records())  # type: ignore[attr-defined]
