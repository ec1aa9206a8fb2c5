"""What the store's typed calls need from the store itself.

`store_calls.JournalCalls` and `store_services.JournalServices` are mixins of `JournalStore`;
they reach the journal only through these methods, which the store defines (the reader that
answers reads, the journal that writes, and `_apply`, which runs a write and announces it).
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from sprintjournal.changes import Change

if TYPE_CHECKING:
    from sprintjournal.journal import Journal

T = TypeVar("T")
P = ParamSpec("P")


class StoreHost:
    def read(self, query: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        raise NotImplementedError

    def _reader(self) -> "Journal":
        raise NotImplementedError

    def _writer(self) -> "Journal":
        raise NotImplementedError

    def _apply(self, op: Callable[..., Change], *args: object, initiator: object = None,
               **kwargs: object) -> Change:
        raise NotImplementedError
