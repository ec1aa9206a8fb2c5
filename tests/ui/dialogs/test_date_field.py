"""A date typed as people write it, read near the sprint, and shown as read beside the field."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sprintjournal_ui.dialogs.date_field import DateField, read_date, show_date

WEDNESDAY = date(2011, 11, 2)  # the Gothenburg sprint's first day


@pytest.mark.parametrize(("typed", "expected"), [
    ("7", date(2011, 11, 7)),
    ("7 nov", date(2011, 11, 7)),
    ("2011-11-09", date(2011, 11, 9)),
    ("  2011-11-09 ", date(2011, 11, 9)),
    ("wed", date(2011, 11, 2)),      # the day itself, not a week later
    ("Monday", date(2011, 11, 7)),   # weekdays count forwards, across the weekend
    ("tue", date(2011, 11, 8)),
    ("SUN", date(2011, 11, 6)),
])
def test_a_date_is_read_near_the_sprint(typed: str, expected: date) -> None:
    assert read_date(typed, WEDNESDAY) == (True, expected)


@pytest.mark.parametrize("typed", ["", "?", " unknown ", "Not Known"])
def test_unknown_is_understood_as_no_date(typed: str) -> None:
    assert read_date(typed, WEDNESDAY) == (True, None)


@pytest.mark.parametrize("typed", ["soonish", "7-9 nov", "mon 7", "2011-13-01"])
def test_what_is_not_one_date_is_not_understood(typed: str) -> None:
    """A range names two dates: the field holds one, so it is refused, not half-read."""
    assert read_date(typed, WEDNESDAY) == (False, None)


def test_the_field_shows_what_it_read_while_typing(qtbot: QtBot) -> None:
    field = DateField("Arrival", WEDNESDAY)
    qtbot.addWidget(field)
    assert field.read_as.text() == "unknown" and field.value() is None and field.is_valid()
    assert field.edit.accessibleName() == "Arrival date"

    qtbot.keyClicks(field.edit, "fri")
    assert field.read_as.text() == "→ Fri 4 Nov 2011" == "→ " + show_date(date(2011, 11, 4))
    assert field.value() == date(2011, 11, 4)

    qtbot.keyClicks(field.edit, "day!")
    assert field.read_as.text() == "not a date"
    assert not field.is_valid() and field.value() is None

    qtbot.keyClick(field.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field.edit, Qt.Key.Key_Backspace)
    assert field.read_as.text() == "unknown" and field.is_valid()


def test_a_value_set_reads_back_the_same(qtbot: QtBot) -> None:
    field = DateField("Departure", WEDNESDAY)
    qtbot.addWidget(field)
    field.set_value(date(2012, 1, 31))  # another year than the sprint's: ISO keeps it
    assert field.edit.text() == "2012-01-31"
    assert field.value() == date(2012, 1, 31)
    assert field.read_as.text() == "→ Tue 31 Jan 2012"
    field.set_value(None)
    assert field.edit.text() == "" and field.value() is None


def test_focus_given_to_the_field_lands_in_its_line_edit(qtbot: QtBot) -> None:
    field = DateField("Arrival", WEDNESDAY)
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    field.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.edit.hasFocus)
    assert field.focusPolicy() != Qt.FocusPolicy.NoFocus
