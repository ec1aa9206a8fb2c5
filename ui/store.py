"""JournalStore: the only bridge between widgets and the Journal.

Widgets call store methods; every mutation returns the core's `Change`, which the store
re-emits as Qt signals together with the initiator, so an editor can ignore the echo of its own
save while every other view updates. Errors from the core are raised to the caller *and*
announced on `error`, so the window can show them without each widget writing a message box.

The core is imported lazily (TYPE_CHECKING only here): the window paints before SQLAlchemy loads.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal

from sprintjournal.changes import Change
from sprintjournal.errors import JournalError

if TYPE_CHECKING:
    from sprintjournal.journal import Journal

T = TypeVar("T")

_ENTITY_SIGNALS = {
    "person": "people_changed",
    "sprint": "sprints_changed",
    "attendance": "attendees_changed",
    "branch": "branches_changed",
    "standup": "standup_changed",
    "note": "notes_changed",
    "photo": "photos_changed",
    "report": "report_changed",
}


class JournalStore(QObject):
    changed = Signal(object, object)  # Change, initiator
    people_changed = Signal(object, object)
    sprints_changed = Signal(object, object)
    attendees_changed = Signal(object, object)
    branches_changed = Signal(object, object)
    standup_changed = Signal(object, object)
    notes_changed = Signal(object, object)
    photos_changed = Signal(object, object)
    report_changed = Signal(object, object)
    journal_replaced = Signal()
    saved = Signal()
    error = Signal(str)

    def __init__(self, journal: "Journal", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._journal = journal

    @property
    def journal(self) -> "Journal":
        """Read access for models and panels; writes go through `apply`."""
        return self._journal

    @property
    def path(self) -> str:
        return str(self._journal.path)

    @property
    def readonly(self) -> bool:
        return self._journal.readonly

    def replace_journal(self, journal: "Journal") -> None:
        """Swap to another journal file (File ▸ Open); the old one is closed."""
        old, self._journal = self._journal, journal
        old.close()
        self.journal_replaced.emit()

    def apply(
        self, op: Callable[..., Change], *args: Any, initiator: object = None, **kwargs: Any
    ) -> Change:
        """Run one Journal mutation (`store.apply(store.journal.add_note, ...)`) and announce it."""
        try:
            change = op(*args, **kwargs)
        except JournalError as exc:
            self.error.emit(str(exc))
            raise
        self.announce(change, initiator)
        return change

    def announce(self, change: Change, initiator: object = None) -> None:
        if change.entity == "journal":
            for name in _ENTITY_SIGNALS.values():
                getattr(self, name).emit(change, initiator)
        elif change.ids or change.op != "updated":
            getattr(self, _ENTITY_SIGNALS[change.entity]).emit(change, initiator)
            if change.entity == "person":
                for name in ("attendees_changed", "branches_changed", "standup_changed"):
                    getattr(self, name).emit(change, initiator)
        self.changed.emit(change, initiator)
        self.saved.emit()

    def read(self, query: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a Journal query, announcing a failure (busy, damaged) on `error`."""
        try:
            return query(*args, **kwargs)
        except JournalError as exc:
            self.error.emit(str(exc))
            raise
