"""The mark of a backup whose photo originals are in the backups' shared store.

Such a file is restored, never opened as a journal. The mark is read by the checks before a
file is opened (`db.inspect_journal`, on the connection they use anyway), written and read by
`backup_store`, and followed by `check` and `restoring`. Its own module, below them all, so the
checks before opening need not load the store's code.
"""

import sqlite3

STORE_KEY = "backup.photo_store"
"""The `meta` row that marks the file."""


def uses_store(conn: sqlite3.Connection) -> bool:
    """Whether this file is a backup that keeps its photo originals in the store."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (STORE_KEY,)).fetchone()
    except sqlite3.DatabaseError:
        return False
    return row is not None
