"""docs/faults.md rows 60-69: one lock per file, restores that refuse damage, backups that survive
clocks, and backups that cost what changed."""

import io
import os
import shutil
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from fault_helpers import digest, dump
from PIL import Image

from sprintjournal import backup_store, cli
from sprintjournal.backup import backup_before, backup_now, list_backups, restore
from sprintjournal.check import check_journal
from sprintjournal.errors import (
    DamagedJournalError,
    ImportFailedError,
    JournalFileLostError,
    JournalLockedError,
    NotAJournalError,
)
from sprintjournal.exchange import json_io
from sprintjournal.journal import Journal
from sprintjournal.paths import backup_dir

NOTE = "Armin and Carl Friedrich: the STM branch passes its first test"


def _note(j: Journal, text: str = NOTE) -> int:
    sprints = j.list_sprints()
    sprint_id = sprints[0].id if sprints else j.add_sprint("Gothenburg 2011").ids[0]
    return j.add_note(sprint_id, None, text).ids[0]


def _notes(path: Path) -> list[str]:
    return [str(row[3]) for row in dump(path)["note"]]


def _jpeg(seed: int, size: tuple[int, int] = (1200, 900)) -> bytes:
    """A photo-sized JPEG (noise compresses as badly as a real photo), different per seed."""
    image = Image.effect_noise(size, 40 + seed).convert("RGB")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def _objects(path: Path) -> list[Path]:
    return sorted(backup_store.objects_dir(backup_dir(path)).glob("??/*"))


# -- 60-62: one file, one lock, one backups folder ------------------------------------------


def test_fault_60_a_journal_opened_through_a_symlink_has_one_lock(tmp_path: Path) -> None:
    real = tmp_path / "data" / "journal.sprintjournal"
    link = tmp_path / "link.sprintjournal"
    real.parent.mkdir()
    with Journal(real) as j:
        _note(j)
        made = backup_now(j)
    link.symlink_to(real)
    with Journal(link) as app:  # the app through the link ...
        with pytest.raises(JournalLockedError):
            restore(real, made)  # ... and a restore through the real path
        with pytest.raises(JournalLockedError):
            Journal(real)
        assert [b.path for b in list_backups(link)] == [made]  # one backups folder
        backup_now(app)
    assert list_backups(link) == list_backups(real) and len(list_backups(real)) == 2
    assert not (tmp_path / "link.sprintjournal.lock").exists()


def test_fault_61_a_hard_link_or_bind_mounted_file_shares_the_lock(tmp_path: Path) -> None:
    first = tmp_path / "a" / "journal.sprintjournal"
    first.parent.mkdir()
    with Journal(first) as j:
        _note(j)
    second = tmp_path / "b" / "other-name.sprintjournal"
    second.parent.mkdir()
    os.link(first, second)  # the same file (device and inode) under another name and folder
    with Journal(first), pytest.raises(JournalLockedError):
        Journal(second)
    with Journal(second) as j:  # released: the other name opens normally
        assert j.list_notes(1)[0].text == NOTE


def test_fault_62_restore_through_a_link_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "data" / "journal.sprintjournal"
    real.parent.mkdir()
    with Journal(real) as j:
        note = _note(j, "version A")
        old = backup_now(j)
        j.set_note_text(note, "version B")
    link = tmp_path / "link.sprintjournal"
    link.symlink_to(real)
    hard = tmp_path / "data" / "hard.sprintjournal"
    os.link(real, hard)
    restore(link, old)
    assert link.is_symlink() and link.resolve() == real
    assert _notes(link) == _notes(real) == _notes(hard) == ["version A"]  # no fork
    assert real.stat().st_ino == hard.stat().st_ino
    assert not (tmp_path / "link.sprintjournal.restoring").exists()
    assert check_journal(real).ok


# -- 63-65: restore refuses damage, keeps a pending WAL, checks before replacing ------------


def _flip_in_value(path: Path, needle: bytes) -> None:
    """Change bytes inside one stored value: SQLite's own checks cannot see it."""
    data = path.read_bytes()
    assert needle in data
    path.write_bytes(data.replace(needle, b"XXXXX" + needle[5:]))


def test_fault_63_restore_refuses_a_backup_whose_check_fails(
    journal_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Journal(journal_path) as j:
        _note(j)
        bad = backup_now(j)
        _note(j, "written after the backup")
    _flip_in_value(bad, b"STM branch")
    assert sqlite3.connect(bad).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    before = digest(journal_path)
    with pytest.raises(DamagedJournalError, match=r"note 1: its text does not match"):
        restore(journal_path, bad)
    assert digest(journal_path) == before
    code = cli.main(["--journal", str(journal_path), "restore", str(bad)])
    assert code == 1 and "note 1" in capsys.readouterr().err
    assert digest(journal_path) == before


def test_fault_64_restore_includes_changes_pending_in_the_backups_wal(
    journal_path: Path, tmp_path: Path
) -> None:
    with Journal(journal_path) as j:
        _note(j, "in the main file")
    copy = backup_dir(journal_path) / f"{journal_path.stem}-20111106-100000-manual.sprintjournal"
    copy.parent.mkdir(exist_ok=True)
    shutil.copyfile(journal_path, copy)
    conn = sqlite3.connect(copy, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("UPDATE note SET text = 'only in the WAL', "
                 "sha256 = '" + __import__("hashlib").sha256(b"only in the WAL").hexdigest() + "'")
    frozen = tmp_path / "frozen"  # the backup and its -wal as a crash left them
    frozen.mkdir()
    shutil.copyfile(copy, frozen / copy.name)
    shutil.copyfile(copy.with_name(copy.name + "-wal"), frozen / (copy.name + "-wal"))
    conn.close()
    for name in (copy.name, copy.name + "-wal"):
        shutil.copyfile(frozen / name, copy.with_name(name))
    assert copy.with_name(copy.name + "-wal").stat().st_size > 0
    restore(journal_path, copy)
    assert _notes(journal_path) == ["only in the WAL"]


def _journal_with_photos(path: Path, count: int) -> list[int]:
    with Journal(path) as j:
        sprint_id = j.add_sprint("Leysin 2011").ids[0]
        return [j.add_photo(sprint_id, _jpeg(i), f"p{i}.jpg").ids[0] for i in range(count)]


def test_fault_65_restore_checks_the_result_before_replacing_anything(
    journal_path: Path,
) -> None:
    _journal_with_photos(journal_path, 2)
    with Journal(journal_path) as j:
        made = backup_now(j)
    missing = _objects(journal_path)[0]
    missing.unlink()
    before, backups = digest(journal_path), list_backups(journal_path)
    with pytest.raises(DamagedJournalError, match=r"photo \d \(p\d\.jpg\): its original"):
        restore(journal_path, made)
    assert digest(journal_path) == before
    assert list_backups(journal_path) == backups  # refused before the safety copy
    assert not journal_path.with_name(journal_path.name + ".restoring").exists()


# -- 66-67: thinning and clocks -------------------------------------------------------------


def test_fault_66_a_clock_running_ahead_never_thins_away_todays_backups(
    journal: Journal,
) -> None:
    today = datetime.now().replace(microsecond=0)
    _note(journal)
    made = [backup_now(journal, when=today - timedelta(hours=h)) for h in (5, 4, 3)]
    risky = backup_before(journal, "import")
    ahead = datetime(2031, 6, 1, 12, 0)
    backup_now(journal, when=ahead)  # the clock jumped to 2031
    backup_now(journal, when=ahead + timedelta(minutes=30))  # and stayed there a while
    kept = {b.path for b in list_backups(journal.path)}
    assert risky in kept and set(made) <= kept


def test_fault_66_backups_before_risky_operations_are_never_thinned(tmp_path: Path) -> None:
    path = tmp_path / "j.sprintjournal"
    folder = backup_dir(path)
    folder.mkdir()
    now = datetime(2012, 6, 30, 12, 0)
    for days in range(1, 200):
        stamp = now - timedelta(days=days)
        reason = "before-import" if days % 50 == 0 else "auto"
        (folder / f"j-{stamp:%Y%m%d-%H%M%S}-{reason}.sprintjournal").write_bytes(b"")
    (folder / "j-before-v2-20120101-100000.sprintjournal").write_bytes(b"")
    from sprintjournal.backup import thin

    thin(path, now=now)
    reasons = [b.reason for b in list_backups(path)]
    assert reasons.count("before-import") == 3 and "before-v2" in reasons


def test_fault_67_a_backup_dated_in_the_future_is_not_preselected(journal: Journal) -> None:
    _note(journal)
    backup_now(journal, when=datetime(2031, 1, 1))
    newest = backup_now(journal)
    listed = list_backups(journal.path)
    assert listed[0].path == newest and listed[-1].from_future
    assert not listed[0].from_future


# -- 68: the report and the sprint's fields are changes too ---------------------------------


@pytest.mark.parametrize(
    "edit",
    [
        lambda j: j.save_report(1, text="# Gothenburg sprint report"),
        lambda j: j.update_sprint(1, description="Winter sprint, 2011"),
        lambda j: j.update_sprint(1, blog_tags=["pypy", "sprint"]),
    ],
    ids=["report", "sprint-field", "sprint-tags"],
)
def test_fault_68_editing_only_the_report_or_the_sprint_gets_a_backup(
    journal_path: Path, edit: object
) -> None:
    with Journal(journal_path) as j:
        _note(j)
    assert len(list_backups(journal_path)) == 1
    with Journal(journal_path) as j:
        edit(j)  # type: ignore[operator]
        assert j.generation == 1
    newest = list_backups(journal_path)
    assert len(newest) == 2 and newest[0].reason == "on-close"


# -- 69: a backup costs what changed --------------------------------------------------------


def test_fault_69_a_backup_with_no_photo_changed_stores_no_photo_again(
    journal_path: Path,
) -> None:
    _journal_with_photos(journal_path, 3)
    size = journal_path.stat().st_size
    with Journal(journal_path) as j:
        first = backup_now(j)
        objects = _objects(journal_path)
        stamps = [p.stat().st_mtime_ns for p in objects]
        _note(j, "one more note")
        second = backup_now(j)
    assert len(objects) == 3 and _objects(journal_path) == objects
    assert [p.stat().st_mtime_ns for p in objects] == stamps  # not written again
    assert second.stat().st_size < size / 2
    assert check_journal(first).ok and check_journal(second).ok
    assert backup_store.object_path(backup_dir(journal_path), objects[0].name).is_file()


def test_fault_69_each_backup_restores_and_checks_on_its_own(journal_path: Path) -> None:
    ids = _journal_with_photos(journal_path, 3)
    with Journal(journal_path) as j:
        original = {i: j.photo_bytes(i) for i in ids}
        backup_now(j)
        j.remove_photo(ids[0])
        second = backup_now(j)
    for info in list_backups(journal_path):
        if info.path != second:
            info.path.unlink()  # thinned away: the first photo is named by no backup now
    with Journal(journal_path) as j:
        backup_now(j)  # thinning collects unreferenced originals
    assert len(_objects(journal_path)) == 2
    restore(journal_path, second)
    with Journal(journal_path) as j:
        assert {p.id: j.photo_bytes(p.id) for p in j.list_photos(1)} == {
            i: original[i] for i in ids[1:]
        }
    assert check_journal(journal_path).ok
    bad = _objects(journal_path)[0]
    bad.chmod(0o644)
    bad.write_bytes(bad.read_bytes()[:-10] + b"0123456789")
    report = check_journal(second)
    assert not report.ok and "does not match its checksum" in report.problems[0]


# -- 70: `check` covers every piece of user text --------------------------------------------


def _journal_with_every_kind_of_text(path: Path) -> None:
    with Journal(path) as j:
        sprint_id = j.add_sprint("Gothenburg 2011", description="Winter sprint QQdescQQ").ids[0]
        j.add_branch(sprint_id, "jit-targets", ["Håkan Ardö"], goal="QQgoalQQ the 🎯 branch",
                     results=["QQresultQQ merged"])
        j.add_standup_item(sprint_id, date(2011, 11, 3), "today", "QQstandupQQ fix the GC",
                           ["Armin Rigo"])
        j.add_attendee(sprint_id, "Maciej Fijałkowski", accommodation="QQaccomQQ hotel")
        j.add_person("Antonio Cuni", email="QQmailQQ@example.org")
        j.add_photo(sprint_id, _jpeg(1, (64, 48)), "cake.jpg", caption="QQcaptionQQ cake")
        j.save_report(sprint_id, text="# QQreportQQ draft")


@pytest.mark.parametrize(
    ("marker", "item"),
    [
        (b"QQdescQQ", "sprint 1"),
        (b"QQgoalQQ", "branch 1"),
        (b"QQresultQQ", "branch 1"),
        (b"QQstandupQQ", "stand-up item 1"),
        (b"QQaccomQQ", "attendance 1"),
        (b"QQmailQQ", "person"),
        (b"QQcaptionQQ", "photo 1"),
        (b"QQreportQQ", "report 1"),
    ],
)
def test_fault_70_check_finds_bytes_changed_in_any_user_text(
    journal_path: Path, marker: bytes, item: str
) -> None:
    _journal_with_every_kind_of_text(journal_path)
    assert check_journal(journal_path).ok
    _flip_in_value(journal_path, marker)
    before = digest(journal_path)
    report = check_journal(journal_path)
    assert not report.ok, report.summary()
    assert any(p.startswith(item) and "checksum" in p for p in report.problems), report.problems
    assert "integrity_check" not in " ".join(report.problems)
    assert digest(journal_path) == before
    code = cli.main(["--journal", str(journal_path), "check"])
    assert code == 1


def test_fault_70_every_edit_keeps_the_checksums_right(journal_path: Path) -> None:
    _journal_with_every_kind_of_text(journal_path)
    with Journal(journal_path) as j:
        j.update_branch(1, goal="a new goal", results=["one", "two"])
        j.update_sprint(1, blog_tags=["pypy"], venue=None)
        j.update_attendee(1, diet="vegan", notes=None)
        j.update_photo(1, caption="", alt="a cake")
        j.save_report(1, title="Gothenburg", text=None)
        j.remove_standup_item(1)
        j.remove_person(j.find_person("Antonio Cuni").id)  # type: ignore[union-attr]
    report = check_journal(journal_path)
    assert report.ok, report.summary()
    assert report.texts_checked >= 6


# -- 71: the journal's file deleted, moved or replaced while open ---------------------------


def _lose(path: Path, how: str, tmp_path: Path) -> None:
    if how == "deleted":
        path.unlink()
    elif how == "moved":
        path.rename(tmp_path / "moved-away.sprintjournal")
    else:  # replaced: another journal copied over it, as a sync tool would
        other = tmp_path / "other.sprintjournal"
        with Journal(other) as j:
            _note(j, "the other file")
        shutil.copyfile(other, tmp_path / "incoming")
        (tmp_path / "incoming").replace(path)


@pytest.mark.parametrize("how", ["deleted", "moved", "replaced"])
def test_fault_71_a_journal_lost_while_open_refuses_saves_and_saves_back(
    journal_path: Path, tmp_path: Path, how: str
) -> None:
    j = Journal(journal_path)
    try:
        note = _note(j, "written before")
        _lose(journal_path, how, tmp_path)
        assert j.file_problem() is not None
        with pytest.raises(JournalFileLostError, match=r"was (deleted|replaced).*not saved"):
            j.set_note_text(note, "typed after the file went")
        assert j.get_note(note).text == "written before"  # the session still reads its file
        aside = j.relocate(journal_path)  # "save back to its place"
        assert j.file_problem() is None
        j.set_note_text(note, "typed after the file went")
    finally:
        j.close()
    assert _notes(journal_path) == ["typed after the file went"]
    assert check_journal(journal_path).ok
    if how == "replaced":
        assert aside is not None and _notes(aside) == ["the other file"]  # kept, not overwritten
    else:
        assert aside is None


def test_fault_71_a_lost_journal_can_be_saved_elsewhere_and_is_backed_up_on_close(
    journal_path: Path, tmp_path: Path
) -> None:
    with Journal(journal_path) as j:
        note = _note(j, "first")
    j = Journal(journal_path)
    j.set_note_text(note, "second")
    journal_path.unlink()
    elsewhere = tmp_path / "rescued" / "journal.sprintjournal"
    with pytest.raises(JournalLockedError):
        Journal(journal_path)  # (a new file there would be a second journal; refused while open)
    j.relocate(elsewhere)
    j.set_note_text(note, "third")
    assert j.path == elsewhere
    j.close()
    assert _notes(elsewhere) == ["third"]
    lost = Journal(tmp_path / "l.sprintjournal")
    lost_note = _note(lost, "kept by the close backup")
    (tmp_path / "l.sprintjournal").unlink()
    lost.close()
    (newest,) = [b for b in list_backups(tmp_path / "l.sprintjournal") if b.reason == "lost-file"]
    assert _notes(newest.path) == ["kept by the close backup"] and lost_note == 1


# -- 72: a JSON import of photos holds one photo at a time, and says how far it is ----------


def _export_with_photos(tmp_path: Path, count: int) -> Path:
    source = tmp_path / "source.sprintjournal"
    with Journal(source) as j:
        sprint_id = j.add_sprint("Gothenburg 2011").ids[0]
        for i in range(count):
            j.add_photo(sprint_id, _jpeg(i, (1600, 1200)), f"photo-{i}.jpg", caption=f"#{i}")
        return j.export_json(tmp_path / "export")


def test_fault_72_a_json_import_reads_its_photos_one_at_a_time(tmp_path: Path) -> None:
    import tracemalloc

    exported = _export_with_photos(tmp_path, 8)
    sizes = [p.stat().st_size for p in exported.parent.rglob("*.jpg")]
    assert len(sizes) == 8 and sum(sizes) > 8 * 400_000
    seen: list[tuple[int, int]] = []
    target = tmp_path / "target.sprintjournal"
    with Journal(target) as j:
        tracemalloc.start()
        try:
            doc, photos = json_io.read_export(exported, lambda d, t: seen.append((d, t)))
            kept, _peak = tracemalloc.get_traced_memory()  # what the checked import holds
            tracemalloc.reset_peak()
            j.import_document(doc, photos)
            _now, peak = tracemalloc.get_traced_memory()  # the most it held while writing
        finally:
            tracemalloc.stop()
        assert len(j.list_photos(j.list_sprints()[0].id)) == 8
    # every original in memory at once would be sum(sizes); one at a time is a few of them
    assert kept < sum(sizes) / 4, (kept, sum(sizes))
    assert peak - kept < sum(sizes) / 2, (peak, kept, sum(sizes))
    assert seen[-1] == (16, 16) and [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert check_journal(target).ok


def test_fault_72_a_photo_changed_during_the_import_rolls_it_back(tmp_path: Path) -> None:
    exported = _export_with_photos(tmp_path, 3)
    victim = sorted(exported.parent.rglob("*.jpg"))[1]

    def meddle(done: int, total: int) -> None:
        if done == total // 2:  # all checked, none written yet
            victim.write_bytes(_jpeg(99, (1600, 1200)))

    target = tmp_path / "target.sprintjournal"
    with Journal(target) as j:
        with pytest.raises(ImportFailedError) as caught:
            j.import_json(exported, meddle)
        assert "changed while it was imported" in str(caught.value.problems)
        assert j.list_sprints() == []


def test_fault_69_a_backup_opened_as_a_journal_says_to_restore_it(journal_path: Path) -> None:
    _journal_with_photos(journal_path, 1)
    with Journal(journal_path) as j:
        made = backup_now(j)
    before = digest(made)
    with pytest.raises(NotAJournalError, match=r"is a backup .* restore it"):
        Journal(made)
    with Journal(made, readonly=True) as j:  # reading it (its text) stays possible
        assert [s.title for s in j.list_sprints()] == ["Leysin 2011"]
    assert digest(made) == before


def test_fault_69_an_unreadable_backup_keeps_every_original(journal_path: Path) -> None:
    _journal_with_photos(journal_path, 2)
    with Journal(journal_path) as j:
        made = backup_now(j)
        data = bytearray(made.read_bytes())
        data[100:4096] = b"\xff" * (4096 - 100)  # its schema page scribbled over
        made.write_bytes(bytes(data))
        for info in list_backups(journal_path):
            if info.path != made:
                info.path.unlink()
        j.remove_photo(1)
        j.remove_photo(2)
        backup_now(j)  # names no original; the damaged one cannot say what it names
    assert len(_objects(journal_path)) == 2
