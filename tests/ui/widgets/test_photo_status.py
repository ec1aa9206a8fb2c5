"""The strip under the photo grid: progress with Cancel while a drop is imported, and every
problem listed by file (the last six, with a count of the earlier ones) until dismissed."""

from factories import jpeg_bytes
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from shell_data import Gothenburg
from sprintjournal_ui.store import JournalStore
from sprintjournal_ui.widgets.photo_status import PhotoStatusBar
from sprintjournal_ui.workers.photo_import import PhotoImporter, PhotoSource, PreparedPhoto

from sprintjournal.changes import Change


def strip(qtbot: QtBot, store: JournalStore) -> tuple[PhotoStatusBar, PhotoImporter]:
    def write(photo: PreparedPhoto) -> Change:
        src = photo.source
        assert src.writer is not None
        return src.writer.add_photo(src.sprint_id, photo.data, src.name, day=photo.day,
                                    prepared=photo.prepared)

    importer = PhotoImporter(write)
    bar = PhotoStatusBar(importer)
    importer.setParent(bar)
    qtbot.addWidget(bar)
    bar.resize(600, 120)
    bar.show()
    qtbot.waitExposed(bar)
    return bar, importer


def test_at_rest_only_the_tip_shows(qtbot: QtBot, store: JournalStore) -> None:
    bar, _importer = strip(qtbot, store)
    assert bar.tip.isVisible()
    assert not bar.progress_row.isVisible() and not bar.error_row.isVisible()


def test_a_drop_shows_its_progress_then_a_bad_file_by_name(
        qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg) -> None:
    bar, importer = strip(qtbot, store)
    writer = store.background_writer()
    seen: list[tuple[bool, int, int, str]] = []
    importer.progress.connect(lambda done, total: seen.append(
        (bar.progress_row.isVisible(), bar.progress.value(), bar.progress.maximum(),
         bar.progress.text())))
    with qtbot.waitSignal(importer.finished, timeout=60_000):
        importer.add([PhotoSource("cake.jpg", gothenburg.sprint_id, data=jpeg_bytes(),
                                  writer=writer),
                      PhotoSource("notes.jpg", gothenburg.sprint_id, data=b"plain text",
                                  writer=writer)])
    assert seen[0] == (True, 0, 2, "Importing photo 0 of 2")
    assert seen[-1][1:3] == (2, 2)
    assert not bar.progress_row.isVisible()
    assert bar.error_row.isVisible() and not bar.tip.isVisible()
    assert len(bar.messages()) == 1 and bar.messages()[0].startswith("notes.jpg")
    assert bar.errors.text() == bar.messages()[0]


def test_cancel_stops_the_import_and_hides_the_progress(
        qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg) -> None:
    bar, importer = strip(qtbot, store)
    writer = store.background_writer()
    importer.add([PhotoSource(f"p{i}.jpg", gothenburg.sprint_id, data=jpeg_bytes(),
                              writer=writer) for i in range(4)])
    assert bar.progress_row.isVisible()
    with qtbot.waitSignal(importer.finished):
        qtbot.mouseClick(bar.cancel, Qt.MouseButton.LeftButton)
    assert not bar.progress_row.isVisible() and bar.tip.isVisible()
    assert not importer.busy


def test_many_problems_show_the_last_six_and_dismiss_clears_them(
        qtbot: QtBot, store: JournalStore) -> None:
    bar, _importer = strip(qtbot, store)
    bar.show_errors([f"IMG_{n:04}.jpg: not an image" for n in range(1, 9)])
    lines = bar.errors.text().splitlines()
    assert lines[0] == "…and 2 earlier problem(s)"
    assert lines[1:] == [f"IMG_{n:04}.jpg: not an image" for n in range(3, 9)]
    assert len(bar.messages()) == 8
    qtbot.mouseClick(bar.dismiss, Qt.MouseButton.LeftButton)
    assert bar.messages() == [] and bar.errors.text() == ""
    assert not bar.error_row.isVisible() and bar.tip.isVisible()
