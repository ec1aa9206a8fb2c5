"""What happens after the window's first paint: show the notes at once, load the core behind.

0. The window's frame (toolbar, docks, menus, the saved layout) is built (`build_frame`).
1. The newest sprint's notes are read with plain sqlite3 (`sprintjournal.quick_read`) and shown;
   the editor accepts typing immediately (saving waits).
2. Then the core (SQLModel/SQLAlchemy, most of a second) is imported on the GUI thread one
   module per event-loop turn, so keys typed meanwhile are handled between steps; the longest
   step is SQLAlchemy's own package (about 0.3 s). Not a thread: PySide's import hook is not
   safe with imports running in two threads at once.
3. Back on the GUI thread the real `Journal` is opened (with the usual dialogs when it is
   refused), the notes panel starts saving, and the other panels are made and filled one
   step per event-loop turn (`MainWindow.attach_steps`), so typing is never held up for long.
If the quick read is not possible (new, locked, foreign or other-version file) step 1 is skipped.
Closing the window during step 2 finishes it first, so nothing typed is lost.
"""

import argparse
import importlib
import itertools
import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from sprintjournal.paths import demo_journal, resolve_journal

from . import gc_policy
from .startup_trace import StartupTrace

if TYPE_CHECKING:
    from sprintjournal.journal import Journal
    from sprintjournal.lock import EarlyLock
    from sprintjournal.quick_read import QuickReader

    from .main_window import MainWindow

log = logging.getLogger(__name__)

LIBRARIES = ["pydantic", "pydantic.main", "pydantic.fields", "sqlalchemy.util", "sqlalchemy.orm",
             "sqlmodel", "jinja2"]
"""The slow third-party packages, first and each in steps of its own (`sqlalchemy.util` alone
takes a third of a second)."""
CORE_ROOTS = ["sprintjournal.journal", "sprintjournal.report.compose",
              "sprintjournal.report.export"]
"""What showing a journal needs: the façade, and the modules the report panel drafts with. Their
own imports come first, one module per step, in the order `import_steps` reads from the source.
The text importers (docutils) load when File ▸ Import is used, the demo module only for --demo."""


def import_steps() -> Iterator[str]:
    """The modules to import, in order, before the journal opens."""
    from .import_steps import dependency_order

    return itertools.chain(LIBRARIES, dependency_order(CORE_ROOTS))


class Startup(QObject):
    def __init__(self, window: "MainWindow", args: argparse.Namespace, trace: StartupTrace,
                 app: QApplication) -> None:
        super().__init__(window)
        self.window, self.args, self.trace, self.app = window, args, trace, app
        self.failed = False
        self._path = demo_journal() if args.demo else resolve_journal(args.journal)
        self._reader: QuickReader | None = None
        self._lock: EarlyLock | None = None
        self._finished = False
        self._pending_imports = import_steps()
        self._steps: Iterator[str] = iter(())
        self._done = False  # every panel made and filled

    def run(self) -> None:
        """Called once, right after the first paint."""
        self.window.build_frame()
        self.window.before_close = self.finish_now
        if self._show_early():
            # The note's text on screen, laid out, the editor taking keys (the preview follows).
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            self.window.repaint()
            self.trace.mark("ready for input")
        QTimer.singleShot(0, self._import_next)

    def _show_early(self) -> bool:
        from sprintjournal.errors import JournalError
        from sprintjournal.lock import EarlyLock
        from sprintjournal.quick_read import QuickReader, QuickReadUnavailableError

        from .store import JournalStore

        try:
            self._lock = EarlyLock(self._path)
            self._lock.acquire()  # in use elsewhere: no early view, the dialog comes later
            self._reader = QuickReader(self._path)
            self.window.attach_early(JournalStore(cast("Journal", self._reader)))
        except (QuickReadUnavailableError, JournalError, OSError):
            self._drop_early()
            return False
        return self.window.sprint is not None

    def _drop_early(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _import_next(self) -> None:
        """One module per event-loop turn; then open the journal."""
        if self._finished:
            return
        name = next(self._pending_imports, None)
        if name is not None:
            importlib.import_module(name)
            QTimer.singleShot(0, self._import_next)
            return
        self._on_loaded()

    def finish_now(self) -> None:
        """The window is closing while the core loads or the panels fill: finish now, so
        edits can be saved."""
        for name in self._pending_imports:
            importlib.import_module(name)
        self._on_loaded()
        for _step in self._steps:
            pass
        self._attached()

    def _on_loaded(self) -> None:
        if self._finished:
            return
        self._finished = True
        self.trace.mark("core imported")
        self._drop_early()  # our own early lock must go before the Journal takes it
        journal = self._open()
        if journal is None:
            self.window.before_close = None
            gc_policy.settle()
            self.failed = True
            self.window.close_for_good()
            self.app.exit(1)
            return
        self.trace.mark("journal opened")
        from .store import JournalStore

        self._steps = self.window.attach_steps(JournalStore(journal))
        self._attach_next()

    def _attach_next(self) -> None:
        """One step of the window's `attach` per event-loop turn: typing goes on meanwhile."""
        if self._done:
            return
        if next(self._steps, None) is not None:
            QTimer.singleShot(0, self._attach_next)
            return
        self._attached()

    def _attached(self) -> None:
        if self._done or self.failed:
            return
        self._done = True
        self.window.before_close = None
        self.app.processEvents()
        gc_policy.settle()
        self.trace.mark("all panels filled")
        if self.args.quit_after_startup:
            QTimer.singleShot(0, self._quit)

    def _quit(self) -> None:
        self.window.close_for_good()
        self.app.exit(0)

    def _open(self) -> "Journal | None":
        from sprintjournal.errors import JournalError

        from .opening import open_journal

        if self.args.demo:
            from sprintjournal.demo import open_demo

            try:
                return open_demo(self._path)
            except JournalError as error:
                log.warning("demo journal: %s", error)
        return open_journal(self.window, self._path, at_startup=True)
