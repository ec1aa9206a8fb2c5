"""Which sprint of its project in its year a sprint is, from the sprint records alone."""

from datetime import date

import pytest

from sprintjournal.ordinals import Ordinal, ordinal_among
from sprintjournal.records import SprintRec


def sprint(id: int, start: date | None, project: str = "PyPy", place: str = "Leysin") -> SprintRec:
    return SprintRec(id=id, title=f"sprint {id}", project=project, place=place, start=start)


def test_sprints_are_counted_in_start_order_not_id_order() -> None:
    sprints = [sprint(1, date(2011, 11, 2), place="Gothenburg"),
               sprint(2, date(2011, 1, 16)),
               sprint(3, date(2011, 6, 20), place="Gothenburg")]
    assert ordinal_among(sprints, 1) == Ordinal(2011, 3, 2, 3)
    assert ordinal_among(sprints, 2) == Ordinal(2011, 1, 1, 3)
    assert ordinal_among(sprints, 3) == Ordinal(2011, 2, 1, 3)


def test_project_and_place_match_whatever_their_case() -> None:
    sprints = [sprint(1, date(2011, 2, 1), project="pypy", place="gothenburg"),
               sprint(2, date(2011, 3, 1), project="PyPy", place="Gothenburg")]
    assert ordinal_among(sprints, 2) == Ordinal(2011, 2, 2, 2)


def test_other_projects_other_years_and_undated_sprints_do_not_count() -> None:
    sprints = [sprint(1, date(2010, 12, 30)),
               sprint(2, date(2011, 2, 1), project="Django"),
               sprint(3, None),
               sprint(4, date(2011, 4, 1))]
    assert ordinal_among(sprints, 4) == Ordinal(2011, 1, 1, 1)


def test_two_sprints_starting_the_same_day_are_ordered_by_id() -> None:
    sprints = [sprint(9, date(2011, 5, 1)), sprint(4, date(2011, 5, 1))]
    assert ordinal_among(sprints, 4) == Ordinal(2011, 1, 1, 2)
    assert ordinal_among(sprints, 9) == Ordinal(2011, 2, 2, 2)


def test_a_sprint_without_a_start_has_no_ordinal() -> None:
    assert ordinal_among([sprint(1, None), sprint(2, date(2011, 1, 1))], 1) is None


def test_an_id_not_among_the_sprints_is_an_error() -> None:
    with pytest.raises(StopIteration):
        ordinal_among([sprint(1, date(2011, 1, 1))], 2)
