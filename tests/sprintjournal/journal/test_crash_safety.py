"""Crash safety, proven by killing real processes (FAULTS.md rows 1-4).

Each kill is a fresh child process that opens the journal itself and works through the
`Journal` façade (see crash_child.py); most are forked from a zygote that has already paid for
the imports, a few are brand-new interpreters to show the fork changes nothing. After every kill
the journal is reopened and checked by crash_harness.verify: integrity_check, every acknowledged
change present with a matching checksum, no photo or import half there, `check_journal` clean.
"""

import hashlib
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from crash_child import MIGRATION_ROWS, export_text, slow_migration_step
from crash_harness import (
    CampaignStats,
    Expected,
    HarnessError,
    Zygote,
    kill_once,
    parallel_campaign,
    verify,
)
from PIL import Image

from sprintjournal import db
from sprintjournal.backup import backup_now, list_backups, verify_backup
from sprintjournal.demo_cake import make_demo_cake
from sprintjournal.journal import Journal
from sprintjournal.report.export import export_report

pytestmark = pytest.mark.slow

N = db.latest_version()
"""The test-only slow step takes the template from N to N + 1."""
NOTES = (
    "Antonio: ffistruct field access about 400× faster than ctypes",
    "Håkan Ardö: jit-targets",
    "Armin: STM 🧪",
    "Christian: Win64, the third 90%\r\n",
    "מימין לשמאל",
)


@pytest.fixture
def zygote() -> Iterator[Zygote]:
    z = Zygote()
    yield z
    z.close()


def _covered(stats: CampaignStats) -> bool:
    """Did the kills land where they must: inside saves, imports and the opening?"""
    return (
        stats.acks > 400
        and stats.in_flight.get("note", 0) >= 5
        and stats.in_flight.get("import-add", 0) >= 1
        and stats.before_open >= 1
    )


def test_fault_01_sigkill_during_note_saves(tmp_path: Path) -> None:
    """200 kills of children editing notes, stand-ups, photos and JSON imports: nothing lost.

    Each child is killed after a random number of its own TRY/ACK lines (up to 12) plus a random
    delay, so the work done between kills does not depend on the machine's load; where exactly
    the kills land still does, so batches of 50 more (at most 300) follow until every kind of
    moment has been hit.
    """
    stats = parallel_campaign(tmp_path, 200, workers=2, max_delay=0.2, max_lines=12)
    for batch in range(6):
        if _covered(stats):
            break
        folder = tmp_path / f"more-{batch}"
        folder.mkdir()
        stats.merge(parallel_campaign(folder, 50, workers=2, max_delay=0.2, max_lines=12))
    print(f"\ncrash campaign: {stats}")
    assert stats.kills >= 200
    assert stats.acks > 400, "the children should have saved many changes between kills"
    assert stats.in_flight.get("note", 0) >= 5, "some kills must land inside a note save"
    assert stats.in_flight.get("import-add", 0) >= 1, "some kills must land inside an import"
    assert stats.before_open >= 1, "some kills must land while the journal is being opened"


def test_fault_02_sigkill_during_photo_import(tmp_path: Path, zygote: Zygote) -> None:
    """Photo imports only: each photo is wholly there (row, bytes, checksum) or wholly absent.

    Kills come after a random number of the child's lines (and a random delay), until enough
    photos were acknowledged and enough kills landed inside an import: at least 18 kills, more
    on a loaded machine (at most 80)."""
    expected, in_flight = Expected(), 0
    journal = tmp_path / "photos.sprintjournal"
    for k in range(80):
        if k >= 18 and len(expected.items.get("photo", {})) >= 10 and in_flight >= 5:
            break
        result = kill_once(zygote, journal, 7000 + k, expected, max_delay=0.3, mix="photos",
                           max_lines=5)
        in_flight += result.in_flight is not None
    assert len(expected.items.get("photo", {})) >= 10
    assert in_flight >= 5, "some kills must land inside a photo import"


def test_a_spawned_interpreter_child_is_checked_the_same_way(tmp_path: Path) -> None:
    """A few children started from scratch (no zygote): the fork is not what keeps us safe."""
    expected = Expected()
    journal = tmp_path / "spawned.sprintjournal"
    for k in range(4):
        kill_once(None, journal, 9000 + k, expected, max_delay=1.6)
    assert expected.acks > 0


def _template(folder: Path) -> tuple[Path, dict[int, str]]:
    """A journal of the current version with notes, closed cleanly (no WAL), to copy per kill."""
    folder.mkdir()
    path = folder / "template.sprintjournal"
    with Journal(path) as j:
        sprint_id = j.add_sprint("Gothenburg 2011").ids[0]
        for text in NOTES * 6:
            j.add_note(sprint_id, None, text)
        notes = {n.id: n.sha256 for n in j.list_notes(sprint_id)}
    return path, notes


def _note_checksums(conn: sqlite3.Connection) -> dict[int, str]:
    rows = conn.execute("SELECT id, text FROM note")
    return {i: hashlib.sha256(t.encode("utf-8")).hexdigest() for i, t in rows}


def _state_after_kill(path: Path, notes: dict[int, str]) -> tuple[int, bool]:
    """The file is either the old version intact or the new one complete; returns (version,
    whether a pre-migration backup exists)."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert _note_checksums(conn) == notes
        if version == N + 1:
            assert conn.execute("SELECT count(*) FROM colour").fetchone()[0] == MIGRATION_ROWS
        else:
            assert version == N and "colour" not in tables
    finally:
        conn.close()
    backups = list_backups(path)
    for info in backups:
        verify_backup(info.path)
        assert info.reason == f"before-v{N + 1}"
    assert version == N or backups, "a migrated file must have its pre-migration backup"
    return version, bool(backups)


def test_fault_03_kill_during_a_schema_migration(
    tmp_path: Path, zygote: Zygote, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Kills from the child's start at widening delays, and kills aimed by the child's own lines:
    right into the step (after its STEP line) and after the commit (after MIGRATED), so both
    moments are hit however slowly a loaded machine runs the step."""
    template, notes = _template(tmp_path / "template")
    outcomes: list[tuple[int, bool]] = []
    for k in range(48):
        if k >= 16 and (N, True) in outcomes and (N + 1, True) in outcomes:
            break
        path = tmp_path / f"kill-{k}" / "journal.sprintjournal"
        path.parent.mkdir()
        shutil.copyfile(template, path)
        aim = (None, "STEP", "MIGRATED")[k % 3]
        delay = 0.01 + (k % 16) * 0.012 * (1 + k // 16) if aim is None else (k // 3 % 3) * 0.005
        zygote.run(path, k, "migrate", delay=delay, after=aim)
        outcomes.append(_state_after_kill(path, notes))
    assert (N, True) in outcomes, "some kills must land after the backup, inside the step"
    assert (N + 1, True) in outcomes, "some kills must land after the migration committed"
    monkeypatch.setattr(db, "MIGRATIONS", [*db.MIGRATIONS, slow_migration_step])
    with Journal(tmp_path / "kill-0" / "journal.sprintjournal") as j:
        assert j.schema_version() == N + 1
        assert {n.id: n.sha256 for n in j.list_notes(1)} == notes


def test_fault_04_kill_while_a_backup_is_written(tmp_path: Path, zygote: Zygote) -> None:
    template, _notes = _template(tmp_path / "template")
    with Journal(template) as j:
        j.add_note(1, None, "x" * 3_000_000)  # a backup then takes long enough to be cut
        earlier = [backup_now(j), backup_now(j)]
    hashes = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in earlier}
    partial_seen = 0
    for k in range(40):  # more kills on a loaded machine, until one cut a backup short
        if k >= 10 and partial_seen >= 1:
            break
        lines = zygote.run(template, k, "backup", delay=0.02 + (k % 10) * 0.01 * (1 + k // 10))
        assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in earlier} == hashes
        listed = list_backups(template)
        assert all(p in {i.path for i in listed} for p in earlier)
        for info in listed:
            verify_backup(info.path)  # no partial file looks like a valid backup
        partial_seen += any(p.name.endswith(".partial") for p in template.parent.glob("backups/*"))
        assert sum(line.startswith("ACK backup") for line in lines) <= len(listed)
    assert partial_seen >= 1, "some kills must land while a backup is being written"


def _export_is_whole(folder: Path) -> bool:
    """Every visible file is a complete export file; returns whether temporaries were left."""
    pages = list(folder.glob("*.html"))
    assert len(pages) == 1, pages
    page = pages[0].read_text(encoding="utf-8")
    assert page.rstrip().endswith("</html>"), "a page was cut short"
    assert page.count("export-version-") == 1
    images = [p for p in (folder / "images").iterdir() if not p.name.startswith(".")]
    assert images and all(f'images/{p.name}"' in page for p in images)
    for image in images:
        with Image.open(image) as decoded:
            decoded.load()  # raises on a truncated file
    return any(p.name.startswith(".") for p in folder.rglob("*"))


def test_fault_05_kill_during_an_export(tmp_path: Path, zygote: Zygote) -> None:
    path = tmp_path / "journal.sprintjournal"
    with Journal(path) as j:
        sprint_id = j.add_sprint("Gothenburg 2011").ids[0]
        j.add_photo(sprint_id, make_demo_cake(640, 480), "cake.jpg", caption="5× faster")
        j.save_report(sprint_id, text=export_text(0))
        export_report(j, sprint_id, "html-dir", tmp_path / "export")
    partial_seen, exported = 0, 0
    for k in range(32):  # half aimed at the moment the files are written, half anywhere
        if k >= 8 and exported >= 2 and partial_seen >= 1:
            break  # a loaded machine needs more (and later) kills to see both
        after = "WRITING" if k % 2 else None
        delay = (k % 8) * 0.002 if after else 0.6 + k * 0.15
        lines = zygote.run(path, k + 1, "export", delay=delay, after=after)
        exported += sum(line.startswith("ACK export") for line in lines)
        partial_seen += _export_is_whole(tmp_path / "export")
    assert exported >= 2, "the children should have finished some exports"
    assert partial_seen >= 1, "some kills must land while export files are being written"


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE note SET text = text || ' ' WHERE id = (SELECT max(id) FROM note)",
        "DELETE FROM photo_data WHERE photo_id = (SELECT max(photo_id) FROM photo_data)",
        "DELETE FROM standup_item WHERE id = (SELECT min(id) FROM standup_item)",
        "INSERT INTO note(sprint_id, text, sha256, position, created_at, updated_at) "
        "SELECT 1, 'ghost', '-', 0, created_at, updated_at FROM note LIMIT 1",
    ],
    ids=["changed-note", "half-photo", "lost-standup", "unacknowledged-note"],
)
def test_the_verifier_notices_a_broken_promise(tmp_path: Path, zygote: Zygote, damage: str) -> None:
    """The harness can fail: damage done behind its back after a kill is reported."""
    expected, journal = Expected(), tmp_path / "journal.sprintjournal"
    for k in range(120):  # until notes, photos and stand-up items have been acknowledged
        kill_once(zygote, journal, 500 + k, expected, max_delay=0.3, from_start=False,
                  max_lines=12)
        if {"note", "photo", "standup"} <= set(expected.items):
            break
    assert {"note", "photo", "standup"} <= set(expected.items)
    conn = sqlite3.connect(journal)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute(damage)
    conn.commit()
    conn.close()
    with pytest.raises(HarnessError):
        verify(journal, expected, None)
