"""How a day is named in lists, tabs and undo steps."""

from datetime import date

from sprintjournal_ui.day_words import day_label


def test_a_day_is_named_short_with_its_count_when_there_is_one() -> None:
    assert day_label(date(2011, 11, 8)) == "Tue 8 Nov"
    assert day_label(date(2012, 1, 1), 3) == "Sun 1 Jan · 3"
    assert day_label(date(2011, 11, 8), 0) == "Tue 8 Nov"  # no "· 0"


def test_undated_notes_have_no_day() -> None:
    assert day_label(None) == "No day"
    assert day_label(None, 2) == "No day · 2"
