"""The Branches table and its status/person filter."""

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from sprintjournal.changes import Change
from sprintjournal.records import BranchRec
from sprintjournal.vocabulary import BRANCH_KINDS, BRANCH_STATUSES

from ..store import JournalStore
from ..theme import MARKED
from .record_model import ChipColorRole, ChoicesRole, Column, RecordTableModel

STATUS_COLOURS = {
    "planned": QColor("#7b8088"),
    "in progress": QColor("#1f6fd1"),
    "blocked": QColor("#c62828"),
    "done": QColor("#2e7d32"),
    "merged": QColor("#7b3fb5"),
    "abandoned": QColor("#4a4a4a"),
}
"""Saturated enough to carry white text, and distinct from both light and dark backgrounds."""
STATUS_CHOICES = [(status, status) for status in BRANCH_STATUSES]
KIND_CHOICES = [(kind, kind) for kind in BRANCH_KINDS]


def _people(rec: BranchRec) -> str:
    return ", ".join(p.name for p in rec.people)


def _results(rec: BranchRec) -> str:
    """One result per line, as written: figures are quoted in the report verbatim."""
    return "\n".join(rec.results)


def _links(rec: BranchRec) -> str:
    return "\n".join(rec.links)


class BranchesModel(RecordTableModel[BranchRec]):
    columns = (
        Column("name", "Branch", lambda r: r.name),
        Column("kind", "Kind", lambda r: r.kind),
        Column("status", "Status", lambda r: r.status),
        Column("goal", "Goal", lambda r: r.goal),
        Column("people", "People", _people),
        Column("results", "Results", _results, "Results, figures as written"),
        Column("links", "Links", _links),
    )
    _inline = frozenset({"name", "kind", "status", "goal"})

    def __init__(self, store: JournalStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._sprint_id: int | None = None

    def set_sprint(self, sprint_id: int | None) -> None:
        self._sprint_id = sprint_id
        self.reload()

    def fetch(self) -> list[BranchRec]:
        if self._sprint_id is None:
            return []
        return self._store.read(self._store.list_branches, self._sprint_id)

    def is_relevant(self, change: Change) -> bool:
        return self._sprint_id is not None and change.sprint_id in (None, self._sprint_id)

    def role_data(self, record: BranchRec, key: str, role: int) -> Any:
        if record.notes_publish and key == "name":  # its notes may be printed in the report
            if role == Qt.ItemDataRole.BackgroundRole:
                return MARKED
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{record.name}: notes printed in the report (Ctrl+Shift+R to stop)"
        if role == Qt.ItemDataRole.EditRole:
            return getattr(record, key) if key in self._inline else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record, key)
        if key == "status":
            if role == ChipColorRole:
                return STATUS_COLOURS.get(record.status, STATUS_COLOURS["planned"])
            if role == ChoicesRole:
                return STATUS_CHOICES
        if key == "kind" and role == ChoicesRole:
            return KIND_CHOICES
        return None

    def _tooltip(self, record: BranchRec, key: str) -> str | None:
        if key == "results" and record.results:
            return "\n".join(f"• {r}" for r in record.results)
        if key == "links" and record.links:
            return "\n".join(record.links)
        if key == "goal" and record.goal:
            return record.goal
        if key in ("people", "results", "links"):
            return "Double-click to edit"
        return None

    def editable(self, key: str) -> bool:
        return key in self._inline

    def edit_fields(self, record: BranchRec, key: str, value: Any,
                    role: int) -> dict[str, Any] | None:
        if role != Qt.ItemDataRole.EditRole or key not in self._inline:
            return None
        text = str(value).strip() if key in ("name", "goal") else value
        if text == getattr(record, key) or (key == "name" and not text):
            return None
        return {key: text}


class BranchFilter(QSortFilterProxyModel):
    """Shows the branches with a status and/or a person; None means "any"."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status: str | None = None
        self._person_id: int | None = None

    def set_status(self, status: str | None) -> None:
        self.beginFilterChange()
        self._status = status
        self.endFilterChange()

    def set_person(self, person_id: int | None) -> None:
        self.beginFilterChange()
        self._person_id = person_id
        self.endFilterChange()

    @property
    def active(self) -> bool:
        return self._status is not None or self._person_id is not None

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        source = self.sourceModel()
        if not isinstance(source, BranchesModel) or source_parent.isValid():
            return True
        rec = source.record(source_row)
        if self._status is not None and rec.status != self._status:
            return False
        return self._person_id is None or any(p.id == self._person_id for p in rec.people)
