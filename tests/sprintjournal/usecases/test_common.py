"""The use cases' shared helpers, on a real journal's session: where a new item goes, finding a
row or saying which is missing, and refusing fields a table does not have."""

from datetime import UTC, date
from pathlib import Path

import pytest
from sqlmodel import select

from sprintjournal.errors import NotFoundError, ValidationError
from sprintjournal.journal import Journal
from sprintjournal.models import Attendance, Branch, Sprint
from sprintjournal.usecases.common import (
    apply_fields,
    column,
    get_or_fail,
    listed,
    next_position,
    now,
    remove_row,
    sha256_text,
    texts,
)


@pytest.fixture
def two_sprints(journal: Journal) -> tuple[int, int]:
    first = journal.add_sprint("Leysin", project="PyPy", start=date(2011, 1, 16)).id
    second = journal.add_sprint("Gothenburg", project="PyPy", start=date(2011, 11, 2)).id
    return first, second


def test_the_first_item_of_a_scope_goes_to_position_zero(
    journal: Journal, two_sprints: tuple[int, int]
) -> None:
    with journal.write() as s:
        assert next_position(s, Branch, sprint_id=two_sprints[0]) == 0


def test_a_new_item_goes_after_the_largest_position_of_its_own_scope(
    journal: Journal, two_sprints: tuple[int, int]
) -> None:
    first, second = two_sprints
    for name in ("ppc-jit", "stm", "jitviewer"):
        journal.add_branch(first, name)
    journal.add_branch(second, "numpy")
    ids = [b.id for b in journal.list_branches(first)]
    journal.reorder("branch", [ids[2], ids[0], ids[1]])
    with journal.write() as s:
        get_or_fail(s, Branch, ids[1], "branch").position = 9  # a gap (positions need not be dense)
    with journal.write() as s:
        assert next_position(s, Branch, sprint_id=first) == 10
        assert next_position(s, Branch, sprint_id=second) == 1
        assert next_position(s, Branch, sprint_id=first, name="stm") == 10


def test_get_or_fail_returns_the_row_or_names_what_is_missing(
    journal: Journal, two_sprints: tuple[int, int]
) -> None:
    with journal.read() as s:
        assert get_or_fail(s, Sprint, two_sprints[1], "sprint").title == "Gothenburg"
        with pytest.raises(NotFoundError) as caught:
            get_or_fail(s, Sprint, 999, "sprint")
    assert str(caught.value) == "No sprint with id 999 in this journal."


def test_apply_fields_sets_allowed_fields_and_refuses_unknown_ones_before_setting_any(
    journal: Journal, journal_path: Path, two_sprints: tuple[int, int]
) -> None:
    with journal.write() as s:
        sprint = get_or_fail(s, Sprint, two_sprints[0], "sprint")
        apply_fields(sprint, {"place": "Leysin", "venue": "Ermina"}, {"place", "venue"}, "sprint")
    assert journal.get_sprint(two_sprints[0]).venue == "Ermina"
    with journal.write() as s:
        sprint = get_or_fail(s, Sprint, two_sprints[0], "sprint")
        with pytest.raises(ValidationError) as caught:
            apply_fields(sprint, {"venue": "Hotel", "colour": "blue", "mood": "good"},
                         {"place", "venue"}, "sprint")
        assert sprint.venue == "Ermina"
    assert str(caught.value) == "Unknown sprint fields: colour, mood"


def test_now_is_aware_utc_and_text_digests_are_sha256_of_utf8() -> None:
    assert now().tzinfo is UTC
    assert sha256_text("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    assert sha256_text("é") == "4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c"


def test_a_column_is_found_by_name_on_any_table(journal: Journal,
                                                 two_sprints: tuple[int, int]) -> None:
    """The queries that serve several tables (reorder, merge) name columns this way."""
    journal.add_attendee(two_sprints[1], "Mark Pearse")
    with journal.write() as s:
        sprint_of = column(Attendance, "sprint_id")
        assert column(Attendance, "sprint_id").table.name == "attendance"
        assert s.exec(select(sprint_of)).all() == [two_sprints[1]]
    with pytest.raises(KeyError):
        column(Attendance, "no_such_column")


@pytest.mark.parametrize("value", [("Armin", "Antonio"), ["Armin", "Antonio"],
                                   (name for name in ("Armin", "Antonio"))])
def test_a_list_field_takes_any_iterable_of_names(value: object) -> None:
    assert texts(value, "people") == ["Armin", "Antonio"]


def test_list_items_are_kept_as_given_and_texts_become_strings() -> None:
    figure = {"what": "field access", "value": "~400x"}
    assert listed([figure], "figures") == [figure]
    assert texts([1, "2"], "results") == ["1", "2"]


@pytest.mark.parametrize("value", ["Armin", b"Armin", 42, None])
def test_a_lone_value_is_refused_not_read_letter_by_letter(value: object) -> None:
    with pytest.raises(ValidationError, match="people takes a list"):
        texts(value, "people")


def test_a_branch_given_one_name_as_its_people_says_so_and_changes_nothing(
        journal: Journal, two_sprints: tuple[int, int]) -> None:
    branch = journal.add_branch(two_sprints[0], "stm").id
    with pytest.raises(ValidationError, match="people takes a list"):
        journal.update_branch(branch, people="Armin")
    assert journal.list_branches(two_sprints[0])[0].people == ()


def test_removing_a_row_of_a_sprints_list_names_its_sprint(
        journal: Journal, two_sprints: tuple[int, int]) -> None:
    first, second = two_sprints
    kept = journal.add_branch(first, "stm").id
    gone = journal.add_branch(second, "jit-targets").id
    with journal.write() as s:
        assert remove_row(s, get_or_fail(s, Branch, gone, "branch")) == second
    assert [b.id for b in journal.list_branches(first)] == [kept]
    assert journal.list_branches(second) == []
