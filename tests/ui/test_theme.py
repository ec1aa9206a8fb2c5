"""theme: Fusion with a light or dark palette; the system's scheme is followed while "system" is
chosen, and a fixed choice is kept when the system switches."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QStyleFactory
from pytestqt.qtbot import QtBot
from sprintjournal_ui.theme import (
    MARKED,
    apply_choice,
    apply_palette,
    apply_theme,
    dark_palette,
    follow_system_scheme,
    is_dark,
    light_palette,
)


def system_switches_to(scheme: Qt.ColorScheme) -> None:
    """What Qt emits when the desktop changes between light and dark."""
    QGuiApplication.styleHints().colorSchemeChanged.emit(scheme)


def test_the_dark_palette_is_dark_with_readable_disabled_text() -> None:
    palette = dark_palette()
    assert is_dark(palette)
    assert palette.color(QPalette.ColorRole.Window).name() == "#2b2d31"
    assert palette.color(QPalette.ColorRole.Highlight).name() == "#3d7ad6"
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert disabled.name() == "#7a7d83"
    assert palette.color(QPalette.ColorRole.Text).lightness() > disabled.lightness()


def test_is_dark_reads_the_text_against_the_window(app: QApplication) -> None:
    assert not is_dark(app.style().standardPalette())
    swapped = QPalette()
    swapped.setColor(QPalette.ColorRole.Window, Qt.GlobalColor.black)
    swapped.setColor(QPalette.ColorRole.WindowText, Qt.GlobalColor.white)
    assert is_dark(swapped)


def test_marked_rows_are_a_translucent_green() -> None:
    assert MARKED.green() > MARKED.red() and MARKED.green() > MARKED.blue()
    assert 0 < MARKED.alpha() < 128


GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled)


def test_the_light_palette_is_fusions_own(app: QApplication) -> None:
    """Written out so start-up need not ask the style for it: it must stay Fusion's, in every
    group and role (a new Qt that changes Fusion's palette fails here)."""
    style = QStyleFactory.create("Fusion")
    assert style is not None
    fusion, ours = style.standardPalette(), light_palette()
    roles = [r for r in QPalette.ColorRole if r not in (QPalette.ColorRole.NoRole,
                                                         QPalette.ColorRole.NColorRoles)]
    hexes = [(g.name, r.name, ours.color(g, r).name(QColor.NameFormat.HexArgb),
              fusion.color(g, r).name(QColor.NameFormat.HexArgb)) for g in GROUPS for r in roles]
    differ = [(group, role, a, b) for group, role, a, b in hexes if a != b]
    assert differ == []


def test_apply_palette_sets_fusion_and_the_palette(app: QApplication) -> None:
    apply_palette(app, True)
    assert app.style().name().lower() == "fusion"
    assert app.palette().color(QPalette.ColorRole.Base).name() == "#1f2023"
    apply_palette(app, False)
    assert not is_dark(app.palette())
    assert app.palette().color(QPalette.ColorRole.Base) == app.style().standardPalette().color(
        QPalette.ColorRole.Base)


@pytest.mark.parametrize(("asked", "used"), [
    (Qt.ColorScheme.Dark, Qt.ColorScheme.Dark),
    (Qt.ColorScheme.Light, Qt.ColorScheme.Light),
    (Qt.ColorScheme.Unknown, Qt.ColorScheme.Light),
])
def test_apply_theme_says_which_scheme_it_used(app: QApplication, asked: Qt.ColorScheme,
                                               used: Qt.ColorScheme) -> None:
    assert apply_theme(app, asked) == used
    assert is_dark(app.palette()) == (used == Qt.ColorScheme.Dark)


def test_the_systems_switches_are_followed_while_system_is_chosen(app: QApplication) -> None:
    apply_choice(app, "system")
    system_switches_to(Qt.ColorScheme.Dark)
    assert is_dark(app.palette())
    system_switches_to(Qt.ColorScheme.Light)
    assert not is_dark(app.palette())


def test_a_fixed_choice_is_kept_when_the_system_switches(app: QApplication) -> None:
    apply_choice(app, "dark")
    assert is_dark(app.palette())
    system_switches_to(Qt.ColorScheme.Light)
    assert is_dark(app.palette())
    apply_choice(app, "light")
    system_switches_to(Qt.ColorScheme.Dark)
    assert not is_dark(app.palette())


def test_following_the_system_corrects_a_wrong_first_guess(app: QApplication) -> None:
    system = QGuiApplication.styleHints().colorScheme()
    guessed_dark = system != Qt.ColorScheme.Dark  # the first frame guessed wrong
    apply_palette(app, guessed_dark)
    follow_system_scheme(app, shown_dark=guessed_dark)
    assert is_dark(app.palette()) == (system == Qt.ColorScheme.Dark)
    apply_palette(app, not guessed_dark)  # a palette that is not the system's, to see it stay
    follow_system_scheme(app, shown_dark=not guessed_dark)  # "right already": left alone
    assert is_dark(app.palette()) == (not guessed_dark)


def test_a_field_renders_dark_on_the_dark_theme(qtbot: QtBot, app: QApplication,
                                                tmp_path: Path) -> None:
    apply_choice(app, "dark")
    field = QLineEdit("Gothenburg 2011")
    qtbot.addWidget(field)
    field.resize(200, 30)
    field.show()
    qtbot.waitExposed(field)
    image = field.grab().toImage()
    image.save(str(tmp_path / "dark-field.png"))
    inside = image.pixelColor(image.width() - 6, image.height() // 2)  # right of the text
    assert inside.name() == "#1f2023"
