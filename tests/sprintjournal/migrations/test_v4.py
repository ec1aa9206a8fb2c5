"""`migrations.v4` on the version-3 fixture: attendees get `checked_in`, empty for everyone."""

import json
import sqlite3

from sprintjournal.migrations import v4

FROM_VERSION = 3


def test_every_attendee_starts_checked_in_nowhere(conn: sqlite3.Connection) -> None:
    before = conn.execute("SELECT * FROM attendance ORDER BY id").fetchall()
    assert before and "checked_in" not in {c[1] for c in conn.execute(
        "PRAGMA table_info(attendance)")}
    v4.step(conn)
    after = conn.execute("SELECT * FROM attendance ORDER BY id").fetchall()
    assert [row[:-1] for row in after] == before
    assert {json.loads(row[-1]) == [] for row in after} == {True}


def test_a_new_attendee_gets_the_empty_list_too(conn: sqlite3.Connection) -> None:
    v4.step(conn)
    conn.execute("INSERT INTO person(name, name_key) VALUES ('Newcomer', 'newcomer')")
    conn.execute("INSERT INTO attendance(sprint_id, person_id, host, needs_review, position) "
                 "SELECT min(s.id), max(p.id), 0, 0, 99 FROM sprint s, person p")
    assert conn.execute("SELECT checked_in FROM attendance WHERE position = 99").fetchone() == (
        "[]",)


def test_only_the_attendance_table_changes(conn: sqlite3.Connection) -> None:
    def schema() -> list[tuple[str, str]]:
        return conn.execute("SELECT name, sql FROM sqlite_master WHERE name != 'attendance' "
                            "ORDER BY name").fetchall()
    before = schema()
    v4.step(conn)
    assert schema() == before
