"""Branches and topics: kinds, statuses, people, results kept verbatim, unique names per sprint."""

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from sprintjournal.changes import Change
from sprintjournal.errors import NotFoundError, ValidationError
from sprintjournal.journal import Journal
from sprintjournal.vocabulary import BRANCH_KINDS, BRANCH_STATUSES


def branch_rows(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT * FROM branch ORDER BY id").fetchall()
        return (
            rows
            + conn.execute("SELECT * FROM branch_person ORDER BY branch_id, person_id").fetchall()
        )
    finally:
        conn.close()


@pytest.fixture
def sprint(journal: Journal) -> int:
    return journal.add_sprint("November", start=date(2011, 11, 2), end=date(2011, 11, 9)).id


def test_add_branch_persists_everything(journal: Journal, journal_path: Path, sprint: int) -> None:
    journal.add_person("Antonio Cuni", aliases=["antocuni"])
    change = journal.add_branch(
        sprint,
        " ffistruct ",
        people=["antocuni", "Mark Pearse", "Antonio Cuni"],
        kind="branch",
        goal="Fast struct access",
        status="merged",
        results=["field access about 400 times faster than ctypes"],
        links=["https://bitbucket.org/pypy/pypy/src/ffistruct"],
        notes="Reviewed by Armin.",
    )
    assert change == Change("branch", "added", (change.id,), sprint)
    with Journal(journal_path, readonly=True) as r:
        (b,) = r.list_branches(sprint)
        people = {p.name for p in r.list_people()}
    assert b.name == "ffistruct" and b.id == change.id
    assert (b.kind, b.goal, b.status, b.notes) == (
        "branch",
        "Fast struct access",
        "merged",
        "Reviewed by Armin.",
    )
    assert [p.name for p in b.people] == [
        "Antonio Cuni",
        "Mark Pearse",
    ]  # alias resolved, no duplicate
    assert b.results == ("field access about 400 times faster than ctypes",)
    assert b.links == ("https://bitbucket.org/pypy/pypy/src/ffistruct",)
    assert people == {"Antonio Cuni", "Mark Pearse"}  # an unknown name is created


def test_every_documented_kind_and_status_is_accepted(journal: Journal, sprint: int) -> None:
    for n, (kind, status) in enumerate(zip(BRANCH_KINDS * 2, BRANCH_STATUSES, strict=False)):
        journal.add_branch(sprint, f"b{n}", kind=kind, status=status)
    assert [b.status for b in journal.list_branches(sprint)] == list(BRANCH_STATUSES)


@pytest.mark.parametrize(
    ("name", "fields", "message"),
    [
        ("", {}, "needs a name"),
        ("  ", {}, "needs a name"),
        (
            "stm",
            {"status": "finished"},
            "Unknown status 'finished'; use one of: planned, in progress",
        ),
        ("stm", {"kind": "epic"}, "Unknown kind 'epic'; use one of: branch, topic"),
        ("stm", {"owner": "Armin"}, "Unknown branch fields: owner"),
        ("win64", {}, "already has a branch called win64"),
        (" win64 ", {}, "already has a branch called win64"),
    ],
)
def test_invalid_branches_change_nothing(
    journal: Journal,
    journal_path: Path,
    sprint: int,
    name: str,
    fields: dict[str, object],
    message: str,
) -> None:
    journal.add_branch(sprint, "win64", people=["Christian Tismer"])
    before = branch_rows(journal_path)
    with pytest.raises(ValidationError, match=message):
        journal.add_branch(sprint, name, people=["Armin Rigo"], **fields)
    assert branch_rows(journal_path) == before
    assert [p.name for p in journal.list_people()] == ["Christian Tismer"]


def test_the_same_name_in_another_sprint_is_fine(journal: Journal, sprint: int) -> None:
    other = journal.add_sprint("Spring").id
    journal.add_branch(sprint, "stm")
    journal.add_branch(other, "stm")
    assert [b.name for b in journal.list_branches(other)] == ["stm"]


def test_update_branch(journal: Journal, journal_path: Path, sprint: int) -> None:
    bid = journal.add_branch(sprint, "jit-targets", people=["Håkan Ardö"]).id
    journal.add_branch(sprint, "stm")
    with pytest.raises(ValidationError, match="already has a branch called stm"):
        journal.update_branch(bid, name="stm")
    with pytest.raises(ValidationError, match="Unknown status"):
        journal.update_branch(bid, status="done-ish")
    change = journal.update_branch(
        bid,
        name="jit-targets",
        status="in progress",
        people=["Hakan Ardo", "Armin Rigo"],
        results=["unrolling refactored around TARGET"],
    )
    assert change == Change("branch", "updated", (bid,), sprint)
    with Journal(journal_path, readonly=True) as r:
        b = r.list_branches(sprint)[0]
    assert (b.name, b.status) == ("jit-targets", "in progress")
    assert [p.name for p in b.people] == ["Håkan Ardö", "Armin Rigo"]
    assert b.results == ("unrolling refactored around TARGET",)


def test_remove_branch_unlinks_its_standup_items(
    journal: Journal, journal_path: Path, sprint: int
) -> None:
    bid = journal.add_branch(sprint, "win64", people=["Christian Tismer"]).id
    item = journal.add_standup_item(
        sprint, date(2011, 11, 4), "done", "win64 work", branch_id=bid
    ).id
    change = journal.remove_branch(bid)
    assert change == Change("branch", "removed", (bid,), sprint)
    with Journal(journal_path, readonly=True) as r:
        assert r.list_branches(sprint) == []
        (kept,) = r.list_standup(sprint)
    assert kept.id == item and kept.branch_id is None and kept.branch_name is None
    assert branch_rows(journal_path) == []
    with pytest.raises(NotFoundError, match="No branch with id"):
        journal.update_branch(bid, status="done")


def test_branches_keep_their_order(journal: Journal, sprint: int) -> None:
    for name in ("SpecialisedTuple", "ffistruct", "stm", "jit-targets", "win64", "numpy-f2py"):
        journal.add_branch(sprint, name)
    names = [b.name for b in journal.list_branches(sprint)]
    assert names == ["SpecialisedTuple", "ffistruct", "stm", "jit-targets", "win64", "numpy-f2py"]
