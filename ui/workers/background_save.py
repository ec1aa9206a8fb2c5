"""Autosave off the GUI thread.

Writing a note of megabytes takes SQLite hundreds of milliseconds (the text, its checksum, its
full-text index, a history version), and even a short note's commit waits for the disk (40-160
ms on a busy machine, at 20,000 notes); on the GUI thread every autosave would freeze typing that
long. The Journal's engine hands each thread its own connection (WAL lets the GUI keep reading),
so the write runs on the thread pool and its Change is announced back on the GUI thread.

One save at a time per panel keeps saves in order; `wait()` lets a flush (close, switching note
or day) finish the one in flight before writing synchronously.
"""

import logging
import threading

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from sprintjournal.changes import Change
from sprintjournal.errors import JournalError

from ..store import JournalStore

log = logging.getLogger(__name__)

class _SaveJob(QObject):
    done = Signal()

    def __init__(self, note_id: int, text: str, initiator: object) -> None:
        super().__init__()
        self.note_id, self.text, self.initiator = note_id, text, initiator
        self.change: Change | None = None
        self.error: str | None = None
        self.finished = threading.Event()
        self.handled = False


class _SaveTask(QRunnable):
    def __init__(self, job: _SaveJob, store: JournalStore) -> None:
        super().__init__()
        self._job, self._writer = job, store.background_writer()

    def run(self) -> None:
        job = self._job
        try:
            job.change = self._writer.set_note_text(job.note_id, job.text)
        except JournalError as exc:
            job.error = str(exc)
        except Exception as exc:  # reported like a core error; the text stays in the editor
            log.exception("saving note %s in the background failed", job.note_id)
            job.error = f"The note could not be saved ({type(exc).__name__}: {exc})."
        job.finished.set()
        job.done.emit()


class BackgroundSaver(QObject):
    """Runs one `set_note_text` at a time on the pool; `finished(ok)` on the GUI thread."""

    finished = Signal(bool)

    def __init__(self, store: JournalStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._job: _SaveJob | None = None

    @property
    def busy(self) -> bool:
        return self._job is not None

    def start(self, note_id: int, text: str, initiator: object) -> None:
        assert self._job is None, "one save at a time"
        job = _SaveJob(note_id, text, initiator)
        job.done.connect(lambda: self._finish(job))
        self._job = job
        QThreadPool.globalInstance().start(_SaveTask(job, self.store))

    def wait(self) -> None:
        """Block until the save in flight (if any) is written, and announce it now."""
        job = self._job
        if job is not None:
            job.finished.wait()
            self._finish(job)

    def _finish(self, job: _SaveJob) -> None:
        if job.handled:
            return
        job.handled = True
        self._job = None
        if job.error is not None:
            self.store.error.emit(job.error)
        elif job.change is not None:
            self.store.announce(job.change, job.initiator)
        self.finished.emit(job.error is None)
