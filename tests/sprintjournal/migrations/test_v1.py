"""`migrations.v1`: the first step makes the tables of an empty file and its search index,
kept by triggers; its text is fixed (the models of today play no part)."""

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from sprintjournal.migrations import v1


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    c = sqlite3.connect(tmp_path / "new.sprintjournal")
    c.execute("PRAGMA foreign_keys = ON")
    v1.step(c)
    yield c
    c.close()


def names(conn: sqlite3.Connection, kind: str) -> set[str]:
    return {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = ? "
                                       "AND name NOT LIKE 'search_index_%'", (kind,))}


def sprint(conn: sqlite3.Connection, title: str = "Gothenburg") -> int:
    cur = conn.execute(
        "INSERT INTO sprint(title, project, place, description, blog_authors, blog_tags, "
        "created_at) VALUES (?, 'PyPy', 'Göteborg', '', '[]', '[]', '2011-11-01 10:00:00')",
        (title,))
    assert cur.lastrowid is not None
    return cur.lastrowid


def note(conn: sqlite3.Connection, sprint_id: int, text: str) -> int:
    cur = conn.execute(
        "INSERT INTO note(sprint_id, day, text, sha256, position, created_at, updated_at) "
        "VALUES (?, '2011-11-03', ?, '', 0, '2011-11-03 10:00:00', '2011-11-03 10:00:00')",
        (sprint_id, text))
    assert cur.lastrowid is not None
    return cur.lastrowid


def found(conn: sqlite3.Connection, query: str) -> list[tuple[str, int]]:
    return conn.execute("SELECT kind, item_id FROM search_index WHERE search_index MATCH ? "
                        "ORDER BY kind, item_id", (query,)).fetchall()


def test_the_step_makes_every_table_of_version_1(conn: sqlite3.Connection) -> None:
    assert names(conn, "table") == {
        "meta", "person", "sprint", "attendance", "branch", "note", "person_alias", "photo",
        "report", "branch_person", "note_version", "photo_data", "photo_person", "rendition",
        "standup_item", "standup_person", "search_index"}
    assert "ix_person_name_key" in names(conn, "index")
    assert len(names(conn, "trigger")) == 15  # insert, update, delete on five sources


def test_version_1_has_none_of_the_later_columns(conn: sqlite3.Connection) -> None:
    columns = {c[1] for c in conn.execute("PRAGMA table_info(attendance)")}
    assert "checked_in" not in columns
    assert {c[1] for c in conn.execute("PRAGMA table_info(search_index)")} == {
        "body", "kind", "item_id", "sprint_id"}


def test_the_triggers_keep_the_search_index_with_accents_folded(
    conn: sqlite3.Connection
) -> None:
    sid = sprint(conn)
    nid = note(conn, sid, "Håkan Ardö fixed the JIT")
    assert found(conn, "ardo") == [("note", nid)]
    conn.execute("UPDATE note SET text = 'Armin reviewed' WHERE id = ?", (nid,))
    assert found(conn, "ardo") == [] and found(conn, "armin") == [("note", nid)]
    conn.execute("DELETE FROM note WHERE id = ?", (nid,))
    assert found(conn, "armin") == []


def test_people_are_indexed_with_their_email_and_no_sprint(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO person(name, name_key, email) VALUES "
                 "('Håkan Ardö', 'hakan ardo', 'hakan@example.org')")
    assert conn.execute("SELECT kind, sprint_id FROM search_index WHERE search_index "
                        "MATCH 'ardo'").fetchall() == [("person", None)]
    assert len(found(conn, "example")) == 1


def test_a_sprints_rows_go_with_it(conn: sqlite3.Connection) -> None:
    sid = sprint(conn)
    note(conn, sid, "gone with the sprint")
    conn.execute("INSERT INTO person(name, name_key) VALUES ('Armin Rigo', 'armin rigo')")
    conn.execute("INSERT INTO attendance(sprint_id, person_id, host, needs_review, position) "
                 "VALUES (?, 1, 0, 0, 0)", (sid,))
    conn.execute("DELETE FROM sprint WHERE id = ?", (sid,))
    assert conn.execute("SELECT count(*) FROM note").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM attendance").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM person").fetchone() == (1,)


def test_an_attendee_is_listed_once_per_sprint(conn: sqlite3.Connection) -> None:
    sid = sprint(conn)
    conn.execute("INSERT INTO person(name, name_key) VALUES ('Armin Rigo', 'armin rigo')")
    row = "INSERT INTO attendance(sprint_id, person_id, host, needs_review, position) " \
          "VALUES (?, 1, 0, 0, 0)"
    conn.execute(row, (sid,))
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        conn.execute(row, (sid,))


def test_the_step_refuses_a_file_that_has_tables_already(conn: sqlite3.Connection) -> None:
    with pytest.raises(sqlite3.OperationalError, match="already exists"):
        v1.step(conn)
