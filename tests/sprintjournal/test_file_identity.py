"""`file_identity`: noticing a journal file deleted or replaced, and saving the open one back."""

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from sprintjournal import file_identity
from sprintjournal.file_identity import identity, problem, remove_stale_sides, save_copy


@pytest.fixture
def live(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    """An open database with one row, standing in for the open journal's connection."""
    conn = sqlite3.connect(tmp_path / "open.db")
    conn.execute("CREATE TABLE note (text TEXT)")
    conn.execute("INSERT INTO note VALUES ('Mon: JIT talk')")
    conn.commit()
    yield conn
    conn.close()


def notes(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT text FROM note")]
    finally:
        conn.close()


def test_identity_is_device_and_inode_or_none(tmp_path: Path) -> None:
    path = tmp_path / "j.sprintjournal"
    assert identity(path) is None
    path.write_bytes(b"x")
    st = path.stat()
    assert identity(path) == (st.st_dev, st.st_ino)


def test_a_file_written_in_place_is_still_the_same_file(tmp_path: Path) -> None:
    path = tmp_path / "j.sprintjournal"
    path.write_bytes(b"one")
    before = identity(path)
    with path.open("ab") as f:
        f.write(b"two")
    assert problem(path, before) is None


def test_a_deleted_or_moved_file_is_named_so(tmp_path: Path) -> None:
    path = tmp_path / "j.sprintjournal"
    path.write_bytes(b"one")
    before = identity(path)
    path.rename(tmp_path / "elsewhere")
    assert problem(path, before) == "deleted or moved away"


def test_a_file_replaced_under_the_same_name_is_named_so(tmp_path: Path) -> None:
    path = tmp_path / "j.sprintjournal"
    path.write_bytes(b"one")
    before = identity(path)
    newcomer = tmp_path / "copy"
    newcomer.write_bytes(b"one")
    newcomer.replace(path)
    assert problem(path, before) == "replaced by another file"


def test_no_remembered_identity_means_no_problem(tmp_path: Path) -> None:
    assert problem(tmp_path / "never-there", None) is None


def test_save_copy_writes_a_complete_file_and_leaves_no_temporary(
    live: sqlite3.Connection, tmp_path: Path
) -> None:
    target = tmp_path / "new" / "place.sprintjournal"
    assert save_copy(live, target, own_place=False) is None
    assert notes(target) == ["Mon: JIT talk"]
    assert sorted(p.name for p in target.parent.iterdir()) == ["place.sprintjournal"]


@pytest.fixture
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> str:
    class Clock(datetime):
        @classmethod
        def now(cls, tz: object = None) -> "Clock":  # a fixed instant
            return cls(2011, 11, 4, 10, 30, 0)

    monkeypatch.setattr(file_identity, "datetime", Clock)
    return "20111104-103000"


def test_a_file_in_the_way_is_renamed_aside_never_overwritten(
    live: sqlite3.Connection, tmp_path: Path, fixed_clock: str
) -> None:
    target = tmp_path / "j.sprintjournal"
    target.write_bytes(b"the newcomer's bytes")
    for side in ("-wal", "-shm"):
        (tmp_path / f"j.sprintjournal{side}").write_bytes(side.encode())
    aside = save_copy(live, target, own_place=False)
    assert aside == tmp_path / f"j.sprintjournal.replaced-{fixed_clock}"
    assert aside.read_bytes() == b"the newcomer's bytes"
    assert notes(target) == ["Mon: JIT talk"]
    # another file's -wal must never meet the saved journal: it travels with its file
    assert (tmp_path / f"{aside.name}-wal").read_bytes() == b"-wal"
    assert (tmp_path / f"{aside.name}-shm").read_bytes() == b"-shm"
    assert not (tmp_path / "j.sprintjournal-wal").exists()


def test_at_its_own_place_the_sessions_sides_stay(
    live: sqlite3.Connection, tmp_path: Path, fixed_clock: str
) -> None:
    target = tmp_path / "j.sprintjournal"
    target.write_bytes(b"replacement")
    (tmp_path / "j.sprintjournal-wal").write_bytes(b"ours")
    aside = save_copy(live, target, own_place=True)
    assert aside is not None and aside.read_bytes() == b"replacement"
    assert (tmp_path / "j.sprintjournal-wal").read_bytes() == b"ours"
    assert not (tmp_path / f"{aside.name}-wal").exists()


def test_a_second_file_aside_in_the_same_second_gets_its_own_name(
    live: sqlite3.Connection, tmp_path: Path, fixed_clock: str
) -> None:
    target = tmp_path / "j.sprintjournal"
    target.write_bytes(b"first")
    first = save_copy(live, target, own_place=False)
    target.write_bytes(b"second")  # replaced again
    second = save_copy(live, target, own_place=False)
    assert first is not None and second is not None
    assert second.name == f"j.sprintjournal.replaced-{fixed_clock}-2"
    assert (first.read_bytes(), second.read_bytes()) == (b"first", b"second")


def test_remove_stale_sides_takes_only_the_wal_and_shm(tmp_path: Path) -> None:
    path = tmp_path / "j.sprintjournal"
    for name in ("j.sprintjournal", "j.sprintjournal-wal", "j.sprintjournal-shm",
                 "j.sprintjournal-journal"):
        (tmp_path / name).write_bytes(b"x")
    remove_stale_sides(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "j.sprintjournal", "j.sprintjournal-journal"]
    remove_stale_sides(path)  # nothing left to remove is fine
