"""A table model over a list of the core's frozen records, kept in step with `Change`s.

Every panel model in this package lists one kind of record for the current sprint (and maybe
day). When the store announces a change, the model fetches the fresh list (one short query) and
turns the difference into the finest Qt notifications it can: rows removed, rows inserted,
`dataChanged` for records that differ. Views therefore keep their selection and scroll position
across edits, undo and redo; only a reordering or a bulk change falls back to a model reset.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from sprintjournal.changes import Change

AnyIndex = QModelIndex | QPersistentModelIndex
_BULK_OPS = {"imported", "merged"}
IdRole = Qt.ItemDataRole.UserRole
ChipColorRole = Qt.ItemDataRole.UserRole + 1
"""A QColor for a chip painted by `ui.widgets.status_chip.ChipDelegate`, or None for plain text."""
ChoicesRole = Qt.ItemDataRole.UserRole + 2
"""A list of (label, value) pairs offered by the chip delegate's combo-box editor."""

class HasId(Protocol):
    @property
    def id(self) -> int: ...


R = TypeVar("R", bound=HasId)
Committer = Callable[[R, dict[str, Any]], None]
"""Receives (record, fields) for an inline edit; the panel makes it an undoable command."""


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: its header and the text shown for a record."""

    key: str
    header: str
    text: Callable[[R], str]
    tooltip: str = ""


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Rows are records with an `id`; subclasses define `columns` and `fetch()`."""

    columns: Sequence[Column[R]] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []
        self._committer: Committer[R] | None = None
        self._read_only = False

    def set_committer(self, committer: Committer[R]) -> None:
        """Inline edits go to `committer`; without one the model is read-only."""
        self._committer = committer

    def set_read_only(self, readonly: bool) -> None:
        """No cell offers an edit while the journal is read-only. An editor already open still
        hands its text to the committer, whose failure the store announces: nothing typed is
        dropped silently."""
        self._read_only = readonly

    # -- what subclasses provide -----------------------------------------------------------
    def fetch(self) -> list[R]:
        """The records this model should show now (empty when no sprint is chosen)."""
        raise NotImplementedError

    def is_relevant(self, change: Change) -> bool:
        """Changes for another sprint are ignored; those without a sprint may concern us."""
        return True

    def edit_fields(self, record: R, key: str, value: Any, role: int) -> dict[str, Any] | None:
        """The fields an inline edit of column `key` changes, or None if it is not editable."""
        return None

    def editable(self, key: str) -> bool:
        return False

    # -- editing ---------------------------------------------------------------------------
    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        editable = self._committer is not None and not self._read_only
        if editable and self.editable(self.columns[index.column()].key):
            base |= self.edit_flag(self.columns[index.column()].key)
        return base

    def edit_flag(self, key: str) -> Qt.ItemFlag:
        """Editable text by default; check-box columns return ItemIsUserCheckable."""
        return Qt.ItemFlag.ItemIsEditable

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Hand the edit to the committer; the store's echo then updates the row."""
        if not index.isValid() or self._committer is None:
            return False
        record = self._rows[index.row()]
        fields = self.edit_fields(record, self.columns[index.column()].key, value, role)
        if fields is None:
            return False
        self._committer(record, fields)
        return True

    # -- reading ---------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            column = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column.header
            if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
                return column.tooltip
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        record = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.columns[index.column()].text(record)
        if role == IdRole:
            return record.id
        return self.role_data(record, self.columns[index.column()].key, role)

    def role_data(self, record: R, key: str, role: int) -> Any:
        """Roles beyond display text (decoration, tooltip, check state...) for subclasses."""
        return None

    def record(self, row: int) -> R:
        return self._rows[row]

    def records(self) -> list[R]:
        return list(self._rows)

    def row_of(self, item_id: int) -> int:
        """The row showing `item_id`, or -1."""
        return next((n for n, rec in enumerate(self._rows) if rec.id == item_id), -1)

    def column_of(self, key: str) -> int:
        return next(n for n, column in enumerate(self.columns) if column.key == key)

    # -- keeping in step -------------------------------------------------------------------
    def reload(self) -> None:
        """Start again from the journal (new sprint, new day, or a bulk change)."""
        self.beginResetModel()
        self._rows = self.fetch()
        self.endResetModel()

    def on_change(self, change: Change, _initiator: object = None) -> None:
        """Slot for the store's `<entity>_changed` signals."""
        if not self.is_relevant(change):
            return
        if change.op in _BULK_OPS or change.entity == "journal":
            self.reload()
        else:
            self.sync(self.fetch())

    def sync(self, fresh: list[R]) -> None:
        """Turn old rows into `fresh` with remove/insert/dataChanged, or reset if reordered."""
        fresh_ids = [rec.id for rec in fresh]
        self._remove_missing(set(fresh_ids))
        kept = [rec.id for rec in self._rows]
        if kept != [i for i in fresh_ids if i in set(kept)]:
            self.beginResetModel()
            self._rows = fresh
            self.endResetModel()
            return
        self._insert_new(fresh)
        self._update_changed(fresh)

    def _remove_missing(self, fresh_ids: set[int]) -> None:
        row = len(self._rows) - 1
        while row >= 0:
            if self._rows[row].id in fresh_ids:
                row -= 1
                continue
            last = row
            while row >= 0 and self._rows[row].id not in fresh_ids:
                row -= 1
            self.beginRemoveRows(QModelIndex(), row + 1, last)
            del self._rows[row + 1 : last + 1]
            self.endRemoveRows()

    def _insert_new(self, fresh: list[R]) -> None:
        for row, rec in enumerate(fresh):
            if row < len(self._rows) and self._rows[row].id == rec.id:
                continue
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, rec)
            self.endInsertRows()

    def _update_changed(self, fresh: list[R]) -> None:
        last_column = max(0, len(self.columns) - 1)
        for row, rec in enumerate(fresh):
            if self._rows[row] != rec:
                self._rows[row] = rec
                self.dataChanged.emit(self.index(row, 0), self.index(row, last_column))
