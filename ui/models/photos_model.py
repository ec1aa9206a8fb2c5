"""The sprint's photos for a thumbnail grid; thumbnails are decoded on the thread pool.

The journal keeps a small JPEG/PNG thumbnail per photo. Reading those bytes is a quick query
on the GUI thread; turning them into pixels is not free, so each is decoded by a pool job and
the row is refreshed (`dataChanged`) when its picture arrives. Until then a placeholder shows.
Decoded thumbnails are kept by content hash, so undoing a removal does not decode again; at
most `ICON_CACHE` of them beyond the rows shown (each is up to 160×160×4 bytes: a journal of
years of sprints would otherwise keep every thumbnail it ever showed), oldest dropped first.
"""

from collections import OrderedDict
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap

from sprintjournal.changes import Change
from sprintjournal.errors import JournalError
from sprintjournal.records import PhotoRec

from ..store import JournalStore
from ..workers.pool import run_in_pool
from .record_model import Column, RecordTableModel

ICON_SIZE = QSize(160, 160)
ICON_CACHE = 200


def decode_thumbnail(data: bytes) -> QImage:
    """Runs on a pool thread: QImage (unlike QPixmap) may be built off the GUI thread."""
    image = QImage.fromData(data)
    if image.isNull():
        raise ValueError("the stored thumbnail cannot be decoded")
    return image


def _label(rec: PhotoRec) -> str:
    return rec.caption or rec.filename


def _placeholder() -> QIcon:
    pixmap = QPixmap(ICON_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor(128, 128, 128, 160))
    painter.setBrush(QColor(128, 128, 128, 40))
    painter.drawRoundedRect(pixmap.rect().adjusted(8, 24, -8, -24), 6, 6)
    painter.end()
    return QIcon(pixmap)


class PhotosModel(RecordTableModel[PhotoRec]):
    columns = (Column("caption", "Caption", _label),)
    thumbnails_loaded = Signal()
    """Emitted whenever no thumbnail is pending any more (tests and screenshots wait on it)."""

    def __init__(self, store: JournalStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._sprint_id: int | None = None
        self._icons: OrderedDict[str, QIcon] = OrderedDict()  # sha256 -> decoded, oldest first
        self._pending: set[str] = set()
        self._given: dict[str, bytes] = {}  # thumbnails handed over by `prime`, not yet decoded
        self._primed: Change | None = None
        self._placeholder: QIcon | None = None
        for signal in (self.modelReset, self.rowsInserted):
            signal.connect(self._load_missing)

    @property
    def sprint_id(self) -> int | None:
        return self._sprint_id

    def set_sprint(self, sprint_id: int | None) -> None:
        self._sprint_id = sprint_id
        self.reload()

    def fetch(self) -> list[PhotoRec]:
        if self._sprint_id is None:
            return []
        return self._store.read(self._store.list_photos, self._sprint_id)

    def is_relevant(self, change: Change) -> bool:
        if change is self._primed:
            self._primed = None
            return False  # `prime` has already shown it
        return self._sprint_id is not None and change.sprint_id in (None, self._sprint_id)

    def prime(self, records: list[PhotoRec], thumbnails: dict[str, bytes],
              change: Change) -> None:
        """Show `records`, fetched with `change` on a worker, without querying again here.

        The photo importer writes on the pool and reads the fresh list there too, handing over
        the new thumbnails' bytes, so the GUI thread only diffs rows and starts decoding.
        """
        if records and records[0].sprint_id != self._sprint_id:
            return
        self._given.update(thumbnails)
        self._primed = change
        self.sync(records)

    def role_data(self, record: PhotoRec, key: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icons.get(record.sha256) or self._placeholder_icon()
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        return None

    def _placeholder_icon(self) -> QIcon:
        if self._placeholder is None:
            self._placeholder = _placeholder()
        return self._placeholder

    @staticmethod
    def _tooltip(rec: PhotoRec) -> str:
        lines = [rec.caption or "(no caption)", f"{rec.filename} — {rec.width}×{rec.height}"]
        if rec.day:
            lines.append(f"{rec.day:%a} {rec.day.day} {rec.day:%b %Y}")
        if rec.people:
            lines.append("with " + ", ".join(p.name for p in rec.people))
        if not rec.alt:
            lines.append("No alt text yet: add one for readers who cannot see the photo.")
        return "\n".join(lines)

    def has_thumbnail(self, photo_id: int) -> bool:
        row = self.row_of(photo_id)
        return row >= 0 and self._rows[row].sha256 in self._icons

    def pending(self) -> int:
        return len(self._pending)

    # -- thumbnails -------------------------------------------------------------------------
    def _load_missing(self, *_args: object) -> None:
        self._trim_icons()
        for rec in list(self._rows):
            if rec.sha256 in self._icons or rec.sha256 in self._pending:
                continue
            try:
                data = self._given.pop(rec.sha256, None) or self._store.read(
                    self._store.photo_thumbnail, rec.id)
            except JournalError:
                continue  # removed meanwhile, or the journal is busy: the placeholder stays
            self._pending.add(rec.sha256)
            run_in_pool(decode_thumbnail, data, on_done=partial(self._arrived, rec.sha256),
                        on_error=partial(self._failed, rec.sha256))

    def _arrived(self, key: str, image: QImage) -> None:
        if shiboken6.isValid(self):
            self._icons[key] = QIcon(QPixmap.fromImage(image))
            self._trim_icons()
        self._finish(key)

    def _trim_icons(self) -> None:
        """Keep the rows' thumbnails and at most ICON_CACHE others, the most recent."""
        shown = {rec.sha256 for rec in self._rows}
        others = [key for key in self._icons if key not in shown]
        for key in others[:max(0, len(others) - ICON_CACHE)]:
            del self._icons[key]

    def cached_icons(self) -> int:
        return len(self._icons)

    def _failed(self, key: str, _error: Exception) -> None:
        self._finish(key)

    def _finish(self, key: str) -> None:
        if not shiboken6.isValid(self):
            return  # the panel was closed while the thumbnail was decoding
        self._pending.discard(key)
        for row, rec in enumerate(self._rows):
            if rec.sha256 == key:
                index = self.index(row, 0)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
        if not self._pending:
            self.thumbnails_loaded.emit()
