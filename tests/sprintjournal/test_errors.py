"""Errors fit to show a user: the problem list of a failed import, SQLite's errors translated."""

import sqlite3
from pathlib import Path

import pytest

from sprintjournal.errors import (
    DamagedJournalError,
    DiskFullError,
    ImportFailedError,
    JournalBusyError,
    JournalError,
    NotFoundError,
    Problem,
    ReadOnlyJournalError,
    UsageError,
    from_sqlite,
)


def test_a_problem_reads_as_its_location_then_its_message() -> None:
    assert str(Problem("line 3", "no name")) == "line 3: no name"
    assert str(Problem("$.people[0].email", "bad address")) == "$.people[0].email: bad address"


def test_a_problem_without_a_location_is_just_its_message() -> None:
    assert str(Problem("", "the file is empty")) == "the file is empty"


def test_a_failed_import_counts_its_problems_and_lists_each_on_its_own_line() -> None:
    problems = [Problem("line 1", "no name"), Problem("line 4", "two dates")]
    error = ImportFailedError("people.txt", problems)
    assert str(error) == (
        "people.txt: 2 problems, nothing was imported\n  line 1: no name\n  line 4: two dates"
    )
    assert error.source == "people.txt" and error.problems == problems
    assert isinstance(error, JournalError)


def test_one_problem_is_singular() -> None:
    error = ImportFailedError("planning.txt", [Problem("line 9", "unknown day")])
    assert str(error).splitlines()[0] == "planning.txt: 1 problem, nothing was imported"


def test_a_long_problem_list_is_cut_in_the_message_but_kept_whole() -> None:
    problems = [Problem(f"line {n}", "bad") for n in range(1, 121)]
    error = ImportFailedError("big.json", problems)
    lines = str(error).splitlines()
    assert lines[0] == "big.json: 120 problems, nothing was imported"
    assert len(lines) == 1 + 50 and lines[-1] == "  line 50: bad"
    assert len(error.problems) == 120


def test_a_usage_error_is_not_a_journal_error() -> None:
    """The command line maps it to exit code 2, apart from the journal's own errors."""
    assert not issubclass(UsageError, JournalError)
    assert issubclass(NotFoundError, JournalError)


@pytest.mark.parametrize(
    ("sqlite_message", "kind", "advice"),
    [
        ("database or disk is full", DiskFullError, "Free some space"),
        ("database is locked", JournalBusyError, "Try again shortly"),
        ("attempt to write a readonly database", ReadOnlyJournalError, "cannot be saved"),
        ("database disk image is malformed", DamagedJournalError, "restore a backup"),
        ("file is not a database", DamagedJournalError, "restore a backup"),
    ],
)
def test_sqlite_errors_become_errors_a_user_can_act_on(
    sqlite_message: str, kind: type[JournalError], advice: str
) -> None:
    path = Path("/somewhere/sprint.sprintjournal")
    error = from_sqlite(sqlite3.OperationalError(sqlite_message), path)
    assert type(error) is kind
    assert str(path) in str(error) and advice in str(error)


def test_an_unknown_sqlite_error_keeps_its_text_and_names_the_file() -> None:
    error = from_sqlite(sqlite3.OperationalError("no such table: sprint"), "j.sprintjournal")
    assert type(error) is JournalError
    assert str(error) == "j.sprintjournal: no such table: sprint"


def test_a_real_read_only_write_is_translated(tmp_path: Path) -> None:
    """The message SQLite really gives for a write to a read-only connection."""
    path = tmp_path / "ro.sqlite"
    sqlite3.connect(path).execute("CREATE TABLE t(x)").connection.close()
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.OperationalError) as caught:
            conn.execute("INSERT INTO t VALUES (1)")
    finally:
        conn.close()
    assert isinstance(from_sqlite(caught.value, path), ReadOnlyJournalError)


def test_a_real_non_database_is_translated(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a database, just some text that is long enough to have a header\n" * 20)
    conn = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.DatabaseError) as caught:
            conn.execute("SELECT * FROM sqlite_master").fetchall()
    finally:
        conn.close()
    assert isinstance(from_sqlite(caught.value, path), DamagedJournalError)
