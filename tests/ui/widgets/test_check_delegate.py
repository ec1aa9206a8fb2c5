"""Check boxes in table cells framed in the placeholder-text colour, so an unchecked box shows
on every row of the dark scheme; cells without a check box are drawn as the style draws them."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot
from sprintjournal_ui.widgets.check_delegate import VisibleCheckDelegate

FRAME = QColor("#ff00ff")  # a placeholder colour no style would draw by itself


def table_with(qtbot: QtBot, delegate: bool) -> QTableView:
    model = QStandardItemModel(0, 2)
    for checked in (Qt.CheckState.Unchecked, Qt.CheckState.Checked):
        box = QStandardItem("")
        box.setCheckable(True)
        box.setCheckState(checked)
        model.appendRow([box, QStandardItem("Laura Creighton")])
    view = QTableView()
    qtbot.addWidget(view)
    dark = view.palette()
    for role, colour in ((QPalette.ColorRole.Base, "#202020"),
                         (QPalette.ColorRole.AlternateBase, "#2a2a2a"),
                         (QPalette.ColorRole.Window, "#202020"),
                         (QPalette.ColorRole.PlaceholderText, FRAME.name())):
        dark.setColor(role, QColor(colour))
    view.setPalette(dark)
    view.setModel(model)
    if delegate:
        view.setItemDelegate(VisibleCheckDelegate(view))
    view.resize(300, 120)
    view.show()
    qtbot.waitExposed(view)
    return view


def frame_pixels(view: QTableView, row: int, column: int) -> int:
    image = view.viewport().grab().toImage()
    rect = view.visualRect(view.model().index(row, column))
    return sum(image.pixelColor(x, y) == FRAME
               for x in range(rect.left(), rect.right()) for y in range(rect.top(), rect.bottom()))


def test_each_check_box_is_framed_in_the_placeholder_colour(qtbot: QtBot) -> None:
    view = table_with(qtbot, delegate=True)
    assert frame_pixels(view, 0, 0) >= 20  # unchecked: the frame is what makes it visible
    assert frame_pixels(view, 1, 0) >= 20
    assert frame_pixels(view, 0, 1) == 0  # a text cell is left alone


def test_without_the_delegate_there_is_no_such_frame(qtbot: QtBot) -> None:
    """The control: the style alone does not draw the frame this delegate adds."""
    view = table_with(qtbot, delegate=False)
    assert frame_pixels(view, 0, 0) == 0
