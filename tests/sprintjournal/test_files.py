"""files.remove_database: what a failed temporary database copy leaves is removed whole."""

import sqlite3
from pathlib import Path

import pytest

from sprintjournal.files import SQLITE_SIDE_FILES, AtomicBatch, remove_database


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


# -- AtomicBatch.add_all: several files side by side, all or nothing, in the given order -------
def test_every_file_lands_in_the_order_given(tmp_path: Path) -> None:
    files = [(f"images/photo-{n:02d}.jpg", bytes([n]) * (1000 + n)) for n in range(20)]
    files.append(("index.html", b"<p>page</p>"))
    seen: list[tuple[int, str]] = []
    with AtomicBatch(tmp_path / "out") as batch:
        targets = batch.add_all(files, lambda n, relative: seen.append((n, relative)))
        assert not any(t.exists() for t in targets)  # nothing at a target name before commit
    assert batch.written == targets == [tmp_path / "out" / rel for rel, _data in files]
    assert batch.written[-1].name == "index.html"  # the page renamed last
    for (relative, data), target in zip(files, targets, strict=True):
        assert target.read_bytes() == data, relative
    assert [n for n, _rel in seen] == list(range(1, len(files) + 1))
    assert sorted(rel for _n, rel in seen) == sorted(rel for rel, _data in files)
    assert not list((tmp_path / "out").rglob("*.part"))


def test_a_failure_while_writing_leaves_the_old_files_and_no_parts(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_bytes(b"old page")

    def cancel(n: int, _relative: str) -> None:
        if n == 3:
            raise RuntimeError("cancelled")

    with pytest.raises(RuntimeError, match="cancelled"), AtomicBatch(out) as batch:
        batch.add_all([(f"images/{n}.jpg", b"x" * 5000) for n in range(10)]
                      + [("index.html", b"new page")], cancel)
    assert (out / "index.html").read_bytes() == b"old page"
    assert not (out / "images").exists()  # the folder the batch made is gone again
    assert [p.name for p in out.iterdir()] == ["index.html"]


def test_nothing_to_add(tmp_path: Path) -> None:
    with AtomicBatch(tmp_path / "out") as batch:
        assert batch.add_all([]) == []
    assert batch.written == []
