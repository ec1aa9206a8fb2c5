"""Baseline (a) for bench/startup.py: a bare PySide6 window, three list widgets and a text edit.

Prints the wall-clock time of its first paint and quits, so the bench can compare SprintJournal's
startup with the least any PySide6 app of that shape can do on this machine. "First paint" is
taken when the window's last widget, the text edit, has painted its text: the moment the app's
"ready for input" stands for (its whole window painted). It was taken when the first paint event
reached the central widget, before any list or the text was drawn (about 3 ms of its work
earlier), which compared the app's finished screen with the bare window's unpainted one. With
`--stay` it stays open after that paint (bench/startup_x.py reads its memory, then sends
SIGTERM).
With `--pyside-costs` it also pays, before its first paint, two costs of PySide6 itself that
any app beyond this one meets: naming one enum of the `Qt` namespace builds all 93 of them, and
the first QWidget* a call returns (here a list's viewport) makes PySide resolve every class of
QtWidgets, with their enums. bench/startup_x.py shows it as a second, informative baseline.
"""

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QTextEdit,
    QWidget,
)


class NotesBox(QTextEdit):
    """The text edit, laid out last: painted last of the window's widgets."""

    def __init__(self, text: str, app: QApplication, stay: bool) -> None:
        super().__init__(text)
        self.app = app
        self.stay = stay
        self.done = False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.done:
            self.done = True
            print(f"first paint  wall={time.time():.6f}  cpu={time.process_time():.4f}",
                  flush=True)
            if not self.stay:
                QTimer.singleShot(0, self.app.quit)


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    central = QWidget()
    layout = QHBoxLayout(central)
    for name in ("Days", "People", "Branches"):
        lists = QListWidget()
        lists.addItems([f"{name} {n}" for n in range(20)])
        layout.addWidget(lists)
    layout.addWidget(NotesBox("Notes of the day", app, "--stay" in sys.argv), 2)
    if "--pyside-costs" in sys.argv:
        from PySide6.QtCore import Qt

        lists.setTextElideMode(Qt.TextElideMode.ElideRight)
        lists.viewport()
    window.setCentralWidget(central)
    window.resize(1280, 800)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
