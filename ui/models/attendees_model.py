"""The Attendees table: who comes, when, where they sleep, what they eat, host and newcomer."""

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QObject, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from sprintjournal.changes import Change
from sprintjournal.records import AttendeeRec

from ..store import JournalStore
from .record_model import ChipColorRole, ChoicesRole, Column, RecordTableModel

REVIEW_BACKGROUND = QColor(255, 176, 0, 70)
"""Translucent amber: visible behind dark and light text alike."""
NEWCOMER_COLOUR = QColor("#2e8b57")
NEWCOMER_CHOICES = [
    ("newcomer (first sprint)", None), ("newcomer", True), ("not a newcomer", False),
]


def short_day(day: date | None) -> str:
    """'Wed 2 Nov': enough to tell sprint days apart in a narrow column."""
    return "" if day is None else f"{day:%a} {day.day} {day:%b}"


def _arrive_text(rec: AttendeeRec) -> str:
    if rec.arrive is None and rec.depart is None:
        return rec.dates_text or ("all week (host)" if rec.host else "?")
    return short_day(rec.arrive) or "?"


def _depart_text(rec: AttendeeRec) -> str:
    if rec.arrive is None and rec.depart is None:
        return ""
    return short_day(rec.depart) or "?"


def _newcomer_text(rec: AttendeeRec) -> str:
    """The organiser's answer as it is; the app's guess (first sprint in this journal) with a
    question mark, so it never reads as a fact."""
    if not rec.newcomer:
        return ""
    return "newcomer" if rec.newcomer_override else "newcomer?"


GUESS_TIP = ("First sprint in this journal, so perhaps a newcomer: a guess until confirmed "
             "(here, or in Needs Review). The report welcomes confirmed newcomers only.")


class AttendeesModel(RecordTableModel[AttendeeRec]):
    columns = (
        Column("name", "Name", lambda r: r.person.name),
        Column("here", "Here", lambda r: "", "Checked in as here on the selected day (Space)"),
        Column("arrive", "Arrives", _arrive_text),
        Column("depart", "Departs", _depart_text),
        Column("accommodation", "Accommodation", lambda r: r.accommodation or ""),
        Column("diet", "Diet", lambda r: r.diet or ""),
        Column("host", "Host", lambda r: "", "Hosts count as present all week"),
        Column("newcomer", "Newcomer", _newcomer_text, "First sprint in this journal"),
    )
    _text_fields = ("accommodation", "diet")

    def __init__(self, store: JournalStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._sprint_id: int | None = None
        self._sprint_start: date | None = None
        self.day: date | None = None  # the selected day: what "Here" checks in for

    @property
    def sprint_id(self) -> int | None:
        return self._sprint_id

    def set_sprint(self, sprint_id: int | None) -> None:
        self._sprint_id = sprint_id
        self._sprint_start = None
        if sprint_id is not None:
            self._sprint_start = self._store.read(self._store.get_sprint, sprint_id).start
        self.reload()

    def fetch(self) -> list[AttendeeRec]:
        if self._sprint_id is None:
            return []
        return self._store.read(self._store.list_attendees, self._sprint_id)

    def is_relevant(self, change: Change) -> bool:
        return self._sprint_id is not None and change.sprint_id in (None, self._sprint_id)

    def role_data(self, record: AttendeeRec, key: str, role: int) -> Any:
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(record, key)
        if record.needs_review and role == Qt.ItemDataRole.BackgroundRole:
            return REVIEW_BACKGROUND
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record, key)
        if key == "name":
            return self._name_role(record, role)
        if key == "here" and role == Qt.ItemDataRole.CheckStateRole and self.day is not None:
            return (Qt.CheckState.Checked if self.day in record.checked_in
                    else Qt.CheckState.Unchecked)
        if key == "host" and role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if record.host else Qt.CheckState.Unchecked
        if key == "newcomer":
            return self._newcomer_role(record, role)
        return None

    def _edit_value(self, record: AttendeeRec, key: str) -> Any:
        if key in ("arrive", "depart"):
            day = getattr(record, key) or self._sprint_start or date.today()
            return QDate(day.year, day.month, day.day)
        if key == "newcomer":
            return record.newcomer_override
        if key == "name":
            return record.person.name
        return getattr(record, key, None) or ""

    def set_day(self, day: date | None) -> None:
        self.day = day
        column = self.column_of("here")
        if self.rowCount():
            self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))

    def _tooltip(self, record: AttendeeRec, key: str) -> str | None:
        if key == "here" and self.day is not None:
            by_dates = "expected" if record.present_on(self.day) else "not expected"
            return f"Checked in on {short_day(self.day)} (Space); by the dates: {by_dates}"
        if record.needs_review:
            return f"Needs review: {record.review_reason or 'check this row'}"
        if key in ("arrive", "depart") and record.dates_text:
            return f"As written: {record.dates_text}"
        if key == "newcomer" and record.newcomer:
            return GUESS_TIP if record.newcomer_override is None else "Confirmed as a newcomer"
        return None

    def _name_role(self, record: AttendeeRec, role: int) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and record.needs_review:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.FontRole and record.host:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _newcomer_role(self, record: AttendeeRec, role: int) -> Any:
        if role == ChipColorRole:
            return NEWCOMER_COLOUR if record.newcomer else None
        if role == ChoicesRole:
            return NEWCOMER_CHOICES
        return None

    # -- editing ---------------------------------------------------------------------------
    def editable(self, key: str) -> bool:
        return True

    def edit_flag(self, key: str) -> Qt.ItemFlag:
        if key in ("host", "here"):
            return Qt.ItemFlag.ItemIsUserCheckable
        return Qt.ItemFlag.ItemIsEditable

    def edit_fields(self, record: AttendeeRec, key: str, value: Any,
                    role: int) -> dict[str, Any] | None:
        if key in ("host", "here"):
            if role != Qt.ItemDataRole.CheckStateRole:
                return None
            return {key: Qt.CheckState(value) == Qt.CheckState.Checked}
        if role != Qt.ItemDataRole.EditRole:
            return None
        if key in ("arrive", "depart"):
            return {key: value.toPython() if isinstance(value, QDate) else value}
        if key == "newcomer":
            return {"newcomer": value}
        if key == "name":
            name = str(value).strip()
            return {"name": name} if name and name != record.person.name else None
        text = str(value).strip() or None
        return {key: text} if text != getattr(record, key) else None
