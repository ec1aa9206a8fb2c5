"""JournalStore: the only bridge between widgets and the Journal.

Widgets call the store's typed methods (`store_calls`, `store_services`), never the journal;
every mutation returns the core's `Change`, which the store re-emits as Qt signals together
with the initiator, so an editor can ignore the echo of its own save while every other view
updates. Errors from the core are raised to the caller *and*
announced on `error`, so the window can show them without each widget writing a message box.

The core is imported lazily (TYPE_CHECKING only here): the window paints before SQLAlchemy loads.
The journal reads without the ORM (`sprintjournal.reader`); its first write loads it, about half
a second once per session. A write made here waits for it under a busy cursor; the autosave of a
note and photo imports write on the pool, so typing goes on while it loads (`Journal.write`
lets one thread import it and the others wait).
"""

import dataclasses
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar, cast

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtGui import QGuiApplication

from sprintjournal.changes import Change
from sprintjournal.errors import JournalError

from . import gc_policy
from .store_calls import JournalCalls
from .store_services import JournalServices

if TYPE_CHECKING:
    from sprintjournal.journal import Journal

T = TypeVar("T")
P = ParamSpec("P")

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


class JournalStore(JournalCalls, JournalServices, QObject):
    changed = Signal(Change, object)  # the change, its initiator (any object, or None)
    people_changed = Signal(Change, object)
    sprints_changed = Signal(Change, object)
    attendees_changed = Signal(Change, object)
    branches_changed = Signal(Change, object)
    standup_changed = Signal(Change, object)
    notes_changed = Signal(Change, object)
    photos_changed = Signal(Change, object)
    report_changed = Signal(Change, object)
    journal_replaced = Signal()
    saved = Signal()
    error = Signal(str)

    def __init__(self, journal: "Journal", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self._shared: dict[tuple[Any, ...], Any] | None = None

    def _reader(self) -> "Journal":
        """The journal the typed reads ask."""
        return self._journal

    def _writer(self) -> "Journal":
        """The journal the typed writes change."""
        return self._journal

    @property
    def path(self) -> str:
        return str(self._journal.path)

    @property
    def readonly(self) -> bool:
        return self._journal.readonly

    def prepare_writes(self) -> None:
        """Load what writing needs (the ORM) before the first write, if not done yet."""
        if self._journal.writes_prepared or self._journal.readonly:
            return
        from PySide6.QtCore import Qt  # not at import: see ui/qt_values.py

        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        try:
            self._journal.prepare_writes()
            gc_policy.keep_loaded()
        finally:
            QGuiApplication.restoreOverrideCursor()

    def replace_journal(self, journal: "Journal") -> None:
        """Swap to another journal file (File ▸ Open); the old one is closed."""
        old, self._journal = self._journal, journal
        self._forget_shared()
        old.close()
        self.journal_replaced.emit()

    def _apply(
        self, op: Callable[..., Change], *args: object, initiator: object = None, **kwargs: object
    ) -> Change:
        """Run one Journal mutation (for the typed writes) and announce it."""
        self.prepare_writes()
        try:
            change = op(*args, **kwargs)
        except JournalError as exc:
            self.error.emit(str(exc))
            raise
        self.announce(change, initiator)
        return change

    def entity_signal(self, entity: str) -> SignalInstance:
        """The signal announcing changes to `entity`'s rows ("branch": `branches_changed`),
        emitted before `changed`."""
        signal: SignalInstance = getattr(self, _ENTITY_SIGNALS[entity])
        return signal

    def announce(self, change: Change, initiator: object = None) -> None:
        self._forget_shared()
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

    def read(self, query: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run a typed read (`store.read(store.list_people)`), announcing a failure (busy,
        damaged) on `error`. Inside `shared_reads`, the same query with the same arguments runs
        once."""
        key = None if self._shared is None else _key(query, args, kwargs)
        if key is not None and self._shared is not None and key in self._shared:
            return cast("T", _handed_out(self._shared[key]))
        try:
            result = query(*args, **kwargs)
        except JournalError as exc:
            self.error.emit(str(exc))
            raise
        if key is not None and self._shared is not None and _shareable(result):
            self._shared[key] = result
            return cast("T", _handed_out(result))
        return result

    @contextmanager
    def shared_reads(self) -> Iterator[None]:
        """While every panel follows a sprint or day switch: each asks for the sprint, its
        attendees, its stand-up..., and at 20,000 notes each of those read transactions costs.
        Results are kept only until the block ends or a change is announced (any write made
        through the store); lists are handed out as copies, records are frozen."""
        if self._shared is not None:
            yield
            return
        self._shared = {}
        try:
            yield
        finally:
            self._shared = None

    def _forget_shared(self) -> None:
        if self._shared is not None:
            self._shared.clear()


_IMMUTABLE = (str, int, float, bool, date, datetime, type(None))


def _key(query: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
         ) -> tuple[Any, ...] | None:
    key = (query, args, tuple(sorted(kwargs.items())))
    try:
        hash(key)
    except TypeError:
        return None
    return key


def _frozen(value: object) -> bool:
    if isinstance(value, _IMMUTABLE):
        return True
    params = getattr(type(value), "__dataclass_params__", None)
    return dataclasses.is_dataclass(value) and bool(params and params.frozen)


def _shareable(result: object) -> bool:
    """Frozen records, plain values, and lists or tuples of them."""
    if isinstance(result, list | tuple):
        return all(_frozen(item) for item in result)
    return _frozen(result)


def _handed_out(result: Any) -> Any:
    return list(result) if isinstance(result, list) else result
