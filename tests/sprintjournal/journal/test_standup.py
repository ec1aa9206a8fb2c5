"""The daily stand-up: items per day and section, their people and branch, carrying items over."""

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from sprintjournal.changes import Change
from sprintjournal.errors import NotFoundError, ValidationError
from sprintjournal.journal import Journal

D3, D4, D5 = date(2011, 11, 3), date(2011, 11, 4), date(2011, 11, 5)


def standup_rows(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT * FROM standup_item ORDER BY id").fetchall()
        return (
            rows
            + conn.execute("SELECT * FROM standup_person ORDER BY item_id, person_id").fetchall()
        )
    finally:
        conn.close()


@pytest.fixture
def sprint(journal: Journal) -> int:
    return journal.add_sprint("November", start=date(2011, 11, 2), end=date(2011, 11, 9)).id


def test_add_item_persists_people_branch_and_order(
    journal: Journal, journal_path: Path, sprint: int
) -> None:
    journal.add_person("Antonio Cuni", aliases=["Anto"])
    bid = journal.add_branch(sprint, "SpecialisedTuple").id
    first = journal.add_standup_item(
        sprint, D3, "today", "specialised 2-tuples", people=["Mark Pearse", "Anto"], branch_id=bid
    )
    second = journal.add_standup_item(
        sprint, D3, "today", "win64", people=["Christian Tismer"], status="in progress"
    )
    done = journal.add_standup_item(sprint, D3, "done", "arrived", people=["Sam Lade"])
    assert first == Change("standup", "added", (first.id,), sprint)
    with Journal(journal_path, readonly=True) as r:
        items = r.list_standup(sprint, D3)
        assert r.list_standup(sprint, D4) == []
    by_id = {i.id: i for i in items}
    a = by_id[first.id]
    assert (a.day, a.section, a.text, a.branch_id, a.branch_name) == (
        D3,
        "today",
        "specialised 2-tuples",
        bid,
        "SpecialisedTuple",
    )
    assert [p.name for p in a.people] == ["Mark Pearse", "Antonio Cuni"]
    assert by_id[second.id].status == "in progress" and by_id[second.id].position == 1
    assert [i.id for i in items] == [done.id, first.id, second.id]  # "done" sorts before "today"


@pytest.mark.parametrize(
    ("section", "text", "fields", "message"),
    [
        ("yesterday", "x", {}, "Unknown stand-up section 'yesterday'; use done or today"),
        ("today", "", {}, "needs some text"),
        ("today", "  \n", {}, "needs some text"),
        ("done", "x", {"owner": "me"}, "Unknown stand-up item fields: owner"),
    ],
)
def test_invalid_items_change_nothing(
    journal: Journal,
    journal_path: Path,
    sprint: int,
    section: str,
    text: str,
    fields: dict[str, object],
    message: str,
) -> None:
    with pytest.raises(ValidationError, match=message):
        journal.add_standup_item(sprint, D3, section, text, people=["Armin Rigo"], **fields)
    assert standup_rows(journal_path) == []
    assert journal.list_people() == []


def test_update_and_remove_item(journal: Journal, journal_path: Path, sprint: int) -> None:
    item = journal.add_standup_item(sprint, D4, "today", "TARGET resop", people=["Håkan Ardö"]).id
    with pytest.raises(ValidationError, match="section"):
        journal.update_standup_item(item, section="tomorrow")
    change = journal.update_standup_item(
        item, section="done", status="done", people=["Hakan Ardo", "Armin Rigo"]
    )
    assert change == Change("standup", "updated", (item,), sprint)
    with Journal(journal_path, readonly=True) as r:
        (i,) = r.list_standup(sprint)
    assert (i.section, i.status) == ("done", "done")
    assert [p.name for p in i.people] == ["Håkan Ardö", "Armin Rigo"]
    assert journal.remove_standup_item(item) == Change("standup", "removed", (item,), sprint)
    assert standup_rows(journal_path) == []
    with pytest.raises(NotFoundError, match="No stand-up item with id"):
        journal.remove_standup_item(item)


def test_carry_over_copies_unfinished_today_items(journal: Journal, sprint: int) -> None:
    bid = journal.add_branch(sprint, "win64").id
    journal.add_standup_item(
        sprint,
        D4,
        "today",
        "win64",
        people=["Christian Tismer"],
        branch_id=bid,
        status="in progress",
    )
    journal.add_standup_item(
        sprint, D4, "today", "merge ffistruct", people=["Antonio Cuni"], status="done"
    )
    journal.add_standup_item(sprint, D4, "done", "arrived", people=["Sam Lade"])
    journal.add_standup_item(sprint, D5, "today", "STM", people=["Armin Rigo"])
    change = journal.carry_over(sprint, D4, D5)
    assert change.entity == "standup" and change.op == "added" and len(change.ids) == 1
    today = {i.text: i for i in journal.list_standup(sprint, D5)}
    assert set(today) == {"STM", "win64"}
    assert today["win64"].branch_id == bid and [p.name for p in today["win64"].people] == [
        "Christian Tismer"
    ]
    assert journal.carry_over(sprint, D4, D5).ids == ()  # idempotent: already there


def test_items_need_a_real_sprint(journal: Journal) -> None:
    with pytest.raises(NotFoundError, match="No sprint"):
        journal.add_standup_item(404, D3, "today", "x")
