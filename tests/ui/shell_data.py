"""Types shared by the shell's GUI tests (the fixtures themselves live in conftest.py)."""

from dataclasses import dataclass

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


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
