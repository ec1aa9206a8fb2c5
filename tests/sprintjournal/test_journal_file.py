"""`journal_file.JournalBase`: transactions and what they count, meta, the lazy engine, the
refusals a session meets (a closed journal, a lost file, a backup opened as a journal)."""

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sprintjournal import backup, db
from sprintjournal.errors import JournalError, JournalFileLostError, NotAJournalError
from sprintjournal.journal import Journal
from sprintjournal.journal_file import JournalBase
from sprintjournal.models import Sprint


class BoomError(Exception):
    """Raised inside a transaction to see it roll back."""


def sprints_in(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [t for (t,) in conn.execute("SELECT title FROM sprint ORDER BY id")]
    finally:
        conn.close()


def test_generation_counts_only_transactions_that_changed_rows(journal: Journal) -> None:
    assert journal.generation == 0
    with journal.write():
        pass  # nothing written
    assert journal.generation == 0
    sid = journal.add_sprint("Gothenburg").id
    assert journal.generation == 1
    journal.update_sprint(sid, place="Göteborg")  # an update flushed at the end counts too
    assert journal.generation == 2


def test_a_failing_transaction_keeps_nothing_and_counts_nothing(
    journal: Journal, journal_path: Path
) -> None:
    with pytest.raises(BoomError), journal.write() as s:
        s.add(Sprint(title="half-written", created_at=datetime(2011, 11, 2, tzinfo=UTC)))
        s.flush()
        raise BoomError
    assert journal.generation == 0
    assert sprints_in(journal_path) == []


def test_sqlite_errors_become_journal_errors_naming_the_file(
    journal: Journal, journal_path: Path
) -> None:
    with (
        pytest.raises(JournalError, match=f"^{journal_path}: .*FOREIGN KEY"),
        journal.write() as s,
    ):
        s.connection().exec_driver_sql(
            "INSERT INTO report(sprint_id, updated_at) VALUES (42, '2011-11-02')")


def test_meta_values_are_kept_and_overwritten(journal: Journal, journal_path: Path) -> None:
    assert journal.meta("theme") is None
    journal.set_meta("theme", "dark")
    journal.set_meta("theme", "light")
    assert journal.meta("theme") == "light"
    journal.close()
    with Journal(journal_path, readonly=True) as again:
        assert again.meta("theme") == "light"


def test_a_new_file_is_at_the_latest_schema(journal: Journal) -> None:
    assert journal.schema_version() == db.latest_version()


def test_the_orm_is_loaded_on_the_first_write_not_at_opening(journal_path: Path) -> None:
    Journal(journal_path).close()
    with Journal(journal_path) as j:
        assert not j.writes_prepared
        assert j.list_sprints() == []  # reads go through the plain reader
        assert not j.writes_prepared
        j.add_sprint("Gothenburg")
        assert j.writes_prepared
        engine = j.engine
        j.prepare_writes()  # a second call keeps the engine
        assert j.engine is engine


def test_a_closed_journal_refuses_to_make_an_engine(journal_path: Path) -> None:
    j = Journal(journal_path)
    j.close()
    with pytest.raises(JournalError, match=r"is closed\.$"):
        j.engine  # noqa: B018 - the property is what is tested


def test_closing_releases_the_lock_for_the_next_session(journal_path: Path) -> None:
    with Journal(journal_path) as first:
        first.add_sprint("Gothenburg")
    with Journal(journal_path) as second:
        assert [s.title for s in second.list_sprints()] == ["Gothenburg"]


def test_the_base_class_alone_opens_and_writes_a_journal(journal_path: Path) -> None:
    with JournalBase(journal_path) as base:
        with base.write() as s:
            s.add(Sprint(title="raw", created_at=datetime(2011, 11, 2, tzinfo=UTC)))
        assert base.generation == 1
    assert sprints_in(journal_path) == ["raw"]


def test_a_write_to_a_deleted_file_is_refused_and_the_file_problem_named(
    journal: Journal, journal_path: Path
) -> None:
    assert journal.file_problem() is None
    journal_path.unlink()
    assert journal.file_problem() == "deleted or moved away"
    with pytest.raises(JournalFileLostError,
                       match=r"was deleted or moved away while it was open, so the last change "
                             r"was not saved\. Your text is kept"):
        journal.add_sprint("lost?")
    assert journal.generation == 0


def test_relocating_into_a_journal_open_elsewhere_is_refused_and_changes_nothing(
    journal: Journal, journal_path: Path, tmp_path: Path
) -> None:
    journal.add_sprint("here")
    other_path = tmp_path / "other.sprintjournal"
    with Journal(other_path) as other:
        other.add_sprint("there")
        with pytest.raises(JournalError, match="open"):
            journal.relocate(other_path)
    assert journal.path == journal_path
    journal.add_sprint("still here")
    assert sprints_in(journal_path) == ["here", "still here"]
    assert sprints_in(other_path) == ["there"]


def test_relocating_to_a_new_place_carries_on_there(
    journal: Journal, journal_path: Path, tmp_path: Path
) -> None:
    journal.add_sprint("before")
    target = tmp_path / "elsewhere" / "saved.sprintjournal"
    assert journal.relocate(target) is None
    journal.add_sprint("after")
    assert journal.path == target and journal.file_problem() is None
    assert sprints_in(target) == ["before", "after"]
    assert sprints_in(journal_path) == ["before"]


def test_a_backup_is_refused_as_a_journal_but_may_be_read(
    journal: Journal, journal_path: Path
) -> None:
    journal.add_sprint("Gothenburg")
    copy = backup.backup_before(journal, "manual")
    journal.close()
    with pytest.raises(NotAJournalError, match="is a backup whose photos are kept in the "
                                               "backups folder beside it; restore it"):
        Journal(copy)
    with Journal(copy, readonly=True) as read:
        assert [s.title for s in read.list_sprints()] == ["Gothenburg"]
