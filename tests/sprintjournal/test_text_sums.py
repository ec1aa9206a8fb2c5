"""The checksums of the user's text: the digest, the triggers that keep them, what `problems` finds.

The triggers run inside a real journal file; text is then changed behind SQLite's back the way
another program would (a connection without the checksum function, triggers dropped).
"""

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from sprintjournal import text_sums
from sprintjournal.journal import Journal


@pytest.fixture
def filled(journal: Journal, journal_path: Path) -> Path:
    sprint = journal.add_sprint("Gothenburg", project="PyPy", place="Gothenburg",
                                start=date(2011, 11, 2), end=date(2011, 11, 8))
    journal.add_attendee(sprint.id, "Armin Rigo")
    journal.add_branch(sprint.id, "ppc-jit")
    journal.close()
    return journal_path


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    text_sums.register(conn)
    return conn


def test_the_digest_is_sha256_over_length_prefixed_utf8() -> None:
    expected = hashlib.sha256(b"\x01" + (3).to_bytes(8, "big") + b"abc" + b"\x00").hexdigest()
    assert text_sums.digest(["abc", None]) == expected


def test_none_empty_and_neighbouring_values_all_differ() -> None:
    assert text_sums.digest([None]) != text_sums.digest([""])
    assert text_sums.digest(["ab", "c"]) != text_sums.digest(["a", "bc"])
    assert text_sums.digest([b"\xc3\xa9"]) == text_sums.digest(["é"])
    assert text_sums.digest([7]) == text_sums.digest(["7"])  # as CAST(7 AS BLOB) spells it


def test_a_lone_surrogate_is_hashed_not_refused() -> None:
    assert text_sums.digest(["\udc80"]) == text_sums.digest([b"\xed\xb2\x80"])


def test_a_fresh_journal_has_a_checksum_for_every_covered_item(filled: Path) -> None:
    conn = connect(filled)
    try:
        assert text_sums.present(conn)
        checked, found = text_sums.problems(conn, limit=10)
    finally:
        conn.close()
    assert found == []
    assert checked >= 4  # the sprint, the person, the attendance, the branch (and their kin)


def test_the_trigger_stores_the_digest_of_the_columns_as_blobs(filled: Path) -> None:
    conn = connect(filled)
    try:
        conn.execute("UPDATE branch SET goal = 'a JIT for PowerPC' WHERE name = 'ppc-jit'")
        key, columns = text_sums.COVERED["branch"]
        row = conn.execute(f"SELECT {key}, {', '.join(columns)} FROM branch").fetchone()
        stored = conn.execute(
            "SELECT sha256 FROM text_checksum WHERE tbl = 'branch' AND row_id = ?", (row[0],)
        ).fetchone()[0]
    finally:
        conn.close()
    assert stored == text_sums.digest(row[1:])


def test_text_changed_behind_sqlites_back_is_named(filled: Path) -> None:
    conn = connect(filled)
    try:
        conn.execute("DROP TRIGGER branch_sum_au")  # what a program without the triggers does
        conn.execute("UPDATE branch SET goal = 'changed' WHERE name = 'ppc-jit'")
        branch_id = conn.execute("SELECT id FROM branch").fetchone()[0]
        _, found = text_sums.problems(conn, limit=10)
    finally:
        conn.close()
    assert found == [f"branch {branch_id}: its text does not match its checksum"]


def test_an_item_without_a_checksum_and_a_checksum_without_an_item_are_named(
    filled: Path,
) -> None:
    conn = connect(filled)
    try:
        attendance_id = conn.execute("SELECT id FROM attendance").fetchone()[0]
        conn.execute("DELETE FROM text_checksum WHERE tbl = 'attendance'")
        conn.execute("INSERT INTO text_checksum(tbl, row_id, sha256) VALUES ('person_alias', "
                     "9999, 'x')")
        _, found = text_sums.problems(conn, limit=10)
    finally:
        conn.close()
    assert f"attendance {attendance_id}: its text has no checksum" in found
    assert "alias 9999: a checksum without its item" in found
    assert len(found) == 2


def test_the_problem_list_stops_at_the_limit(filled: Path) -> None:
    conn = connect(filled)
    try:
        conn.execute("DELETE FROM text_checksum")
        checked, found = text_sums.problems(conn, limit=2)
    finally:
        conn.close()
    assert len(found) == 2 and checked >= 2


def test_a_connection_without_the_function_cannot_change_covered_text(filled: Path) -> None:
    conn = sqlite3.connect(filled)
    try:
        with pytest.raises(sqlite3.OperationalError, match=text_sums.FUNCTION):
            conn.execute("UPDATE sprint SET title = 'renamed'")
    finally:
        conn.close()


def test_an_empty_database_has_no_checksum_table(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "other.sqlite")
    try:
        assert not text_sums.present(conn)
    finally:
        conn.close()
