"""FAULTS.md rows 11 and 13-17: storage trouble gets a clear message and nothing is lost."""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fault_helpers import digest, own_folder, read_only, small_disk
from sqlalchemy import event

from sprintjournal import db
from sprintjournal.backup import backup_now
from sprintjournal.errors import (
    DiskFullError,
    JournalBusyError,
    JournalLockedError,
    ReadOnlyJournalError,
)
from sprintjournal.journal import Journal

NOTE = "Antonio: ffistruct field access about 400 times faster than ctypes"


def _sprint_with_note(j: Journal) -> tuple[int, int]:
    sprint_id = j.add_sprint("Gothenburg 2011").ids[0]
    return sprint_id, j.add_note(sprint_id, None, NOTE).ids[0]


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def _limit_pages(j: Journal, pages: int) -> None:
    """SQLite's own size limit on every connection: writes beyond it fail like a full disk."""
    j.engine.dispose()
    event.listen(
        j.engine, "connect", lambda conn, _rec: conn.execute(f"PRAGMA max_page_count={pages}")
    )


def test_fault_11_disk_full_during_a_save_max_page_count(
    journal: Journal, journal_path: Path
) -> None:
    _sprint, note_id = _sprint_with_note(journal)
    with journal.raw() as conn:
        used = conn.execute("PRAGMA page_count").fetchone()[0]
    _limit_pages(journal, used + 5)
    big = "Håkan Ardö: jit-targets 🎯\n" * 100_000
    with pytest.raises(DiskFullError, match=r"full.*not saved.*Free some space"):
        journal.set_note_text(note_id, big)
    assert journal.get_note(note_id).text == NOTE  # consistent: the old text, whole
    _limit_pages(journal, 1_000_000)  # space freed
    journal.set_note_text(note_id, big)
    assert journal.get_note(note_id).text == big
    assert _integrity(journal_path) == "ok"


def test_fault_11_disk_full_during_a_save_real_small_disk(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", "2m") as disk:
        path = disk / "journal.sprintjournal"
        filler = disk / "filler"
        with Journal(path) as j:
            _sprint, note_id = _sprint_with_note(j)
            big = "Christian Tismer: Win64, the third 90%\r\n" * 20_000
            filler.write_bytes(b"\0" * (1_400_000 - path.stat().st_size))
            with pytest.raises(DiskFullError, match=r"disk holding .* is full"):
                j.set_note_text(note_id, big)
            assert j.get_note(note_id).text == NOTE
            filler.unlink()  # the user frees some space
            j.set_note_text(note_id, big)
            assert j.get_note(note_id).text == big
        assert _integrity(path) == "ok"


def test_fault_13_read_only_folder_opens_read_only(tmp_path: Path) -> None:
    with own_folder(tmp_path / "ro") as folder:
        path = folder / "journal.sprintjournal"
        with Journal(path) as j:
            sprint_id, note_id = _sprint_with_note(j)
        before = digest(path)
        with read_only(folder):
            with Journal(path) as j:
                assert j.readonly
                assert j.get_note(note_id).text == NOTE
                with pytest.raises(ReadOnlyJournalError, match=r"read-only.*cannot be saved"):
                    j.set_note_text(note_id, "lost?")
                with pytest.raises(ReadOnlyJournalError):
                    j.add_note(sprint_id, None, "lost?")
            assert digest(path) == before
        with Journal(path) as j:  # writable again: nothing was dropped silently on the way
            assert not j.readonly and j.get_note(note_id).text == NOTE


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_fault_13_read_only_file_opens_read_only(journal_path: Path) -> None:
    with Journal(journal_path) as j:
        _sprint, note_id = _sprint_with_note(j)
    journal_path.chmod(0o444)
    with Journal(journal_path) as j:
        assert j.readonly
        with pytest.raises(ReadOnlyJournalError):
            j.set_note_text(note_id, "lost?")


def test_fault_14_second_instance_is_refused(journal: Journal, journal_path: Path) -> None:
    _sprint, note_id = _sprint_with_note(journal)
    code = textwrap.dedent(f"""
        from sprintjournal.journal import Journal
        from sprintjournal.errors import JournalLockedError
        try:
            Journal({str(journal_path)!r})
        except JournalLockedError as exc:
            print("refused:", exc)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.startswith("refused:") and "another SprintJournal" in out.stdout
    with pytest.raises(JournalLockedError, match="only one program may write"):
        Journal(journal_path)
    journal.set_note_text(note_id, "still the one writer")
    assert journal.get_note(note_id).text == "still the one writer"


def test_fault_15_stale_lock_of_a_killed_process_is_taken_over(journal_path: Path) -> None:
    with Journal(journal_path) as j:
        _sprint, note_id = _sprint_with_note(j)
    code = (
        f"from sprintjournal.journal import Journal; import time; "
        f"j = Journal({str(journal_path)!r}); print('open', flush=True); time.sleep(60)"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "open"
    with pytest.raises(JournalLockedError):
        Journal(journal_path)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    child.stdout.close()
    lock_file = journal_path.with_name(journal_path.name + ".lock")
    assert lock_file.exists()  # left behind by the killed process
    with Journal(journal_path) as j:
        j.set_note_text(note_id, "taken over")
        assert j.get_note(note_id).text == "taken over"


HOLD_WRITE_LOCK = textwrap.dedent("""
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    print("locked", flush=True)
    sys.stdin.readline()
    conn.execute("ROLLBACK")
""")


@pytest.fixture
def other_program() -> Iterator[Callable[[Path], subprocess.Popen[str]]]:
    """Start another program (plain sqlite3, not SprintJournal) holding the write lock."""
    children: list[subprocess.Popen[str]] = []

    def hold(path: Path) -> subprocess.Popen[str]:
        child = subprocess.Popen(
            [sys.executable, "-c", HOLD_WRITE_LOCK, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        children.append(child)
        assert child.stdout is not None and child.stdout.readline().strip() == "locked"
        return child

    yield hold
    for child in children:
        child.kill()
        child.wait(timeout=10)
        for stream in (child.stdin, child.stdout):
            if stream is not None:
                stream.close()


def test_fault_16_another_program_holds_a_write_lock(
    journal_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    other_program: Callable[[Path], subprocess.Popen[str]],
) -> None:
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 300)
    with Journal(journal_path) as j:
        _sprint, note_id = _sprint_with_note(j)
        holder = other_program(journal_path)
        began = time.monotonic()
        with pytest.raises(JournalBusyError, match="busy: another program is writing"):
            j.set_note_text(note_id, "after the lock")
        assert time.monotonic() - began >= 0.25  # it waited for the timeout first
        assert j.get_note(note_id).text == NOTE  # reading still works, nothing half-written
        assert holder.stdin is not None
        holder.stdin.write("release\n")
        holder.stdin.flush()
        holder.wait(timeout=10)
        j.set_note_text(note_id, "after the lock")  # the retry succeeds: nothing lost
        assert j.get_note(note_id).text == "after the lock"


def test_fault_17_backup_while_writing_holds_the_latest_saved_note(journal: Journal) -> None:
    sprint_id, note_id = _sprint_with_note(journal)
    saved: list[int] = []
    stop = threading.Event()

    def writer() -> None:
        n = 0
        while not stop.is_set():
            n += 1
            journal.set_note_text(note_id, f"version {n} " + "x" * 20_000)
            saved.append(n)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        results: list[tuple[int, Path]] = []
        for _ in range(5):
            while len(saved) < 3 + len(results) * 3:
                time.sleep(0.005)
            latest = saved[-1]
            backup = backup_now(journal)
            results.append((latest, backup))
    finally:
        stop.set()
        thread.join(timeout=30)
    for latest, backup in results:
        conn = sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)
        text = conn.execute("SELECT text FROM note WHERE id = ?", (note_id,)).fetchone()[0]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        assert int(text.split()[1]) >= latest, "the backup lacks a note saved before it began"
    assert sprint_id


def _hashes(folder: Path) -> dict[str, str]:
    """Every file below `folder` (hidden temporaries included) and its digest."""
    return {str(p.relative_to(folder)): digest(p) for p in folder.rglob("*") if p.is_file()}


def test_fault_12_disk_full_during_an_export(tmp_path: Path) -> None:
    from sprintjournal.demo_cake import make_demo_cake
    from sprintjournal.report.export import export_report

    with Journal(tmp_path / "journal.sprintjournal") as j, small_disk(tmp_path / "disk") as disk:
        sprint_id = j.add_sprint("Gothenburg 2011").ids[0]
        j.add_photo(sprint_id, make_demo_cake(320, 240), "cake.jpg", caption="5×")
        j.save_report(sprint_id, text="# Gothenburg\n\n![The cake](photo:1)\n\nfirst export\n")
        out = disk / "blog"
        export_report(j, sprint_id, "html-dir", out)
        before = _hashes(out)
        j.save_report(sprint_id, text="# Gothenburg\n\n![The cake](photo:1)\n\n" + "x " * 2_000_000)
        with pytest.raises(OSError, match="No space left"):
            export_report(j, sprint_id, "html-dir", out)
        assert _hashes(out) == before, "old files untouched, no empty or partial file left"


def test_fault_12_disk_full_during_a_backup(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", "3m") as disk:
        with Journal(disk / "journal.sprintjournal") as j:
            sprint_id, note_id = _sprint_with_note(j)
            first = backup_now(j)
            kept = digest(first)
            (disk / "filler").write_bytes(b"\0" * (3_000_000 - 3 * first.stat().st_size))
            j.set_note_text(note_id, "Håkan: jit-targets " * 2000)
            with pytest.raises(DiskFullError, match="no backup was made"):
                backup_now(j)
            assert digest(first) == kept
            assert [p.name for p in first.parent.iterdir()] == [first.name]  # no partial file
            (disk / "filler").unlink()
            assert backup_now(j).exists()  # once space is freed, backups work again
        assert sprint_id
