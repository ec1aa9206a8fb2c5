"""`usecases.links`: the ordered people of a branch, stand-up item or photo."""

from datetime import date

import pytest

from sprintjournal import reader
from sprintjournal.journal import Journal
from sprintjournal.models import BranchPerson
from sprintjournal.records import PersonRef
from sprintjournal.usecases import links
from sprintjournal.usecases.common import reads


@pytest.fixture
def sprint(journal: Journal) -> int:
    return journal.add_sprint("Gothenburg", start=date(2011, 11, 2)).id


def names_of(journal: Journal, owner_id: int) -> list[str]:
    with journal.read() as s:
        found = reads(s).people_of("branch_person", [owner_id])
    return [p.name for p in found.get(owner_id, ())]


def test_set_people_keeps_the_given_order_and_reports_only_new_people(
    journal: Journal, sprint: int
) -> None:
    journal.add_person("Armin Rigo")
    bid = journal.add_branch(sprint, "stm").id
    with journal.write() as s:
        created = links.set_people(s, BranchPerson, "branch_id", bid,
                                   ["Remi Meier", "Armin Rigo", "Lukas Diekmann"])
    assert created == ["Remi Meier", "Lukas Diekmann"]
    assert names_of(journal, bid) == ["Remi Meier", "Armin Rigo", "Lukas Diekmann"]


def test_one_person_named_twice_is_linked_once_where_first_named(
    journal: Journal, sprint: int
) -> None:
    journal.add_person("Maciej Fijałkowski", aliases=["fijal"])
    bid = journal.add_branch(sprint, "numpy").id
    with journal.write() as s:
        created = links.set_people(s, BranchPerson, "branch_id", bid,
                                   ["fijal", "Alex Gaynor", "Maciej Fijałkowski", "alex  gaynor"])
    assert created == ["Alex Gaynor"]
    assert names_of(journal, bid) == ["Maciej Fijałkowski", "Alex Gaynor"]


def test_set_people_replaces_and_an_empty_list_unlinks_everyone(
    journal: Journal, sprint: int
) -> None:
    bid = journal.add_branch(sprint, "jit", people=["Armin Rigo", "Antonio Cuni"]).id
    with journal.write() as s:
        assert links.set_people(s, BranchPerson, "branch_id", bid, ["Antonio Cuni"]) == []
    assert names_of(journal, bid) == ["Antonio Cuni"]
    with journal.write() as s:
        links.set_people(s, BranchPerson, "branch_id", bid, [])
    assert names_of(journal, bid) == []
    assert {p.name for p in journal.list_people()} == {"Armin Rigo", "Antonio Cuni"}


def test_people_of_leaves_out_owners_without_people_and_others_owners(
    journal: Journal, sprint: int
) -> None:
    linked = journal.add_branch(sprint, "jit", people=["Armin Rigo"]).id
    alone = journal.add_branch(sprint, "docs").id
    journal.add_branch(sprint, "stm", people=["Remi Meier"])
    with journal.read() as s:
        found = reads(s).people_of("branch_person", [linked, alone])
    assert list(found) == [linked]
    assert [p.name for p in found[linked]] == ["Armin Rigo"]
    with journal.read() as s:
        assert reads(s).people_of("branch_person", []) == {}


def test_people_of_in_chunks_reads_the_same_as_in_one_query(
    journal: Journal, sprint: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = date(2011, 11, 3)
    items = [journal.add_standup_item(sprint, day, "done", f"item {n}",
                                      [f"Person {n}", "Armin Rigo"][:: 1 if n % 2 else -1]).id
             for n in range(7)]
    with journal.read() as s:
        whole = reads(s).people_of("standup_person", items)
    monkeypatch.setattr(reader, "OWNERS_PER_QUERY", 2)
    with journal.read() as s:
        chunked = reads(s).people_of("standup_person", items)
    assert chunked == whole
    assert len(whole) == 7
    assert [p.name for p in whole[items[0]]] == ["Armin Rigo", "Person 0"]
    assert [p.name for p in whole[items[1]]] == ["Person 1", "Armin Rigo"]
    assert all(isinstance(p, PersonRef) for refs in whole.values() for p in refs)
