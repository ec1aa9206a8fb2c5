"""`check_journal`: finds damage SQLite can and cannot see, and never changes the file."""

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from sprintjournal.check import check_journal
from sprintjournal.demo_cake import make_demo_cake
from sprintjournal.journal import Journal


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def filled(journal_path: Path) -> Path:
    with Journal(journal_path) as j:
        sprint_id = j.add_sprint("Gothenburg 2011").ids[0]
        note = j.add_note(sprint_id, None, "Antonio: ffistruct").ids[0]
        j.set_note_text(note, "Antonio: ffistruct, 400× faster than ctypes")
        j.add_photo(sprint_id, make_demo_cake(320, 240), "cake.jpg")
    return journal_path


def _untouched(path: Path) -> tuple[str, list[str]]:
    return _digest(path), sorted(p.name for p in path.parent.iterdir())


def test_a_healthy_journal_is_ok_and_left_as_it_was(filled: Path) -> None:
    before = _untouched(filled)
    report = check_journal(filled)
    assert report.ok, report.summary()
    assert (report.notes_checked, report.versions_checked, report.photos_checked) == (1, 1, 1)
    assert _untouched(filled) == before  # no -wal, no -shm, no byte changed
    assert "ok (1 notes" in report.summary()


def test_an_open_journal_with_a_wal_is_checked_through_a_copy(journal: Journal) -> None:
    sprint_id = journal.add_sprint("S").ids[0]
    journal.add_note(sprint_id, None, "only in the WAL so far")
    wal = journal.path.with_name(journal.path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0
    before = (_digest(journal.path), _digest(wal))
    report = check_journal(journal.path)
    assert report.ok and report.notes_checked == 1  # the WAL's commits were seen
    assert (_digest(journal.path), _digest(wal)) == before


def _sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=OFF")
    for statement in statements:
        conn.execute(statement)
    conn.close()


def test_a_photo_without_its_bytes_and_bytes_without_a_photo(filled: Path) -> None:
    _sql(filled, "DELETE FROM photo_data", "INSERT INTO photo_data VALUES (99, x'00')")
    problems = check_journal(filled).problems
    assert any("photo 1 (cake.jpg): its original bytes are missing" in p for p in problems)
    assert any("photo data 99" in p for p in problems)
    assert any(p.startswith("foreign_key_check: photo_data") for p in problems)


def test_changed_photo_bytes_and_note_version_are_flagged(filled: Path) -> None:
    _sql(
        filled,
        "UPDATE photo_data SET data = data || x'00'",
        "UPDATE note_version SET text = 'rewritten'",
    )
    problems = check_journal(filled).problems
    assert any("do not match their checksum" in p for p in problems)
    assert any("version 1: its text does not match" in p for p in problems)


@pytest.mark.parametrize(
    ("content", "expected"),
    [(b"", "empty"), (b"GIF89a" + bytes(100), "SQLite header"), (None, "no file")],
)
def test_files_that_are_no_journal(tmp_path: Path, content: bytes | None, expected: str) -> None:
    path = tmp_path / "x.sprintjournal"
    if content is not None:
        path.write_bytes(content)
    report = check_journal(path)
    assert not report.ok and expected in report.problems[0]


def test_another_programs_database_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "x.sprintjournal"
    _sql(path, "CREATE TABLE t(x)")
    assert "another program" in check_journal(path).problems[0]


def test_a_damaged_copy_reports_without_touching_it(filled: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.sprintjournal"
    shutil.copyfile(filled, damaged)
    data = bytearray(damaged.read_bytes())
    data[8192:16384] = b"\xee" * 8192
    damaged.write_bytes(bytes(data))
    before = _untouched(damaged)
    report = check_journal(damaged)
    assert not report.ok
    assert _untouched(damaged) == before
