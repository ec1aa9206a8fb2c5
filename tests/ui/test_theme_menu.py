"""ThemeMenu, View ▸ Theme: shows the remembered choice, one choice at a time; choosing applies it
to the whole application and remembers it."""


import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sprintjournal_ui.settings import remember_theme, theme_choice
from sprintjournal_ui.theme import is_dark
from sprintjournal_ui.theme_menu import ThemeMenu, choose


@pytest.fixture
def owner(qtbot: QtBot) -> QWidget:
    """The window the menus belong to (a menu lives as long as its window)."""
    window = QWidget()
    qtbot.addWidget(window)
    return window


def checked(menu: ThemeMenu) -> list[str]:
    return [key for key, action in menu.choices.items() if action.isChecked()]


def test_the_menu_offers_three_choices_with_system_by_default(owner: QWidget) -> None:
    menu = ThemeMenu(owner)
    assert menu.title() == "&Theme" and menu.objectName() == "theme_menu"
    assert [a.text() for a in menu.actions()] == ["&System", "&Light", "&Dark"]
    assert [a.objectName() for a in menu.actions()] == ["theme_system", "theme_light",
                                                        "theme_dark"]
    assert checked(menu) == ["system"]


def test_the_remembered_choice_is_checked(owner: QWidget) -> None:
    remember_theme("dark")
    assert checked(ThemeMenu(owner)) == ["dark"]


def test_choosing_by_keyboard_applies_and_remembers(qtbot: QtBot, owner: QWidget,
                                                   app: QApplication) -> None:
    menu = ThemeMenu(owner)
    menu.popup(QPoint(0, 0))
    qtbot.waitExposed(menu)
    with qtbot.waitSignal(menu.choices["dark"].triggered):
        qtbot.keyClick(menu, Qt.Key.Key_D)
    assert checked(menu) == ["dark"]
    assert theme_choice() == "dark" and is_dark(app.palette())
    menu.choices["light"].trigger()
    assert checked(menu) == ["light"]  # one at a time
    assert theme_choice() == "light" and not is_dark(app.palette())


def test_choose_is_kept_for_the_next_start(owner: QWidget, app: QApplication) -> None:
    choose("dark")
    assert is_dark(app.palette())
    assert checked(ThemeMenu(owner)) == ["dark"]  # a new window's menu
    choose("system")
    assert theme_choice() == "system" and checked(ThemeMenu(owner)) == ["system"]
