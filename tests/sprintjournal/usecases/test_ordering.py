"""`usecases.ordering.reorder` called directly: positions written, scope of a list, messages."""

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from sprintjournal.errors import ValidationError
from sprintjournal.journal import Journal
from sprintjournal.usecases.ordering import reorder

FRI, SAT = date(2011, 11, 4), date(2011, 11, 5)


@pytest.fixture
def sprint(journal: Journal) -> int:
    return journal.add_sprint("Gothenburg 2011", start=date(2011, 11, 2)).id


def positions(path: Path, table: str) -> dict[int, int]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute(f"SELECT id, position FROM {table}"))
    finally:
        conn.close()


def test_positions_become_zero_to_n_and_the_sprint_is_returned(
    journal: Journal, journal_path: Path, sprint: int
) -> None:
    a, b, c = (journal.add_branch(sprint, n).id for n in ("a", "b", "c"))
    with journal.write() as s:
        assert reorder(s, "branch", (c, a, b)) == sprint
    assert positions(journal_path, "branch") == {c: 0, a: 1, b: 2}


def test_a_list_too_short_says_how_many_items_there_are(journal: Journal, sprint: int) -> None:
    a, b, _c = (journal.add_branch(sprint, n).id for n in ("a", "b", "c"))
    with (
        pytest.raises(ValidationError, match=r"^Cannot reorder: the list changed meanwhile "
                                             r"\(3 items now, 2 given\)\. Nothing was moved\.$"),
        journal.write() as s,
    ):
        reorder(s, "branch", [b, a])


def test_unknown_or_repeated_ids_are_named(journal: Journal, sprint: int) -> None:
    a = journal.add_branch(sprint, "a").id
    with (
        pytest.raises(ValidationError,
                      match=r"^Cannot reorder: \[1, 1\] are not 2 distinct branch items\.$"),
        journal.write() as s,
    ):
        reorder(s, "branch", [a, a])
    with (
        pytest.raises(ValidationError, match="are not 1 distinct attendance items"),
        journal.write() as s,
    ):
        reorder(s, "attendance", [a])  # a branch's id, no attendee has it


def test_an_entity_without_an_order_is_refused_by_name(journal: Journal) -> None:
    with (
        pytest.raises(ValidationError, match=r"^note items have no order to change\.$"),
        journal.write() as s,
    ):
        reorder(s, "note", [1])  # type: ignore[arg-type]  # what an untyped caller could pass


def test_a_standup_list_is_one_day_and_one_section(
    journal: Journal, journal_path: Path, sprint: int
) -> None:
    fri_done = [journal.add_standup_item(sprint, FRI, "done", t).id for t in ("x", "y")]
    fri_todo = journal.add_standup_item(sprint, FRI, "today", "z").id
    sat_done = journal.add_standup_item(sprint, SAT, "done", "w").id
    with journal.write() as s:
        assert reorder(s, "standup", fri_done[::-1]) == sprint
    after = positions(journal_path, "standup_item")
    assert (after[fri_done[1]], after[fri_done[0]]) == (0, 1)
    for mixed in ([*fri_done, fri_todo], [*fri_done, sat_done]):
        with (
            pytest.raises(ValidationError, match="the list changed meanwhile"),
            journal.write() as s,
        ):
            reorder(s, "standup", mixed)
    assert positions(journal_path, "standup_item") == after
