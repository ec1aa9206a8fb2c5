"""A merge of two people taken back: every row as it was, under its old id."""

import io
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from sprintjournal.changes import Change
from sprintjournal.errors import ValidationError
from sprintjournal.journal import Journal

TABLES = ("person", "person_alias", "attendance", "branch_person", "standup_person",
          "photo_person")


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the tables a merge touches, in a stable order."""
    conn = sqlite3.connect(path)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
                for t in TABLES}
    finally:
        conn.close()


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def two_antonios(journal: Journal) -> tuple[int, int, int, int]:
    """Antonio Cuni and "Anto Cuni": both at the November sprint (a duplicate the merge drops),
    Anto alone at the spring one (moved), on one branch together and one alone, in a stand-up
    item and a photo each."""
    keep = journal.add_person("Antonio Cuni", aliases=["antocuni"]).id
    other = journal.add_person("Anto Cuni", aliases=["cuni"], email="anto@example.org").id
    spring = journal.add_sprint("Spring", start=date(2011, 4, 25)).id
    november = journal.add_sprint("November", start=date(2011, 11, 2)).id
    journal.add_attendee(spring, "Anto Cuni", accommodation="Hotel Poseidon", needs_review=True,
                         review_reason="Anto Cuni added as new")
    journal.add_attendee(november, "Antonio Cuni", diet="none")
    anto = journal.add_attendee(november, "Anto Cuni", diet="other").id
    journal.set_checked_in(anto, date(2011, 11, 2))
    journal.add_branch(november, "ffistruct", people=["Antonio Cuni", "Anto Cuni"])
    journal.add_branch(november, "SpecialisedTuple", people=["Anto Cuni"])
    journal.add_standup_item(november, date(2011, 11, 3), "done", "ctypes", ["Anto Cuni"])
    journal.add_photo(november, jpeg(), "group.jpg", people=["Anto Cuni", "Antonio Cuni"])
    return keep, other, spring, november


def test_unmerge_puts_every_row_back_under_its_id(
        journal: Journal, journal_path: Path, two_antonios: tuple[int, int, int, int]) -> None:
    keep, other, _spring, november = two_antonios
    before = dump(journal_path)
    change, undo = journal.merge_people_undoably(keep, other)
    assert change == Change("person", "merged", (keep, other))
    merged = dump(journal_path)
    assert merged != before and [p.id for p in journal.list_people()] == [keep]
    assert len(journal.list_attendees(november)) == 1
    assert journal.unmerge_people(undo) == Change("person", "restored", (keep, other))
    assert dump(journal_path) == before
    # and again: redo, undo
    _change, undo = journal.merge_people_undoably(keep, other)
    assert dump(journal_path) == merged
    journal.unmerge_people(undo)
    assert dump(journal_path) == before


def test_rows_added_since_the_merge_stay(
        journal: Journal, journal_path: Path, two_antonios: tuple[int, int, int, int]) -> None:
    keep, other, _spring, november = two_antonios
    _change, undo = journal.merge_people_undoably(keep, other)
    journal.add_branch(november, "jit-targets", people=["Antonio Cuni"])
    journal.unmerge_people(undo)
    by_name = {b.name: [p.id for p in b.people] for b in journal.list_branches(november)}
    assert by_name == {"ffistruct": [keep, other], "SpecialisedTuple": [other],
                       "jit-targets": [keep]}
    assert journal.get_person(other).name == "Anto Cuni"
    assert journal.get_person(other).aliases == ("cuni",)
    assert journal.get_person(keep).aliases == ("antocuni",)
    assert journal.get_person(keep).email is None


def test_unmerge_refuses_when_the_name_is_taken_again(
        journal: Journal, journal_path: Path, two_antonios: tuple[int, int, int, int]) -> None:
    keep, other, _spring, _november = two_antonios
    _change, undo = journal.merge_people_undoably(keep, other)
    journal.update_person(keep, aliases=[])  # "Anto Cuni" is no one's alias any more...
    journal.add_person("Anto Cuni")  # ...and someone new has the name
    state = dump(journal_path)
    with pytest.raises(ValidationError, match="cannot be split off again"):
        journal.unmerge_people(undo)
    assert dump(journal_path) == state  # nothing half-done


def test_unmerge_refuses_when_a_dropped_row_is_reused(
        journal: Journal, journal_path: Path, two_antonios: tuple[int, int, int, int]) -> None:
    """SQLite gives a freed id to the next row: an attendance added since the merge (an import,
    which is not an undo step) may hold the id of the one the merge dropped."""
    keep, other, _spring, _november = two_antonios
    _change, undo = journal.merge_people_undoably(keep, other)
    autumn = journal.add_sprint("Autumn", start=date(2011, 9, 1)).id
    journal.add_attendee(autumn, "Antonio Cuni")
    state = dump(journal_path)
    with pytest.raises(ValidationError, match="reused since"):
        journal.unmerge_people(undo)
    assert dump(journal_path) == state
