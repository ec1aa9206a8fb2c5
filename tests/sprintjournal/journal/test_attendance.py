"""Attendance: who comes when, hosts, newcomers (computed or overridden), presence on a day."""

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from sprintjournal.changes import Change
from sprintjournal.demo import build_demo
from sprintjournal.errors import NotFoundError, ValidationError
from sprintjournal.journal import Journal

NOV = date(2011, 11, 2), date(2011, 11, 9)


def attendance_rows(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT * FROM attendance ORDER BY id").fetchall()
    finally:
        conn.close()


@pytest.fixture
def sprint(journal: Journal) -> int:
    return journal.add_sprint("November", start=NOV[0], end=NOV[1]).id


def test_add_attendee_creates_the_person_and_persists(
    journal: Journal, journal_path: Path, sprint: int
) -> None:
    change = journal.add_attendee(
        sprint,
        "Antonio Cuni",
        arrive=date(2011, 11, 4),
        depart=date(2011, 11, 10),
        dates_text="4-10 november",
        accommodation="Laura's and Jacob's",
        diet="vegetarian",
        notes="brings a laptop",
    )
    assert change == Change("attendance", "added", (change.id,), sprint)
    with Journal(journal_path, readonly=True) as r:
        (a,) = r.list_attendees(sprint)
        assert r.find_person("Antonio Cuni").id == a.person.id  # type: ignore[union-attr]
    assert a.person.name == "Antonio Cuni" and a.id == change.id
    assert (a.arrive, a.depart, a.dates_text) == (
        date(2011, 11, 4),
        date(2011, 11, 10),
        "4-10 november",
    )
    assert (a.accommodation, a.diet, a.notes, a.host) == (
        "Laura's and Jacob's",
        "vegetarian",
        "brings a laptop",
        False,
    )


def test_add_attendee_by_alias_uses_the_known_person(journal: Journal, sprint: int) -> None:
    anto = journal.add_person("Antonio Cuni", aliases=["antocuni"]).id
    journal.add_attendee(sprint, "antocuni")
    assert [a.person.id for a in journal.list_attendees(sprint)] == [anto]
    assert len(journal.list_people()) == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"arrive": date(2011, 11, 8), "depart": date(2011, 11, 4)},
            r"Departure \(2011-11-04\) is before arrival",
        ),
        ({"hotel": "Poseidon"}, "Unknown attendee fields: hotel"),
    ],
)
def test_invalid_attendance_changes_nothing(
    journal: Journal, journal_path: Path, sprint: int, fields: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        journal.add_attendee(sprint, "Sam Lade", **fields)
    assert attendance_rows(journal_path) == []
    assert journal.list_people() == []  # the person created on the way was rolled back too


def test_the_same_person_twice_is_refused(
    journal: Journal, journal_path: Path, sprint: int
) -> None:
    journal.add_person("Håkan Ardö")
    journal.add_attendee(sprint, "Håkan Ardö")
    before = attendance_rows(journal_path)
    with pytest.raises(ValidationError, match="Håkan Ardö is already an attendee"):
        journal.add_attendee(sprint, "Hakan Ardo")
    assert attendance_rows(journal_path) == before


def test_attendance_needs_a_real_sprint(journal: Journal) -> None:
    with pytest.raises(NotFoundError, match="No sprint with id 77"):
        journal.add_attendee(77, "Mark Pearse")
    assert journal.list_people() == []


def test_update_attendee_checks_dates_against_stored_ones(
    journal: Journal, journal_path: Path, sprint: int
) -> None:
    aid = journal.add_attendee(
        sprint, "Mark Pearse", arrive=date(2011, 11, 2), depart=date(2011, 11, 10)
    ).id
    before = attendance_rows(journal_path)
    with pytest.raises(ValidationError, match="before arrival"):
        journal.update_attendee(aid, arrive=date(2011, 11, 11))
    with pytest.raises(ValidationError, match="Unknown attendee fields"):
        journal.update_attendee(aid, person="x")
    assert attendance_rows(journal_path) == before
    change = journal.update_attendee(aid, depart=date(2011, 11, 9), host=True)
    assert change == Change("attendance", "updated", (aid,), sprint)
    with Journal(journal_path, readonly=True) as r:
        (a,) = r.list_attendees(sprint)
    assert (a.depart, a.host) == (date(2011, 11, 9), True)


def test_remove_attendee_keeps_the_person(
    journal: Journal, journal_path: Path, sprint: int
) -> None:
    aid = journal.add_attendee(sprint, "Andrew Dalke").id
    change = journal.remove_attendee(aid)
    assert change == Change("attendance", "removed", (aid,), sprint)
    assert attendance_rows(journal_path) == []
    assert [p.name for p in journal.list_people()] == ["Andrew Dalke"]
    with pytest.raises(NotFoundError):
        journal.remove_attendee(aid)


def test_newcomer_defaults_to_the_first_sprint_in_the_journal(journal: Journal) -> None:
    spring = journal.add_sprint("Spring", start=date(2011, 4, 25)).id
    nov = journal.add_sprint("November", start=date(2011, 11, 2)).id
    journal.add_attendee(nov, "Armin Rigo")
    journal.add_attendee(nov, "Mark Pearse")
    assert {a.person.name for a in journal.newcomers(nov)} == {"Armin Rigo", "Mark Pearse"}
    journal.add_attendee(spring, "Armin Rigo")  # Armin was here before: not new any more
    assert [a.person.name for a in journal.newcomers(nov)] == ["Mark Pearse"]
    assert [a.person.name for a in journal.newcomers(spring)] == ["Armin Rigo"]
    assert {a.person.name: a.newcomer_override for a in journal.list_attendees(nov)} == {
        "Armin Rigo": None,
        "Mark Pearse": None,
    }


def test_an_undated_sprint_counts_as_later_than_dated_ones(journal: Journal) -> None:
    undated = journal.add_sprint("Someday").id
    dated = journal.add_sprint("Spring", start=date(2011, 4, 25)).id
    journal.add_attendee(undated, "Sam Lade")
    journal.add_attendee(dated, "Sam Lade")
    assert [a.person.name for a in journal.newcomers(dated)] == ["Sam Lade"]
    assert journal.newcomers(undated) == []


def test_a_newcomer_override_wins_both_ways(journal: Journal, journal_path: Path) -> None:
    spring = journal.add_sprint("Spring", start=date(2011, 4, 25)).id
    nov = journal.add_sprint("November", start=date(2011, 11, 2)).id
    journal.add_attendee(spring, "Armin Rigo")
    journal.add_attendee(nov, "Armin Rigo", newcomer=True)  # first sprint *as a Python hacker*
    first_time = journal.add_attendee(nov, "Sam Lade").id
    journal.update_attendee(first_time, newcomer=False)  # came to sprints before the journal
    with Journal(journal_path, readonly=True) as r:
        assert [a.person.name for a in r.newcomers(nov)] == ["Armin Rigo"]
        overrides = {a.person.name: a.newcomer_override for a in r.list_attendees(nov)}
    assert overrides == {"Armin Rigo": True, "Sam Lade": False}
    journal.update_attendee(first_time, newcomer=None)  # back to computed
    assert sorted(a.person.name for a in journal.newcomers(nov)) == ["Armin Rigo", "Sam Lade"]


def test_the_demo_november_sprint_has_exactly_mark_pearse_as_newcomer(journal: Journal) -> None:
    nov = build_demo(journal)
    confirmed = [a.person.name for a in journal.list_attendees(nov) if a.newcomer_override]
    assert confirmed == ["Mark Pearse"]
    # first sprint in this journal but not confirmed: a guess for the organiser, not a fact
    assert [a.person.name for a in journal.newcomers(nov)] == [
        "Mark Pearse", "Andrew Dalke", "Sam Lade"]


def test_present_on_a_day(journal: Journal, sprint: int) -> None:
    journal.add_attendee(sprint, "Laura Creighton", host=True, dates_text="lives there")
    journal.add_attendee(sprint, "Armin Rigo", dates_text="?")  # unknown dates, not a host
    journal.add_attendee(
        sprint, "Antonio Cuni", arrive=date(2011, 11, 4), depart=date(2011, 11, 10)
    )
    journal.add_attendee(sprint, "Andrew Dalke", arrive=date(2011, 11, 2), depart=date(2011, 11, 5))
    journal.add_attendee(sprint, "Sam Lade", arrive=date(2011, 11, 1))  # departure unknown

    def present(day: int) -> list[str]:
        return [a.person.name for a in journal.present_on(sprint, date(2011, 11, day))]

    assert present(2) == ["Laura Creighton", "Andrew Dalke", "Sam Lade"]
    assert present(4) == ["Laura Creighton", "Antonio Cuni", "Andrew Dalke", "Sam Lade"]
    assert present(5) == ["Laura Creighton", "Antonio Cuni", "Andrew Dalke", "Sam Lade"]
    assert present(6) == ["Laura Creighton", "Antonio Cuni", "Sam Lade"]


def test_present_in_the_demo_on_the_third_of_november(journal: Journal) -> None:
    nov = build_demo(journal)
    names = {a.person.name for a in journal.present_on(nov, date(2011, 11, 3))}
    assert names == {
        "Jacob Hallén",
        "Laura Creighton",
        "Maciej Fijałkowski",
        "Håkan Ardö",
        "Sam Lade",
        "Mark Pearse",
        "Christian Tismer",
        "Andrew Dalke",
    }  # Antonio arrives on the 4th; Armin's dates are "?"
    assert "Antonio Cuni" in {a.person.name for a in journal.present_on(nov, date(2011, 11, 4))}
