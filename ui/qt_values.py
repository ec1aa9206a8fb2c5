"""The few values of the `Qt` namespace's enums the notes' first screen needs, as plain ints.

Why: naming any enum of `Qt` makes PySide build all 93 of them as Python enums, 21–35 ms on the
machine the start-up bench runs on, a fifth of the app's own work before the notes are on
screen. The widgets of that screen take these values through Qt's property system
(`label.setProperty("alignment", ALIGN_CENTER)`), which needs no Python enum, and `Qt` is built
once the notes are shown (`ui.app`). `tests/ui/test_qt_values.py` holds each value equal to its
enum, and the notes shown with the namespace still unbuilt: a `Qt.` on that path fails it.
"""

from __future__ import annotations

import typing  # not `TYPE_CHECKING` by name: this module's capitals are the values
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject

if typing.TYPE_CHECKING:  # QAction's enums are built with the first action made, after the notes
    from PySide6.QtGui import QAction

ALIGN_CENTER = 0x0084  # Qt.AlignmentFlag.AlignCenter
RICH_TEXT = 1  # Qt.TextFormat.RichText
SCROLL_BAR_ALWAYS_OFF = 1  # Qt.ScrollBarPolicy.ScrollBarAlwaysOff
ELIDE_RIGHT = 1  # Qt.TextElideMode.ElideRight
TOOL_BUTTON_TEXT_ONLY = 1  # Qt.ToolButtonStyle.ToolButtonTextOnly
USER_ROLE = 0x0100  # Qt.ItemDataRole.UserRole
CASE_INSENSITIVE = 0  # Qt.CaseSensitivity.CaseInsensitive
MATCH_CONTAINS = 1  # Qt.MatchFlag.MatchContains
WIDGET_WITH_CHILDREN_SHORTCUT = 3  # Qt.ShortcutContext.WidgetWithChildrenShortcut


def set_shortcut(action: QAction, keys: str) -> None:
    """`action.setShortcut(QKeySequence(keys))` without `Qt`: choosing among QKeySequence's
    constructors makes PySide weigh `Qt.Key` for each call, and the property takes the text."""
    action.setProperty("shortcut", keys)


class _Texted(Protocol):
    def __init__(self, parent: Any) -> None: ...
    def setText(self, text: str) -> None: ...


_Made = TypeVar("_Made", bound=_Texted)


def with_text(kind: type[_Made], text: str, parent: QObject) -> _Made:
    """`kind(text, parent)` (a QAction, a QPushButton) without QIcon: choosing between that
    constructor and `kind(icon, text, parent)` makes PySide build QIcon's enums (its ~100
    theme icons among them, about 2.5 ms) at the first call, which the notes' first screen
    does not otherwise need."""
    made = kind(parent)
    made.setText(text)
    return made
