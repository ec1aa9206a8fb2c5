"""`usecases.sprints` called directly: validation, partial updates, ordinals, errors."""

from datetime import date

import pytest

from sprintjournal.errors import NotFoundError, ValidationError
from sprintjournal.journal import Journal
from sprintjournal.usecases import sprints
from sprintjournal.usecases.common import reads


@pytest.mark.parametrize(("fields", "message"), [
    ({"ordinal": 0}, "A sprint's number must be 1 or more, not 0."),
    ({"ordinal": "2"}, "A sprint's number must be 1 or more, not '2'."),
    ({"title": "  "}, "A sprint needs a title."),
    ({"start": date(2011, 11, 9), "end": date(2011, 11, 2)},
     r"The sprint ends \(2011-11-02\) before it starts \(2011-11-09\)."),
    ({"venue_name": "Open End"}, "Unknown sprint fields: venue_name"),
])
def test_invalid_updates_are_refused_and_change_nothing(
    journal: Journal, fields: dict[str, object], message: str
) -> None:
    sid = journal.add_sprint("Gothenburg", start=date(2011, 11, 2)).id
    with pytest.raises(ValidationError, match=message), journal.write() as s:
        sprints.update_sprint(s, sid, **fields)
    rec = journal.get_sprint(sid)
    assert (rec.title, rec.start, rec.ordinal) == ("Gothenburg", date(2011, 11, 2), None)


def test_a_new_start_after_the_stored_end_is_refused(journal: Journal) -> None:
    sid = journal.add_sprint("G", start=date(2011, 11, 2), end=date(2011, 11, 9)).id
    with pytest.raises(ValidationError, match=r"ends"), journal.write() as s:
        sprints.update_sprint(s, sid, start=date(2011, 11, 10))


def test_an_update_writes_only_the_fields_it_names(journal: Journal) -> None:
    sid = journal.add_sprint("G", start=date(2011, 11, 2), end=date(2011, 11, 9),
                             place="Gothenburg", blog_tags=["pypy"]).id
    with journal.write() as s:
        sprints.update_sprint(s, sid, venue="Open End", blog_authors=("arigo", 7))
    rec = journal.get_sprint(sid)
    assert (rec.place, rec.venue, rec.start, rec.end) == (
        "Gothenburg", "Open End", date(2011, 11, 2), date(2011, 11, 9))
    assert (rec.blog_authors, rec.blog_tags) == (("arigo", "7"), ("pypy",))


def test_titles_are_stored_composed_and_stripped(journal: Journal) -> None:
    with journal.write() as s:
        sprint = sprints.add(s, "  Cafe\u0301 sprint ")
    assert sprint.title == "Caf\u00e9 sprint" and sprint.created_at is not None


def test_listing_is_newest_first_then_by_newest_id_for_the_same_start(journal: Journal) -> None:
    a = journal.add_sprint("A", start=date(2011, 1, 16)).id
    b = journal.add_sprint("B", start=date(2011, 11, 2)).id
    c = journal.add_sprint("C", start=date(2011, 11, 2)).id
    d = journal.add_sprint("D").id
    with journal.read() as s:
        assert [r.id for r in reads(s).list_sprints()] == [c, b, a, d]


def test_the_ordinal_of_an_unknown_sprint_is_an_error(journal: Journal) -> None:
    with pytest.raises(NotFoundError, match=r"No sprint with id 5 in this journal\."):
        journal.sprint_ordinal(5)


def test_the_ordinal_counts_the_projects_dated_sprints_of_the_year(journal: Journal) -> None:
    journal.add_sprint("Leysin", project="PyPy", place="Leysin", start=date(2011, 1, 16))
    journal.add_sprint("Düsseldorf", project="CPython", start=date(2011, 6, 1))
    sid = journal.add_sprint("Gothenburg", project="pypy", place="Gothenburg",
                             start=date(2011, 11, 2)).id
    undated = journal.add_sprint("Someday", project="PyPy").id
    counted = journal.sprint_ordinal(sid)
    assert journal.sprint_ordinal(undated) is None
    assert counted is not None
    assert (counted.year, counted.in_year, counted.in_year_at_place, counted.of_year) == (
        2011, 2, 1, 2)


def test_remove_then_get_is_not_found(journal: Journal) -> None:
    sid = journal.add_sprint("G").id
    with journal.write() as s:
        sprints.remove(s, sid)
    with pytest.raises(NotFoundError), journal.read() as s:
        sprints.get(s, sid)
