"""Noticing that the journal's file was deleted, moved or replaced while it is open.

An open SQLite connection keeps writing to the file it opened, even once that file has been
deleted, renamed away, or replaced by another file under the same name (a sync tool, a copy
made in a file manager). Every save would then go to a file nobody will open again while the
app says "All changes saved". So the journal remembers the device and inode of its file when it
opens it and compares them before each write; on a difference the write is refused (the text
stays in the editor) and the user can save the journal, as the open connection still sees it,
back to its place or elsewhere (`save_copy`).
"""

import sqlite3
from datetime import datetime
from pathlib import Path

from sprintjournal import db

Identity = tuple[int, int]


def identity(path: Path) -> Identity | None:
    """Device and inode of the file a path names now; None when there is none."""
    try:
        st = Path(path).stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


def problem(path: Path, expected: Identity | None) -> str | None:
    """What happened to the journal's file, in words, or None when it is still there."""
    if expected is None:
        return None
    now = identity(path)
    if now is None:
        return "deleted or moved away"
    if now != expected:
        return "replaced by another file"
    return None


def save_copy(conn: sqlite3.Connection, target: Path, *, own_place: bool) -> Path | None:
    """Write the open journal to `target` (complete, checked, renamed into place).

    A file already at `target` (the one that replaced the journal) is renamed aside, never
    overwritten; its new name is returned. At the journal's own place (`own_place`) the -wal
    and -shm beside it are this session's, not the newcomer's: they stay for SQLite to close."""
    from sprintjournal.files import fsync_dir  # not loaded to open or read a journal

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".saving")
    db.backup_to(conn, tmp)
    aside = _move_aside(target, with_sides=not own_place) if target.exists() else None
    tmp.replace(target)
    fsync_dir(target.parent)
    return aside


def remove_stale_sides(path: Path) -> None:
    """After the session's connection closed: no -wal of the old file may meet the new one."""
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _move_aside(path: Path, *, with_sides: bool) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.replaced-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.replaced-{stamp}-{n}")
    for suffix in ("-wal", "-shm") if with_sides else ():
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.replace(aside.with_name(aside.name + suffix))
    path.replace(aside)
    return aside
