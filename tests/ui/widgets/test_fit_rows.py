"""Rows fitted to their wrapped text once the table is on screen: a table in a background tab
keeps plain rows (nothing measured), and its first paint shows them fitted, following later
edits from then on."""

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView, QTabWidget
from pytestqt.qtbot import QtBot
from sprintjournal_ui.widgets.fit_rows import FitRowsWhenShown

LONG = "a goal long enough to wrap over several lines in a column this narrow " * 3


def wrapping_table() -> tuple[QTableView, QStandardItemModel, FitRowsWhenShown]:
    model = QStandardItemModel(0, 1)
    for text in ("short", LONG):
        model.appendRow(QStandardItem(text))
    table = QTableView()
    model.setParent(table)
    table.setModel(model)
    table.setWordWrap(True)
    table.setColumnWidth(0, 120)
    return table, model, FitRowsWhenShown(table)


def test_a_background_tab_measures_nothing_until_it_is_raised(qtbot: QtBot) -> None:
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    front = QTableView()
    table, _model, fit = wrapping_table()
    tabs.addTab(front, "Front")
    tabs.addTab(table, "Behind")
    tabs.resize(400, 400)
    tabs.show()
    qtbot.waitExposed(tabs)
    plain = table.verticalHeader().defaultSectionSize()
    qtbot.wait(50)
    assert not fit.fitting
    assert table.rowHeight(1) == plain
    tabs.setCurrentWidget(table)
    qtbot.waitUntil(lambda: fit.fitting)
    assert table.rowHeight(1) > 2 * plain, "the long text's row shows its wrapped lines"
    assert table.rowHeight(0) < table.rowHeight(1)


def test_rows_follow_their_text_after_the_first_paint(qtbot: QtBot) -> None:
    table, model, fit = wrapping_table()
    qtbot.addWidget(table)
    table.resize(300, 500)
    table.show()
    qtbot.waitExposed(table)
    qtbot.waitUntil(lambda: fit.fitting)
    short = table.rowHeight(0)
    model.item(0).setText(LONG)
    qtbot.waitUntil(lambda: table.rowHeight(0) > 2 * short)
