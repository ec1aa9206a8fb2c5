"""files.remove_database: what a failed temporary database copy leaves is removed whole."""

import sqlite3
from pathlib import Path

from sprintjournal.files import SQLITE_SIDE_FILES, remove_database


def test_a_temporary_copy_goes_with_its_side_files_and_nothing_else(tmp_path: Path) -> None:
    tmp = tmp_path / "gothenburg.sprintjournal.partial"
    conn = sqlite3.connect(tmp)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE note(text TEXT)")
    conn.execute("INSERT INTO note VALUES ('Håkan: jit-targets 🎯')")
    conn.commit()  # the -wal and -shm files now exist beside it
    (tmp_path / (tmp.name + "-journal")).write_bytes(b"left by a crash")
    keep = [tmp_path / "gothenburg.sprintjournal", tmp_path / (tmp.name + "-2")]
    for path in keep:
        path.write_bytes(b"not ours to remove")
    assert {p.name for p in tmp_path.iterdir()} >= {tmp.name + s for s in SQLITE_SIDE_FILES}
    remove_database(tmp)
    conn.close()
    assert sorted(tmp_path.iterdir()) == sorted(keep)
    remove_database(tmp)  # nothing there: no error
