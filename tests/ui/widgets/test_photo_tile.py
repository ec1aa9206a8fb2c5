"""A photo tile: the thumbnail centred in a fixed square, two lines of caption under it, and
the file name (dimmed, italic) where the caption is still missing."""

import pytest
from factories import jpeg_bytes
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPalette
from PySide6.QtWidgets import QListView, QStyleOptionViewItem
from pytestqt.qtbot import QtBot
from sprintjournal_ui.models.photos_model import ICON_SIZE, PhotosModel
from sprintjournal_ui.store import JournalStore
from sprintjournal_ui.widgets.photo_tile import CAPTION_LINES, PAD, PhotoTileDelegate, _wrap

from sprintjournal.journal import Journal

RED = (220, 30, 30)
MISSING = QColor("#ff00ff")  # the placeholder-text colour, unmistakable in a screenshot
TEXT = QColor("#0000ff")


@pytest.fixture
def grid(qtbot: QtBot, store: JournalStore, journal: Journal, panel_sprint: int) -> QListView:
    journal.add_photo(panel_sprint, jpeg_bytes(400, 200, colour=RED), "IMG_0001.jpg",
                      caption="Armin at the whiteboard")
    journal.add_photo(panel_sprint, jpeg_bytes(200, 400, colour=RED), "IMG_0002.jpg")
    model = PhotosModel(store)
    view = QListView()
    qtbot.addWidget(view)
    palette = view.palette()
    palette.setColor(QPalette.ColorRole.PlaceholderText, MISSING)
    palette.setColor(QPalette.ColorRole.Text, TEXT)
    view.setPalette(palette)
    view.setViewMode(QListView.ViewMode.IconMode)
    view.setItemDelegate(PhotoTileDelegate(view))
    view.setModel(model)
    with qtbot.waitSignal(model.thumbnails_loaded, timeout=30_000):
        model.set_sprint(panel_sprint)
    view.resize(520, 320)
    view.show()
    qtbot.waitExposed(view)
    return view


def tile(view: QListView, row: int) -> QImage:
    image = view.viewport().grab().toImage()
    return image.copy(view.visualRect(view.model().index(row, 0)))


def is_red(colour: QColor) -> bool:
    return colour.red() > 180 and colour.green() < 90 and colour.blue() < 90


def test_tiles_are_one_fixed_square_whatever_the_photo(grid: QListView) -> None:
    delegate = grid.itemDelegate()
    option = QStyleOptionViewItem()
    option.initFrom(grid)
    line = option.fontMetrics.lineSpacing()
    expected = QSize(ICON_SIZE.width() + 2 * PAD, ICON_SIZE.height() + 3 * PAD + 2 * line)
    for row in range(2):
        assert delegate.sizeHint(option, grid.model().index(row, 0)) == expected


def test_the_thumbnail_is_centred_and_the_caption_drawn_below(grid: QListView) -> None:
    landscape = tile(grid, 0)
    centre_x, box_top = landscape.width() // 2, PAD
    box_bottom = box_top + ICON_SIZE.height()
    # a 2:1 photo fills the square's width, centred vertically: red in the middle, not at the top
    assert is_red(landscape.pixelColor(centre_x, box_top + ICON_SIZE.height() // 2))
    assert not is_red(landscape.pixelColor(centre_x, box_top + 4))
    caption = {landscape.pixelColor(x, y).name() for x in range(landscape.width())
               for y in range(box_bottom, landscape.height())}
    assert any(QColor(c).blue() > 150 and QColor(c).red() < 100 for c in caption)  # text colour
    assert MISSING.name() not in caption
    # 1:2: fills the height, centred horizontally
    portrait = tile(grid, 1)
    assert is_red(portrait.pixelColor(portrait.width() // 2, box_top + ICON_SIZE.height() // 2))
    assert not is_red(portrait.pixelColor(PAD + 6, box_top + ICON_SIZE.height() // 2))


def test_a_photo_without_caption_shows_its_file_name_dimmed(grid: QListView) -> None:
    portrait = tile(grid, 1)
    caption = [portrait.pixelColor(x, y) for x in range(portrait.width())
               for y in range(PAD + ICON_SIZE.height(), portrait.height())]
    assert any(c.red() > 150 and c.blue() > 150 and c.green() < 100 for c in caption)
    assert grid.model().index(1, 0).data() == "IMG_0002.jpg"


def test_a_long_caption_wraps_to_two_lines_and_ends_elided() -> None:
    font = QFont()
    width = 150
    text = ("Carl Friedrich and Lukas explaining the new specialised tuples to Mark while "
            "Antonio benchmarks ffistruct against ctypes")
    lines = _wrap(text, font, width, CAPTION_LINES)
    assert len(lines) == CAPTION_LINES
    assert lines[0] and text.startswith(lines[0])
    assert lines[-1].endswith("…")
    metrics = QFontMetrics(font)
    assert all(metrics.horizontalAdvance(line) <= width for line in lines)
    assert _wrap("Sauna", font, width, CAPTION_LINES) == ["Sauna"]
    assert _wrap("", font, width, CAPTION_LINES) == [""]
