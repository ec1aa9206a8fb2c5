"""Toolbar icons: without an icon theme (as offscreen), each name is drawn as its glyph in the
palette's button-text colour, at the three toolbar sizes, so it reads in light and dark."""

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sprintjournal_ui.widgets.glyph_icons import GLYPHS, glyph_icon


def widget_with_text(qtbot: QtBot, colour: str) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(colour))
    widget.setPalette(palette)
    return widget


def ink(icon: QIcon, size: int) -> set[str]:
    image = icon.pixmap(QSize(size, size)).toImage()
    return {image.pixelColor(x, y).name() for x in range(image.width())
            for y in range(image.height()) if image.pixelColor(x, y).alpha() == 255}


@pytest.mark.parametrize("name", sorted(GLYPHS))
def test_every_name_draws_a_glyph_in_the_button_text_colour(qtbot: QtBot, name: str) -> None:
    if QIcon.hasThemeIcon(GLYPHS[name][0]):
        pytest.fail("the offscreen test platform has an icon theme: the glyphs go untested")
    icon = glyph_icon(widget_with_text(qtbot, "#c00000"), name)
    assert {(s.width(), s.height()) for s in icon.availableSizes()} == {(16, 16), (24, 24),
                                                                       (32, 32)}
    assert ink(icon, 32) == {"#c00000"}  # something drawn, all of it in that colour


def test_the_glyph_follows_the_palette(qtbot: QtBot) -> None:
    light = glyph_icon(widget_with_text(qtbot, "#101010"), "add")
    dark = glyph_icon(widget_with_text(qtbot, "#f0f0f0"), "add")
    assert ink(light, 24) == {"#101010"} and ink(dark, 24) == {"#f0f0f0"}


def test_an_unknown_name_is_an_error(qtbot: QtBot) -> None:
    with pytest.raises(KeyError):
        glyph_icon(widget_with_text(qtbot, "#000000"), "frobnicate")


def test_a_glyph_is_drawn_once_per_colour_and_shared(qtbot: QtBot) -> None:
    """The panels' actions share 15 glyphs: each is drawn once per colour (QIcon is shared
    data), and another colour or another name is drawn anew."""
    first = glyph_icon(widget_with_text(qtbot, "#102030"), "add")
    again = glyph_icon(widget_with_text(qtbot, "#102030"), "add")
    other_colour = glyph_icon(widget_with_text(qtbot, "#f0e0d0"), "add")
    other_name = glyph_icon(widget_with_text(qtbot, "#102030"), "remove")
    assert first.cacheKey() == again.cacheKey()
    assert other_colour.cacheKey() != first.cacheKey()
    assert other_name.cacheKey() != first.cacheKey()
    assert ink(again, 32) == {"#102030"} and ink(other_colour, 32) == {"#f0e0d0"}
