"""`usecases.unmerge`: what a recorded merge keeps, and splitting the two people again."""

from datetime import date

import pytest

from sprintjournal.errors import NotFoundError, ValidationError
from sprintjournal.journal import Journal
from sprintjournal.usecases import unmerge
from sprintjournal.usecases.unmerge import Unmerge


@pytest.fixture
def antonios(journal: Journal) -> tuple[int, int, int, int]:
    """Antonio (no email) and "Anto" (an email, alias "cuni"): both at November and on
    ffistruct (the merge drops Anto's rows there), Anto alone at Spring and on jit (moved)."""
    keep = journal.add_person("Antonio Cuni").id
    other = journal.add_person("Anto Cuni", aliases=["cuni"], email="anto@example.org").id
    spring = journal.add_sprint("Spring", start=date(2011, 4, 25)).id
    november = journal.add_sprint("November", start=date(2011, 11, 2)).id
    journal.add_attendee(spring, "Anto Cuni")
    journal.add_attendee(november, "Antonio Cuni")
    journal.add_attendee(november, "Anto Cuni")
    journal.add_branch(november, "ffistruct", people=["Antonio Cuni", "Anto Cuni"])
    journal.add_branch(november, "jit", people=["Anto Cuni"])
    return keep, other, spring, november


def merged(journal: Journal, keep: int, other: int) -> Unmerge:
    with journal.write() as s:
        return unmerge.merge(s, keep, other)


def test_the_record_sorts_rows_into_moved_and_dropped(
    journal: Journal, antonios: tuple[int, int, int, int]
) -> None:
    keep, other, spring, november = antonios
    undo = merged(journal, keep, other)
    assert (undo.keep_id, undo.other_id) == (keep, other)
    assert sorted((t, r.get("sprint_id", r.get("branch_id"))) for t, r in undo.moved) == [
        ("attendance", spring), ("branch_person", 2)]
    assert sorted((t, r.get("sprint_id", r.get("branch_id"))) for t, r in undo.dropped) == [
        ("attendance", november), ("branch_person", 1)]
    assert all(r["person_id"] == other for _t, r in (*undo.moved, *undo.dropped))


def test_the_record_keeps_the_folded_person_and_what_the_kept_one_gained(
    journal: Journal, antonios: tuple[int, int, int, int]
) -> None:
    keep, other, _spring, _november = antonios
    undo = merged(journal, keep, other)
    assert (undo.person["name"], undo.person["email"]) == ("Anto Cuni", "anto@example.org")
    assert [a["alias"] for a in undo.aliases] == ["cuni"]
    assert undo.keep_details == {"email": None, "url": None}
    gained = journal.get_person(keep)
    assert gained.email == "anto@example.org"
    assert len(undo.added_alias_ids) == len(gained.aliases) == 2  # "Anto Cuni" and "cuni"


def test_unmerge_gives_back_the_kept_persons_own_details(
    journal: Journal, antonios: tuple[int, int, int, int]
) -> None:
    keep, other, spring, november = antonios
    undo = merged(journal, keep, other)
    with journal.write() as s:
        unmerge.unmerge(s, undo)
    kept, back = journal.get_person(keep), journal.get_person(other)
    assert (kept.email, kept.aliases) == (None, ())
    assert (back.name, back.email, back.aliases) == ("Anto Cuni", "anto@example.org", ("cuni",))
    assert [a.person.name for a in journal.list_attendees(spring)] == ["Anto Cuni"]
    assert [a.person.name for a in journal.list_attendees(november)] == [
        "Antonio Cuni", "Anto Cuni"]
    assert [[p.name for p in b.people] for b in journal.list_branches(november)] == [
        ["Antonio Cuni", "Anto Cuni"], ["Anto Cuni"]]


def test_merging_someone_missing_changes_nothing(
    journal: Journal, antonios: tuple[int, int, int, int]
) -> None:
    keep, _other, spring, _november = antonios
    with pytest.raises(NotFoundError), journal.write() as s:
        unmerge.merge(s, keep, 999)
    assert [a.person.name for a in journal.list_attendees(spring)] == ["Anto Cuni"]


def test_merging_a_person_with_themself_is_refused(
    journal: Journal, antonios: tuple[int, int, int, int]
) -> None:
    keep = antonios[0]
    with pytest.raises(ValidationError, match="with themself"), journal.write() as s:
        unmerge.merge(s, keep, keep)


def test_unmerge_refuses_while_the_folded_persons_id_is_taken(
    journal: Journal, antonios: tuple[int, int, int, int]
) -> None:
    keep, other, _spring, _november = antonios
    undo = merged(journal, keep, other)
    with journal.write() as s:
        unmerge.unmerge(s, undo)
    with (
        pytest.raises(ValidationError, match="cannot be split off again: the journal has "
                                             "someone under that name or number now"),
        journal.write() as s,
    ):
        unmerge.unmerge(s, undo)  # the same undo twice: Anto is back already
