"""Helpers shared by the FAULTS.md tests: digests, table dumps, small and read-only disks."""

import hashlib
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def other_programs_database(path: Path, user_version: int = 0) -> Path:
    """An SQLite file another program wrote (a browser's history): not a journal."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places(id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places(url) VALUES ('https://pypy.org')")
    conn.execute(f"PRAGMA user_version={user_version}")
    conn.commit()
    conn.close()
    return path


def unbuilt_journal(path: Path) -> Path:
    """Ours by its application id, with no schema step run yet (version 0)."""
    from sprintjournal.db import APPLICATION_ID

    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    conn.execute("CREATE TABLE t(x)")
    conn.close()
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, read without changing the file: compares journals item by item.

    Derived tables (the search index, the text checksums) are left out; `check` verifies them."""
    wal = path.with_name(path.name + "-wal")
    flags = "mode=ro" if wal.exists() else "mode=ro&immutable=1"  # no -wal/-shm left beside it
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?{flags}", uri=True)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%' "
                "AND name != 'text_checksum' ORDER BY name"  # derived data, `check` verifies it
            )
        ]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    finally:
        conn.close()


def _mount(folder: Path, size: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
            check=True,
            capture_output=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(
            f"cannot mount a small file system here ({exc}); the max_page_count test "
            "covers the same path"
        )


@contextmanager
def small_disk(folder: Path, size: str = "2m") -> Iterator[Path]:
    """A real size-limited file system (tmpfs), so writes fail with ENOSPC; root only."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root")
    _mount(folder, size)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False, timeout=10)


def remount(folder: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(folder)], check=True, timeout=10)


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Make `folder` and its files unwritable: a read-only mount as root, else permissions.

    Root ignores permission bits, so for root the folder must be a mount (see `small_disk`).
    """
    if os.geteuid() == 0:
        remount(folder, "ro")
        try:
            yield
        finally:
            remount(folder, "rw")
        return
    modes = {p: p.stat().st_mode for p in [folder, *folder.iterdir()]}
    for p in modes:
        p.chmod(0o555 if p.is_dir() else 0o444)
    try:
        yield
    finally:
        for p, mode in modes.items():
            p.chmod(mode)


@contextmanager
def own_folder(folder: Path) -> Iterator[Path]:
    """A folder that `read_only` can lock down: a tmpfs mount for root, a plain folder else."""
    if os.geteuid() != 0:
        folder.mkdir(parents=True, exist_ok=True)
        yield folder
        return
    with small_disk(folder, "16m"):
        yield folder


def rebuilt(backup: Path, folder: Path) -> Path:
    """The journal a backup restores to (its photo originals back from the shared store)."""
    from sprintjournal import restoring

    target = folder / f"rebuilt-{backup.name}"
    restoring.build(backup, target)
    return target
