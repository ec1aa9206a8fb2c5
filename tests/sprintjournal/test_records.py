"""The records the façade hands out: the days a sprint spans, who is expected on a day, and that
a record is a value the UI may keep (frozen, no database behind it)."""

import dataclasses
from datetime import date, datetime
from pathlib import Path

import pytest

from sprintjournal.journal import Journal
from sprintjournal.records import AttendeeRec, PersonRef, SprintRec

NOV = 11
ANN = PersonRef(1, "Ann")


def day(n: int) -> date:
    return date(2011, NOV, n)


def attendee(arrive: date | None = None, depart: date | None = None,
             host: bool = False) -> AttendeeRec:
    return AttendeeRec(id=1, sprint_id=1, person=ANN, arrive=arrive, depart=depart, host=host)


def test_a_sprint_spans_every_day_from_start_to_end_inclusive() -> None:
    sprint = SprintRec(1, "Gothenburg", start=day(2), end=day(9))
    assert sprint.days() == [day(n) for n in range(2, 10)]
    assert SprintRec(1, "one day", start=day(2), end=day(2)).days() == [day(2)]


def test_a_sprint_across_the_turn_of_a_year_counts_its_days_by_the_calendar() -> None:
    sprint = SprintRec(1, "Leysin", start=date(2011, 12, 30), end=date(2012, 1, 2))
    assert sprint.days() == [date(2011, 12, 30), date(2011, 12, 31), date(2012, 1, 1),
                             date(2012, 1, 2)]


@pytest.mark.parametrize(("start", "end"), [(None, None), (day(2), None), (None, day(9)),
                                            (day(9), day(2))])
def test_a_sprint_with_unknown_or_reversed_dates_has_no_days(
    start: date | None, end: date | None
) -> None:
    assert SprintRec(1, "x", start=start, end=end).days() == []


def test_an_attendee_is_expected_from_arrival_to_departure_inclusive() -> None:
    a = attendee(day(4), day(6))
    assert [n for n in range(1, 10) if a.present_on(day(n))] == [4, 5, 6]


def test_an_unknown_arrival_or_departure_leaves_that_side_open() -> None:
    assert [n for n in range(1, 10) if attendee(None, day(3)).present_on(day(n))] == [1, 2, 3]
    assert [n for n in range(1, 10) if attendee(day(7), None).present_on(day(n))] == [7, 8, 9]


def test_with_no_dates_only_a_host_is_expected() -> None:
    assert attendee(host=True).present_on(day(5))
    assert not attendee(host=False).present_on(day(5))
    assert not attendee(day(6), day(8), host=True).present_on(day(5))  # a host's dates count


def test_records_are_frozen_values() -> None:
    sprint = SprintRec(1, "Gothenburg", start=day(2))
    assert sprint == SprintRec(1, "Gothenburg", start=day(2))
    with pytest.raises(dataclasses.FrozenInstanceError):
        sprint.title = "renamed"  # type: ignore[misc]


def test_records_stay_readable_after_their_journal_is_closed(journal_path: Path) -> None:
    """Nothing loads lazily: a record read before closing is complete afterwards."""
    with Journal(journal_path) as j:
        sid = j.add_sprint("Gothenburg", start=day(2), end=day(4)).id
        j.add_attendee(sid, "Ann", arrive=day(3))
        j.add_note(sid, day(3), "hello")
        sprint, (ann,), (note,) = j.get_sprint(sid), j.list_attendees(sid), j.list_notes(sid)
    assert sprint.days() == [day(2), day(3), day(4)]
    assert ann.person.name == "Ann" and ann.present_on(day(4)) and not ann.present_on(day(2))
    assert note.text == "hello" and isinstance(note.updated_at, datetime)
