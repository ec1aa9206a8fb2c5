"""A restore's steps on their own: the backup proven good, the journal rebuilt and proven good
beside the real file, then put in its place keeping every name of the file."""

import os
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from factories import jpeg_bytes
from fault_helpers import dump

from sprintjournal import backup_store, db, restoring
from sprintjournal.backup import backup_now
from sprintjournal.check import check_journal
from sprintjournal.errors import DamagedJournalError, NotAJournalError
from sprintjournal.journal import Journal


@pytest.fixture
def backed_up(journal_path: Path) -> Path:
    """A backup of a journal with eight attendees and a photo (its original in the store)."""
    with Journal(journal_path) as j:
        sid = j.add_sprint("Gothenburg", project="PyPy", start=date(2011, 11, 2)).id
        for n in range(8):
            j.add_attendee(sid, f"Person {n}")
        j.add_photo(sid, jpeg_bytes(), "hallway.jpg", caption="The hallway")
        return backup_now(j)


def test_a_good_backup_passes(backed_up: Path) -> None:
    restoring.verify_backup(backed_up)


def test_a_file_that_is_not_a_journal_is_refused_as_such(tmp_path: Path) -> None:
    other = tmp_path / "other.sprintjournal"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t(x)")
    conn.close()
    with pytest.raises(NotAJournalError, match="another program"):
        restoring.verify_backup(other)


def test_a_damaged_backup_is_refused_naming_the_first_problems_and_counting_the_rest(
    backed_up: Path,
) -> None:
    conn = sqlite3.connect(backed_up)
    conn.execute("DELETE FROM text_checksum WHERE tbl = 'attendance' AND row_id IN "
                 "(SELECT row_id FROM text_checksum WHERE tbl = 'attendance' LIMIT 6)")
    conn.commit()
    conn.close()
    with pytest.raises(DamagedJournalError) as caught:
        restoring.verify_backup(backed_up)
    message = str(caught.value)
    assert message.startswith(f"The backup {backed_up} is damaged: attendance ")
    assert message.count("its text has no checksum") == restoring.SHOWN_PROBLEMS
    assert message.endswith(" (and 1 more). Nothing was changed; choose another backup.")


def test_build_makes_a_whole_checked_journal_with_its_originals(
    backed_up: Path, journal_path: Path, tmp_path: Path
) -> None:
    tmp = tmp_path / "j.sprintjournal.restoring"
    tmp.write_bytes(b"left by an earlier attempt")
    restoring.build(backed_up, tmp)
    assert check_journal(tmp).ok
    rebuilt, original = dump(tmp), dump(journal_path)
    assert rebuilt["photo_data"] == original["photo_data"] != []
    assert ("backup.photo_store", "objects/sha256") not in rebuilt["meta"]
    conn = sqlite3.connect(tmp)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()
    assert db.inspect_journal(tmp) == (db.latest_version(), False)  # a journal, not a backup


def test_build_leaves_nothing_when_the_result_would_be_incomplete(
    backed_up: Path, tmp_path: Path
) -> None:
    for original in backup_store.objects_dir(backed_up.parent).glob("??/*"):
        original.unlink()
    tmp = tmp_path / "j.sprintjournal.restoring"
    with pytest.raises(DamagedJournalError, match=r"hallway.jpg\): its original .* is missing"):
        restoring.build(backed_up, tmp)
    assert not tmp.exists()


def test_install_renames_the_copy_onto_a_file_with_one_name(
    backed_up: Path, journal_path: Path, tmp_path: Path
) -> None:
    tmp = tmp_path / "j.restoring"
    restoring.build(backed_up, tmp)
    made = tmp.stat().st_ino
    restoring.install(tmp, journal_path)
    assert journal_path.stat().st_ino == made and not tmp.exists()
    assert check_journal(journal_path).ok


def test_install_writes_into_a_file_with_other_names(
    backed_up: Path, journal_path: Path, tmp_path: Path
) -> None:
    """A rename would leave the hard link showing the old journal: the pages are copied in."""
    hard = tmp_path / "hard.sprintjournal"
    os.link(journal_path, hard)
    with Journal(journal_path) as j:
        j.add_attendee(j.list_sprints()[0].id, "Written after the backup")
    tmp = tmp_path / "j.restoring"
    restoring.build(backed_up, tmp)
    restoring.install(tmp, journal_path)
    assert journal_path.stat().st_ino == hard.stat().st_ino and not tmp.exists()
    assert dump(hard) == dump(journal_path)
    with Journal(hard, readonly=True) as j:
        names = [a.person.name for a in j.list_attendees(j.list_sprints()[0].id)]
    assert "Written after the backup" not in names and len(names) == 8
