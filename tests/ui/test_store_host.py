"""What the store's mixins need from the store: `read`, a reader, a writer and `_apply`. A host
that provides just those four serves every typed call, and every write goes through `_apply`."""

from collections.abc import Callable
from pathlib import Path
from typing import ParamSpec, TypeVar

import pytest
from sprintjournal_ui.store import JournalStore
from sprintjournal_ui.store_calls import JournalCalls
from sprintjournal_ui.store_host import StoreHost
from sprintjournal_ui.store_services import JournalServices

from sprintjournal.changes import Change
from sprintjournal.journal import Journal

T = TypeVar("T")
P = ParamSpec("P")


class PlainHost(JournalCalls, JournalServices):
    """The four host methods over one journal, recording what `_apply` ran."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.applied: list[tuple[str, object]] = []

    def read(self, query: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        return query(*args, **kwargs)

    def _reader(self) -> Journal:
        return self.journal

    def _writer(self) -> Journal:
        return self.journal

    def _apply(self, op: Callable[..., Change], *args: object, initiator: object = None,
               **kwargs: object) -> Change:
        change = op(*args, **kwargs)
        self.applied.append((change.entity, initiator))
        return change


def test_the_host_methods_must_be_provided() -> None:
    host = StoreHost()
    with pytest.raises(NotImplementedError):
        host.read(len, "")
    with pytest.raises(NotImplementedError):
        host._reader()
    with pytest.raises(NotImplementedError):
        host._writer()
    with pytest.raises(NotImplementedError):
        host._apply(lambda: Change("note", "updated", (1,)))


def test_a_host_of_four_methods_serves_reads_writes_and_services(
        journal: Journal, journal_path: Path, panel_sprint: int) -> None:
    host = PlainHost(journal)
    assert host.file == journal_path
    marker = object()
    change = host.add_note(panel_sprint, None, "a note without a day", initiator=marker)
    assert host.get_note(change.id).text == "a note without a day"
    item = host.review_items(panel_sprint, "row")[0]
    host.confirm_review(item, initiator=marker)
    assert host.applied == [("note", marker), ("attendance", marker)]
    assert host.review_items(panel_sprint, "row") == []


def test_the_store_is_such_a_host(store: JournalStore, journal: Journal) -> None:
    assert isinstance(store, StoreHost)
    assert store._reader() is journal and store._writer() is journal
