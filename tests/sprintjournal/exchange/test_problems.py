"""An import's problems: the first ones kept in the file's order, the rest counted."""

from sprintjournal.errors import ImportFailedError, Problem
from sprintjournal.exchange.problems import (
    LISTED,
    Problems,
    import_failed,
    listed,
    more_warnings,
)


def line(n: int) -> Problem:
    return Problem(f"line {n}", "no name")


def test_problems_beyond_the_bound_are_counted_not_kept() -> None:
    problems = Problems(keep=3)
    for n in range(1, 11):
        problems.append(line(n))
    assert [p.location for p in problems.kept] == ["line 1", "line 2", "line 3"]
    assert len(problems) == 10 and problems.more == 7


def test_the_default_bound_is_listed_and_none_keeps_all() -> None:
    bounded, unbounded = Problems(), Problems(keep=None)
    for n in range(LISTED + 5):
        bounded.append(line(n))
        unbounded.append(line(n))
    assert len(bounded.kept) == LISTED and bounded.more == 5
    assert len(unbounded.kept) == LISTED + 5 and unbounded.more == 0


def test_an_earlier_problem_found_late_takes_its_place_and_the_last_makes_room() -> None:
    problems = Problems(keep=3)
    for n in (2, 5, 9):
        problems.append(line(n))
    problems.insert(1, line(3))
    assert [p.location for p in problems.kept] == ["line 2", "line 3", "line 5"]
    assert len(problems) == 4 and problems.more == 1


def test_a_problem_after_the_kept_ones_is_only_counted_once_full() -> None:
    problems = Problems(keep=2)
    problems.insert(0, line(1))
    problems.insert(1, line(2))
    problems.insert(2, line(3))
    assert [p.location for p in problems.kept] == ["line 1", "line 2"]
    assert problems.more == 1


def test_listed_adds_the_count_of_the_lines_left_out() -> None:
    assert listed(["a", "b"], 2) == ["a", "b"]
    assert listed(["a", "b"], 12_345, "warnings") == ["a", "b", "… and 12,343 more warnings"]


def test_import_failed_counts_all_problems_and_lists_the_kept_ones() -> None:
    error = import_failed("people.txt", [line(1), line(2)], 600_000)
    assert isinstance(error, ImportFailedError)
    assert str(error).splitlines() == [
        "people.txt: 600,000 problems, nothing was imported",
        "  line 1: no name",
        "  line 2: no name",
        "  … and 599,998 more problems",
    ]
    assert error.problems[-1] == Problem("", "… and 599,998 more problems")


def test_import_failed_with_every_problem_kept_has_no_more_line() -> None:
    error = import_failed("people.txt", [line(1)], 1)
    assert str(error) == "people.txt: 1 problem, nothing was imported\n  line 1: no name"


def test_more_warnings_counts_the_hidden_lines_and_the_counted_rest() -> None:
    lines = ["w1", "w2", "w3", "… and 1,000 more warnings"]
    assert more_warnings(lines, shown=1) == (
        "… and 1,002 more warnings (Show Details lists the first 3)")
    assert more_warnings(["w1", "w2"], shown=5) == (
        "… and 0 more warnings (Show Details lists the first 2)")
