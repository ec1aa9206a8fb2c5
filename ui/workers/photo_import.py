"""Bring photos in from files or the clipboard: checked and thumbnailed off the GUI thread.

Reading, decoding and thumbnailing a phone photo takes a good part of a second; twenty of them
dropped at once must not freeze the window. Each file is read (size-checked first) and prepared
by `photos.prepare` (in a helper process), then written on the pool with the journal's own pooled
connection; results come back in the order given, so the gallery keeps the order of the drop.
A bad file is reported by name and the rest go on.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Signal

from .pool import Job, run_in_pool

if TYPE_CHECKING:
    from ..store_calls import BackgroundWriter, PreparedInfo


@dataclass(frozen=True)
class PhotoSource:
    """One photo to import: a file, or bytes pasted from the clipboard."""

    name: str
    sprint_id: int
    day: date | None = None
    path: Path | None = None
    data: bytes | None = None
    writer: "BackgroundWriter | None" = None
    """The journal open when the photo was given: it goes there even if another is opened."""


@dataclass(frozen=True)
class PreparedPhoto:
    source: PhotoSource
    data: bytes
    prepared: "PreparedInfo"  # (PhotoInfo, thumbnail bytes), as the journal's add_photo expects

    @property
    def day(self) -> date | None:
        """The day the camera says it was taken, else the day selected when it was added."""
        info = self.prepared[0]
        return info.taken.date() if info.taken else self.source.day


def load_and_prepare(source: PhotoSource) -> PreparedPhoto:
    """Runs on a pool thread: no widgets, no journal connection.

    The decode itself (`photos.prepare`) runs in a helper process: see `photo_process`.
    """
    if source.data is not None:
        data = source.data
    else:
        assert source.path is not None
        from sprintjournal import photos  # Pillow: with the first photo, not at start-up

        data = photos.read_photo_file(source.path)
    from .photo_process import helper_pool  # pickle, subprocess: with the first photo too

    return PreparedPhoto(source, data, helper_pool().prepare(data, source.name))


class PhotoImporter(QObject):
    """Prepares photos in parallel, then writes them one at a time, in the order given.

    `write(prepared)` runs on the pool too: storing a multi-megabyte photo with a
    synced commit takes tens of milliseconds, too long for the GUI thread (issue 3: no stall
    over 50 ms while 20 photos are imported). Writes are sequential, so photos keep the order
    of the drop and only one write transaction is open at a time.
    """

    progress = Signal(int, int)  # finished, total
    added = Signal(object, object)  # PreparedPhoto, what `write` returned — in order
    failed = Signal(str)  # a message naming the file
    finished = Signal()  # nothing left to do (all imported, failed or cancelled)

    def __init__(self, write: Callable[[PreparedPhoto], Any],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._write = write
        self._jobs: dict[int, Job] = {}
        self._outcomes: dict[int, PreparedPhoto | str] = {}
        self._next_seq = 0  # sequence number given to the next source
        self._next_out = 0  # sequence number to write (or report) next
        self._writing = False
        self._batch_done = 0
        self._batch_total = 0

    @property
    def busy(self) -> bool:
        return self._writing or self._next_out < self._next_seq

    def add(self, sources: list[PhotoSource]) -> None:
        """Queue more photos; they join the batch in progress."""
        for source in sources:
            seq = self._next_seq
            self._next_seq += 1
            self._batch_total += 1
            self._jobs[seq] = run_in_pool(
                load_and_prepare, source, on_done=partial(self._settle, seq),
                on_error=partial(self._settle_error, seq, source.name))
        self.progress.emit(self._batch_done, self._batch_total)

    def cancel(self) -> None:
        """Drop every photo not written yet (a write under way completes)."""
        for seq in range(self._next_out, self._next_seq):
            job = self._jobs.pop(seq, None)
            if job is not None:
                job.cancel()
        self._outcomes.clear()
        self._next_out = self._next_seq
        if not self._writing:
            self._end_batch()

    def _settle_error(self, seq: int, name: str, exc: Exception) -> None:
        self._settle(seq, _message(name, exc))

    def _settle(self, seq: int, outcome: PreparedPhoto | str) -> None:
        if not shiboken6.isValid(self) or seq < self._next_out:
            return  # the panel was closed, or the import cancelled meanwhile
        self._jobs.pop(seq, None)
        self._outcomes[seq] = outcome
        self._pump()

    def _pump(self) -> None:
        """Report failures and start the next write, strictly in the order given."""
        while not self._writing and self._next_out in self._outcomes:
            outcome = self._outcomes.pop(self._next_out)
            self._next_out += 1
            if isinstance(outcome, str):
                self._count_one()
                self.failed.emit(outcome)
                continue
            self._writing = True
            run_in_pool(self._write, outcome, on_done=partial(self._written, outcome),
                        on_error=partial(self._write_failed, outcome), priority=1)
        if not self.busy:
            self._end_batch()

    def _written(self, photo: PreparedPhoto, result: object) -> None:
        if not shiboken6.isValid(self):
            return
        self._writing = False
        self._count_one()
        self.added.emit(photo, result)
        self._pump()

    def _write_failed(self, photo: PreparedPhoto, exc: Exception) -> None:
        if not shiboken6.isValid(self):
            return
        self._writing = False
        self._count_one()
        self.failed.emit(_message(photo.source.name, exc))
        self._pump()

    def _count_one(self) -> None:
        self._batch_done += 1
        self.progress.emit(self._batch_done, self._batch_total)

    def _end_batch(self) -> None:
        if self._batch_total:
            self._batch_done = self._batch_total = 0
            self.finished.emit()


def _message(name: str, exc: Exception) -> str:
    """Core photo errors already start with the file name; others get it added."""
    text = str(exc) or type(exc).__name__
    return text if text.startswith(name) else f"{name}: {text}"
