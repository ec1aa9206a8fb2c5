"""The plain-sqlite3 reader returns exactly what the ORM's use cases return (the writes read
their rows back through those), and the Journal answers the UI's reads without the ORM."""

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from sprintjournal.demo import build_demo
from sprintjournal.errors import NotFoundError
from sprintjournal.journal import Journal
from sprintjournal.reader import JournalReader, SqliteReader
from sprintjournal.usecases import (
    attendance,
    branches,
    gallery,
    notes,
    people,
    reports,
    sprints,
    standup,
)


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


def test_same_records_as_the_orm(journal: Journal, journal_path: Path) -> None:
    _varied(journal)
    reader = SqliteReader(journal_path)
    try:
        with journal.read() as s:
            assert reader.list_sprints() == sprints.list_sprints(s)
            assert reader.list_people() == people.list_people(s)
            for sprint in sprints.list_sprints(s):
                sid = sprint.id
                assert reader.get_sprint(sid) == sprint
                assert reader.list_notes(sid) == notes.list_notes(s, sid)
                assert reader.days_with_content(sid) == notes.days_with_content(s, sid)
                assert reader.list_branches(sid) == branches.list_branches(s, sid)
                assert reader.list_attendees(sid) == attendance.list_attendees(s, sid)
                assert reader.list_standup(sid) == standup.list_items(s, sid)
                assert reader.list_photos(sid) == gallery.list_photos(s, sid)
                assert reader.get_report(sid) == reports.get(s, sid)
                for day in [None, *sprint.days()]:
                    assert reader.list_notes(sid, day) == notes.list_notes(s, sid, day)
                    assert reader.list_standup(sid, day) == standup.list_items(s, sid, day)
                for note in notes.list_notes(s, sid):
                    assert reader.get_note(note.id) == note
                    assert reader.note_versions(note.id) == notes.versions(s, note.id)
                for photo in gallery.list_photos(s, sid):
                    assert reader.photo_thumbnail(photo.id) == gallery.thumbnail(s, photo.id)
                    assert reader.photo_bytes(photo.id) == gallery.original(s, photo.id)
        assert any(a.checked_in for sid in (s.id for s in reader.list_sprints())
                   for a in reader.list_attendees(sid))
    finally:
        reader.close()


def test_missing_items_are_reported_as_the_journal_does(journal: Journal) -> None:
    reader: JournalReader = journal
    for read in (reader.get_sprint, reader.get_note, reader.photo_bytes, reader.photo_thumbnail):
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
        for n in j.list_notes(s.id):
            j.get_note(n.id); j.note_versions(n.id)
        for p in j.list_photos(s.id):
            j.photo_thumbnail(p.id); j.photo_bytes(p.id)
    print(sorted(m for m in ("sqlalchemy", "sqlmodel", "pydantic") if m in sys.modules))
    j.add_sprint("Written")
    print(sorted(m for m in ("sqlalchemy", "sqlmodel", "pydantic") if m in sys.modules))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    assert out == ["[]", "['pydantic', 'sqlalchemy', 'sqlmodel']"]

