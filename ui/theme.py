"""Fusion style in the system's light or dark colour scheme.

Fusion looks the same on every platform and takes a palette, so following the system scheme is
one palette switch; `QStyleHints.colorSchemeChanged` keeps it in step while the app runs.

Asking for the system's scheme (`QStyleHints.colorScheme`) needs `Qt`, the namespace, whose first
use builds every one of its enums (about 15 ms). So the app's first frame takes its scheme from the
platform's own palette (`is_dark(app.palette())` before a palette is applied), which follows the
system's light/dark setting, and `follow_system_scheme` right after the first paint corrects it
in the rare case it differs.

The style is set once, when the QApplication is made (`STYLE_ARGS`), and Fusion's light palette
is written out here (`light_palette`): asking Qt for either (`setStyle`, `style()`) hands
Python a `QStyle`, and its first use builds every one of QStyle's enums (about 8 ms) before the
window can map. `tests/ui/test_theme.py` holds the copy equal to Fusion's own.
"""

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from PySide6.QtCore import Qt


MARKED = QColor(46, 160, 67, 48)
"""Marked for the report: a pale green that reads on light and dark themes."""

_DARK = {
    QPalette.ColorRole.Window: "#2b2d31",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1f2023",
    QPalette.ColorRole.AlternateBase: "#33363b",
    QPalette.ColorRole.ToolTipBase: "#3a3d42",
    QPalette.ColorRole.ToolTipText: "#e6e6e6",
    QPalette.ColorRole.PlaceholderText: "#8d9096",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#33363b",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.BrightText: "#ff6b6b",
    QPalette.ColorRole.Light: "#45484e",
    QPalette.ColorRole.Midlight: "#3a3d42",
    QPalette.ColorRole.Mid: "#26282c",
    QPalette.ColorRole.Dark: "#1b1c1f",
    QPalette.ColorRole.Shadow: "#111214",
    QPalette.ColorRole.Highlight: "#3d7ad6",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#79aef2",
    QPalette.ColorRole.LinkVisited: "#b99af2",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText,
                 QPalette.ColorRole.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7d83"))
    return palette


FUSION = "Fusion"
STYLE_ARGS = ["-style", FUSION]
"""For a new QApplication's arguments: Fusion from the start, with no `QStyle` in Python."""
_STYLED = "sprintjournal-fusion"
"""The application's property once Fusion is its style (set by `STYLE_ARGS` or `use_fusion`)."""

_LIGHT = {  # role: (active and inactive, disabled), as Fusion's standardPalette() has them
    QPalette.ColorRole.WindowText: ("#ff000000", "#ffbebebe"),
    QPalette.ColorRole.Button: ("#ffefefef", "#ffefefef"),
    QPalette.ColorRole.Light: ("#ffffffff", "#ffffffff"),
    QPalette.ColorRole.Midlight: ("#ffcacaca", "#ffcacaca"),
    QPalette.ColorRole.Dark: ("#ff9f9f9f", "#ffbebebe"),
    QPalette.ColorRole.Mid: ("#ffb8b8b8", "#ffb8b8b8"),
    QPalette.ColorRole.Text: ("#ff000000", "#ffbebebe"),
    QPalette.ColorRole.BrightText: ("#ffffffff", "#ffffffff"),
    QPalette.ColorRole.ButtonText: ("#ff000000", "#ffbebebe"),
    QPalette.ColorRole.Base: ("#ffffffff", "#ffefefef"),
    QPalette.ColorRole.Window: ("#ffefefef", "#ffefefef"),
    QPalette.ColorRole.Shadow: ("#ff767676", "#ffb1b1b1"),
    QPalette.ColorRole.Highlight: ("#ff308cc6", "#ff919191"),
    QPalette.ColorRole.HighlightedText: ("#ffffffff", "#ffffffff"),
    QPalette.ColorRole.Link: ("#ff0000ff", "#ff0000ff"),
    QPalette.ColorRole.LinkVisited: ("#ffff00ff", "#ffff00ff"),
    QPalette.ColorRole.AlternateBase: ("#fff7f7f7", "#fff7f7f7"),
    QPalette.ColorRole.ToolTipBase: ("#ffffffdc", "#ffffffdc"),
    QPalette.ColorRole.ToolTipText: ("#ff000000", "#ff000000"),
    QPalette.ColorRole.PlaceholderText: ("#80000000", "#80000000"),
    QPalette.ColorRole.Accent: ("#ff308cc6", "#ff919191"),
}


def light_palette() -> QPalette:
    """Fusion's own light palette (`QStyle.standardPalette`), without asking the style."""
    palette = QPalette()
    for role, (normal, disabled) in _LIGHT.items():
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, role, QColor.fromString(normal))
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor.fromString(disabled))
    return palette


def use_fusion(app: QApplication) -> None:
    """Fusion as the style of an application made without `STYLE_ARGS` (once)."""
    if not app.property(_STYLED):
        app.setStyle(FUSION)
        app.setProperty(_STYLED, True)


def styled_at_start(app: QApplication) -> None:
    """`app` was made with `STYLE_ARGS`: Fusion is its style already."""
    app.setProperty(_STYLED, True)


def apply_palette(app: QApplication, dark: bool) -> None:
    """Fusion with the dark palette, or Fusion's own light one."""
    use_fusion(app)
    app.setPalette(dark_palette() if dark else light_palette())


def apply_theme(app: QApplication, scheme: "Qt.ColorScheme | None" = None) -> "Qt.ColorScheme":
    """Fusion with a palette for `scheme` (the system's when None); returns the scheme used."""
    from PySide6.QtCore import Qt

    if scheme is None:
        scheme = QGuiApplication.styleHints().colorScheme()
    dark = scheme == Qt.ColorScheme.Dark
    apply_palette(app, dark)
    return Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light


def is_dark(palette: QPalette) -> bool:
    """Light text on a dark window. Of the platform's palette (before `apply_palette` replaces
    it): the system's scheme as far as it can be told without `Qt`."""
    text, window = QPalette.ColorRole.WindowText, QPalette.ColorRole.Window
    return palette.color(text).lightness() > palette.color(window).lightness()


def follow_system_scheme(app: QApplication, shown_dark: bool | None = None) -> None:
    """Apply the system's scheme (unless `shown_dark` already is it) and re-apply the palette
    whenever the system switches between light and dark."""
    from PySide6.QtCore import Qt

    hints = QGuiApplication.styleHints()
    if shown_dark is None or shown_dark != (hints.colorScheme() == Qt.ColorScheme.Dark):
        apply_theme(app, hints.colorScheme())
    _follow(app)


_following = [True, False]
"""Whether the system's scheme is followed (View ▸ Theme ▸ System) or a fixed one was chosen;
whether its changes are listened to yet."""


def _follow(app: QApplication) -> None:
    _following[0] = True
    if not _following[1]:
        _following[1] = True
        QGuiApplication.styleHints().colorSchemeChanged.connect(
            lambda s: apply_theme(app, s) if _following[0] else None)


def apply_choice(app: QApplication, choice: str) -> None:
    """View ▸ Theme: "light" or "dark" fixed, or "system" followed from now on."""
    _following[0] = choice == "system"
    if choice == "system":
        apply_theme(app, None)
        _follow(app)
    else:
        apply_palette(app, choice == "dark")
