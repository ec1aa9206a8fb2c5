"""Checksums of every piece of text the user wrote, kept by SQLite triggers.

Notes, note versions and photos carry their own SHA-256 column; everything else the user types
(sprint fields, branch goals and results, stand-up items, attendee fields, people, captions, the
report draft) is covered here: one row per item in `text_checksum`, written by triggers on
insert and update, so no code path (ORM, raw SQL, an import) can forget it. `check` recomputes
each digest from the stored bytes and names the item whose text changed behind SQLite's back.

The table and its triggers are made by schema step 5 (`migrations/v5.py`, fixed SQL); COVERED
names the same columns, for `problems` (a test compares the two). The triggers call
`sj_text_sha256`, a function every connection that writes registers (`register`); a program
without it (the sqlite3 shell) cannot change covered text unnoticed.
"""

import sqlite3
from collections.abc import Iterable

FUNCTION = "sj_text_sha256"
TABLE = "text_checksum"

COVERED: dict[str, tuple[str, tuple[str, ...]]] = {
    # table: (primary key, text columns)
    "sprint": ("id", ("title", "project", "place", "venue", "description", "blog_authors",
                      "blog_tags")),
    "branch": ("id", ("name", "kind", "goal", "status", "results", "links", "notes", "figures")),
    "standup_item": ("id", ("section", "text", "status", "review_reason")),
    "person": ("id", ("name", "email", "url")),
    "person_alias": ("id", ("alias",)),
    "attendance": ("id", ("dates_text", "accommodation", "diet", "notes", "review_reason")),
    "photo": ("id", ("filename", "caption", "alt")),
    "report": ("sprint_id", ("title", "text", "generated_text")),
}


def digest(values: Iterable[bytes | str | int | float | None]) -> str:
    """SHA-256 over each value's length and UTF-8 bytes (None distinct from empty)."""
    import hashlib  # on the first write or check: opening and showing a journal hash nothing

    h = hashlib.sha256()
    for value in values:
        if value is None:
            h.update(b"\x00")
            continue
        if isinstance(value, int | float):
            value = str(value)  # as CAST(... AS BLOB) spells a number
        data = value.encode("utf-8", "surrogatepass") if isinstance(value, str) else value
        h.update(b"\x01" + len(data).to_bytes(8, "big") + data)
    return h.hexdigest()


def _sql_digest(*values: str | bytes | int | float | None) -> str:
    return digest(values)


def register(conn: sqlite3.Connection) -> None:
    conn.create_function(FUNCTION, -1, _sql_digest, deterministic=True)


def present(conn: sqlite3.Connection) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)
    ).fetchone()
    return row is not None


def problems(conn: sqlite3.Connection, limit: int) -> tuple[int, list[str]]:
    """(items checked, what is wrong): text whose bytes no longer match, rows without a sum."""
    found: list[str] = []
    checked = 0
    for table, (key, columns) in COVERED.items():
        stored = {
            int(row_id): _str(sha)
            for row_id, sha in conn.execute(
                f"SELECT row_id, sha256 FROM {TABLE} WHERE tbl = ?", (table,)
            )
        }
        blobs = ", ".join(f"CAST({c} AS BLOB)" for c in columns)
        for row in conn.execute(f"SELECT {key}, {blobs} FROM {table} ORDER BY {key}"):
            checked += 1
            expected = stored.pop(int(row[0]), None)
            if expected is None:
                found.append(f"{_label(table)} {row[0]}: its text has no checksum")
            elif digest(row[1:]) != expected:
                found.append(f"{_label(table)} {row[0]}: its text does not match its checksum")
        found.extend(f"{_label(table)} {row_id}: a checksum without its item" for row_id in stored)
        if len(found) >= limit:
            break
    return checked, found[:limit]


def _label(table: str) -> str:
    return {"standup_item": "stand-up item", "person_alias": "alias"}.get(table, table)


def _str(value: bytes | str) -> str:
    return value.decode("ascii", "replace") if isinstance(value, bytes) else value
