"""Search results as a list model: one row per hit, its kind and a snippet with the match marked.

The core's snippets mark matches with `[` and `]`; the model offers the plain text (for screen
readers and copying) and, for the delegate, the row's text with the ranges to draw in bold (the
kind and the matched words). The text is never parsed as markup, so user text shows literally.
"""

import re
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

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
_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()\s]*\)")  # [text](url): the text
_EMPHASIS = re.compile(r"(\*\*|__|~~|`+)")
_SINGLE = re.compile(r"(?<![\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])")
_HEADING = re.compile(r"(^|\n)\s{0,3}#{1,6}\s+")
_TASK = re.compile(r"(^|\n)\s*[-*+]\s+\[( |x|X)\]\s+")
_BULLET = re.compile(r"(^|\n)\s*[-*+]\s+")


def plain_snippet(snippet: str) -> str:
    """The snippet as the rendered note reads: no `**`, backticks, heading hashes or link
    targets (the core's `[match]` marks are kept for the bold)."""
    text = _LINK.sub(r"\1", snippet)
    text = _TASK.sub(lambda m: m.group(1) + ("☑ " if m.group(2) != " " else "☐ "), text)
    text = _HEADING.sub(r"\1", text)
    text = _BULLET.sub(r"\1• ", text)
    text = _EMPHASIS.sub("", text)
    return _SINGLE.sub(r"\1", text)

Index = QModelIndex | QPersistentModelIndex


class Spans(NamedTuple):
    """A row's text and its bold ranges as (start, length) in UTF-16 units, as Qt counts."""

    text: str
    bold: tuple[tuple[int, int], ...]


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def snippet_spans(hit: SearchHit, where: str = "", plain: str | None = None) -> Spans:
    """`Kind, where — snippet` with the kind and the matched words bold; `where` is the day
    and branch ("Thu 3 Nov · #jit-targets"); `plain` the snippet's `plain_snippet`, if known."""
    label = KIND_LABELS.get(hit.kind, hit.kind)
    head = f"{label} · {where} — " if where else f"{label} — "
    parts, bold = [head], [(0, _utf16_len(label))]
    at, last = _utf16_len(parts[0]), 0
    snippet = (plain_snippet(hit.snippet) if plain is None else plain).replace("\n", " ")
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


def snippet_text(hit: SearchHit, where: str = "", plain: str | None = None) -> str:
    plain = _MARK.sub(lambda m: m.group(1), plain_snippet(hit.snippet) if plain is None else plain)
    label = KIND_LABELS.get(hit.kind, hit.kind)
    return f"{label}, {where}: {plain}" if where else f"{label}: {plain}"


ROWS_AT_ONCE = 20
"""Rows a search shows at first and adds each time the list is scrolled to its end."""
_ASKED = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.ToolTipRole, SpansRole, HitRole})


class SearchModel(QAbstractListModel):
    """The hits of one search, offered `ROWS_AT_ONCE` at a time (`canFetchMore`): a row is a
    wrapped text laid out for its height, and laying out 100 of them took 25 ms of each search.
    The view fetches more as it is scrolled to the end. (QListView's batched layout did the same
    work in slices, but left the first results of a fresh list unshown.)"""

    def __init__(self, parent: QObject | None = None, rows_at_once: int = ROWS_AT_ONCE) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []
        self._shown = 0
        self._rows_at_once = rows_at_once
        self._spans: dict[int, Spans] = {}  # the delegate asks on every layout and paint
        self._texts: dict[int, str] = {}  # the style asks on every paint
        self._plain: dict[int, str] = {}  # what both are made of
        self._where: dict[int, str] = {}
        self.locate: Callable[[SearchHit], str] = lambda _hit: ""
        """Where a hit is (its day and branch); asked only for the rows shown, once each."""

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self._shown = min(len(self._hits), self._rows_at_once)
        self._spans.clear()
        self._texts.clear()
        self._plain.clear()
        self._where.clear()
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._shown < len(self._hits)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        more = min(len(self._hits) - self._shown, self._rows_at_once)
        if parent.isValid() or more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def _plain_of(self, row: int) -> str:
        plain = self._plain.get(row)
        if plain is None:
            plain = self._plain[row] = plain_snippet(self._hits[row].snippet)
        return plain

    def _where_of(self, row: int) -> str:
        where = self._where.get(row)
        if where is None:
            where = self._where[row] = self.locate(self._hits[row])
        return where

    def hit(self, row: int) -> SearchHit:
        return self._hits[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # The style asks each painted row for a dozen roles (font, colours, icon...): those
        # are answered first, without touching the row.
        if role not in _ASKED or not index.isValid() or not 0 <= index.row() < self._shown:
            return None
        row = index.row()
        hit = self._hits[row]
        if role == HitRole:
            return hit
        where, plain = self._where_of(row), self._plain_of(row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.ToolTipRole):
            text = self._texts.get(row)
            if text is None:
                text = self._texts[row] = snippet_text(hit, where, plain)
            return text
        if role == SpansRole:
            spans = self._spans.get(row)
            if spans is None:
                spans = self._spans[row] = snippet_spans(hit, where, plain)
            return spans
        return None
