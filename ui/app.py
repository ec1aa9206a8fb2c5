"""Start the desktop app: QApplication, arguments, the window first, then the journal.

Startup order matters: importing SQLModel/SQLAlchemy costs most of a second, so the window is
shown and painted first, as light as it can be: the menu bar over an empty central area, at the
saved geometry, in the palette the platform suggests (no `Qt` enums, no imports beyond the
window's). Right after that paint, `ui.startup` builds the frame (toolbar, empty docks, menus, the
saved layout), shows the notes from a quick read, and lets the core load in the background before
it fills the panels; the system's exact colour scheme and the crash guards come in then too.
`--trace-startup` prints the time of each phase. A journal the core refuses gets a dialog (never
a traceback), an exception in a slot is logged and shown without stopping the app, and
SIGTERM/SIGINT save and close cleanly.
"""

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from sprintjournal.paths import APP_ID, APP_NAME

from . import gc_policy
from .startup_trace import StartupTrace

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

    from .startup import Startup

log = logging.getLogger(__name__)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    from sprintjournal.app_options import APP_DESCRIPTION, add_app_options

    parser = argparse.ArgumentParser(prog="sprintjournal-gui", description=APP_DESCRIPTION)
    parser.add_argument("file", nargs="?", type=Path, help="a journal file to open, as --journal "
                        "(the desktop menu and file managers pass it this way)")
    add_app_options(parser)
    args = parser.parse_args(list(argv))
    args.journal = args.journal or args.file
    return args


ONE_PAINT_THREAD = "QT_NO_GUI_THREADPOOL"
"""Set, it has Qt paint on the GUI thread alone. Qt's raster engine hands a fill of many short
spans (a scroll bar's gradient, 700 lines of 15 pixels) to a pool of one thread per core,
and waits for them: on the 2-core bench machine, with the X server on the other core, the
first screen's paint started two threads, which made about 1,200 futex calls, and the notes
came 10 ms later than painted on one thread (first paint to notes, 105 ms against 95: medians
of 40 interleaved start-ups). What the pool sped up, a large image's smooth scaling (a 2400 px
photo to a 900 px viewer), takes 7 ms instead of 4. Qt reads the variable once, at its first
parallel fill; a value the user set is kept."""

WINDOW_ICON_MAX = 128
"""The largest icon size the windows carry. Under X every size of the window icon is converted
and sent to the server before the window maps: the 256 and 512 px ones (1.3 MB of pixels) took
about 15 ms of CPU for nothing a window manager draws; launchers and menus take the icon from
the desktop entry's installed icons (`sprintjournal.desktop`), in every size."""


def app_icon(max_size: int | None = None) -> "QIcon":
    """The application icon in each shipped size (up to `max_size`); Qt picks the one that fits
    (lazily)."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    from sprintjournal.paths import ICON_SIZES, icon_file

    icon = QIcon()
    for size in ICON_SIZES:
        if max_size is None or size <= max_size:
            icon.addFile(str(icon_file(size)), QSize(size, size))
    return icon


def make_application(argv: Sequence[str], scheme: str = "system", *,
                     guess_scheme: bool = False, icon: bool = True) -> QApplication:
    """The QApplication in `scheme` ("light", "dark" or "system"). With `guess_scheme`, the
    system's scheme is guessed from the platform's palette (no `Qt` enums before the first
    paint); the caller then runs `ui.theme.follow_system_scheme` after the first paint. Without
    `icon`, the caller sets the windows' icon (`set_window_icon`): the app does after its first
    paint, since QIcon's first use builds its enums (about 3 ms) and the window manager takes
    an icon set later just as well."""
    from .import_hook import install

    install()  # before the core's ~500 modules are imported: see ui/import_hook.py
    from .theme import STYLE_ARGS, apply_palette, follow_system_scheme, is_dark, styled_at_start

    os.environ.setdefault(ONE_PAINT_THREAD, "1")
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication([sys.argv[0], *STYLE_ARGS, *argv])
        styled_at_start(app)
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(APP_ID)  # Wayland and task bars match the window to its menu entry
    if icon:
        set_window_icon(app)
    if scheme in ("light", "dark"):
        apply_palette(app, scheme == "dark")
    elif guess_scheme:
        apply_palette(app, is_dark(app.palette()))
    else:
        follow_system_scheme(app)
    return app


def set_window_icon(app: QApplication) -> None:
    app.setWindowIcon(app_icon(WINDOW_ICON_MAX))


def main(argv: Sequence[str] | None = None) -> int:
    from .import_hook import install

    install()  # before the arguments: argparse's gettext imports `locale` (ui/import_hook.py)
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    trace = StartupTrace(args.trace_startup)
    if args.color_scheme is None:  # not given: the choice made in View ▸ Theme
        from .settings import theme_choice

        args.color_scheme = theme_choice()
    system_scheme = args.color_scheme == "system"
    app = make_application([], args.color_scheme, guess_scheme=system_scheme, icon=False)
    trace.mark("qapplication")
    from .main_window import MainWindow

    window = MainWindow(frame_later=True)  # the menu bar first; the rest after the first paint
    restore: list[Callable[[], None]] = []
    startups: list[Startup] = []

    def after_notes() -> None:
        """The window's icon, and the system's scheme followed: once the notes are on screen,
        as both build enums first (QIcon's; the `Qt` namespace's 93, about 25 ms)."""
        set_window_icon(app)
        if system_scheme:
            from .theme import follow_system_scheme, is_dark

            follow_system_scheme(app, is_dark(app.palette()))  # the guess was right, almost always

    def after_first_paint() -> None:
        """Everything the first frame did not need, in the next turn of the event loop."""
        trace.mark("first paint")
        from .crash_guard import install_excepthook, install_signal_handlers
        from .startup import Startup

        restore.append(install_excepthook(window))
        startups.append(Startup(window, args, trace, app, after_notes))
        startups[0].run()  # the frame, the notes, the editor taking keys; the core comes next
        restore.append(install_signal_handlers(app, window))

    def first_paint() -> None:
        window.central.painted.disconnect(first_paint)
        QTimer.singleShot(0, after_first_paint)  # once that paint is on the screen

    window.central.painted.connect(first_paint)
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)  # the main window decides; dialogs never quit the app
    window.closed.connect(app.quit)
    window.show()
    trace.mark("window shown")
    try:
        status = app.exec()
    finally:
        gc_policy.release()
        for undo in reversed(restore):
            undo()
        app.setQuitOnLastWindowClosed(quit_on_close)
        if window.has_store:
            window.store.close()
        window.deleteLater()
    return 1 if startups and startups[0].failed else status

if __name__ == "__main__":
    raise SystemExit(main())
