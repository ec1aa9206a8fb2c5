"""`migrations.v5` on the version-4 fixture: a checksum for every piece of covered text,
written for the existing rows and kept by triggers afterwards."""

import shutil
import sqlite3
from pathlib import Path

import pytest
from locations import FIXTURES

from sprintjournal import text_sums
from sprintjournal.migrations import v5

FROM_VERSION = 4
FIXTURE = FIXTURES / "journal-v4.sprintjournal"


@pytest.fixture
def conn(conn: sqlite3.Connection) -> sqlite3.Connection:
    """The copy of the version-4 file, with the checksum function this step's triggers call."""
    text_sums.register(conn)
    return conn


def expected(conn: sqlite3.Connection) -> dict[tuple[str, int], str]:
    """Each covered row's digest, recomputed in Python from its stored values."""
    sums = {}
    for table, (key, cols) in v5._COVERED.items():
        for row in conn.execute(f"SELECT {key}, {', '.join(cols)} FROM {table}"):
            sums[(table, row[0])] = text_sums.digest(row[1:])
    return sums


def stored(conn: sqlite3.Connection) -> dict[tuple[str, int], str]:
    return {(t, r): s for t, r, s in conn.execute("SELECT tbl, row_id, sha256 FROM text_checksum")}


def test_existing_rows_get_their_checksums(conn: sqlite3.Connection) -> None:
    v5.step(conn)
    sums = stored(conn)
    assert sums == expected(conn)
    with_rows = {t for t in v5._COVERED
                 if conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]}
    assert {t for t, _ in sums} == with_rows and len(with_rows) >= 6


def test_the_triggers_follow_inserts_updates_and_deletes(conn: sqlite3.Connection) -> None:
    v5.step(conn)
    cur = conn.execute("INSERT INTO person(name, name_key, email) VALUES "
                       "('Zoë Newcomer', 'zoe newcomer', NULL)")
    pid = cur.lastrowid
    assert pid is not None
    assert stored(conn)[("person", pid)] == text_sums.digest(["Zoë Newcomer", None, None])
    conn.execute("UPDATE person SET email = 'zoe@example.org' WHERE id = ?", (pid,))
    assert stored(conn)[("person", pid)] == text_sums.digest(
        ["Zoë Newcomer", "zoe@example.org", None])
    conn.execute("DELETE FROM person WHERE id = ?", (pid,))
    assert ("person", pid) not in stored(conn)
    assert stored(conn) == expected(conn)


def test_a_connection_without_the_function_cannot_change_covered_text(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    v5.step(conn)
    conn.commit()
    plain = sqlite3.connect(tmp_path / "v4.sprintjournal")
    try:
        with pytest.raises(sqlite3.OperationalError, match="no such function: sj_text_sha256"):
            plain.execute("UPDATE sprint SET title = 'changed behind its back'")
    finally:
        plain.close()


def test_the_covered_columns_are_the_checkers_own() -> None:
    assert v5._COVERED == text_sums.COVERED


def test_the_step_needs_the_function_registered(tmp_path: Path) -> None:
    path = tmp_path / "bare.sprintjournal"
    shutil.copyfile(FIXTURE, path)
    bare = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.OperationalError, match="sj_text_sha256"):
            v5.step(bare)
    finally:
        bare.close()
