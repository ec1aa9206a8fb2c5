"""Values drawn as coloured chips with text that reads on them, and edited with a combo box
whose choice is final at once (and writes nothing when it did not change)."""

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem, QTableView
from pytestqt.qtbot import QtBot
from sprintjournal_ui.models.record_model import ChipColorRole, ChoicesRole
from sprintjournal_ui.widgets.status_chip import ChipDelegate, text_colour_on

MERGED = QColor("#8e5cc0")
PLANNED = QColor("#e0e0e0")
CHOICES = [("planned", "planned"), ("in progress", "in progress"), ("merged", "merged")]


class Statuses(QStandardItemModel):
    """Records what the delegate writes back."""

    def __init__(self) -> None:
        super().__init__(0, 2)
        self.writes: list[Any] = []

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role == Qt.ItemDataRole.EditRole:
            self.writes.append(value)
        return super().setData(index, value, role)


def chip_row(model: Statuses, text: str, colour: QColor | None) -> None:
    item = QStandardItem(text)
    item.setData(text, Qt.ItemDataRole.EditRole)
    if colour is not None:
        item.setData(colour, ChipColorRole)
        item.setData(CHOICES, ChoicesRole)
    model.appendRow([item, QStandardItem("stm")])


@pytest.fixture
def table(qtbot: QtBot) -> QTableView:
    model = Statuses()
    chip_row(model, "merged", MERGED)
    chip_row(model, "planned", PLANNED)
    chip_row(model, "no chip", None)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setItemDelegateForColumn(0, ChipDelegate(view))
    view.setColumnWidth(0, 160)
    view.resize(400, 200)
    view.show()
    qtbot.waitExposed(view)
    return view


def cell_colours(view: QTableView, row: int) -> set[str]:
    image = view.viewport().grab().toImage()
    rect = view.visualRect(view.model().index(row, 0))
    return {image.pixelColor(x, y).name()
            for x in range(rect.left(), rect.right()) for y in range(rect.top(), rect.bottom())}


@pytest.mark.parametrize(("background", "text"), [
    ("#8e5cc0", "#ffffff"), ("#e0e0e0", "#000000"), ("#2e8b57", "#ffffff"),
    ("#ffd54f", "#000000"), ("#000000", "#ffffff"), ("#ffffff", "#000000"),
])
def test_the_text_colour_reads_on_the_chip(background: str, text: str) -> None:
    assert text_colour_on(QColor(background)).name() == text


def test_a_chip_is_painted_in_its_colour_with_readable_text(table: QTableView) -> None:
    merged = cell_colours(table, 0)
    assert MERGED.name() in merged and "#ffffff" in merged  # white text on purple
    planned = cell_colours(table, 1)
    assert PLANNED.name() in planned and MERGED.name() not in planned
    assert any(QColor(c).lightness() < 60 for c in planned)  # dark text on the light chip
    plain = cell_colours(table, 2)
    assert MERGED.name() not in plain and PLANNED.name() not in plain


def test_the_cell_is_wide_enough_for_the_chip(table: QTableView) -> None:
    delegate = table.itemDelegateForColumn(0)
    assert isinstance(delegate, ChipDelegate)
    index = table.model().index(0, 0)
    option = QStyleOptionViewItem()
    option.initFrom(table)
    hint = delegate.sizeHint(option, index)
    assert hint.width() >= option.fontMetrics.horizontalAdvance("merged") + 16
    assert hint.height() >= option.fontMetrics.height() + 6


def open_editor(qtbot: QtBot, table: QTableView, row: int) -> QComboBox:
    index = table.model().index(row, 0)
    table.setCurrentIndex(index)
    table.edit(index)
    qtbot.waitUntil(lambda: isinstance(table.indexWidget(index), QComboBox)
                    or bool(table.viewport().findChildren(QComboBox)))
    return table.viewport().findChildren(QComboBox)[0]


def test_the_editor_offers_the_choices_at_the_current_value(
        qtbot: QtBot, table: QTableView) -> None:
    combo = open_editor(qtbot, table, 0)
    assert [combo.itemText(n) for n in range(combo.count())] == [c[0] for c in CHOICES]
    assert combo.currentText() == "merged"
    assert combo.accessibleName() == "Choose a value"


def test_a_choice_is_written_at_once_and_the_editor_closes(
        qtbot: QtBot, table: QTableView) -> None:
    model = table.model()
    assert isinstance(model, Statuses)
    combo = open_editor(qtbot, table, 1)
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    assert model.writes == ["in progress"]
    qtbot.waitUntil(lambda: not table.viewport().findChildren(QComboBox)
                    or not table.viewport().findChildren(QComboBox)[0].isVisible())


def test_choosing_the_same_value_writes_nothing(qtbot: QtBot, table: QTableView) -> None:
    model = table.model()
    assert isinstance(model, Statuses)
    combo = open_editor(qtbot, table, 0)
    combo.activated.emit(combo.currentIndex())
    assert model.writes == []


def test_a_cell_without_choices_is_edited_as_text(qtbot: QtBot, table: QTableView) -> None:
    index = table.model().index(2, 0)
    table.setCurrentIndex(index)
    table.edit(index)
    assert table.viewport().findChildren(QComboBox) == []
    assert table.state() == QTableView.State.EditingState  # in the default line edit
