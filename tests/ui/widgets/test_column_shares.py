"""Column widths that follow the table's width: each share between its floor and its comfortable
width, the stretching column taking the rest, re-applied on every resize."""

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QTableView
from pytestqt.qtbot import QtBot
from sprintjournal_ui.widgets.column_shares import ColumnShares

SHARES = {0: (0.2, 80, 160), 2: (0.1, 60, 90)}


def shared_table(qtbot: QtBot, width: int) -> tuple[QTableView, ColumnShares]:
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(QStandardItemModel(3, 3, view))
    view.resize(width, 200)
    view.show()
    qtbot.waitExposed(view)
    return view, ColumnShares(view, 1, SHARES)


def test_narrow_tables_keep_each_columns_floor(qtbot: QtBot) -> None:
    view, _shares = shared_table(qtbot, 300)
    assert view.columnWidth(0) == max(80, int(view.viewport().width() * 0.2))
    assert view.columnWidth(2) == 60
    assert view.columnWidth(1) > 60  # the stretching column keeps the rest


def test_a_resize_re_applies_the_shares_up_to_their_most(qtbot: QtBot) -> None:
    view, _shares = shared_table(qtbot, 300)
    view.resize(600, 200)
    qtbot.waitUntil(lambda: view.columnWidth(0) == min(160, int(view.viewport().width() * 0.2)))
    assert view.columnWidth(2) == min(90, max(60, int(view.viewport().width() * 0.1)))
    view.resize(2000, 200)
    qtbot.waitUntil(lambda: view.columnWidth(0) == 160)
    assert view.columnWidth(2) == 90
    assert view.columnWidth(1) > 1000


def test_only_the_stretching_column_stretches(qtbot: QtBot) -> None:
    view, _shares = shared_table(qtbot, 500)
    header = view.horizontalHeader()
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Stretch
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Interactive
    assert header.sectionResizeMode(2) == QHeaderView.ResizeMode.Interactive
