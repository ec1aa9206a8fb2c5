"""Version 3: report data. Frozen: never edit.

Publish marks (private by default: nothing existing becomes public by upgrading), figures on
branches, a sprint ordinal the organiser confirmed.
"""

import sqlite3

STATEMENTS = (
    "ALTER TABLE sprint ADD COLUMN ordinal INTEGER",
    "ALTER TABLE sprint ADD COLUMN ordinal_scope VARCHAR NOT NULL DEFAULT ''",
    "ALTER TABLE branch ADD COLUMN figures JSON NOT NULL DEFAULT '[]'",
    "ALTER TABLE branch ADD COLUMN notes_publish BOOLEAN NOT NULL DEFAULT 0",
    "ALTER TABLE standup_item ADD COLUMN publish BOOLEAN NOT NULL DEFAULT 0",
    "ALTER TABLE note ADD COLUMN publish JSON NOT NULL DEFAULT '[]'",
)


def step(conn: sqlite3.Connection) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
