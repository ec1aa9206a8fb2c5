"""`usecases.analysis` on a plain reader: pairing's group bound, topics gathered per pair, who
counts as a newcomer. The demo's figures, through the façade, are in journal/test_analysis.py."""

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from sprintjournal.journal import Journal
from sprintjournal.reader import SqliteReader
from sprintjournal.records import Pair
from sprintjournal.usecases import analysis

D3, D4 = date(2011, 11, 3), date(2011, 11, 4)


@pytest.fixture
def reader(journal: Journal, journal_path: Path) -> Iterator[SqliteReader]:
    """A second, read-only view of the journal's file, as the export and the report use."""
    view = SqliteReader(journal_path, readonly=True)
    yield view
    view.close()


def pair_names(pairs: list[Pair]) -> list[tuple[str, str]]:
    return [(p.a.name, p.b.name) for p in pairs]


def test_three_on_an_item_pair_and_four_do_not(journal: Journal, reader: SqliteReader) -> None:
    sid = journal.add_sprint("S", start=D3, end=D4).id
    journal.add_standup_item(sid, D3, "today", "trio", people=["Ann", "Bob", "Cid"])
    journal.add_standup_item(sid, D4, "today", "all hands", people=["Ann", "Bob", "Cid", "Dee"])
    assert analysis.PAIRING_MAX == 3
    assert pair_names(analysis.pairs(reader, sid, D3)) == [
        ("Ann", "Bob"), ("Ann", "Cid"), ("Bob", "Cid")]
    assert analysis.pairs(reader, sid, D4) == []


def test_a_pair_gathers_its_days_and_topics_once_each(
        journal: Journal, reader: SqliteReader) -> None:
    sid = journal.add_sprint("S", start=D3, end=D4).id
    bid = journal.add_branch(sid, "ffistruct", people=["Antonio Cuni", "Mark Pearse"]).id
    for day in (D4, D3, D4):
        journal.add_standup_item(sid, day, "done", "field access",
                                 people=["Mark Pearse", "Antonio Cuni"], branch_id=bid)
    journal.add_standup_item(sid, D3, "today", "tuples", people=["Mark Pearse", "Antonio Cuni"])
    (pair,) = analysis.pairs(reader, sid)
    assert {pair.a.name, pair.b.name} == {"Antonio Cuni", "Mark Pearse"}
    assert pair.days == (D3, D4)  # sorted, each day once
    assert sorted(pair.topics) == ["ffistruct", "tuples"]  # the branch's name stands for its items


def test_newcomers_are_those_on_their_first_sprint_or_marked(
        journal: Journal, reader: SqliteReader) -> None:
    first = journal.add_sprint("Leysin", start=date(2011, 1, 16)).id
    second = journal.add_sprint("Gothenburg", start=date(2011, 11, 2)).id
    journal.add_attendee(first, "Armin Rigo")
    journal.add_attendee(second, "Armin Rigo")
    journal.add_attendee(second, "Mark Pearse")
    journal.add_attendee(second, "Laura Creighton", newcomer=False)
    assert [a.person.name for a in analysis.newcomers(reader, second)] == ["Mark Pearse"]


def test_branch_summaries_list_the_days_a_branch_was_worked_on(
        journal: Journal, reader: SqliteReader) -> None:
    sid = journal.add_sprint("S", start=D3, end=D4).id
    stm = journal.add_branch(sid, "stm", people=["Armin Rigo"]).id
    journal.add_branch(sid, "idle")
    journal.add_standup_item(sid, D4, "done", "transactions", people=["Armin Rigo"],
                             branch_id=stm)
    summaries = {s.branch.name: s for s in analysis.branch_summaries(reader, sid)}
    assert summaries["stm"].days == (D4,)
    assert [i.text for i in summaries["stm"].standup] == ["transactions"]
    assert (summaries["idle"].days, summaries["idle"].standup) == ((), ())
