"""One section ("done so far" or "today") of one day's stand-up, as a table."""

from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QStyle

from sprintjournal.changes import Change
from sprintjournal.records import StandupRec
from sprintjournal.vocabulary import BRANCH_STATUSES

from ..store import JournalStore
from ..theme import MARKED
from .attendees_model import REVIEW_BACKGROUND
from .branches_model import STATUS_COLOURS
from .record_model import ChipColorRole, ChoicesRole, Column, RecordTableModel

SECTION_TITLES = {"done": "Done so far", "today": "Today"}
STATUS_CHOICES: list[tuple[str, str | None]] = [
    ("—", None), *((s, s) for s in BRANCH_STATUSES),
]


def _people(rec: StandupRec) -> str:
    """Pairs read best as "Mark Pearse & Antonio Cuni"."""
    return " & ".join(p.name for p in rec.people)


class StandupModel(RecordTableModel[StandupRec]):
    columns = (
        Column("text", "Item", lambda r: r.text),
        Column("status", "Status", lambda r: r.status or ""),
        Column("people", "People", _people, "Who worked on it (the pairs)"),
        Column("branch", "Branch", lambda r: r.branch_name or ""),
    )

    def __init__(self, store: JournalStore, section: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.section = section
        self._sprint_id: int | None = None
        self._day: date | None = None

    def set_scope(self, sprint_id: int | None, day: date | None) -> None:
        self._sprint_id, self._day = sprint_id, day
        self.reload()

    def fetch(self) -> list[StandupRec]:
        if self._sprint_id is None or self._day is None:
            return []
        items = self._store.read(self._store.list_standup, self._sprint_id, self._day)
        return [i for i in items if i.section == self.section]

    def is_relevant(self, change: Change) -> bool:
        return self._sprint_id is not None and change.sprint_id in (None, self._sprint_id)

    def role_data(self, record: StandupRec, key: str, role: int) -> Any:
        if role == Qt.ItemDataRole.EditRole:
            return {"text": record.text, "status": record.status}.get(key)
        if record.needs_review:
            if role == Qt.ItemDataRole.BackgroundRole:
                return REVIEW_BACKGROUND
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"Needs review: {record.review_reason or 'check this item'}"
            if role == Qt.ItemDataRole.DecorationRole and key == "text":
                return QApplication.style().standardIcon(
                    QStyle.StandardPixmap.SP_MessageBoxWarning)
        if record.publish and key == "text":  # marked for the report: shaded as in the notes
            if role == Qt.ItemDataRole.BackgroundRole:
                return MARKED
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{record.text}\n(marked for the report: Ctrl+Shift+R to unmark)"
        if role == Qt.ItemDataRole.ToolTipRole and key == "text":
            return record.text
        if key == "status":
            if role == ChipColorRole:
                return STATUS_COLOURS.get((record.status or "").casefold())
            if role == ChoicesRole:
                return STATUS_CHOICES
        return None

    def editable(self, key: str) -> bool:
        return key in ("text", "status")

    def edit_fields(self, record: StandupRec, key: str, value: Any,
                    role: int) -> dict[str, Any] | None:
        if role != Qt.ItemDataRole.EditRole:
            return None
        if key == "text":
            text = str(value).strip()
            return {"text": text} if text and text != record.text else None
        if key == "status" and value != record.status:
            return {"status": value}
        return None
