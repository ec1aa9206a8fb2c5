"""`usecases.attendance` called directly in a session: check-ins, first sprints, errors."""

from datetime import date

import pytest

from sprintjournal.errors import NotFoundError, ValidationError
from sprintjournal.journal import Journal
from sprintjournal.usecases import attendance
from sprintjournal.usecases.common import reads

NOV = date(2011, 11, 2), date(2011, 11, 9)


@pytest.fixture
def sprint(journal: Journal) -> int:
    return journal.add_sprint("November", start=NOV[0], end=NOV[1]).id


@pytest.fixture
def anto(journal: Journal, sprint: int) -> int:
    return journal.add_attendee(sprint, "Antonio Cuni", arrive=date(2011, 11, 4)).id


def checked_in(journal: Journal, sprint: int) -> tuple[date, ...]:
    with journal.read() as s:
        (rec,) = reads(s).list_attendees(sprint)
    return rec.checked_in


def test_check_ins_are_kept_per_day_sorted_and_without_repeats(
    journal: Journal, sprint: int, anto: int
) -> None:
    with journal.write() as s:
        for day in (date(2011, 11, 7), date(2011, 11, 4), date(2011, 11, 7)):
            attendance.set_checked_in(s, anto, day, True)
    assert checked_in(journal, sprint) == (date(2011, 11, 4), date(2011, 11, 7))


def test_a_check_in_can_be_taken_back_and_taking_back_twice_is_harmless(
    journal: Journal, sprint: int, anto: int
) -> None:
    with journal.write() as s:
        attendance.set_checked_in(s, anto, date(2011, 11, 4), True)
        attendance.set_checked_in(s, anto, date(2011, 11, 5), True)
    with journal.write() as s:
        attendance.set_checked_in(s, anto, date(2011, 11, 4), False)
        attendance.set_checked_in(s, anto, date(2011, 11, 4), False)
        attendance.set_checked_in(s, anto, date(2011, 11, 6), False)  # never checked in
    assert checked_in(journal, sprint) == (date(2011, 11, 5),)


def test_checking_in_a_missing_attendee_names_what_is_missing(journal: Journal) -> None:
    with (
        pytest.raises(NotFoundError, match=r"No attendee with id 42 in this journal\."),
        journal.write() as s,
    ):
        attendance.set_checked_in(s, 42, date(2011, 11, 4), True)


def test_first_sprints_picks_the_earliest_dated_sprint_per_person(journal: Journal) -> None:
    jan = journal.add_sprint("Leysin", start=date(2011, 1, 16)).id
    nov = journal.add_sprint("Gothenburg", start=date(2011, 11, 2)).id
    undated = journal.add_sprint("Someday").id
    for sid in (nov, undated, jan):
        journal.add_attendee(sid, "Armin Rigo")
    journal.add_attendee(undated, "Mark Pearse")
    journal.add_attendee(nov, "Mark Pearse")
    armin = journal.find_person("Armin Rigo")
    mark = journal.find_person("Mark Pearse")
    assert armin is not None and mark is not None
    with journal.read() as s:
        assert reads(s).first_sprints([armin.id, mark.id]) == {armin.id: jan, mark.id: nov}
        assert reads(s).first_sprints([]) == {}


def test_changing_only_the_departure_is_checked_against_the_stored_arrival(
    journal: Journal, anto: int
) -> None:
    with pytest.raises(ValidationError, match=r"Departure \(2011-11-03\) is before arrival "
                                              r"\(2011-11-04\)\."), journal.write() as s:
        attendance.update_attendee(s, anto, depart=date(2011, 11, 3))


def test_clearing_the_arrival_lets_any_departure_through(
    journal: Journal, sprint: int, anto: int
) -> None:
    with journal.write() as s:
        attendance.update_attendee(s, anto, arrive=None, depart=date(2011, 11, 3))
    with journal.read() as s:
        (rec,) = reads(s).list_attendees(sprint)
    assert (rec.arrive, rec.depart) == (None, date(2011, 11, 3))


def test_arriving_and_leaving_on_the_same_day_is_fine(journal: Journal, sprint: int) -> None:
    with journal.write() as s:
        row = attendance.add(s, sprint, "Laura Creighton", arrive=NOV[0], depart=NOV[0])
    assert (row.arrive, row.depart) == (NOV[0], NOV[0])


def test_new_attendees_go_last_and_the_same_person_under_an_alias_is_refused(
    journal: Journal, sprint: int, anto: int
) -> None:
    journal.add_person("Maciej Fijałkowski", aliases=["fijal"])
    with journal.write() as s:
        fijal = attendance.add(s, sprint, "fijal")
    with journal.read() as s:
        assert [a.person.name for a in reads(s).list_attendees(sprint)] == [
            "Antonio Cuni", "Maciej Fijałkowski"]
    assert fijal.position == 1
    with (
        pytest.raises(ValidationError, match=r"Maciej Fijałkowski is already an attendee"),
        journal.write() as s,
    ):
        attendance.add(s, sprint, "Maciej Fijałkowski")


def test_remove_returns_the_sprint_of_the_removed_attendee(
    journal: Journal, sprint: int, anto: int
) -> None:
    with journal.write() as s:
        assert attendance.remove(s, anto) == sprint
    with journal.read() as s:
        assert reads(s).list_attendees(sprint) == []
        with pytest.raises(NotFoundError):
            attendance.get(s, anto)


def test_present_on_counts_a_host_without_dates_but_not_a_guest(
    journal: Journal, sprint: int
) -> None:
    journal.add_attendee(sprint, "Jacob Hallén", host=True)
    journal.add_attendee(sprint, "Lukas Diekmann")
    journal.add_attendee(sprint, "Håkan Ardö", arrive=date(2011, 11, 5), depart=date(2011, 11, 6))
    assert [a.person.name for a in journal.present_on(sprint, date(2011, 11, 6))] == [
        "Jacob Hallén", "Håkan Ardö"]
    assert [a.person.name for a in journal.present_on(sprint, date(2011, 11, 7))] == [
        "Jacob Hallén"]
