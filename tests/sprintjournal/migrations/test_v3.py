"""`migrations.v3` on the version-2 fixture: report columns added, everything private."""

import sqlite3

import pytest

from sprintjournal.migrations import v3

FROM_VERSION = 2
ADDED = {"sprint": {"ordinal", "ordinal_scope"}, "branch": {"figures", "notes_publish"},
         "standup_item": {"publish"}, "note": {"publish"}}


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [c[1] for c in conn.execute(f"PRAGMA table_info({table})")]


def test_the_columns_are_added_at_the_end_of_their_tables(conn: sqlite3.Connection) -> None:
    before = {t: columns(conn, t) for t in ADDED}
    assert all(not (set(before[t]) & added) for t, added in ADDED.items())
    v3.step(conn)
    for table, added in ADDED.items():
        after = columns(conn, table)
        assert after[: len(before[table])] == before[table]
        assert set(after[len(before[table]):]) == added


def test_nothing_existing_becomes_public_by_upgrading(conn: sqlite3.Connection) -> None:
    v3.step(conn)
    assert conn.execute("SELECT DISTINCT publish FROM standup_item").fetchall() == [(0,)]
    assert conn.execute("SELECT DISTINCT publish FROM note").fetchall() == [("[]",)]
    assert conn.execute("SELECT DISTINCT notes_publish, figures FROM branch").fetchall() == [
        (0, "[]")]
    assert conn.execute("SELECT DISTINCT ordinal, ordinal_scope FROM sprint").fetchall() == [
        (None, "")]


def test_the_existing_values_are_untouched(conn: sqlite3.Connection) -> None:
    before = {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in ADDED}
    v3.step(conn)
    for table, rows in before.items():
        width = len(rows[0]) if rows else 0
        after = conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
        assert [row[:width] for row in after] == rows


def test_rows_written_after_the_step_get_the_private_defaults(conn: sqlite3.Connection) -> None:
    v3.step(conn)
    conn.execute("INSERT INTO branch(sprint_id, name, kind, goal, status, results, links, "
                 "position) SELECT min(id), 'new one', 'branch', '', 'planned', '[]', '[]', 9 "
                 "FROM sprint")
    assert conn.execute("SELECT figures, notes_publish FROM branch WHERE name = 'new one'"
                        ).fetchone() == ("[]", 0)


def test_the_step_cannot_run_twice(conn: sqlite3.Connection) -> None:
    v3.step(conn)
    with pytest.raises(sqlite3.OperationalError, match="duplicate column"):
        v3.step(conn)
