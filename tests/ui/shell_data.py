"""Types and helpers shared by the shell's GUI tests (the fixtures live in conftest.py)."""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
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
