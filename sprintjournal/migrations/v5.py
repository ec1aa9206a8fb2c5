"""Version 5: checksums of every piece of user text beyond notes and photos. Frozen: never edit.

One row per item in `text_checksum`, kept by triggers that call `sj_text_sha256` (registered
on every connection by `text_sums.register`); existing rows get their checksum here. What the
triggers cover is this step's own copy: `text_sums.COVERED` must name the same columns (a test
compares them), and a later change to what is covered is a later step.
"""

import sqlite3

_COVERED = {
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
TABLE = (
    "CREATE TABLE text_checksum (tbl TEXT NOT NULL, row_id INTEGER NOT NULL, "
    "sha256 TEXT NOT NULL, PRIMARY KEY (tbl, row_id)) WITHOUT ROWID"
)


def _call(row: str, columns: tuple[str, ...]) -> str:
    return f"sj_text_sha256({', '.join(f'{row}.{c}' for c in columns)})"


def _statements() -> list[str]:
    made = [TABLE]
    for table, (key, columns) in _COVERED.items():
        upsert = ("INSERT OR REPLACE INTO text_checksum(tbl, row_id, sha256) "
                  f"VALUES ('{table}', new.{key}, {_call('new', columns)});")
        delete = f"DELETE FROM text_checksum WHERE tbl = '{table}' AND row_id = old.{key};"
        made += [
            f"CREATE TRIGGER {table}_sum_ai AFTER INSERT ON {table} BEGIN {upsert} END",
            f"CREATE TRIGGER {table}_sum_au AFTER UPDATE ON {table} BEGIN {delete} {upsert} END",
            f"CREATE TRIGGER {table}_sum_ad AFTER DELETE ON {table} BEGIN {delete} END",
            "INSERT INTO text_checksum(tbl, row_id, sha256) "
            f"SELECT '{table}', {key}, {_call(table, columns)} FROM {table}",
        ]
    return made


def step(conn: sqlite3.Connection) -> None:
    for statement in _statements():
        conn.execute(statement)
