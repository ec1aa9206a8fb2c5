"""The Change record: what a use case says it changed."""

import dataclasses
from typing import get_args

import pytest

from sprintjournal.changes import Change, Entity, Op, Ordered
from sprintjournal.journal import Journal


def test_id_is_the_first_and_only_id_of_a_single_change() -> None:
    assert Change("note", "updated", (42,), sprint_id=3).id == 42


def test_a_change_without_ids_has_no_single_id() -> None:
    change = Change("journal", "restored")
    assert change.ids == () and change.sprint_id is None
    with pytest.raises(IndexError):
        _ = change.id


def test_changes_are_values_compared_by_content_and_immutable() -> None:
    a = Change("branch", "reordered", (1, 2), 7)
    assert a == Change("branch", "reordered", (1, 2), 7)
    assert a != Change("branch", "reordered", (2, 1), 7)
    assert hash(a) == hash(Change("branch", "reordered", (1, 2), 7))
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.op = "added"  # type: ignore[misc]


def test_the_orderable_entities_are_entities() -> None:
    assert set(get_args(Ordered)) <= set(get_args(Entity))
    assert {"added", "updated", "removed", "reordered"} <= set(get_args(Op))


def test_a_use_case_change_names_its_entity_ids_and_sprint(journal: Journal) -> None:
    """What the journal really returns: the new row's id, and the sprint it belongs to."""
    sprint = journal.add_sprint("Gothenburg", project="PyPy", place="Gothenburg")
    attendee = journal.add_attendee(sprint.id, "Armin Rigo")
    assert (sprint.entity, sprint.op, sprint.sprint_id) == ("sprint", "added", sprint.id)
    assert (attendee.entity, attendee.op, attendee.sprint_id) == ("attendance", "added", sprint.id)
    assert [a.id for a in journal.list_attendees(sprint.id)] == [attendee.id]
    for change in (sprint, attendee):
        assert change.entity in get_args(Entity) and change.op in get_args(Op)
