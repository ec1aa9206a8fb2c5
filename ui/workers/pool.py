"""Run slow, session-free work (photo decoding, thumbnails, exports) on a QThreadPool.

`run_in_pool(fn, *args, on_done=..., on_error=..., on_progress=...)` calls `fn(*args)` on a pool
thread and hands the result back on the GUI thread through queued signals. When `fn` takes a
keyword argument `job`, it receives the `Job`, to report progress (`job.progress(done, total)`)
and to notice cancellation (`job.cancelled`). An exception in `fn` is logged and passed to
`on_error`; it never reaches Qt (FAULTS 10). Results of a cancelled job are dropped.

Workers must not touch widgets or the GUI thread's journal connection: give them bytes and
paths, and apply their results on the GUI thread.
"""

import inspect
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)
_running: set["Job"] = set()
"""Jobs whose signals may still fire: kept alive here until they finish."""


class JobSignals(QObject):
    done = Signal(object)
    failed = Signal(object)  # the exception
    progress = Signal(int, int)  # done, total
    finished = Signal()  # after done/failed, or when a cancelled job ends


class Job(QRunnable):
    """One call of `fn` on the pool; `cancel()` may be called from any thread."""

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = JobSignals()
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self._cancel = threading.Event()
        if _accepts_job(fn):
            self._kwargs["job"] = self

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def progress(self, done: int, total: int) -> None:
        if not self.cancelled:
            self.signals.progress.emit(done, total)

    def run(self) -> None:
        try:
            result = self._fn(*self._args, **self._kwargs)
        except Exception as exc:
            if not self.cancelled:
                log.warning("background job %s failed: %s", _name(self._fn), exc,
                            exc_info=not _is_user_error(exc))
                self.signals.failed.emit(exc)
        else:
            if not self.cancelled:
                self.signals.done.emit(result)
        self.signals.finished.emit()


def _accepts_job(fn: Callable[..., Any]) -> bool:
    try:
        return "job" in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


def _name(fn: Callable[..., Any]) -> str:
    return getattr(fn, "__qualname__", repr(fn))


def _is_user_error(exc: Exception) -> bool:
    """Errors meant for the user (a bad photo, a folder that is a file) need no traceback."""
    from sprintjournal.errors import JournalError

    return isinstance(exc, JournalError | OSError)


def run_in_pool(
    fn: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    pool: QThreadPool | None = None,
    priority: int = 0,
) -> Job:
    """Start `fn(*args)` on `pool` (the global pool by default) and return its Job.

    A higher `priority` runs before queued jobs of lower priority.
    """
    job = Job(fn, *args)
    if on_done is not None:
        job.signals.done.connect(on_done)
    if on_error is not None:
        job.signals.failed.connect(on_error)
    if on_progress is not None:
        job.signals.progress.connect(on_progress)
    _running.add(job)
    job.signals.finished.connect(lambda: _running.discard(job))
    (pool or QThreadPool.globalInstance()).start(job, priority)
    return job


def running_jobs() -> int:
    """How many jobs have not finished yet (tests wait for zero)."""
    return len(_running)
