"""The large view of a photo: decoded off the GUI thread, turned upright by its EXIF, no larger
than needed, scaled to the window; a photo that cannot be shown says so; Space closes it."""

import pytest
from factories import jpeg_bytes
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from sprintjournal_ui.store import JournalStore
from sprintjournal_ui.widgets.photo_viewer import PhotoViewer, decode_upright

from sprintjournal.errors import PhotoError
from sprintjournal.journal import Journal
from sprintjournal.records import PhotoRec


def marker_at_top_left(image: QImage) -> bool:
    """jpeg_bytes paints a blue marker into the top-left of the upright photo."""
    colour = image.pixelColor(2, 2)
    return colour.blue() > 150 and colour.red() < 80


@pytest.mark.parametrize("orientation", [None, 1, 6, 8, 3])
def test_a_photo_is_decoded_upright(orientation: int | None) -> None:
    image = decode_upright(jpeg_bytes(120, 80, orientation=orientation))
    turned = orientation in (6, 8)
    assert (image.width(), image.height()) == ((80, 120) if turned else (120, 80))
    if orientation in (None, 1):
        assert marker_at_top_left(image)


def test_a_big_photo_is_decoded_at_most_at_the_long_edge() -> None:
    image = decode_upright(jpeg_bytes(3000, 1500), max_edge=600)
    assert (image.width(), image.height()) == (600, 300)
    small = decode_upright(jpeg_bytes(300, 150), max_edge=600)
    assert (small.width(), small.height()) == (300, 150)  # never enlarged


def test_what_neither_qt_nor_pillow_can_read_is_refused_with_a_reason() -> None:
    with pytest.raises(PhotoError, match="not an image"):
        decode_upright(b"not a photo at all")


@pytest.fixture
def photo(journal: Journal, store: JournalStore, panel_sprint: int) -> PhotoRec:
    journal.add_photo(panel_sprint, jpeg_bytes(640, 480, orientation=6), "IMG_0042.jpg",
                      caption="The sprint room on Friday", alt="Six people at two tables")
    return store.list_photos(panel_sprint)[0]


def test_the_viewer_shows_the_photo_fitted_with_its_caption(
        qtbot: QtBot, store: JournalStore, photo: PhotoRec) -> None:
    viewer = PhotoViewer(photo, store.photo_bytes(photo.id))
    qtbot.addWidget(viewer)
    assert viewer.windowTitle() == "The sprint room on Friday"
    assert viewer.caption.text() == "The sprint room on Friday"
    assert viewer.picture.accessibleName() == "Six people at two tables"
    viewer.show()
    qtbot.waitUntil(lambda: viewer.image is not None, timeout=30_000)
    assert viewer.image is not None
    assert viewer.image.height() > viewer.image.width()  # portrait: EXIF orientation 6
    pixmap = viewer.picture.pixmap()
    assert not pixmap.isNull()
    area = viewer.picture.size()
    assert pixmap.width() <= area.width() and pixmap.height() <= area.height()
    assert area.height() - pixmap.height() <= 1 or area.width() - pixmap.width() <= 1

    viewer.resize(500, 400)
    qtbot.waitUntil(lambda: viewer.picture.pixmap().height() <= viewer.picture.height())
    assert viewer.picture.pixmap().height() < pixmap.height()  # refitted to the smaller window


def test_a_photo_that_cannot_be_shown_says_why(qtbot: QtBot, photo: PhotoRec) -> None:
    viewer = PhotoViewer(photo, b"a text file named .jpg")
    qtbot.addWidget(viewer)
    viewer.show()
    qtbot.waitUntil(lambda: viewer.picture.text() != "Loading…", timeout=30_000)
    assert "not an image" in viewer.picture.text()
    assert viewer.image is None


@pytest.mark.parametrize("key", [Qt.Key.Key_Space, Qt.Key.Key_Return])
def test_space_or_enter_closes_the_viewer(qtbot: QtBot, store: JournalStore, photo: PhotoRec,
                                          key: Qt.Key) -> None:
    viewer = PhotoViewer(photo, store.photo_bytes(photo.id))
    qtbot.addWidget(viewer)
    viewer.show()
    qtbot.waitExposed(viewer)
    with qtbot.waitSignal(viewer.accepted):
        qtbot.keyClick(viewer, key)
    assert not viewer.isVisible()


def test_without_a_caption_the_title_is_the_file_name(
        qtbot: QtBot, journal: Journal, store: JournalStore, panel_sprint: int) -> None:
    journal.add_photo(panel_sprint, jpeg_bytes(), "IMG_0007.jpg")
    rec = store.list_photos(panel_sprint)[0]
    viewer = PhotoViewer(rec, store.photo_bytes(rec.id))
    qtbot.addWidget(viewer)
    assert viewer.windowTitle() == "IMG_0007.jpg"
    assert viewer.picture.accessibleName() == "IMG_0007.jpg"
    qtbot.waitUntil(lambda: viewer.image is not None, timeout=30_000)
