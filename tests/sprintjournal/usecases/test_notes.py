"""Daily notes: autosave no-ops, checksums, a version at most every 10 minutes, restoring."""

import hashlib
import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from sprintjournal.changes import Change
from sprintjournal.errors import NotFoundError
from sprintjournal.journal import Journal
from sprintjournal.usecases import common
from sprintjournal.usecases import notes as notes_uc

T0 = datetime(2011, 11, 4, 10, 0, tzinfo=UTC)
D4 = date(2011, 11, 4)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Callable[[float], None]:
    """Set the use cases' clock to T0 + `minutes`."""
    current = [T0]
    monkeypatch.setattr(notes_uc, "now", lambda: current[0])
    monkeypatch.setattr(common, "now", lambda: current[0])

    def set_minutes(minutes: float) -> None:
        current[0] = T0 + timedelta(minutes=minutes)

    return set_minutes


@pytest.fixture
def sprint(journal: Journal) -> int:
    return journal.add_sprint("November", start=date(2011, 11, 2), end=date(2011, 11, 9)).id


def stored(path: Path, note_id: int) -> tuple[str, str]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT text, sha256 FROM note WHERE id = ?", (note_id,)).fetchone()
    finally:
        conn.close()


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_add_and_edit_a_note(journal: Journal, journal_path: Path, sprint: int) -> None:
    change = journal.add_note(sprint, D4, "Stand-up at 10.")
    assert change == Change("note", "added", (change.id,), sprint)
    edit = journal.set_note_text(change.id, "Stand-up at 10. @Hakan on #jit-targets ✨")
    assert edit == Change("note", "updated", (change.id,), sprint)
    assert stored(journal_path, change.id) == (
        "Stand-up at 10. @Hakan on #jit-targets ✨",
        sha("Stand-up at 10. @Hakan on #jit-targets ✨"),
    )
    with Journal(journal_path, readonly=True) as r:
        note = r.get_note(change.id)
    assert note.day == D4 and note.sha256 == sha(note.text)


def test_setting_the_same_text_is_a_no_op(
    journal: Journal, journal_path: Path, sprint: int, clock: Callable[[float], None]
) -> None:
    nid = journal.add_note(sprint, D4, "same").id
    before, generation = journal.get_note(nid), journal.generation
    clock(30)
    change = journal.set_note_text(nid, "same")
    assert change == Change("note", "updated", (), sprint)  # no ids: nothing to refresh
    assert journal.get_note(nid) == before  # updated_at untouched
    assert journal.note_versions(nid) == []
    assert journal.generation == generation  # no write happened


def test_text_round_trips_exactly(journal: Journal, sprint: int) -> None:
    text = "line one\r\nline two\n\n  indented\t\u200f\u05e9\u05dc\u05d5\u05dd e\u0301 🎂\n"
    nid = journal.add_note(sprint, None, text).id
    assert journal.get_note(nid).text == text
    assert journal.get_note(nid).sha256 == sha(text)


def test_versions_are_kept_at_most_every_ten_minutes(
    journal: Journal, sprint: int, clock: Callable[[float], None]
) -> None:
    clock(0)
    nid = journal.add_note(sprint, D4, "a").id
    for minute, text in (
        (1, "ab"),
        (5, "abc"),
        (9.9, "abcd"),
        (12, "abcde"),
        (13, "abcdef"),
        (23, "final"),
    ):
        clock(minute)
        journal.set_note_text(nid, text)
    versions = journal.note_versions(nid)
    assert [v.text for v in versions] == ["abcdef", "abcd", "a"]  # newest first
    assert [v.saved_at.replace(tzinfo=UTC) for v in versions] == [
        T0 + timedelta(minutes=m) for m in (23, 12, 1)
    ]
    assert journal.get_note(nid).text == "final"


def test_an_empty_note_leaves_no_empty_version(
    journal: Journal, sprint: int, clock: Callable[[float], None]
) -> None:
    nid = journal.add_note(sprint, D4).id
    journal.set_note_text(nid, "first words")
    assert journal.note_versions(nid) == []


def test_a_clock_moved_backwards_still_keeps_a_version(
    journal: Journal, sprint: int, clock: Callable[[float], None]
) -> None:
    nid = journal.add_note(sprint, D4, "one").id
    clock(60)
    journal.set_note_text(nid, "two")
    clock(-120)  # the laptop's clock was wrong and got corrected
    journal.set_note_text(nid, "three")
    assert [v.text for v in journal.note_versions(nid)] == ["two", "one"]


def test_versions_older_than_ninety_days_are_dropped(
    journal: Journal, sprint: int, clock: Callable[[float], None]
) -> None:
    nid = journal.add_note(sprint, D4, "old").id
    journal.set_note_text(nid, "newer")
    clock(91 * 24 * 60)
    journal.set_note_text(nid, "newest")
    assert [v.text for v in journal.note_versions(nid)] == ["newer"]


def test_restore_keeps_the_current_text_as_a_version(
    journal: Journal, journal_path: Path, sprint: int, clock: Callable[[float], None]
) -> None:
    nid = journal.add_note(sprint, D4, "draft one").id
    clock(1)
    journal.set_note_text(nid, "draft two")
    (old,) = journal.note_versions(nid)
    clock(2)
    change = journal.restore_note_version(old.id)
    assert change == Change("note", "restored", (nid,), sprint)
    assert stored(journal_path, nid) == ("draft one", sha("draft one"))
    assert [v.text for v in journal.note_versions(nid)] == ["draft two", "draft one"]
    with pytest.raises(NotFoundError, match="No note version with id 999"):
        journal.restore_note_version(999)


def test_remove_note_removes_its_versions(
    journal: Journal, journal_path: Path, sprint: int
) -> None:
    nid = journal.add_note(sprint, D4, "one").id
    journal.set_note_text(nid, "two")
    assert journal.remove_note(nid) == Change("note", "removed", (nid,), sprint)
    conn = sqlite3.connect(journal_path)
    assert conn.execute("SELECT count(*) FROM note_version").fetchone()[0] == 0
    conn.close()
    with pytest.raises(NotFoundError, match="No note with id"):
        journal.set_note_text(nid, "three")


def test_notes_are_listed_by_day_undated_first(journal: Journal, sprint: int) -> None:
    journal.add_note(sprint, date(2011, 11, 5), "fifth")
    journal.add_note(sprint, None, "wifi")
    journal.add_note(sprint, D4, "fourth a")
    journal.add_note(sprint, D4, "fourth b")
    assert [n.text for n in journal.list_notes(sprint)] == ["wifi", "fourth a", "fourth b", "fifth"]
    assert [n.text for n in journal.list_notes(sprint, D4)] == ["fourth a", "fourth b"]
    assert journal.days_with_content(sprint) == [D4, date(2011, 11, 5)]
