"""qt_values: each plain value equals the `Qt` enum it stands for, the widgets take them, and a
returning user's start-up shows the notes without building the `Qt` namespace (the reason the
values exist: building it costs 21–35 ms before the notes are on screen)."""

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QCompleter, QLabel, QListWidget, QPushButton, QToolButton, QWidget
from pytestqt.qtbot import QtBot
from sprintjournal_ui import qt_values
from sprintjournal_ui.qt_values import set_shortcut, with_text

from sprintjournal.journal import Journal

STANDS_FOR = {
    "ALIGN_CENTER": Qt.AlignmentFlag.AlignCenter,
    "RICH_TEXT": Qt.TextFormat.RichText,
    "SCROLL_BAR_ALWAYS_OFF": Qt.ScrollBarPolicy.ScrollBarAlwaysOff,
    "ELIDE_RIGHT": Qt.TextElideMode.ElideRight,
    "TOOL_BUTTON_TEXT_ONLY": Qt.ToolButtonStyle.ToolButtonTextOnly,
    "USER_ROLE": Qt.ItemDataRole.UserRole,
    "CASE_INSENSITIVE": Qt.CaseSensitivity.CaseInsensitive,
    "MATCH_CONTAINS": Qt.MatchFlag.MatchContains,
    "WIDGET_WITH_CHILDREN_SHORTCUT": Qt.ShortcutContext.WidgetWithChildrenShortcut,
}


def test_every_value_is_its_enums_value() -> None:
    values = {name: value for name, value in vars(qt_values).items() if name.isupper()}
    assert set(values) == set(STANDS_FOR)
    for name, value in values.items():
        assert value == STANDS_FOR[name].value, name


def test_the_widgets_take_the_values_through_their_properties(qtbot: QtBot) -> None:
    label, days, button = QLabel("x"), QListWidget(), QToolButton()
    completer = QCompleter()
    for widget in (label, days, button):
        qtbot.addWidget(widget)
    assert label.setProperty("alignment", qt_values.ALIGN_CENTER)
    assert label.setProperty("textFormat", qt_values.RICH_TEXT)
    assert days.setProperty("horizontalScrollBarPolicy", qt_values.SCROLL_BAR_ALWAYS_OFF)
    assert days.setProperty("textElideMode", qt_values.ELIDE_RIGHT)
    assert button.setProperty("toolButtonStyle", qt_values.TOOL_BUTTON_TEXT_ONLY)
    assert completer.setProperty("caseSensitivity", qt_values.CASE_INSENSITIVE)
    assert completer.setProperty("filterMode", qt_values.MATCH_CONTAINS)
    assert label.alignment() == Qt.AlignmentFlag.AlignCenter
    assert label.textFormat() == Qt.TextFormat.RichText
    assert days.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert days.textElideMode() == Qt.TextElideMode.ElideRight
    assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextOnly
    assert completer.caseSensitivity() == Qt.CaseSensitivity.CaseInsensitive
    assert completer.filterMode() == Qt.MatchFlag.MatchContains


def test_set_shortcut_binds_the_keys(qapp: object) -> None:
    action = QAction("Import")
    set_shortcut(action, "Ctrl+Shift+R")
    assert action.shortcut() == QKeySequence("Ctrl+Shift+R")


def test_with_text_makes_what_the_text_and_parent_constructor_makes(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    action, reference = with_text(QAction, "&Import…", parent), QAction("&Import…", parent)
    assert action.parent() is parent and action.text() == reference.text() == "&Import…"
    assert action.iconText() == reference.iconText() == "Import"
    assert action.toolTip() == reference.toolTip()
    button = with_text(QPushButton, "New sprint…", parent)
    assert button.parent() is parent and button.text() == "New sprint…"
    assert button.sizeHint() == QPushButton("New sprint…", parent).sizeHint()


def test_a_returning_users_notes_are_shown_before_the_qt_namespace_is_built(
        tmp_path: Path, gothenburg: object, journal: Journal, journal_path: Path,
        trace_phases: Callable[..., dict[str, str]]) -> None:
    """On a screen as wide as a desktop's (offscreen's own is 800 pixels: the day's heading
    would be cut, and cutting it names `Qt`); the first start lays the docks out by `Qt`'s dock
    areas, the second restores that layout as the user left it."""
    journal.close()
    screens = tmp_path / "screens.json"
    screens.write_text(json.dumps({"screens": [
        {"name": "desktop", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1}]}))
    platform = f"offscreen:configfile={screens}"
    first = trace_phases(journal_path, tmp_path, platform)
    again = trace_phases(journal_path, tmp_path, platform)
    assert "  Qt built  " in first["ready"]  # the default layout names the dock areas
    assert "  Qt not built  " in again["ready"], again["ready"]
    assert "  Qt built  " in again["all"]  # and the rest of the app has it, once shown
