"""What happens after the window's first paint: show the notes at once, fill the rest after.

0. The window's frame (toolbar, docks, the saved layout) is built (`build_frame`); its actions
   and menus wait for the notes (the first step of `attach_steps`).
1. The journal is opened: lock, checks, and a plain-sqlite3 reader (`sprintjournal.reader`);
   SQLModel/SQLAlchemy/pydantic (about 48 MiB and half a second) are not imported, because
   showing a journal reads nothing through them. Only a file that must be created or migrated
   loads them here (one module per event-loop turn, as `CORE_IMPORTS` lists), before opening.
2. The newest sprint's notes are shown and the editor takes keys; then the other panels are
   made and filled one step per event-loop turn (`MainWindow.attach_steps`).
3. The ORM loads when the journal is first written: the store's `prepare_writes`, started at
   the first edit (see `ui.store`).
A journal the core refuses gets the usual dialogs (`ui.opening`).
"""

import argparse
import importlib
import logging
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from sprintjournal.paths import demo_journal, resolve_journal

from . import gc_policy
from .startup_trace import StartupTrace

if TYPE_CHECKING:
    from sprintjournal.journal import Journal

    from .main_window import MainWindow

log = logging.getLogger(__name__)

CORE_IMPORTS = [
    "pydantic", "pydantic.main", "pydantic.fields", "sqlalchemy.util", "sqlalchemy.orm",
    "sqlmodel", "sprintjournal.models", "sprintjournal.db",
]
"""The ORM in dependency order, so each step imports little beyond its own module: loaded
before opening a file that must be created or migrated (the migration builds its tables)."""


class Startup(QObject):
    def __init__(self, window: "MainWindow", args: argparse.Namespace, trace: StartupTrace,
                 app: QApplication, after_notes: Callable[[], None] = lambda: None) -> None:
        super().__init__(window)
        self.window, self.args, self.trace, self.app = window, args, trace, app
        self._after_notes: Callable[[], None] | None = after_notes
        self.failed = False
        self._path = demo_journal() if args.demo else resolve_journal(args.journal)
        self._pending_imports = list(CORE_IMPORTS) if self._needs_orm() else []
        self._opened = False
        self._steps: Iterator[str] = iter(())
        self._done = False  # every panel made and filled

    def _needs_orm(self) -> bool:
        """A file to create or migrate, from its header alone (opening checks it all again;
        a file the checks refuse gets its dialog either way)."""
        from sprintjournal import db

        if not self._path.exists():
            return True
        version = db.header_version(self._path)
        return version is not None and version < db.latest_version()

    def run(self) -> None:
        """Called once, right after the first paint."""
        self.window.build_frame(menus=False)  # the menus follow the notes: `attach_steps`
        self.window.before_close = self.finish_now
        self._import_next()

    def _import_next(self) -> None:
        """One module per event-loop turn (only for a file to create or migrate); then open."""
        if self._opened:
            return
        if self._pending_imports:
            importlib.import_module(self._pending_imports.pop(0))
            QTimer.singleShot(0, self._import_next)
            return
        self._open_and_show()

    def finish_now(self) -> None:
        """The window is closing while the panels fill: finish now, so edits can be saved."""
        self._pending_imports.clear()
        self._open_and_show()
        for _step in self._steps:
            pass
        self._attached()

    def _open_and_show(self) -> None:
        if self._opened:
            return
        self._opened = True
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

        store = JournalStore(journal)
        self.window.attach_early(store)
        if self.window.sprint is not None and self.window.notes is not None:
            # The note's text on screen, laid out, the editor taking keys (the preview follows).
            # The editor hides the scroll bars it needed at its size before the layout in a
            # queued call: without it, the notes came with both bars and wrapped narrower.
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            QApplication.sendPostedEvents(self.window.notes.editor, QEvent.Type.MetaCall)
            self.window.repaint()
            self.trace.mark("ready for input")
        self._steps = self.window.attach_steps(store)
        QTimer.singleShot(0, self._attach_next)

    def _attach_next(self) -> None:
        """One step of the window's `attach` per event-loop turn: typing goes on meanwhile."""
        if self._done:
            return
        if self._after_notes is not None:
            then, self._after_notes = self._after_notes, None
            then()
            QTimer.singleShot(0, self._attach_next)
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
