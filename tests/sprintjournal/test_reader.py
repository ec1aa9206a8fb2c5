"""The plain-sqlite3 reader is the one statement of each record: the Journal answers the UI's
reads with it without the ORM, and the use cases run the same queries on their session's
connection (`reads`), inside their own transaction."""

import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from sprintjournal import db
from sprintjournal.demo import build_demo
from sprintjournal.errors import NotFoundError
from sprintjournal.journal import Journal
from sprintjournal.reader import JournalReader, Reads, SqliteReader
from sprintjournal.usecases import sprints
from sprintjournal.usecases.common import reads as session_reads


def _varied(journal: Journal) -> None:
    build_demo(journal)
    extra = journal.add_sprint("Undated").id
    journal.add_note(extra, None, "no day, no dates")
    journal.add_note(extra, date(2011, 1, 1), "CRLF\r\nHåkan 😀")
    first = next(s for s in journal.list_sprints() if journal.list_attendees(s.id))
    for attendee in journal.list_attendees(first.id)[:2]:
        journal.set_checked_in(attendee.id, date(2011, 11, 7))
    note = journal.list_notes(first.id)[0]
    journal.set_note_text(note.id, note.text + " and more")
    journal.save_report(first.id, title="A title", text="Some text")


def test_a_session_reads_the_same_records_as_the_reader(journal: Journal, journal_path: Path
                                                        ) -> None:
    """The ORM's connection hands the reader's queries the same raw values (no type detection,
    the same text for dates and times) as the reader's own connection."""
    _varied(journal)
    reader = SqliteReader(journal_path)
    try:
        with journal.read() as s:
            r = session_reads(s)
            assert reader.list_sprints() == r.list_sprints()
            assert reader.list_people() == r.list_people()
            for person in r.list_people():
                assert reader.get_person(person.id) == person
            for sprint in r.list_sprints():
                sid = sprint.id
                assert reader.get_sprint(sid) == sprint
                assert reader.list_notes(sid) == r.list_notes(sid)
                assert reader.days_with_content(sid) == r.days_with_content(sid)
                assert reader.list_branches(sid) == r.list_branches(sid)
                assert reader.list_attendees(sid) == r.list_attendees(sid)
                assert reader.list_standup(sid) == r.list_standup(sid)
                assert reader.list_photos(sid) == r.list_photos(sid)
                assert reader.get_report(sid) == r.get_report(sid)
                for day in [None, *sprint.days()]:
                    assert reader.list_notes(sid, day) == r.list_notes(sid, day)
                    assert reader.list_standup(sid, day) == r.list_standup(sid, day)
                for note in r.list_notes(sid):
                    assert reader.get_note(note.id) == note
                    assert reader.note_versions(note.id) == r.note_versions(note.id)
                for photo in r.list_photos(sid):
                    assert reader.photo_thumbnail(photo.id) == r.photo_thumbnail(photo.id)
                    assert reader.photo_bytes(photo.id) == r.photo_bytes(photo.id)
        assert any(a.checked_in for sid in (s.id for s in reader.list_sprints())
                   for a in reader.list_attendees(sid))
        assert any(n.updated_at.tzinfo for s in reader.list_sprints()
                   for n in reader.list_notes(s.id))
    finally:
        reader.close()


def test_a_use_case_reads_what_its_transaction_wrote(journal: Journal) -> None:
    """Pending ORM changes are flushed before the reader's queries run, and go with a rollback."""
    sid = journal.add_sprint("Gothenburg").id
    with journal.write() as s:
        sprints.update_sprint(s, sid, title="Göteborg", start=date(2011, 11, 2))
        assert (session_reads(s).get_sprint(sid).title, session_reads(s).get_sprint(sid).start) == (
            "Göteborg", date(2011, 11, 2))
    assert journal.get_sprint(sid).title == "Göteborg"
    with pytest.raises(RuntimeError), journal.write() as s:
        sprints.update_sprint(s, sid, title="Lost")
        assert session_reads(s).list_sprints()[0].title == "Lost"
        raise RuntimeError("undone")
    assert journal.get_sprint(sid).title == "Göteborg"


def test_missing_items_are_reported_as_the_journal_does(journal: Journal) -> None:
    reader: JournalReader = journal
    for read in (reader.get_sprint, reader.get_note, reader.photo_bytes, reader.photo_thumbnail,
                 reader.get_person):
        with pytest.raises(NotFoundError, match="with id 999 in this journal"):
            read(999)


def test_showing_a_journal_loads_no_orm(journal: Journal, journal_path: Path) -> None:
    """Every read the UI makes, in a fresh process: SQLAlchemy, SQLModel and pydantic stay out
    until the first write."""
    _varied(journal)
    journal.close()
    script = f"""
import sys
from sprintjournal.journal import Journal
with Journal({str(journal_path)!r}) as j:
    for s in j.list_sprints():
        j.get_sprint(s.id); j.list_attendees(s.id); j.list_branches(s.id); j.list_standup(s.id)
        j.days_with_content(s.id); j.get_report(s.id); j.list_people()
        j.pairs(s.id); j.person_summaries(s.id); j.branch_summaries(s.id); j.newcomers(s.id)
        for n in j.list_notes(s.id):
            j.get_note(n.id); j.note_versions(n.id)
        for p in j.list_photos(s.id):
            j.photo_thumbnail(p.id); j.photo_bytes(p.id)
    for person in j.list_people():
        j.get_person(person.id)
    print(sorted(m for m in ("sqlalchemy", "sqlmodel", "pydantic") if m in sys.modules))
    j.add_sprint("Written")
    print(sorted(m for m in ("sqlalchemy", "sqlmodel", "pydantic") if m in sys.modules))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    assert out == ["[]", "['pydantic', 'sqlalchemy', 'sqlmodel']"]


# -- what switching sprints leans on: the newcomer rule, a sprint's ordinal -----------------
@pytest.fixture
def reads(journal: Journal) -> Iterator[Callable[[], Reads]]:
    """Reads over a fresh connection each time (after the test's writes), all closed after."""
    opened = []

    def fresh() -> Reads:
        opened.append(db.connect_reader(journal.path))
        return Reads(opened[-1])

    yield fresh
    for conn in opened:
        conn.close()


def test_first_sprints_of_some_people_only(journal: Journal, reads: Callable[[], Reads]) -> None:
    old = journal.add_sprint("Leysin 2010", start=date(2010, 1, 16)).id
    new = journal.add_sprint("Gothenburg 2011", start=date(2011, 11, 2)).id
    undated = journal.add_sprint("Someday").id
    for name in ("Armin Rigo", "Carl Friedrich"):
        journal.add_attendee(new, name)
    journal.add_attendee(old, "Armin Rigo")
    journal.add_attendee(undated, "Armin Rigo")
    journal.add_attendee(undated, "Anto Cuni")
    ids = {p.name: p.id for p in journal.list_people()}

    first = reads().first_sprints([ids["Armin Rigo"], ids["Anto Cuni"]])

    # the earliest dated sprint wins over later and undated ones; an undated one counts when
    # it is all a person has; people not asked for are not read
    assert first == {ids["Armin Rigo"]: old, ids["Anto Cuni"]: undated}


def test_a_first_sprint_makes_a_newcomer_guess_except_for_hosts(journal: Journal) -> None:
    """Needs Review never asks about a host; the guess the panels show agrees with it. The
    organiser's own answer is kept for anyone, host or not."""
    sprint = journal.add_sprint("Gothenburg 2011", start=date(2011, 11, 2)).id
    for name in ("Laura Creighton", "Jacob Hallén", "Mark Pearse"):
        journal.add_attendee(sprint, name)
    rows = {a.person.name: a for a in journal.list_attendees(sprint)}
    journal.update_attendee(rows["Laura Creighton"].id, host=True)
    journal.update_attendee(rows["Jacob Hallén"].id, host=True, newcomer=True)

    guessed = {a.person.name: (a.newcomer, a.newcomer_override)
               for a in journal.list_attendees(sprint)}

    assert guessed == {"Laura Creighton": (False, None), "Jacob Hallén": (True, True),
                       "Mark Pearse": (True, None)}


def test_first_sprints_of_more_people_than_sqlite_binds_at_once(
        journal: Journal, reads: Callable[[], Reads]) -> None:
    sprint = journal.add_sprint("Big", start=date(2012, 2, 1)).id
    for n in range(1200):
        journal.add_attendee(sprint, f"Person {n:04d}")
    people = [p.id for p in journal.list_people()]

    assert reads().first_sprints(people) == dict.fromkeys(people, sprint)


def test_sprints_of_a_year_from_its_first_to_its_last_day(
        journal: Journal, reads: Callable[[], Reads]) -> None:
    journal.add_sprint("Before", start=date(2010, 12, 31))
    first = journal.add_sprint("First day", start=date(2011, 1, 1)).id
    last = journal.add_sprint("Last day", start=date(2011, 12, 31)).id
    journal.add_sprint("After", start=date(2012, 1, 1))
    journal.add_sprint("Undated")

    assert {s.id for s in reads().sprints_of_year(2011)} == {first, last}
    assert reads().sprints_of_year(1999) == []


def test_an_ordinal_counts_the_sprints_of_its_year_only(journal: Journal) -> None:
    journal.add_sprint("Leysin 2010", project="PyPy", start=date(2010, 11, 1))
    journal.add_sprint("Düsseldorf", project="PyPy", place="Düsseldorf", start=date(2011, 2, 1))
    nov = journal.add_sprint("Gothenburg", project="PyPy", place="Gothenburg",
                             start=date(2011, 11, 2)).id
    journal.add_sprint("Leysin 2012", project="PyPy", start=date(2012, 1, 10))

    ordinal = journal.sprint_ordinal(nov)

    assert ordinal is not None
    assert (ordinal.year, ordinal.in_year, ordinal.in_year_at_place, ordinal.of_year) == (
        2011, 2, 1, 2)
