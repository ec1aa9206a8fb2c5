"""Version 4: attendance gets `checked_in`, the days someone was checked in as here.

Frozen: never edit.
"""

import sqlite3

STATEMENTS = ("ALTER TABLE attendance ADD COLUMN checked_in JSON NOT NULL DEFAULT '[]'",)


def step(conn: sqlite3.Connection) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
