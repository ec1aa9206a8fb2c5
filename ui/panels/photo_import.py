"""Bring photos in from files or the clipboard: checked and thumbnailed off the GUI thread.

Reading, decoding and thumbnailing a phone photo takes a good part of a second; twenty of them
dropped at once must not freeze the window. Each file is read (size-checked first) and prepared
by `gallery.prepare` on the pool; prepared photos come back in the order they were given, so
the gallery keeps the order of the drop. A bad file is reported by name and the rest go on.
"""

from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal

from sprintjournal import photos
from sprintjournal.usecases import gallery
from ui.workers import Job, run_in_pool


@dataclass(frozen=True)
class PhotoSource:
    """One photo to import: a file, or bytes pasted from the clipboard."""

    name: str
    sprint_id: int
    day: date | None = None
    path: Path | None = None
    data: bytes | None = None


@dataclass(frozen=True)
class PreparedPhoto:
    source: PhotoSource
    data: bytes
    prepared: Any  # (PhotoInfo, thumbnail bytes), as gallery.add expects

    @property
    def day(self) -> date | None:
        """The day the camera says it was taken, else the day selected when it was added."""
        info = self.prepared[0]
        return info.taken.date() if info.taken else self.source.day


def load_and_prepare(source: PhotoSource) -> PreparedPhoto:
    """Runs on a pool thread: no widgets, no journal connection."""
    if source.data is not None:
        data = source.data
    else:
        assert source.path is not None
        data = photos.read_photo_file(source.path)
    return PreparedPhoto(source, data, gallery.prepare(data, source.name))


class PhotoImporter(QObject):
    progress = Signal(int, int)  # finished, total
    ready = Signal(object)  # PreparedPhoto, in the order the sources were given
    failed = Signal(str)  # a message naming the file
    finished = Signal()  # nothing left to do (all imported, failed or cancelled)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: dict[int, Job] = {}
        self._outcomes: dict[int, PreparedPhoto | str] = {}
        self._next_seq = 0  # sequence number given to the next source
        self._next_out = 0  # sequence number to hand out next
        self._batch_done = 0
        self._batch_total = 0

    @property
    def busy(self) -> bool:
        return self._next_out < self._next_seq

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
        """Drop every photo not imported yet."""
        for seq in range(self._next_out, self._next_seq):
            job = self._jobs.pop(seq, None)
            if job is not None:
                job.cancel()
        self._outcomes.clear()
        self._next_out = self._next_seq
        self._end_batch()

    def _settle_error(self, seq: int, name: str, exc: Exception) -> None:
        self._settle(seq, _message(name, exc))

    def _settle(self, seq: int, outcome: PreparedPhoto | str) -> None:
        if not shiboken6.isValid(self) or seq < self._next_out:
            return  # the panel was closed, or the import cancelled meanwhile
        self._outcomes[seq] = outcome
        self._jobs.pop(seq, None)
        while self._next_out in self._outcomes:
            result = self._outcomes.pop(self._next_out)
            self._next_out += 1
            self._batch_done += 1
            if isinstance(result, str):
                self.failed.emit(result)
            else:
                self.ready.emit(result)
        self.progress.emit(self._batch_done, self._batch_total)
        if not self.busy:
            self._end_batch()

    def _end_batch(self) -> None:
        self._batch_done = self._batch_total = 0
        self.finished.emit()


def _message(name: str, exc: Exception) -> str:
    """Core photo errors already start with the file name; others get it added."""
    text = str(exc) or type(exc).__name__
    return text if text.startswith(name) else f"{name}: {text}"
