"""Automatic backups: when they are taken, how they are named and thinned, and restoring one."""

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from sprintjournal import backup
from sprintjournal.backup import (
    backup_before,
    backup_now,
    list_backups,
    maybe_backup,
    restore,
    thin,
)
from sprintjournal.errors import (
    DamagedJournalError,
    JournalError,
    JournalLockedError,
    NotAJournalError,
)
from sprintjournal.journal import Journal
from sprintjournal.paths import backup_dir

T0 = datetime(2011, 11, 6, 10, 0)


def _notes(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [t for (t,) in conn.execute("SELECT text FROM note ORDER BY id")]
    finally:
        conn.close()


def _note(j: Journal, text: str) -> int:
    sprints = j.list_sprints()
    sprint_id = sprints[0].id if sprints else j.add_sprint("Gothenburg 2011").ids[0]
    return j.add_note(sprint_id, None, text).ids[0]


def test_backup_now_writes_a_checked_copy_beside_the_journal(journal: Journal) -> None:
    _note(journal, "Armin: STM")
    made = backup_now(journal)
    assert made.parent == backup_dir(journal.path) and made.suffix == ".sprintjournal"
    assert _notes(made) == ["Armin: STM"]
    assert [b.path for b in list_backups(journal.path)] == [made]
    assert not list(made.parent.glob("*.partial*"))


def test_maybe_backup_waits_for_a_change_and_thirty_minutes(journal: Journal) -> None:
    assert maybe_backup(journal, now=T0) is None  # nothing changed yet
    _note(journal, "one")
    first = maybe_backup(journal, now=T0)
    assert first is not None and _notes(first) == ["one"]
    _note(journal, "two")
    assert maybe_backup(journal, now=T0 + timedelta(minutes=29)) is None
    second = maybe_backup(journal, now=T0 + timedelta(minutes=30))
    assert second is not None and _notes(second) == ["one", "two"]
    assert maybe_backup(journal, now=T0 + timedelta(hours=5)) is None  # idle: no new copy


def test_closing_backs_up_only_when_the_session_changed_something(journal_path: Path) -> None:
    with Journal(journal_path) as j:
        _note(j, "Håkan: jit-targets")
    assert len(list_backups(journal_path)) == 1
    with Journal(journal_path) as j:
        j.list_sprints()
        j.set_note_text(1, "Håkan: jit-targets")  # unchanged text: no write
    assert len(list_backups(journal_path)) == 1
    with Journal(journal_path) as j:
        j.set_note_text(1, "Håkan: jit-targets merged")
    newest = list_backups(journal_path)
    assert len(newest) == 2 and _notes(newest[0].path) == ["Håkan: jit-targets merged"]
    assert newest[0].reason == "on-close"


def test_a_failed_backup_never_stops_the_journal_from_closing(
    journal: Journal, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    _note(journal, "text")

    def full_disk(*_args: object) -> Path:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup.backup_store, "write_backup", full_disk)
    journal.close()
    assert "backup on close" in caplog.text
    with Journal(journal.path) as again:
        assert again.list_notes(1)[0].text == "text"


def test_backup_before_an_import_names_the_reason(journal: Journal) -> None:
    _note(journal, "x")
    made = backup_before(journal, "Import people.txt")
    assert list_backups(journal.path)[0].reason == "before-import-people-txt"
    assert made.exists()


def _fake_backups(journal_path: Path, stamps: list[datetime]) -> None:
    folder = backup_dir(journal_path)
    folder.mkdir(parents=True, exist_ok=True)
    for stamp in stamps:
        (folder / f"{journal_path.stem}-{stamp:%Y%m%d-%H%M%S}-auto.sprintjournal").write_bytes(b"")


def test_thinning_keeps_12_daily_10_weekly_9_monthly_and_the_last_day(tmp_path: Path) -> None:
    path = tmp_path / "j.sprintjournal"
    now = datetime(2012, 6, 30, 12, 0)
    hourly_today = [now - timedelta(hours=h) for h in range(10)]
    every_day = [now - timedelta(days=d, hours=1) for d in range(1, 400)]
    _fake_backups(path, hourly_today + every_day)
    thin(path, now=now)
    kept = {b.created for b in list_backups(path)}
    assert set(hourly_today) <= kept  # everything of the last 24 hours
    days = {d.date() for d in kept}
    assert {(now - timedelta(days=d)).date() for d in range(12)} <= days
    weeks = {d.isocalendar()[:2] for d in kept}
    months = {(d.year, d.month) for d in kept}
    assert len(weeks) >= 10 and len(months) == 9  # the newest of each of the last 9 months
    assert min(kept) > now - timedelta(days=31 * 9)
    assert len(kept) <= 10 + 12 + 10 + 9


def test_listing_ignores_partial_files_and_other_journals(tmp_path: Path) -> None:
    path = tmp_path / "j.sprintjournal"
    _fake_backups(path, [T0])
    folder = backup_dir(path)
    (folder / f"j-{T0:%Y%m%d-%H%M%S}-auto.sprintjournal.partial").write_bytes(b"half")
    (folder / "other-20111106-100000-auto.sprintjournal").write_bytes(b"")
    (folder / "j-2-20111106-100000-auto.sprintjournal").write_bytes(b"")
    assert [b.path.name for b in list_backups(path)] == ["j-20111106-100000-auto.sprintjournal"]


def test_restore_backs_up_the_current_file_first(journal_path: Path) -> None:
    with Journal(journal_path) as j:
        note = _note(j, "version A")
        old = backup_now(j)
        j.set_note_text(note, "version B")
    safety = restore(journal_path, old)
    assert _notes(journal_path) == ["version A"]
    assert _notes(safety) == ["version B"] and safety.parent == backup_dir(journal_path)
    assert safety.name.endswith("before-restore.sprintjournal")
    with Journal(journal_path) as j:  # no stale WAL of B was replayed over A
        assert [n.text for n in j.list_notes(1)] == ["version A"]


def test_restore_refuses_a_damaged_backup_and_changes_nothing(journal_path: Path) -> None:
    with Journal(journal_path) as j:
        _note(j, "keep me")
        bad = backup_now(j)
    data = bytearray(bad.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 4096] = b"\x07" * 4096
    bad.write_bytes(bytes(data))
    before = journal_path.read_bytes()
    with pytest.raises((DamagedJournalError, NotAJournalError)):
        restore(journal_path, bad)
    assert journal_path.read_bytes() == before


def test_restore_refuses_while_the_journal_is_open(journal: Journal) -> None:
    _note(journal, "open")
    made = backup_now(journal)
    with pytest.raises(JournalLockedError):
        restore(journal.path, made)


def test_importing_a_file_backs_the_journal_up_first(journal: Journal, tmp_path: Path) -> None:
    from sprintjournal.exchange.textfiles import import_file

    _note(journal, "before the import")
    source = tmp_path / "journal.json"
    source.write_text('{"format": "sprintjournal", "version": 1, "sprints": [{"title": "Leysin"}]}')
    import_file(journal, source, None, None)
    (newest,) = list_backups(journal.path)
    assert newest.reason == "before-import" and _notes(newest.path) == ["before the import"]
    assert len(journal.list_sprints()) == 2


def test_a_backup_folder_that_cannot_be_written_gives_a_clear_error(journal: Journal) -> None:
    _note(journal, "x")
    backup_dir(journal.path).write_text("a file where the backups folder should be")
    with pytest.raises(JournalError, match="could not be made"):
        backup_now(journal)
