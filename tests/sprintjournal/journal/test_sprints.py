"""Sprints: add, edit, remove (with everything in them), listing order, ordinal within the year."""

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from sprintjournal.changes import Change
from sprintjournal.demo import build_demo
from sprintjournal.errors import NotFoundError, ValidationError
from sprintjournal.journal import Journal
from sprintjournal.ordinals import Ordinal


def counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'search_index%' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        conn.close()


def test_add_sprint_returns_a_change_and_persists(journal: Journal, journal_path: Path) -> None:
    change = journal.add_sprint(
        " PyPy sprint in Gothenburg ",
        project="PyPy",
        place="Gothenburg",
        venue="the flat",
        start=date(2011, 11, 2),
        end=date(2011, 11, 9),
        description="*A week*",
        blog_authors=["Laura Creighton"],
        blog_tags=("sprint", "pypy"),
    )
    assert change == Change("sprint", "added", (change.id,), change.id)
    with Journal(journal_path, readonly=True) as r:
        s = r.get_sprint(change.id)
    assert s.title == "PyPy sprint in Gothenburg"
    assert (s.project, s.place, s.venue, s.description) == (
        "PyPy",
        "Gothenburg",
        "the flat",
        "*A week*",
    )
    assert (s.start, s.end) == (date(2011, 11, 2), date(2011, 11, 9))
    assert s.blog_authors == ("Laura Creighton",) and s.blog_tags == ("sprint", "pypy")
    assert len(s.days()) == 8 and s.days()[0] == date(2011, 11, 2)


@pytest.mark.parametrize(
    ("title", "fields", "message"),
    [
        ("", {}, "needs a title"),
        ("   ", {}, "needs a title"),
        (
            "Late",
            {"start": date(2011, 11, 9), "end": date(2011, 11, 2)},
            "ends .* before it starts",
        ),
        ("Typo", {"tittle": "x"}, "Unknown sprint fields: tittle"),
    ],
)
def test_invalid_sprints_are_refused_and_change_nothing(
    journal: Journal, journal_path: Path, title: str, fields: dict[str, object], message: str
) -> None:
    before = counts(journal_path)
    with pytest.raises(ValidationError, match=message):
        journal.add_sprint(title, **fields)
    assert counts(journal_path) == before


def test_update_sprint_validates_against_the_stored_dates(
    journal: Journal, journal_path: Path
) -> None:
    sid = journal.add_sprint("November", start=date(2011, 11, 2), end=date(2011, 11, 9)).id
    with pytest.raises(ValidationError, match="before it starts"):
        journal.update_sprint(sid, end=date(2011, 11, 1))
    with pytest.raises(ValidationError, match="needs a title"):
        journal.update_sprint(sid, title=" ")
    change = journal.update_sprint(sid, place="Göteborg", end=date(2011, 11, 10))
    assert change == Change("sprint", "updated", (sid,), sid)
    with Journal(journal_path, readonly=True) as r:
        s = r.get_sprint(sid)
    assert (s.title, s.place, s.end) == ("November", "Göteborg", date(2011, 11, 10))


def test_sprints_are_listed_newest_first_undated_last(journal: Journal) -> None:
    journal.add_sprint("Undated")
    journal.add_sprint("Spring", start=date(2011, 4, 25))
    journal.add_sprint("November", start=date(2011, 11, 2))
    assert [s.title for s in journal.list_sprints()] == ["November", "Spring", "Undated"]


def test_remove_sprint_removes_everything_in_it(journal: Journal, journal_path: Path) -> None:
    november = build_demo(journal)
    spring = next(s.id for s in journal.list_sprints() if s.id != november)
    people_before = counts(journal_path)["person"]
    change = journal.remove_sprint(november)
    assert change == Change("sprint", "removed", (november,), november)
    after = counts(journal_path)
    assert after["person"] == people_before  # people are shared, they stay
    for table in ("standup_item", "standup_person", "photo", "photo_data", "photo_person"):
        assert after[table] == 0, table
    with Journal(journal_path, readonly=True) as r:
        assert [s.id for s in r.list_sprints()] == [spring]
        assert r.list_attendees(november) == [] and r.list_notes(november) == []
        assert len(r.list_attendees(spring)) == 8
        assert r.search("ffistruct") == []
    with pytest.raises(NotFoundError, match="No sprint with id"):
        journal.get_sprint(november)


def test_the_demo_november_sprint_is_the_second_pypy_sprint_of_2011(journal: Journal) -> None:
    november = build_demo(journal)
    assert journal.sprint_ordinal(november) == Ordinal(
        year=2011, in_year=2, in_year_at_place=2, of_year=2
    )


def test_ordinal_counts_only_the_same_project_and_year(journal: Journal) -> None:
    journal.add_sprint("Düsseldorf", project="PyPy", place="Düsseldorf", start=date(2011, 2, 1))
    journal.add_sprint(
        "Other project", project="Django", place="Gothenburg", start=date(2011, 3, 1)
    )
    journal.add_sprint("Last year", project="PyPy", place="Gothenburg", start=date(2010, 11, 1))
    spring = journal.add_sprint(
        "Spring", project="pypy", place="gothenburg", start=date(2011, 4, 25)
    ).id
    nov = journal.add_sprint(
        "November", project="PyPy", place="Gothenburg", start=date(2011, 11, 2)
    ).id
    undated = journal.add_sprint("Someday", project="PyPy").id
    assert journal.sprint_ordinal(spring) == Ordinal(2011, 2, 1, 3)
    assert journal.sprint_ordinal(nov) == Ordinal(2011, 3, 2, 3)
    assert journal.sprint_ordinal(undated) is None


def test_report_draft_is_saved_per_sprint(journal: Journal, journal_path: Path) -> None:
    sid = journal.add_sprint("November").id
    assert journal.get_report(sid).text is None
    change = journal.save_report(sid, title="Gothenburg sprint report", text="We hacked.")
    assert change == Change("report", "updated", (sid,), sid)
    journal.save_report(sid, text="We hacked a lot.")
    with Journal(journal_path, readonly=True) as r:
        rep = r.get_report(sid)
    assert (rep.title, rep.text) == ("Gothenburg sprint report", "We hacked a lot.")
    with pytest.raises(NotFoundError):
        journal.save_report(999, text="x")
