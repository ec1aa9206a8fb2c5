"""The photo use cases of the Journal façade: add, edit, remove, each a Change, each persisted.

(Decoding, orientation and metadata stripping are tested in test_photos.py.)
"""

import hashlib
import io
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from sprintjournal.changes import Change
from sprintjournal.errors import NotFoundError, PhotoError, ValidationError
from sprintjournal.journal import Journal


def png(size: tuple[int, int] = (48, 32)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (10, 200, 90)).save(buffer, "PNG")
    return buffer.getvalue()


def rows(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = ("photo", "photo_data", "photo_person", "rendition")
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        conn.close()


@pytest.fixture
def sprint(journal: Journal) -> int:
    return journal.add_sprint("November", start=date(2011, 11, 2)).id


def test_add_photo_keeps_the_original_bytes(
    journal: Journal, journal_path: Path, sprint: int
) -> None:
    journal.add_person("Laura Creighton", aliases=["lac"])
    data = png()
    change = journal.add_photo(
        sprint,
        data,
        "cake.png",
        caption="Cake",
        alt="a cake",
        day=date(2011, 11, 6),
        people=["lac", "Mark Pearse"],
    )
    assert change == Change("photo", "added", (change.id,), sprint)
    with Journal(journal_path, readonly=True) as r:
        (photo,) = r.list_photos(sprint)
        assert r.photo_bytes(photo.id) == data
        assert r.photo_thumbnail(photo.id)
    assert (photo.filename, photo.mime, photo.width, photo.height) == (
        "cake.png",
        "image/png",
        48,
        32,
    )
    assert photo.byte_size == len(data) and photo.sha256 == hashlib.sha256(data).hexdigest()
    assert (photo.caption, photo.alt, photo.day) == ("Cake", "a cake", date(2011, 11, 6))
    assert [p.name for p in photo.people] == ["Laura Creighton", "Mark Pearse"]


def test_a_file_that_is_not_an_image_changes_nothing(
    journal: Journal, journal_path: Path, sprint: int
) -> None:
    with pytest.raises(PhotoError):
        journal.add_photo(sprint, b"%PDF-1.4 not a photo", "scan.jpg", people=["Armin Rigo"])
    assert rows(journal_path) == {"photo": 0, "photo_data": 0, "photo_person": 0, "rendition": 0}
    assert journal.list_people() == []


def test_update_photo(journal: Journal, journal_path: Path, sprint: int) -> None:
    pid = journal.add_photo(sprint, png(), "p.png", people=["Armin Rigo"]).id
    change = journal.update_photo(
        pid, caption="Armin at the board", alt=None, people=["Armin Rigo", "Anto"]
    )
    assert change == Change("photo", "updated", (pid,), sprint)
    with Journal(journal_path, readonly=True) as r:
        (photo,) = r.list_photos(sprint)
    assert photo.caption == "Armin at the board"
    assert [p.name for p in photo.people] == ["Armin Rigo", "Anto"]
    with pytest.raises(ValidationError, match="Unknown photo fields: width"):
        journal.update_photo(pid, width=10)
    assert journal.list_photos(sprint)[0].width == 48


def test_remove_photo_removes_its_bytes_and_renditions(
    journal: Journal, journal_path: Path, sprint: int
) -> None:
    pid = journal.add_photo(sprint, png((400, 300)), "p.png", people=["Armin Rigo"]).id
    made = journal.rendition(pid, long_edge=200)
    assert max(made.width, made.height) == 200
    assert journal.cached_rendition(pid, long_edge=200) == made
    assert rows(journal_path) == {"photo": 1, "photo_data": 1, "photo_person": 1, "rendition": 1}
    assert journal.remove_photo(pid) == Change("photo", "removed", (pid,), sprint)
    assert rows(journal_path) == {"photo": 0, "photo_data": 0, "photo_person": 0, "rendition": 0}
    assert [p.name for p in journal.list_people()] == ["Armin Rigo"]
    with pytest.raises(NotFoundError, match="No photo with id"):
        journal.remove_photo(pid)
