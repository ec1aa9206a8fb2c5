"""Search results as a list model: one row per hit, its kind and a snippet with the match marked.

The core's snippets mark matches with `[` and `]`; the model offers the plain text (for screen
readers and copying) and, for the delegate, the row's text with the ranges to draw in bold (the
kind and the matched words). The text is never parsed as markup, so user text shows literally.
"""

import re
from typing import NamedTuple

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from sprintjournal.records import SearchHit

KIND_LABELS = {
    "note": "Note",
    "standup": "Stand-up",
    "branch": "Branch",
    "person": "Person",
    "photo": "Photo",
}
SpansRole = Qt.ItemDataRole.UserRole + 1
HitRole = Qt.ItemDataRole.UserRole + 2
_MARK = re.compile(r"\[([^\[\]]*)\]")

Index = QModelIndex | QPersistentModelIndex


class Spans(NamedTuple):
    """A row's text and its bold ranges as (start, length) in UTF-16 units, as Qt counts."""

    text: str
    bold: tuple[tuple[int, int], ...]


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def snippet_spans(hit: SearchHit) -> Spans:
    """`Kind — snippet` with the kind and the matched words bold."""
    label = KIND_LABELS.get(hit.kind, hit.kind)
    parts, bold = [f"{label} — "], [(0, _utf16_len(label))]
    at, last = _utf16_len(parts[0]), 0
    snippet = hit.snippet.replace("\n", " ")
    for match in _MARK.finditer(snippet):
        before = snippet[last : match.start()]
        parts.append(before)
        at += _utf16_len(before)
        word = match.group(1)
        bold.append((at, _utf16_len(word)))
        parts.append(word)
        at += _utf16_len(word)
        last = match.end()
    parts.append(snippet[last:])
    return Spans("".join(parts), tuple(bold))


def snippet_text(hit: SearchHit) -> str:
    plain = _MARK.sub(lambda m: m.group(1), hit.snippet)
    return f"{KIND_LABELS.get(hit.kind, hit.kind)}: {plain}"


class SearchModel(QAbstractListModel):
    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._hits: list[SearchHit] = []
        self._spans: dict[int, Spans] = {}  # the delegate asks on every layout and paint

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self._spans.clear()
        self.endResetModel()

    def hit(self, row: int) -> SearchHit:
        return self._hits[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return snippet_text(hit)
        if role == Qt.ItemDataRole.ToolTipRole:
            return snippet_text(hit)
        if role == SpansRole:
            spans = self._spans.get(index.row())
            if spans is None:
                spans = self._spans[index.row()] = snippet_spans(hit)
            return spans
        if role == HitRole:
            return hit
        return None
