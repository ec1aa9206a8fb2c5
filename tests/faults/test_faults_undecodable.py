"""FAULTS 59: a stored photo that Pillow cannot decode at all (its bytes damaged on disk) never
fails the whole-journal JSON export: the rest is exported, that photo is left out (never copied
as it is, which could carry its location), and the user is told which one."""

import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from PIL import Image

from sprintjournal.journal import Journal

CLI = "import sys; from sprintjournal.cli import main; sys.exit(main(sys.argv[1:]))"
# A JPEG's start marker, then bytes no decoder reads, with a GPS-like string inside.
DAMAGED = b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00GPS 57.7N 11.9E" + b"\x00\x13" * 400


def _jpeg(colour: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def _journal_with_a_damaged_photo(path: Path) -> None:
    with Journal(path) as journal:
        sid = journal.add_sprint("Damaged photo").id
        journal.add_photo(sid, _jpeg("red"), "good.jpg", caption="kept")
        bad = journal.add_photo(sid, _jpeg("blue"), "rotten.jpg", caption="left out").id
    with sqlite3.connect(path) as db:  # bit rot: the stored original no longer decodes
        db.execute("UPDATE photo_data SET data = ? WHERE photo_id = ?", (DAMAGED, bad))


def _exported(folder: Path) -> dict[str, object]:
    doc = json.loads((folder / "journal.json").read_text(encoding="utf-8"))
    (sprint,) = doc["sprints"]
    return {p["caption"]: p["file"] for p in sprint["photos"]}


def test_fault_59_an_undecodable_photo_is_left_out_of_the_json_export(tmp_path: Path) -> None:
    path = tmp_path / "j.sprintjournal"
    _journal_with_a_damaged_photo(path)
    left_out: list[str] = []
    with Journal(path, readonly=True) as journal:
        out = journal.export_json(tmp_path / "json", left_out=left_out)
    photos = _exported(out.parent)
    assert list(photos) == ["kept"]  # the entry goes too: the export imports again
    files = [p for p in out.parent.rglob("*") if p.is_file() and p.suffix != ".json"]
    assert [p.name for p in files] == [Path(str(photos["kept"])).name]
    assert all(DAMAGED[:40] not in p.read_bytes() for p in files)
    (line,) = left_out
    assert "'rotten.jpg'" in line and "left out of the export" in line
    with Journal(tmp_path / "again.sprintjournal") as again:
        again.import_json(out)
        assert [p.caption for p in again.list_photos(1)] == ["kept"]


def test_fault_59_the_command_line_exports_the_rest_and_names_the_photo(tmp_path: Path) -> None:
    path = tmp_path / "j.sprintjournal"
    _journal_with_a_damaged_photo(path)
    done = subprocess.run(
        [sys.executable, "-c", CLI, "--journal", str(path), "export", "--out",
         str(tmp_path / "out")], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("journal.json")
    assert "Traceback" not in done.stderr
    assert "warning: photo 'rotten.jpg'" in done.stderr
    assert list(_exported(tmp_path / "out")) == ["kept"]
