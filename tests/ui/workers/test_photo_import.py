"""Photos brought in off the GUI thread: written in the order given whatever order they finish
preparing in, a bad file named and the rest going on, progress counted per batch, a cancel
dropping what is not written yet."""

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from factories import jpeg_bytes, write_file
from PIL import Image
from PySide6.QtCore import QCoreApplication, QThreadPool
from pytestqt.qtbot import QtBot
from shell_data import Gothenburg
from sprintjournal_ui.store import JournalStore
from sprintjournal_ui.workers.photo_import import (
    PhotoImporter,
    PhotoSource,
    PreparedPhoto,
    load_and_prepare,
)

from sprintjournal.changes import Change

FRIDAY = date(2011, 11, 4)


def writer_of(store: JournalStore, written: list[str]) -> Any:
    def write(photo: PreparedPhoto) -> Change:
        src = photo.source
        assert src.writer is not None
        written.append(src.name)
        return src.writer.add_photo(src.sprint_id, photo.data, src.name, day=photo.day,
                                    prepared=photo.prepared)
    return write


def test_photos_are_written_in_the_order_given(
        qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg, tmp_path: Path) -> None:
    written: list[str] = []
    importer = PhotoImporter(writer_of(store, written))
    progress: list[tuple[int, int]] = []
    importer.progress.connect(lambda done, total: progress.append((done, total)))
    writer = store.background_writer()
    # the big one first: it takes longest to prepare, and still goes in first
    sources = [PhotoSource("big.jpg", gothenburg.sprint_id, FRIDAY,
                           path=write_file(tmp_path, "big.jpg", jpeg_bytes(2400, 1800)),
                           writer=writer)]
    sources += [PhotoSource(f"small-{i}.jpg", gothenburg.sprint_id, FRIDAY,
                            data=jpeg_bytes(40 + i, 30), writer=writer) for i in range(3)]
    with qtbot.waitSignal(importer.finished, timeout=60_000):
        importer.add(sources)
    assert written == ["big.jpg", "small-0.jpg", "small-1.jpg", "small-2.jpg"]
    assert [p.filename for p in store.list_photos(gothenburg.sprint_id)] == written
    assert progress[0] == (0, 4) and progress[-1] == (4, 4)
    assert [done for done, _ in progress] == sorted(done for done, _ in progress)
    assert not importer.busy


def test_a_bad_file_is_named_and_the_rest_go_on(
        qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg, tmp_path: Path) -> None:
    written: list[str] = []
    importer = PhotoImporter(writer_of(store, written))
    failures: list[str] = []
    importer.failed.connect(failures.append)
    added: list[tuple[str, object]] = []
    importer.added.connect(lambda photo, result: added.append((photo.source.name, result)))
    writer = store.background_writer()
    sources = [
        PhotoSource("notes.jpg", gothenburg.sprint_id, path=write_file(
            tmp_path, "notes.jpg", b"this is a text file, not a photo"), writer=writer),
        PhotoSource("gone.jpg", gothenburg.sprint_id, path=tmp_path / "gone.jpg", writer=writer),
        PhotoSource("cake.jpg", gothenburg.sprint_id, data=jpeg_bytes(), writer=writer),
    ]
    with qtbot.waitSignal(importer.finished, timeout=60_000):
        importer.add(sources)
    assert written == ["cake.jpg"]
    assert [name for name, _ in added] == ["cake.jpg"]
    assert isinstance(added[0][1], Change) and added[0][1].entity == "photo"
    assert len(failures) == 2
    assert failures[0].startswith("notes.jpg") and failures[1].startswith("gone.jpg")


def test_a_failed_write_is_reported_by_the_file_name(
        qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg) -> None:
    def refuse(photo: PreparedPhoto) -> None:
        raise RuntimeError("the journal is read-only")

    importer = PhotoImporter(refuse)
    with qtbot.waitSignal(importer.failed, timeout=60_000) as failed, \
            qtbot.waitSignal(importer.finished, timeout=60_000):
        importer.add([PhotoSource("cake.jpg", gothenburg.sprint_id, data=jpeg_bytes())])
    assert failed.args == ["cake.jpg: the journal is read-only"]


def test_the_camera_day_wins_over_the_selected_day(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x0132] = "2011:11:06 14:03:00"  # DateTime
    path = tmp_path / "sunday.jpg"
    Image.new("RGB", (32, 24), (10, 120, 30)).save(path, "JPEG", exif=exif.tobytes())
    taken = load_and_prepare(PhotoSource("sunday.jpg", 1, FRIDAY, path=path))
    assert taken.data == path.read_bytes()
    assert taken.day == date(2011, 11, 6)
    pasted = load_and_prepare(PhotoSource("pasted.png", 1, FRIDAY, data=jpeg_bytes()))
    assert pasted.day == FRIDAY


def test_cancel_drops_what_is_not_written_yet(
        qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg) -> None:
    written: list[str] = []
    importer = PhotoImporter(writer_of(store, written))
    writer = store.background_writer()
    sources = [PhotoSource(f"p{i}.jpg", gothenburg.sprint_id, data=jpeg_bytes(800, 600),
                           writer=writer) for i in range(6)]
    added: list[object] = []
    importer.added.connect(added.append)
    with qtbot.waitSignal(importer.finished, timeout=60_000):
        importer.add(sources)
        importer.cancel()  # before any photo was prepared: nothing is written
    assert not importer.busy
    QThreadPool.globalInstance().waitForDone(60_000)
    QCoreApplication.processEvents()  # the preparations that finish now are dropped
    assert written == [] and added == []
    assert store.list_photos(gothenburg.sprint_id) == []


@pytest.mark.parametrize(("name", "error", "expected"), [
    ("cake.jpg", ValueError("cake.jpg is not a photo"), "cake.jpg is not a photo"),
    ("cake.jpg", ValueError(), "cake.jpg: ValueError"),
])
def test_a_message_names_the_file_once(
        qtbot: QtBot, name: str, error: Exception, expected: str) -> None:
    def fail(_photo: PreparedPhoto) -> None:
        raise error

    importer = PhotoImporter(fail)
    with qtbot.waitSignal(importer.failed, timeout=60_000) as failed:
        importer.add([PhotoSource(name, 1, data=jpeg_bytes())])
    assert failed.args == [expected]
