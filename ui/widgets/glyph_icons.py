"""Toolbar icons: the desktop theme's icon when there is one, else a drawn glyph.

Fusion's built-in standard pixmaps have no "add", "edit" or "remove" pictures (a folder or a
trash can drawn in 1998 is the best on offer), and the offscreen platform used for screenshots
has no icon theme; a glyph in the palette's text colour reads well in light and dark schemes.
"""

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QWidget

GLYPHS = {
    "add": (QIcon.ThemeIcon.ListAdd, "+"),
    "remove": (QIcon.ThemeIcon.ListRemove, "−"),
    "edit": (QIcon.ThemeIcon.DocumentProperties, "✎"),
    "open": (QIcon.ThemeIcon.DocumentOpen, "⇪"),
    "view": (QIcon.ThemeIcon.ZoomIn, "⤢"),
    "carry": (QIcon.ThemeIcon.GoNext, "↪"),
    "paste": (QIcon.ThemeIcon.EditPaste, "▣"),  # glyphs that DejaVu Sans has (⎘ is in no font)
    "copy": (QIcon.ThemeIcon.EditCopy, "❐"),
    "up": (QIcon.ThemeIcon.GoUp, "↑"),
    "down": (QIcon.ThemeIcon.GoDown, "↓"),
    "generate": (QIcon.ThemeIcon.DocumentNew, "⚙"),
    "template": (QIcon.ThemeIcon.DocumentPageSetup, "▤"),
    "confirm": (QIcon.ThemeIcon.DialogInformation, "✓"),
    "merge": (QIcon.ThemeIcon.EditFind, "⇄"),
    "here": (QIcon.ThemeIcon.GoHome, "●"),
}


GLYPH = "sprintjournal-glyph"
"""The property naming an action's glyph (`set_glyph`), so a theme switch can draw it anew."""


def set_glyph(action: QAction, widget: QWidget, name: str) -> None:
    """`action`'s icon: glyph `name` in `widget`'s colours, redrawn by `recolour`."""
    action.setProperty(GLYPH, name)
    action.setIcon(glyph_icon(widget, name))


def recolour(widget: QWidget) -> None:
    """`widget`'s palette changed (a theme switch): its actions' glyphs in the new colours."""
    for action in widget.actions():
        name = action.property(GLYPH)
        if isinstance(name, str):
            action.setIcon(glyph_icon(widget, name))


def glyph_icon(widget: QWidget, name: str) -> QIcon:
    """The theme icon for `name` (a key of GLYPHS), or its glyph drawn for `widget`'s palette."""
    theme, glyph = GLYPHS[name]
    if QIcon.hasThemeIcon(theme):
        return QIcon.fromTheme(theme)
    colour = widget.palette().color(QPalette.ColorRole.ButtonText)
    key = (glyph, colour.rgba())
    icon = _DRAWN.get(key)
    if icon is None:
        icon = _DRAWN[key] = QIcon()
        for size in (16, 24, 32):
            icon.addPixmap(_draw(glyph, size, colour))
    return icon


_DRAWN: dict[tuple[str, int], QIcon] = {}
"""Each glyph drawn once per colour: the panels' 36 actions share 15 glyphs (QIcon is shared
data, so every action may hold the same one). Drawing them all took ~10 ms of start-up."""


def _draw(glyph: str, size: int, colour: QColor) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    font = QFont()
    font.setPixelSize(int(size * 0.9))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(colour)
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, glyph)
    painter.end()
    return pixmap
