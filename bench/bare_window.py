"""Baseline (a) for bench/startup.py: a bare PySide6 window, three list widgets and a text edit.

Prints the wall-clock time of its first paint and quits, so the bench can compare SprintJournal's
startup with the least any PySide6 app of that shape can do on this machine. With `--stay` it
stays open after that paint (bench/startup_x.py reads its memory, then sends SIGTERM).
With `--pyside-costs` it also pays, before its first paint, two costs of PySide6 itself that
any app beyond this one meets: naming one enum of the `Qt` namespace builds all 93 of them, and
the first QWidget* a call returns (here a list's viewport) makes PySide resolve every class of
QtWidgets, with their enums. bench/startup_x.py shows it as a second, informative baseline.
"""

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QTextEdit,
    QWidget,
)


class FirstPaint(QObject):
    def __init__(self, app: QApplication, stay: bool) -> None:
        super().__init__()
        self.app = app
        self.stay = stay
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            print(f"first paint  wall={time.time():.6f}  cpu={time.process_time():.4f}",
                  flush=True)
            if not self.stay:
                QTimer.singleShot(0, self.app.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    central = QWidget()
    layout = QHBoxLayout(central)
    for name in ("Days", "People", "Branches"):
        lists = QListWidget()
        lists.addItems([f"{name} {n}" for n in range(20)])
        layout.addWidget(lists)
    layout.addWidget(QTextEdit("Notes of the day"), 2)
    if "--pyside-costs" in sys.argv:
        from PySide6.QtCore import Qt

        lists.setTextElideMode(Qt.TextElideMode.ElideRight)
        lists.viewport()
    window.setCentralWidget(central)
    window.resize(1280, 800)
    painted = FirstPaint(app, "--stay" in sys.argv)
    central.installEventFilter(painted)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
