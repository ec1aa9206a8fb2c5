"""The Photos panel: drop, paste, bad files, upright portraits, edit, undo — against the file."""

import sqlite3
from datetime import date
from pathlib import Path

from factories import OFFSCREEN_NOISE, jpeg_bytes, write_file
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage, QUndoStack
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from shell_data import show_active
from sprintjournal_ui.dialogs.photo_dialog import PhotoDialog
from sprintjournal_ui.panels.photos import EMPTY_HINT, PhotosPanel
from sprintjournal_ui.store import JournalStore

from sprintjournal.journal import Journal

pytestmark = OFFSCREEN_NOISE


def make_panel(qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
               sprint_id: int | None) -> PhotosPanel:
    panel = PhotosPanel(store, undo_stack)
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    show_active(qtbot, panel)
    panel.set_sprint(sprint_id)
    panel.set_day(date(2011, 11, 6))
    return panel


def photos_in_file(path: Path) -> list[tuple[str, int, int, str | None]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT filename, width, height, day FROM photo ORDER BY position").fetchall()


def drop_files(panel: PhotosPanel, paths: list[Path]) -> None:
    """Drop on the grid as Qt does: to the nearest widget (upwards) that accepts drops."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    target: QWidget | None = panel.grid.viewport()
    while target is not None and not target.acceptDrops():
        target = target.parentWidget()
    assert target is not None
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, drop)
    assert drop.isAccepted()


def settled(panel: PhotosPanel, rows: int) -> bool:
    return (not panel.importer.busy and panel.model.rowCount() == rows
            and panel.model.pending() == 0)


def test_drop_mixed_files(qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
                          panel_sprint: int, journal_path: Path, tmp_path: Path) -> None:
    panel = make_panel(qtbot, store, undo_stack, panel_sprint)
    assert panel.hint.text() == EMPTY_HINT
    whole = jpeg_bytes(120, 80)
    files = [
        write_file(tmp_path, "whiteboard.jpg", whole),
        write_file(tmp_path, "notes.txt", b"STM: first transactional run\n"),
        write_file(tmp_path, "pairing.jpg", jpeg_bytes(120, 80, orientation=6)),
        write_file(tmp_path, "broken.jpg", whole[: len(whole) // 2]),
    ]
    drop_files(panel, files)
    qtbot.waitUntil(lambda: settled(panel, 2), timeout=10_000)

    # the portrait is stored as 120×80 pixels plus "turn me": the journal keeps it upright
    assert photos_in_file(journal_path) == [("whiteboard.jpg", 120, 80, "2011-11-06"),
                                            ("pairing.jpg", 80, 120, "2011-11-06")]
    messages = panel.status.messages()
    assert len(messages) == 2
    assert messages[0].startswith("notes.txt: not an image")
    assert messages[1].startswith("broken.jpg: photo file is incomplete")
    assert panel.status.error_row.isVisibleTo(panel)
    assert panel.pages.currentWidget() is panel.grid

    for row in range(2):
        assert panel.model.has_thumbnail(panel.model.record(row).id)
    portrait = panel.model.index(1, 0).data(Qt.ItemDataRole.DecorationRole)
    size = portrait.availableSizes()[0]
    assert size.height() > size.width()

    undo_stack.undo()
    assert [r[0] for r in photos_in_file(journal_path)] == ["whiteboard.jpg"]
    undo_stack.redo()
    assert [r[0] for r in photos_in_file(journal_path)] == ["whiteboard.jpg", "pairing.jpg"]


def test_large_view_is_upright(qtbot: QtBot, store: JournalStore,
                               undo_stack: QUndoStack, panel_sprint: int,
                               journal: Journal) -> None:
    journal.add_photo(panel_sprint, jpeg_bytes(300, 200, orientation=6), "portrait.jpg")
    panel = make_panel(qtbot, store, undo_stack, panel_sprint)
    qtbot.waitUntil(lambda: settled(panel, 1))
    viewer = panel.open_viewer(panel.model.record(0))
    assert viewer is not None
    qtbot.addWidget(viewer)
    qtbot.waitUntil(lambda: viewer.image is not None)
    assert viewer.image is not None
    assert (viewer.image.width(), viewer.image.height()) == (200, 300)
    # the blue marker drawn in the stored top-left corner ends up top-right once upright
    top_right = viewer.image.pixelColor(190, 10)
    assert top_right.blue() > 150 and top_right.red() < 100
    assert viewer.picture.pixmap() is not None and not viewer.picture.pixmap().isNull()


def test_paste_image_from_clipboard(qtbot: QtBot, store: JournalStore,
                                    undo_stack: QUndoStack, panel_sprint: int,
                                    journal_path: Path) -> None:
    panel = make_panel(qtbot, store, undo_stack, panel_sprint)
    image = QImage(64, 40, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkGreen)
    QGuiApplication.clipboard().setImage(image)
    assert panel.pages.currentWidget() is panel.hint  # no photos yet: pasting works there too
    panel.hint.setFocus()
    qtbot.keyClick(panel.hint, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: settled(panel, 1))
    [(name, width, height, _day)] = photos_in_file(journal_path)
    assert name.startswith("pasted-") and name.endswith(".png")
    assert (width, height) == (64, 40)


def test_edit_caption_alt_day_people(qtbot: QtBot, store: JournalStore,
                                     undo_stack: QUndoStack, panel_sprint: int,
                                     journal: Journal) -> None:
    journal.add_photo(panel_sprint, jpeg_bytes(), "cake.jpg")
    panel = make_panel(qtbot, store, undo_stack, panel_sprint)
    qtbot.waitUntil(lambda: settled(panel, 1))
    panel.select_item(panel.model.record(0).id)

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PhotoDialog)
        dialog.caption.setText("A cake: 5× faster than CPython")
        dialog.alt.setText("A round cake with candles")
        dialog.day.setCurrentIndex(dialog.day.findText("Sun 6 Nov 2011"))
        dialog.people.set_checked("Laura Creighton")
        dialog.ok_button.click()

    QTimer.singleShot(0, fill)
    panel.grid.setFocus()
    qtbot.keyClick(panel.grid, Qt.Key.Key_F2)
    [photo] = journal.list_photos(panel_sprint)
    assert photo.caption == "A cake: 5× faster than CPython"
    assert photo.alt == "A round cake with candles"
    assert photo.day == date(2011, 11, 6)
    assert [p.name for p in photo.people] == ["Laura Creighton"]
    assert panel.model.index(0, 0).data() == "A cake: 5× faster than CPython"
    undo_stack.undo()
    assert journal.list_photos(panel_sprint)[0].caption == ""


def test_remove_and_undo_keeps_the_original_bytes(
    qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
    panel_sprint: int, journal: Journal,
) -> None:
    data = jpeg_bytes(90, 60, orientation=8)
    journal.add_photo(panel_sprint, data, "turned.jpg", caption="Win64: the third 90%",
                      people=["Christian Tismer"])
    panel = make_panel(qtbot, store, undo_stack, panel_sprint)
    qtbot.waitUntil(lambda: settled(panel, 1))
    panel.select_item(panel.model.record(0).id)
    panel.grid.setFocus()
    qtbot.keyClick(panel.grid, Qt.Key.Key_Delete)
    assert journal.list_photos(panel_sprint) == []
    assert panel.pages.currentWidget() is panel.hint
    undo_stack.undo()
    [photo] = journal.list_photos(panel_sprint)
    assert journal.photo_bytes(photo.id) == data
    assert (photo.width, photo.height, photo.caption) == (60, 90, "Win64: the third 90%")
    assert [p.name for p in photo.people] == ["Christian Tismer"]
    qtbot.waitUntil(lambda: panel.model.has_thumbnail(photo.id))


def test_huge_file_is_refused_before_reading(qtbot: QtBot, store: JournalStore,
                                             undo_stack: QUndoStack, panel_sprint: int,
                                             journal_path: Path, tmp_path: Path) -> None:
    panel = make_panel(qtbot, store, undo_stack, panel_sprint)
    huge = tmp_path / "DSC_9999.jpg"
    with huge.open("wb") as handle:  # sparse: 300 MB on paper, nothing on disk
        handle.truncate(300 * 1024 * 1024)
    drop_files(panel, [huge, write_file(tmp_path, "ok.jpg", jpeg_bytes())])
    qtbot.waitUntil(lambda: settled(panel, 1))
    [message] = panel.status.messages()
    assert message.startswith("DSC_9999.jpg: photo file is too large (300.0 MB)")
    assert [r[0] for r in photos_in_file(journal_path)] == ["ok.jpg"]


def test_cancel_stops_the_rest_of_a_drop(qtbot: QtBot, store: JournalStore,
                                         undo_stack: QUndoStack, panel_sprint: int,
                                         journal_path: Path, tmp_path: Path) -> None:
    panel = make_panel(qtbot, store, undo_stack, panel_sprint)
    files = [write_file(tmp_path, f"IMG_{n}.jpg", jpeg_bytes(1600, 1200, colour=(n * 20, 90, 90)))
             for n in range(8)]
    drop_files(panel, files)
    assert panel.status.progress_row.isVisibleTo(panel)
    panel.status.cancel.click()
    qtbot.waitUntil(lambda: not panel.importer.busy)
    qtbot.wait(300)  # anything still decoding is dropped, not added late
    added = len(photos_in_file(journal_path))
    assert added < len(files)
    assert panel.model.rowCount() == added
    assert not panel.status.progress_row.isVisibleTo(panel)
    assert panel.status.messages() == []
