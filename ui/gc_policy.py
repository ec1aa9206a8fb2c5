"""Garbage collection in the app: start-up's objects frozen, and every collection on the GUI thread.

Start-up creates ~175,000 objects that live as long as the app (modules, classes, the widgets).
Frozen once start-up is done, they are left out of every later full collection, which otherwise
walks them all while the user types or switches sprint (50-250 ms each on this 2-core machine).
The ORM, imported with the first write, is frozen the same way once it is loaded.

Python's own collector runs in whichever thread crosses a threshold. In a pool thread (a note
saved in the background loads the ORM) a full collection walked ~57,000 fresh objects for
14-26 ms while holding the GIL: typing stalled up to 50 ms with the GUI thread idle
(bench/startup_interaction.py). A collection there may also delete the GUI's Qt wrappers from
the wrong thread. So after start-up the automatic collector is off and `GuiCollector` collects
on the GUI thread, by the same thresholds, as pyqtgraph's GarbageCollector does. The collector
keeps running during start-up itself: with it paused, short-lived Qt wrapper cycles were
collected late, in an unrelated state, and crashed the process.
"""

import gc
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from .gc_pace import usual_pace

INTERVAL_MS = 100
"""How often the GUI thread looks at the counts: ten wake-ups a second, not fifty (an idle app
should let the processor sleep); in the typing bench no collection took over 3 ms at this pace."""
_loading = threading.Event()
"""Set while a pool thread imports the ORM: its ~57,000 new objects are frozen when it is
done, so walking them meanwhile (a 35 ms collection on the GUI thread) is work for nothing."""
LOADING_SWITCH_S = 0.0005
"""The interpreter's switch interval while a pool thread imports the ORM (Python's default is
5 ms). Qt runs the GUI thread's Python (event handlers, slots, overrides) in many short calls,
and each must take the GIL back from the importing thread, waiting up to the interval: a
keystroke's few such waits added up to 30+ ms of stall for 12 ms of work."""


class GuiCollector(QObject):
    """Collects on the GUI thread what Python would have collected wherever it allocated."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        gc.disable()
        self.timer.start(INTERVAL_MS)

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()

    def check(self) -> int:
        """The generations Python's thresholds call for, oldest last; returns the oldest
        collected (-1: none was due)."""
        young, middle, old = gc.get_count()
        first, second, third = gc.get_threshold()
        if young <= first or _loading.is_set():
            return -1
        generation = 2 if old > third else 1 if middle > second else 0
        gc.collect(generation)
        return generation


_collector: list[GuiCollector] = []


def settle() -> None:
    """Start-up is over: keep what it made out of later collections (once), and collect on
    the GUI thread from now on, at Python's usual pace (see ui/gc_pace.py)."""
    if usual_pace():
        gc.collect(0)  # start-up's young garbage, collected now rather than frozen
    if gc.get_freeze_count() == 0:
        gc.freeze()
    from PySide6.QtCore import QThread  # not at import: its enums wait until the window maps

    app = QCoreApplication.instance()
    if _collector or app is None or QThread.currentThread() is not app.thread():
        return
    _collector.append(GuiCollector(app))
    _collector[0].start()


@contextmanager
def loading() -> Iterator[None]:
    """A pool thread imports what lives as long as the app (the ORM, with the first write):
    no collection meanwhile, the GIL handed back quickly, and what it made is frozen when it
    is done."""
    _loading.set()
    switch = sys.getswitchinterval()
    sys.setswitchinterval(LOADING_SWITCH_S)
    try:
        yield
    finally:
        sys.setswitchinterval(switch)
        keep_loaded()
        _loading.clear()


def keep_loaded() -> None:
    """The ORM was just imported (the first write): its modules and classes live as long as
    the app, so they leave the collections too."""
    gc.freeze()


def release() -> None:
    """The app is done (or `main` ran inside another program, as the tests do): back to normal."""
    usual_pace()
    while _collector:
        collector = _collector.pop()
        collector.stop()
        collector.deleteLater()
    gc.enable()
    gc.unfreeze()
