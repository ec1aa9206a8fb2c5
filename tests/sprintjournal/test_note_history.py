"""`note_history.is_large_deletion`: most of a note gone at once is worth a version."""

from sprintjournal.note_history import LARGE_DELETION, is_large_deletion


def test_deleting_everything_of_a_long_note_is_large() -> None:
    assert is_large_deletion("x" * 200, "")


def test_the_threshold_is_exactly_the_constant() -> None:
    assert is_large_deletion("x" * LARGE_DELETION, "")
    assert not is_large_deletion("x" * (LARGE_DELETION - 1), "")


def test_exactly_half_the_note_counts_but_less_does_not() -> None:
    assert is_large_deletion("x" * 100, "x" * 50)
    assert not is_large_deletion("x" * 101, "x" * 51)


def test_a_short_note_emptied_is_not_large() -> None:
    assert not is_large_deletion("typo fix", "")


def test_growing_or_rewriting_at_the_same_length_is_not_a_deletion() -> None:
    assert not is_large_deletion("short", "x" * 500)
    assert not is_large_deletion("a" * 300, "b" * 300)
