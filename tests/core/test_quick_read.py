"""QuickReader returns exactly what the Journal returns, and refuses what it cannot be sure of."""

from datetime import date
from pathlib import Path

import pytest

from sprintjournal import db
from sprintjournal.demo import build_demo
from sprintjournal.journal import Journal
from sprintjournal.quick_read import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    QuickReader,
    QuickReadUnavailableError,
)


def test_constants_follow_the_schema() -> None:
    """The reader cannot import db (SQLAlchemy); this keeps its copies honest."""
    assert APPLICATION_ID == db.APPLICATION_ID
    assert db.latest_version() == SCHEMA_VERSION


def test_same_records_as_the_journal(journal: Journal, journal_path: Path) -> None:
    build_demo(journal)
    extra = journal.add_sprint("Undated").id
    journal.add_note(extra, None, "no day, no dates")
    journal.add_note(extra, date(2011, 1, 1), "CRLF\r\nHåkan 😀")
    reader = QuickReader(journal_path)
    try:
        assert reader.list_sprints() == journal.list_sprints()
        assert reader.list_people() == journal.list_people()
        for sprint in journal.list_sprints():
            sid = sprint.id
            assert reader.get_sprint(sid) == sprint
            assert reader.list_notes(sid) == journal.list_notes(sid)
            assert reader.days_with_content(sid) == journal.days_with_content(sid)
            assert reader.list_branches(sid) == journal.list_branches(sid)
            assert reader.list_attendees(sid) == journal.list_attendees(sid)
            for day in [None, *sprint.days()]:
                assert reader.list_notes(sid, day) == journal.list_notes(sid, day)
            for note in journal.list_notes(sid):
                assert reader.get_note(note.id) == note
    finally:
        reader.close()


def test_refuses_what_it_cannot_read(tmp_path: Path) -> None:
    missing, empty, other = tmp_path / "missing", tmp_path / "empty", tmp_path / "other.db"
    empty.write_bytes(b"")
    import sqlite3

    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    for path in (missing, empty, other):
        with pytest.raises(QuickReadUnavailableError):
            QuickReader(path)
    assert empty.read_bytes() == b""
