"""`migrations.v2` on the version-1 fixture: the search index rebuilt with a sprint `scope`
token, branch results indexed as their text, every item still found."""

import sqlite3

from sprintjournal.migrations import v2

FROM_VERSION = 1


def index_rows(conn: sqlite3.Connection) -> set[tuple[str, int, int | None]]:
    return set(conn.execute("SELECT kind, item_id, sprint_id FROM search_index"))


def test_every_item_stays_indexed_under_its_sprint(conn: sqlite3.Connection) -> None:
    before = index_rows(conn)
    v2.step(conn)
    assert index_rows(conn) == before
    assert {c[1] for c in conn.execute("PRAGMA table_info(search_index)")} == {
        "body", "scope", "kind", "item_id", "sprint_id"}


def test_the_scope_token_narrows_a_search_to_one_sprint(conn: sqlite3.Connection) -> None:
    v2.step(conn)
    for (sprint_id,) in conn.execute("SELECT id FROM sprint").fetchall():
        in_scope = conn.execute("SELECT count(*) FROM search_index WHERE search_index MATCH ?",
                                (f"scope:s{sprint_id}",)).fetchone()[0]
        counted = conn.execute(
            "SELECT (SELECT count(*) FROM note WHERE sprint_id = :s) "
            "+ (SELECT count(*) FROM standup_item WHERE sprint_id = :s) "
            "+ (SELECT count(*) FROM branch WHERE sprint_id = :s) "
            "+ (SELECT count(*) FROM photo WHERE sprint_id = :s)", {"s": sprint_id}).fetchone()[0]
        assert in_scope == counted > 0
    people = conn.execute("SELECT count(*) FROM person").fetchone()[0]
    assert conn.execute("SELECT count(*) FROM search_index WHERE search_index MATCH 'scope:g'"
                        ).fetchone() == (people,)


def test_branch_results_are_indexed_as_text_not_json(conn: sqlite3.Connection) -> None:
    before = conn.execute("SELECT body FROM search_index WHERE kind = 'branch'").fetchall()
    assert any('["' in body for (body,) in before)  # version 1 indexed the JSON list
    v2.step(conn)
    after = conn.execute("SELECT body FROM search_index WHERE kind = 'branch'").fetchall()
    assert not any('["' in body for (body,) in after)


def test_the_new_triggers_index_new_rows_with_their_scope(conn: sqlite3.Connection) -> None:
    v2.step(conn)
    sprint_id = conn.execute("SELECT min(id) FROM sprint").fetchone()[0]
    cur = conn.execute(
        "INSERT INTO note(sprint_id, day, text, sha256, position, created_at, updated_at) "
        "VALUES (?, NULL, 'zyzzyva', '', 99, '2011-11-03', '2011-11-03')", (sprint_id,))
    assert conn.execute("SELECT kind, item_id FROM search_index WHERE search_index MATCH ?",
                        (f"zyzzyva AND scope:s{sprint_id}",)).fetchall() == [
        ("note", cur.lastrowid)]
    conn.execute("DELETE FROM note WHERE id = ?", (cur.lastrowid,))
    assert conn.execute("SELECT count(*) FROM search_index WHERE search_index MATCH 'zyzzyva'"
                        ).fetchone() == (0,)


def test_the_rows_themselves_are_untouched(conn: sqlite3.Connection) -> None:
    tables = ("note", "branch", "standup_item", "person", "photo")
    before = {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}
    v2.step(conn)
    assert {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
            for t in tables} == before
