"""Reordering a sprint's lists: whole lists only, in one transaction, undone by reordering back."""

import io
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from sprintjournal.errors import ValidationError
from sprintjournal.journal import Journal

FRI, SAT = date(2011, 11, 4), date(2011, 11, 5)


@pytest.fixture
def sprint(journal: Journal) -> int:
    return journal.add_sprint("Gothenburg 2011", start=date(2011, 11, 2)).id


def names(journal: Journal, sprint: int) -> list[str]:
    return [b.name for b in journal.list_branches(sprint)]


def test_branches_take_the_new_order_and_keep_it_in_the_file(
    journal: Journal, journal_path: Path, sprint: int
) -> None:
    ids = [journal.add_branch(sprint, n).id for n in ("ffistruct", "stm", "jit-targets")]
    change = journal.reorder("branch", [ids[2], ids[0], ids[1]])
    assert (change.entity, change.op, change.sprint_id) == ("branch", "reordered", sprint)
    assert names(journal, sprint) == ["jit-targets", "ffistruct", "stm"]
    conn = sqlite3.connect(journal_path)
    rows = conn.execute("SELECT name FROM branch ORDER BY position, id").fetchall()
    conn.close()
    assert [r[0] for r in rows] == ["jit-targets", "ffistruct", "stm"]
    journal.reorder("branch", ids)  # the undo: the old list
    assert names(journal, sprint) == ["ffistruct", "stm", "jit-targets"]


def test_a_new_item_still_goes_last_after_a_reorder(journal: Journal, sprint: int) -> None:
    a, b = (journal.add_branch(sprint, n).id for n in ("a", "b"))
    journal.reorder("branch", [b, a])
    journal.add_branch(sprint, "c")
    assert names(journal, sprint) == ["b", "a", "c"]


def test_stand_up_items_are_ordered_within_their_day_and_section(
    journal: Journal, sprint: int
) -> None:
    done = [journal.add_standup_item(sprint, FRI, "done", t).id for t in ("one", "two")]
    today = journal.add_standup_item(sprint, FRI, "today", "three").id
    journal.add_standup_item(sprint, SAT, "done", "four")
    journal.reorder("standup", done[::-1])
    assert [i.text for i in journal.list_standup(sprint, FRI) if i.section == "done"] == [
        "two", "one"]
    with pytest.raises(ValidationError, match="changed meanwhile"):
        journal.reorder("standup", [today, *done])  # two sections are not one list


def test_attendees_and_photos_can_be_reordered(journal: Journal, sprint: int) -> None:
    people = [journal.add_attendee(sprint, n).id for n in ("Armin Rigo", "Antonio Cuni")]
    journal.reorder("attendance", people[::-1])
    assert [a.person.name for a in journal.list_attendees(sprint)] == [
        "Antonio Cuni", "Armin Rigo"]
    jpeg = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 120, 40)).save(jpeg, "JPEG")
    photos = [journal.add_photo(sprint, jpeg.getvalue(), f"{n}.jpg").id for n in ("cake", "crew")]
    journal.reorder("photo", photos[::-1])
    assert [p.filename for p in journal.list_photos(sprint)] == ["crew.jpg", "cake.jpg"]


@pytest.mark.parametrize(
    "bad", [[], "duplicate", "missing", "foreign", "partial"],
)
def test_a_wrong_list_is_refused_and_nothing_moves(
    journal: Journal, sprint: int, bad: object
) -> None:
    ids = [journal.add_branch(sprint, n).id for n in ("a", "b", "c")]
    other = journal.add_sprint("Leysin 2012").id
    foreign = journal.add_branch(other, "elsewhere").id
    lists = {"duplicate": [ids[0], ids[0], ids[1]], "missing": [*ids[:2], 9999],
             "foreign": [*ids, foreign], "partial": ids[:2]}
    with pytest.raises(ValidationError, match="Cannot reorder"):
        journal.reorder("branch", bad if isinstance(bad, list) else lists[str(bad)])
    assert names(journal, sprint) == ["a", "b", "c"]


def test_notes_have_no_order_to_change(journal: Journal) -> None:
    with pytest.raises(ValidationError, match="no order"):
        journal.reorder("note", [1])  # type: ignore[arg-type]
