"""Search results as a list model: one row per hit, its kind and a snippet with the match marked.

The core's snippets mark matches with `[` and `]`; the model offers the plain text (for screen
readers and copying) and an HTML form (escaped user text, matches in bold) for the delegate.
"""

import html
import re

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from sprintjournal.records import SearchHit

KIND_LABELS = {
    "note": "Note",
    "standup": "Stand-up",
    "branch": "Branch",
    "person": "Person",
    "photo": "Photo",
}
HtmlRole = Qt.ItemDataRole.UserRole + 1
HitRole = Qt.ItemDataRole.UserRole + 2
_MARK = re.compile(r"\[([^\[\]]*)\]")

Index = QModelIndex | QPersistentModelIndex


def snippet_html(hit: SearchHit) -> str:
    """`<b>Kind</b> — snippet` with the matched words bold; everything else escaped."""
    body = _MARK.sub(lambda m: f"\x00{m.group(1)}\x01", hit.snippet.replace("\n", " "))
    body = html.escape(body).replace("\x00", "<b>").replace("\x01", "</b>")
    return f"<b>{KIND_LABELS.get(hit.kind, hit.kind)}</b> — {body}"


def snippet_text(hit: SearchHit) -> str:
    plain = _MARK.sub(lambda m: m.group(1), hit.snippet)
    return f"{KIND_LABELS.get(hit.kind, hit.kind)}: {plain}"


class SearchModel(QAbstractListModel):
    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
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
        if role == HtmlRole:
            return snippet_html(hit)
        if role == HitRole:
            return hit
        return None
