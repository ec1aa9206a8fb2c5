"""FAULTS.md rows 18-25: files that are not what they claim, old and new versions, damage.

Every refused file is hashed before and after, and its folder listed: refusing must leave it
byte-for-byte untouched with nothing created beside it. Migrations start from the committed
fixtures of every released version (scripts/make_fixture.py) and compare the content table by
table.
"""

import shutil
import sqlite3
from pathlib import Path

import pytest
from fault_helpers import digest, dump, listing, other_programs_database, rebuilt

from sprintjournal import cli, db
from sprintjournal.backup import backup_now, list_backups, restore
from sprintjournal.check import check_journal
from sprintjournal.errors import (
    DamagedJournalError,
    MigrationFailedError,
    NewerJournalError,
    NotAJournalError,
)
from sprintjournal.journal import Journal

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
N = db.latest_version()
FIXTURE = FIXTURES / f"journal-v{N}.sprintjournal"
"""The fixture of the current version; test-only steps take it to N + 1."""
OLD_FIXTURES = [FIXTURES / f"journal-v{n}.sprintjournal" for n in range(1, N)]


def _copy(fixture: Path, tmp_path: Path) -> Path:
    path = tmp_path / "journal" / "gothenburg.sprintjournal"
    path.parent.mkdir()
    shutil.copyfile(fixture, path)
    return path


@pytest.fixture
def v1(tmp_path: Path) -> Path:
    """A copy of the current version's fixture (named for the first one, kept for history)."""
    return _copy(FIXTURE, tmp_path)


def refused(path: Path, error: type[Exception], *fragments: str) -> None:
    before, files = digest(path), listing(path.parent)
    with pytest.raises(error) as caught:
        Journal(path)
    assert digest(path) == before, "a refused file must be left byte-for-byte untouched"
    assert listing(path.parent) == files, "nothing may be created beside a refused file"
    for fragment in (str(path), *fragments):
        assert fragment in str(caught.value)


def _read_everything(path: Path) -> None:
    with Journal(path) as j:
        for sprint in j.list_sprints():
            j.list_notes(sprint.id), j.list_standup(sprint.id), j.list_branches(sprint.id)
            for photo in j.list_photos(sprint.id):
                j.photo_bytes(photo.id)


def test_fault_18_a_jpeg_renamed_to_sprintjournal(tmp_path: Path) -> None:
    path = tmp_path / "cake.sprintjournal"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 40 + b"\xff\xd9")
    refused(path, NotAJournalError, "not a SprintJournal file")


def test_fault_19_an_sqlite_file_of_another_program(tmp_path: Path) -> None:
    path = other_programs_database(tmp_path / "places.sprintjournal")
    refused(path, NotAJournalError, "another program")


def test_fault_20_a_journal_from_a_newer_version(v1: Path) -> None:
    conn = sqlite3.connect(v1)
    conn.execute(f"PRAGMA user_version={db.latest_version() + 7}")
    conn.close()
    refused(
        v1,
        NewerJournalError,
        f"journal version {db.latest_version() + 7}",
        f"reads up to {db.latest_version()}",
    )
    with pytest.raises(NewerJournalError):
        Journal(v1, readonly=True)


def test_every_version_has_a_fixture() -> None:
    names = [f"journal-v{n}.sprintjournal" for n in range(1, N + 1)]
    missing = [name for name in names if not (FIXTURES / name).exists()]
    assert not missing, "run scripts/make_fixture.py when a schema version lands"


def _content_is_intact(path: Path) -> None:
    with Journal(path) as j:
        november = next(s for s in j.list_sprints() if s.start and s.start.month == 11)
        assert any("🎯" in n.text and "\r\n" in n.text for n in j.list_notes(november.id))
        hits = j.search("combining", sprint_id=november.id)  # the index answers, scoped
        assert [(h.kind, h.sprint_id) for h in hits] == [("note", november.id)]
        assert all(h.sprint_id in (november.id, None) for h in j.search("jit", november.id))
        assert {h.kind for h in j.search("hakan", sprint_id=november.id)} >= {"person", "note"}
    assert check_journal(path).ok


def test_the_current_fixture_opens_with_its_content_intact(v1: Path) -> None:
    with Journal(v1) as j:
        assert j.schema_version() == N and j.migration_backup is None
    assert dump(v1) == dump(FIXTURE)
    _content_is_intact(v1)


@pytest.mark.parametrize("fixture", OLD_FIXTURES, ids=[p.stem for p in OLD_FIXTURES])
def test_an_old_fixture_is_migrated_with_its_content_intact(
    fixture: Path, tmp_path: Path
) -> None:
    path = _copy(fixture, tmp_path)
    with Journal(path) as j:
        assert j.schema_version() == N
        backup = j.migration_backup
    old, migrated = dump(fixture), dump(path)
    assert migrated.keys() == old.keys()
    for table, rows in old.items():  # columns a later version added come after the old ones
        assert [row[:len(was)] for row, was in zip(migrated[table], rows, strict=True)] == rows, (
            f"table {table}: the data is unchanged item by item")
    assert backup is not None and dump(rebuilt(backup, tmp_path)) == dump(fixture)
    _content_is_intact(path)


def test_version_3_columns_start_private_and_empty(tmp_path: Path) -> None:
    """Nothing in an older journal becomes public by upgrading it."""
    path = _copy(FIXTURES / "journal-v2.sprintjournal", tmp_path)
    with Journal(path) as j:
        for sprint in j.list_sprints():
            assert sprint.ordinal is None and sprint.ordinal_scope == ""
            assert all(not n.publish for n in j.list_notes(sprint.id))
            assert all(not i.publish for i in j.list_standup(sprint.id))
            assert all(not b.notes_publish and not b.figures for b in j.list_branches(sprint.id))


def _add_colour_table(conn: sqlite3.Connection) -> None:
    """A test-only version N + 1: a new table plus a change to existing rows' storage."""
    conn.execute("CREATE TABLE colour(id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
    conn.execute("INSERT INTO colour(name) VALUES ('sprint blue')")
    conn.execute("CREATE INDEX ix_note_sha ON note(sha256)")


def test_fault_21_an_older_journal_is_backed_up_migrated_and_identical(
    v1: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "MIGRATIONS", [*db.MIGRATIONS, _add_colour_table])
    original = dump(FIXTURE)
    with Journal(v1) as j:
        assert j.schema_version() == N + 1
        backup = j.migration_backup
    migrated = dump(v1)
    assert migrated.pop("colour") == [(1, "sprint blue")]
    for table, rows in original.items():  # item by item, table by table
        assert migrated[table] == rows, f"table {table} changed in the migration"
    assert migrated.keys() == original.keys()
    assert backup is not None and backup in [b.path for b in list_backups(v1)]
    # the pre-migration backup restores the old file, whole
    assert dump(rebuilt(backup, v1.parent)) == original
    report = check_journal(v1)
    assert report.ok, report.summary()
    assert report.notes_checked == 9 and report.photos_checked == 1  # the fixture's notes


def _half_then_fail(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TABLE half_done(x)")
    conn.execute("UPDATE note SET text = 'overwritten by a broken step'")
    raise ValueError("column 'colour' has no default")


def test_fault_22_a_migration_that_fails_half_way_is_rolled_back(
    v1: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "MIGRATIONS", [*db.MIGRATIONS, _half_then_fail])
    with pytest.raises(MigrationFailedError) as caught:
        Journal(v1)
    message = str(caught.value)
    for fragment in (
        f"from journal version {N} to {N + 1} failed",
        "has no default",
        "rolled back",
        f"still at version {N}",
        "backup",
    ):
        assert fragment in message
    assert dump(v1) == dump(FIXTURE)
    conn = sqlite3.connect(v1)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == N
    conn.close()
    monkeypatch.setattr(db, "MIGRATIONS", db.MIGRATIONS[:N])
    _read_everything(v1)  # the lock was released and the old version still opens


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 3 // 5])


def _scribble(path: Path) -> None:
    """Garbage over a page in the middle of the file, as a failing disk would leave it."""
    data = bytearray(path.read_bytes())
    start = _page_of(path, "note") or len(data) // 2  # a page every read passes through
    data[start : start + 3 * 1024] = bytes(range(256)) * 12
    path.write_bytes(bytes(data))


def _page_of(path: Path, table: str) -> int | None:
    """The file offset of the table's first page (the layout moves as the schema grows)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        row = conn.execute("SELECT min(pageno) FROM dbstat WHERE name = ?", (table,)).fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return None if row[0] is None else (int(row[0]) - 1) * int(size)


@pytest.mark.parametrize("damage", [_truncate, _scribble], ids=["truncated", "scribbled"])
def test_fault_23_a_damaged_journal_is_refused_kept_and_restorable(
    v1: Path, damage: object
) -> None:
    with Journal(v1) as j:
        good = backup_now(j)
    assert callable(damage)
    damage(v1)
    before = digest(v1)
    with pytest.raises(DamagedJournalError, match=r"damaged .*restore a backup"):
        _read_everything(v1)
    assert digest(v1) == before, "a damaged file is never repaired in place"
    report = check_journal(v1)
    assert not report.ok and digest(v1) == before
    latest = list_backups(v1)[0]
    assert latest.path == good
    aside = restore(v1, latest.path)
    assert aside != v1 and digest(aside) == before, "the damaged file is kept aside, whole"
    assert dump(v1) == dump(FIXTURE)
    _read_everything(v1)


def test_fault_24_bit_rot_inside_a_note_is_flagged_by_check(v1: Path) -> None:
    data = v1.read_bytes()
    marker = "jit-targets 🎯".encode()
    assert marker in data
    v1.write_bytes(data.replace(marker, "jit-tarGets 🎯".encode()))
    before = digest(v1)
    with Journal(v1, readonly=True) as j:  # SQLite itself cannot see this kind of damage
        assert j.list_sprints()
    report = check_journal(v1)
    assert not report.ok
    assert any(p.startswith("note ") and "checksum" in p for p in report.problems), report.problems
    assert "integrity_check" not in " ".join(report.problems)
    assert digest(v1) == before


def test_fault_25_an_empty_file_is_not_silently_initialised(tmp_path: Path) -> None:
    path = tmp_path / "journal.sprintjournal"
    path.touch()
    refused(path, NotAJournalError, "empty file (0 bytes)", "left untouched")
    assert path.stat().st_size == 0


@pytest.mark.parametrize("damage", [_scribble, _truncate], ids=["scribbled", "truncated"])
def test_fault_23_sprintjournal_check_reports_damage_and_leaves_the_file(
    v1: Path, damage: object, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command line users run: `sprintjournal check` reads only, and says what is wrong."""
    assert callable(damage)
    damage(v1)
    before, files = digest(v1), listing(v1.parent)
    assert cli.main(["--journal", str(v1), "check"]) == 1
    out = capsys.readouterr().out
    assert "problem:" in out and "problem(s) found" in out
    assert digest(v1) == before and listing(v1.parent) == files
