"""Drive the installed desktop app as a user would: start it on the demo, export, quit.

Run by tests/install/test_installed_wheel.py with the Python of a fresh virtual environment that
holds only the built wheel, from a folder outside the checkout:

    VENV/bin/python drive_gui.py OUT_DIR

It starts the app through its main function (`sprintjournal_ui.app.main`, which the
`sprintjournal-gui` script reaches through `launcher.gui`) with --demo; once start-up is done it
goes to the Report panel (Ctrl+3), generates the report and exports it as HTML and as PDF, then
closes the window.
Prints each written file; exits non-zero if the app failed or nothing was written in time.
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sprintjournal_ui.app import main
from sprintjournal_ui.dialogs.export_report import ExportOptions
from sprintjournal_ui.main_window import MainWindow

FORMATS = ["html", "pdf"]
GIVE_UP_MS = 180_000


def shown_window() -> MainWindow | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible() and widget.sprint is not None:
            return widget
    return None


def drive(out: Path, written: list[Path]) -> None:
    window = shown_window()
    if window is None or not window.toolbar.isEnabled():  # enabled when start-up is done
        QTimer.singleShot(100, lambda: drive(out, written))
        return
    window.go_to_panel("report")  # Ctrl+3: its tab is behind Stand-up, so it is made now
    report = window.panels["report"]
    if report.sprint_id != window.sprint.id:
        raise SystemExit(f"the Report panel shows sprint {report.sprint_id}, not the window's")
    report.generate()
    pending = list(FORMATS)

    def export_next(paths: object = None) -> None:
        if isinstance(paths, list):
            written.extend(paths)
        if not pending:
            window.close()
            return
        fmt = pending.pop(0)
        report.ask_export = lambda _defaults: ExportOptions(fmt, out / fmt)
        report.export()

    report.export_finished.connect(export_next)
    export_next()


def main_driver(out: Path) -> int:
    app = QApplication([sys.argv[0]])  # the app's main() takes this one over
    written: list[Path] = []
    QTimer.singleShot(0, lambda: drive(out, written))
    QTimer.singleShot(GIVE_UP_MS, app.quit)
    code = main(["--demo"])
    for path in written:
        print(path)
    if code != 0:
        return code
    return 0 if {p.suffix for p in written} >= {".html", ".pdf"} else 3


if __name__ == "__main__":
    sys.exit(main_driver(Path(sys.argv[1])))
