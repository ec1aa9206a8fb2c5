"""A note's text read from the editor's document without freezing typing.

`toPlainText()` of a 2 MB note holds the GUI thread 15–40 ms (Qt builds the whole string, then
PySide converts it), on each autosave and each preview. The preview needs only the beginning,
read through a cursor in well under a millisecond; autosave needs all of it, read here a slice of
blocks per turn of the event loop, and started again if a key changes the document meanwhile.
The text is the same as `toPlainText()`'s: block separators become newlines, non-breaking
spaces plain spaces.
"""

from __future__ import annotations  # QTextCursor loads when a long note is first read

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextDocument

SLICE = 200_000
"""Characters read per turn of the event loop (about a millisecond)."""
_AS_PLAIN = (("\u2029", "\n"), ("\u2028", "\n"), ("\ufdd0", "\n"), ("\ufdd1", "\n"),
             ("\u00a0", " "))


def length(document: QTextDocument) -> int:
    """The text's length (the document counts one more: its final block separator)."""
    return max(0, document.characterCount() - 1)


def _as_plain(raw: str) -> str:
    for char, plain in _AS_PLAIN:
        if char in raw:
            raw = raw.replace(char, plain)
    return raw


def text_between(document: QTextDocument, start: int, end: int) -> str:
    from PySide6.QtGui import QTextCursor  # its enums: not for the first screen's short note

    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return _as_plain(cursor.selectedText())


def head(document: QTextDocument, limit: int) -> str:
    """The first `limit` characters or so (cut at a block's start, never inside a character)."""
    total = length(document)
    if total <= limit:
        return document.toPlainText()
    end = _slice_end(document, 0, limit)
    if end > 2 * limit:  # one line of megabytes: cut inside it, between two characters
        end = limit - 1 if 0xD800 <= ord(document.characterAt(limit - 1)) < 0xDC00 else limit
    return text_between(document, 0, end)


def _slice_end(document: QTextDocument, start: int, size: int) -> int:
    """A block boundary about `size` after `start` (a surrogate pair is never split); a block
    longer than that is taken whole."""
    total = length(document)
    if start + size >= total:
        return total
    block = document.findBlock(start + size)
    if block.position() > start:
        return block.position()
    return min(total, block.position() + block.length())


class DocumentSnapshot(QObject):
    """Reads a document's text in slices, one per turn of the event loop, then calls `done`.

    A change to the document meanwhile abandons the reading (the caller hears nothing: the
    edit that changed it asks for a save of its own). A short text is read at once.
    """

    def __init__(self, document: QTextDocument, done: Callable[[str], None],
                 parent: QObject | None = None, *, slice_size: int = SLICE) -> None:
        super().__init__(parent)
        self._document, self._done, self._slice = document, done, slice_size
        self._parts: list[str] = []
        self._at = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._step)
        document.contentsChanged.connect(self.cancel)

    @property
    def reading(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self._parts, self._at = [], 0
        if length(self._document) <= self._slice:
            self._done(self._document.toPlainText())
            return
        self._timer.start(0)

    def cancel(self) -> None:
        self._timer.stop()
        self._parts = []

    def _step(self) -> None:
        end = _slice_end(self._document, self._at, self._slice)
        self._parts.append(text_between(self._document, self._at, end))
        self._at = end
        if end < length(self._document):
            self._timer.start(0)
            return
        text, self._parts = "".join(self._parts), []
        self._done(text)
