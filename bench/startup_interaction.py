"""The in-process half of bench/startup.py: switching, search and typing lag at 20,000 notes.

Each figure includes the events Qt processes right after the action (layout and paint of the
offscreen window), since that is what the user waits for.
"""

import os
import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QEventLoop, QObject, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sprintjournal_ui.app import make_application
from sprintjournal_ui.main_window import MainWindow
from sprintjournal_ui.store import JournalStore

from sprintjournal.journal import Journal

TICK_MS = 5
TARGET_MS = 50.0


class LagProbe(QObject):
    """A 5 ms timer recording how late each tick fires: the GUI thread's stalls."""

    def __init__(self) -> None:
        super().__init__()
        self.lags: list[float] = []
        self._clock = QElapsedTimer()
        self._last = 0
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.lags.clear()
        self._clock.start()
        self._last = 0
        self._timer.start(TICK_MS)

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = self._clock.nsecsElapsed()
        if self._last:
            self.lags.append(max(0.0, (now - self._last) / 1e6 - TICK_MS))
        self._last = now


def timed(app: QApplication, action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    app.processEvents()
    return (time.perf_counter() - start) * 1000


def summary(label: str, times: list[float]) -> bool:
    print(f"  {label:<34} median {statistics.median(times):6.1f} ms   max {max(times):6.1f} ms"
          f"   (n={len(times)}, target < {TARGET_MS:.0f})")
    return max(times) < TARGET_MS


def type_in_bursts(app: QApplication, window: MainWindow, bursts: int = 3,
                   chars: int = 60, gap_ms: int = 30, pause_ms: int = 1300) -> None:
    """A fast typist: bursts of keys 30 ms apart, with pauses long enough for autosave."""
    notes = window.notes
    assert notes is not None
    notes.editor.setFocus()
    notes.editor.moveCursor(QTextCursor.MoveOperation.End)
    schedule = []
    at = 0
    for _ in range(bursts):
        for n in range(chars):
            schedule.append((at, "pypy jit "[n % 9]))
            at += gap_ms
        at += pause_ms
    loop = QEventLoop()
    for when, key in schedule:
        QTimer.singleShot(when, lambda k=key: QTest.keyClicks(notes.editor, k))
    QTimer.singleShot(at, loop.quit)
    loop.exec()


def probe_typing(app: QApplication, window: MainWindow, label: str) -> bool:
    probe = LagProbe()
    probe.start()
    type_in_bursts(app, window)
    probe.stop()
    lags = sorted(probe.lags)
    p99 = lags[int(len(lags) * 0.99)]
    print(f"  {label:<34} max stall {max(lags):6.1f} ms   p99 {p99:5.1f} ms   "
          f"(ticks={len(lags)}, target: no stall > {TARGET_MS:.0f})")
    return max(lags) <= TARGET_MS


def idle_floor(app: QApplication) -> None:
    probe = LagProbe()
    probe.start()
    loop = QEventLoop()
    QTimer.singleShot(1000, loop.quit)
    loop.exec()
    probe.stop()
    print(f"  {'idle (the probe alone)':<34} max stall {max(probe.lags):6.1f} ms")


def measure_interaction(scale: Path, home: Path) -> bool:
    os.environ["SPRINTJOURNAL_HOME"] = str(home)
    app = make_application([], "light")
    window = MainWindow(autosave_ms=1000)
    window.resize(1280, 800)
    window.show()
    journal = Journal(scale)
    window.attach(JournalStore(journal))
    app.processEvents()
    sprints = journal.list_sprints()
    print("\nat 20,000 notes (200 sprints), in process:")
    ok = summary("switch sprint", [timed(app, partial(window.select_sprint, s.id))
                                   for s in sprints[1:21]])
    sprint = window.sprint
    assert sprint is not None
    ok &= summary("switch day", [timed(app, partial(window.select_day, d))
                                 for d in [*sprint.days(), *sprint.days()]])
    window.focus_search()
    searches = []
    for word in ("jit", "trace guard", "struct", "Person 01", "stm", "ctypes", "loop", "gil"):
        window.search.field.setText(word)
        searches.append(timed(app, window.search.run_search))
    ok &= summary("search (this sprint)", searches)
    window.search.all_sprints.setChecked(True)
    searches = []
    for word in ("jit", "trace guard", "struct", "Person 01"):
        window.search.field.setText(word)
        searches.append(timed(app, window.search.run_search))
    ok &= summary("search (all 200 sprints)", searches)
    print("\nevent-loop lag while typing (3 bursts of 60 keys, autosave after each):")
    idle_floor(app)
    window.select_day(sprint.days()[1])
    ok &= probe_typing(app, window, "typing in a day's note")
    assert window.notes is not None
    window.notes.editor.setPlainText("".join(f"log line {n} " * 8 + "\n" for n in range(20_000)))
    window.notes.flush()
    ok &= probe_typing(app, window, "typing at the end of a 2 MB note")
    window.close_for_good()
    journal.close()
    return ok
