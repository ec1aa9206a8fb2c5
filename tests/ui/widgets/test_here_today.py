""""Here today": the head count of the selected day, who eats what (special diets first, the
biggest group first, first names only), and who arrives or leaves that day."""

from dataclasses import replace
from datetime import date

import pytest
from pytestqt.qtbot import QtBot
from sprintjournal_ui.store import JournalStore
from sprintjournal_ui.widgets.here_today import NO_RESTRICTION, HereTodayBox, diet_groups

from sprintjournal.records import AttendeeRec

THURSDAY, FRIDAY, TUESDAY = date(2011, 11, 3), date(2011, 11, 4), date(2011, 11, 8)


@pytest.fixture
def everyone(store: JournalStore, panel_sprint: int) -> list[AttendeeRec]:
    return store.list_attendees(panel_sprint)


def here(everyone: list[AttendeeRec], day: date) -> list[AttendeeRec]:
    return [a for a in everyone if a.present_on(day)]


def test_special_diets_come_first_biggest_first_then_the_rest(
        everyone: list[AttendeeRec]) -> None:
    groups = diet_groups(here(everyone, FRIDAY))
    assert list(groups.items()) == [
        ("vegetarian", ["Mark", "Maciej"]),
        ("no peppers", ["Jacob"]),
        (NO_RESTRICTION, ["Laura", "Antonio"]),
    ]


def test_a_blank_diet_is_no_restriction_and_ties_go_alphabetically(
        everyone: list[AttendeeRec]) -> None:
    laura = next(a for a in everyone if a.person.name == "Laura Creighton")
    people = [replace(laura, diet="  "), replace(laura, diet="vegan"),
              replace(laura, diet="halal")]
    assert list(diet_groups(people)) == ["halal", "vegan", NO_RESTRICTION]
    assert diet_groups([]) == {}


def test_the_box_shows_the_day_its_count_and_its_comings_and_goings(
        qtbot: QtBot, everyone: list[AttendeeRec]) -> None:
    box = HereTodayBox()
    qtbot.addWidget(box)
    box.show_day(FRIDAY, here(everyone, FRIDAY), everyone)
    assert box.title() == "Here on Fri 4 Nov"
    assert box.count.text() == "5 people"
    assert box.details.text() == ("vegetarian: Mark, Maciej\nno peppers: Jacob\n"
                                  "no restrictions: 2\narriving: Antonio Cuni")
    box.show_day(TUESDAY, here(everyone, TUESDAY), everyone)
    assert box.details.text().splitlines()[-1] == "leaving: Maciej Fijałkowski"


def test_one_person_and_nobody(qtbot: QtBot, everyone: list[AttendeeRec]) -> None:
    box = HereTodayBox()
    qtbot.addWidget(box)
    laura = [a for a in everyone if a.person.name == "Laura Creighton"]
    box.show_day(THURSDAY, laura, laura)
    assert box.count.text() == "1 person"
    box.show_day(date(2012, 1, 1), [], everyone)
    assert (box.count.text(), box.details.text()) == ("0 people", "Nobody is here on this day.")


def test_without_a_day_it_asks_for_one(qtbot: QtBot, everyone: list[AttendeeRec]) -> None:
    box = HereTodayBox()
    qtbot.addWidget(box)
    box.show_day(FRIDAY, here(everyone, FRIDAY), everyone)
    box.show_day(None, [], [])
    assert box.title() == "Here today"
    assert box.count.text() == "—"
    assert box.details.text() == "Pick a day to see who is here and what to cook."
