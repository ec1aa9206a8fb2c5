"""People: add, edit, remove, merge; aliases and accent/case folding; validation changes nothing.

Persistence is read back through a second, read-only Journal on the same file (its own
connection), so a test cannot pass on state cached in the first one.
"""

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from sprintjournal.changes import Change
from sprintjournal.errors import NotFoundError, ValidationError
from sprintjournal.journal import Journal
from sprintjournal.usecases import people as people_uc


def reread(path: Path) -> Journal:
    return Journal(path, readonly=True)


def row_count(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def antonio(journal: Journal) -> int:
    return journal.add_person("Antonio Cuni", aliases=["Anto", "antocuni"]).id


def test_add_person_returns_a_change_and_persists(journal: Journal, journal_path: Path) -> None:
    change = journal.add_person(
        "  Antonio   Cuni ",
        aliases=["Anto", "antocuni", "anto"],
        email="anto@example.org",
        url="https://pypy.org",
    )
    assert change == Change("person", "added", (change.id,), None)
    with reread(journal_path) as r:
        person = r.get_person(change.id)
    assert person.name == "Antonio Cuni"  # spaces collapsed
    assert person.aliases == ("Anto", "antocuni")  # "anto" folds to "Anto": kept once
    assert (person.email, person.url) == ("anto@example.org", "https://pypy.org")


@pytest.mark.parametrize("blank", ["", "   ", "\t\n"])
def test_a_blank_name_is_refused_and_changes_nothing(
    journal: Journal, journal_path: Path, blank: str
) -> None:
    with pytest.raises(ValidationError, match="needs a name"):
        journal.add_person(blank)
    assert row_count(journal_path, "person") == 0


@pytest.mark.parametrize("twin", ["Håkan Ardö", "hakan ardo", "HÅKAN  ARDÖ", "Hakan"])
def test_a_name_that_folds_to_a_known_name_or_alias_is_refused(
    journal: Journal, journal_path: Path, twin: str
) -> None:
    journal.add_person("Håkan Ardö", aliases=["Hakan"])
    with pytest.raises(ValidationError, match="already in this journal"):
        journal.add_person(twin)
    assert row_count(journal_path, "person") == 1


@pytest.mark.parametrize(
    "spelling", ["Anto", "antocuni", "ANTOCUNI", "@Anto", "Antonio Cuni", "antonio  cuni"]
)
def test_aliases_and_names_fold_to_the_same_person(
    journal: Journal, antonio: int, spelling: str
) -> None:
    found = journal.find_person(spelling)
    assert found is not None and found.id == antonio and found.name == "Antonio Cuni"


def test_accents_and_case_fold(journal: Journal) -> None:
    hakan = journal.add_person("Håkan Ardö").id
    fijal = journal.add_person("Maciej Fijałkowski").id
    for spelling in ("Hakan Ardo", "hakan ardo", "HÅKAN ARDÖ", "Ha\u030akan Ardo\u0308"):
        assert journal.find_person(spelling).id == hakan  # type: ignore[union-attr]
    assert journal.find_person("maciej fijalkowski").id == fijal  # type: ignore[union-attr]
    assert journal.find_person("Hakan") is None  # a first name is not a name


def test_an_alias_shared_by_two_people_finds_neither(journal: Journal) -> None:
    journal.add_person("Armin Rigo", aliases=["arigo"])
    journal.add_person("Anders Rigo", aliases=["arigo"])
    assert journal.find_person("arigo") is None


def test_first_name_resolution_where_unique(journal: Journal) -> None:
    armin = journal.add_person("Armin Rigo").id
    journal.add_person("Antonio Cuni")
    journal.add_person("Anders Hammarquist")
    journal.add_person("Anders Lehmann")
    with journal.read() as s:
        assert people_uc.find_loose(s, "Armin").id == armin  # type: ignore[union-attr]
        assert people_uc.find_loose(s, "@armin").id == armin  # type: ignore[union-attr]
        assert people_uc.find_loose(s, "Anders") is None  # two of them
        anders_h = people_uc.find(s, "Anders Hammarquist").id  # type: ignore[union-attr]
        assert people_uc.find_loose(s, "Anders", among=[anders_h]).id == anders_h  # type: ignore[union-attr]
        assert people_uc.find_loose(s, "Armin Smith") is None  # two words: never a first name


def test_update_person_changes_name_aliases_email(
    journal: Journal, journal_path: Path, antonio: int
) -> None:
    change = journal.update_person(
        antonio, name="Antonio  Cuni", aliases=["anto", "cuni"], email="a@b.c"
    )
    assert change == Change("person", "updated", (antonio,), None)
    with reread(journal_path) as r:
        p = r.get_person(antonio)
        assert (p.name, p.aliases, p.email) == ("Antonio Cuni", ("anto", "cuni"), "a@b.c")
        assert r.find_person("antocuni") is None  # the old alias is gone


def test_update_person_validation_changes_nothing(
    journal: Journal, journal_path: Path, antonio: int
) -> None:
    journal.add_person("Armin Rigo", aliases=["arigato"])
    before = journal.get_person(antonio)
    for bad in (
        {"name": " "},
        {"name": "ARIGATO"},
        {"nickname": "x"},
        {"name": "New", "colour": 1},
    ):
        with pytest.raises(ValidationError):
            journal.update_person(antonio, **bad)
    with reread(journal_path) as r:
        assert r.get_person(antonio) == before
    with pytest.raises(NotFoundError, match="No person with id 999"):
        journal.update_person(999, name="Nobody")


def test_remove_person_removes_their_links(
    journal: Journal, journal_path: Path, antonio: int
) -> None:
    sprint = journal.add_sprint("November", start=date(2011, 11, 2), end=date(2011, 11, 9)).id
    journal.add_attendee(sprint, "Anto")
    journal.add_branch(sprint, "ffistruct", people=["antocuni"])
    journal.add_standup_item(sprint, date(2011, 11, 3), "today", "ffistruct", people=["Anto"])
    change = journal.remove_person(antonio)
    assert change == Change("person", "removed", (antonio,), None)
    with reread(journal_path) as r:
        assert r.list_people() == []
        assert r.list_attendees(sprint) == []
        assert r.list_branches(sprint)[0].people == ()
        assert r.list_standup(sprint)[0].people == ()
    for table in ("person_alias", "branch_person", "standup_person", "attendance"):
        assert row_count(journal_path, table) == 0
    with pytest.raises(NotFoundError):
        journal.remove_person(antonio)


def test_merge_people_folds_links_aliases_and_details(
    journal: Journal, journal_path: Path, antonio: int
) -> None:
    spring = journal.add_sprint("Spring", start=date(2011, 4, 25)).id
    november = journal.add_sprint("November", start=date(2011, 11, 2)).id
    other = journal.add_person("Anto Cuni", aliases=["cuni"], email="anto@example.org").id
    journal.add_attendee(spring, "Anto Cuni", accommodation="Hotel Poseidon")
    journal.add_attendee(november, "Antonio Cuni", diet="none")
    journal.add_attendee(november, "Anto Cuni", diet="other")
    journal.add_branch(november, "ffistruct", people=["Antonio Cuni", "Anto Cuni"])
    journal.add_branch(november, "SpecialisedTuple", people=["Anto Cuni"])

    change = journal.merge_people(antonio, other)

    assert change == Change("person", "merged", (antonio, other), None)
    with reread(journal_path) as r:
        assert [p.id for p in r.list_people()] == [antonio]
        kept = r.get_person(antonio)
        assert kept.aliases == ("Anto", "antocuni", "Anto Cuni", "cuni")
        assert kept.email == "anto@example.org"
        assert r.find_person("Anto Cuni").id == antonio  # type: ignore[union-attr]
        spring_att = r.list_attendees(spring)
        assert [(a.person.id, a.accommodation) for a in spring_att] == [(antonio, "Hotel Poseidon")]
        nov_att = r.list_attendees(november)
        assert [(a.person.id, a.diet) for a in nov_att] == [(antonio, "none")]  # the kept one wins
        by_name = {b.name: [p.id for p in b.people] for b in r.list_branches(november)}
        assert by_name == {"ffistruct": [antonio], "SpecialisedTuple": [antonio]}


def test_merge_refuses_merging_someone_with_themself(journal: Journal, antonio: int) -> None:
    with pytest.raises(ValidationError, match="themself"):
        journal.merge_people(antonio, antonio)
    with pytest.raises(NotFoundError):
        journal.merge_people(antonio, 4242)
    assert [p.id for p in journal.list_people()] == [antonio]


def test_people_are_listed_by_folded_name(journal: Journal) -> None:
    for name in ("laura Creighton", "Åsa Ek", "Armin Rigo", "Jacob Hallén"):
        journal.add_person(name)
    assert [p.name for p in journal.list_people()] == [
        "Armin Rigo",
        "Åsa Ek",
        "Jacob Hallén",
        "laura Creighton",
    ]
