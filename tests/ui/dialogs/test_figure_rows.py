"""A branch's figures as rows of what / value / compared with: typed, removed, read back as
typed, and a row without its value refused with a message and the focus on the gap."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot
from shell_data import show_active
from sprintjournal_ui.dialogs.figure_rows import FigureRows

from sprintjournal.records import FigureRec

FFI = FigureRec("field access", "about 400 times faster", "ctypes")


def shown(qtbot: QtBot, rows: FigureRows) -> FigureRows:
    qtbot.addWidget(rows)
    rows.resize(600, 200)
    show_active(qtbot, rows)
    return rows


def remove_buttons(rows: FigureRows) -> list[QToolButton]:
    return [b for b in rows.findChildren(QToolButton) if b.text() == "−"]


def test_given_figures_fill_one_row_each(qtbot: QtBot) -> None:
    rows = FigureRows([FFI, FigureRec("startup", "2x", "")])
    qtbot.addWidget(rows)
    assert [tuple(f.text() for f in row) for row in rows.rows] == [
        ("field access", "about 400 times faster", "ctypes"), ("startup", "2x", "")]
    assert rows.figures() == [FFI, FigureRec("startup", "2x", "")]
    assert rows.rows[1][2].accessibleName() == "Figure 2: compared with"
    assert rows.check()


def test_add_figure_appends_a_row_with_the_focus_in_it(qtbot: QtBot) -> None:
    rows = shown(qtbot, FigureRows([FFI]))
    qtbot.mouseClick(rows.add_button, Qt.MouseButton.LeftButton)
    assert len(rows.rows) == 2
    qtbot.waitUntil(rows.rows[1][0].hasFocus)
    qtbot.keyClicks(rows.rows[1][0], "  warm-up time ")
    qtbot.keyClick(rows.rows[1][0], Qt.Key.Key_Tab)
    qtbot.keyClicks(rows.rows[1][1], "halved")
    assert rows.figures() == [FFI, FigureRec("warm-up time", "halved", "")]


def test_empty_rows_are_left_out_and_not_refused(qtbot: QtBot) -> None:
    rows = FigureRows()
    qtbot.addWidget(rows)
    rows.add_row()
    rows.add_row().setText("   ")
    assert rows.figures() == []
    assert rows.check()


def test_the_minus_button_removes_its_own_row(qtbot: QtBot) -> None:
    second = FigureRec("jit warm-up", "3 s", "5 s")
    rows = shown(qtbot, FigureRows([FFI, second, FigureRec("gc pause", "1 ms", "")]))
    qtbot.mouseClick(remove_buttons(rows)[1], Qt.MouseButton.LeftButton)
    assert rows.figures() == [FFI, FigureRec("gc pause", "1 ms", "")]
    qtbot.waitUntil(lambda: len(remove_buttons(rows)) == 2)
    # named by where the rows stand now (a screen reader said "figure 3" for the second)
    assert [b.accessibleName() for b in remove_buttons(rows)] == [
        "Remove figure 1", "Remove figure 2"]
    assert rows.rows[1][0].accessibleName() == "Figure 2: what"
    qtbot.mouseClick(remove_buttons(rows)[1], Qt.MouseButton.LeftButton)
    assert rows.figures() == [FFI]


def test_a_figure_without_its_value_is_refused_with_the_focus_on_the_gap(
        qtbot: QtBot) -> None:
    rows = shown(qtbot, FigureRows([FFI]))
    rows.add_row().setText("memory")
    assert not rows.check()
    assert rows.error.isVisible() and rows.error.text() == "A figure needs its value."
    qtbot.waitUntil(rows.rows[1][1].hasFocus)

    qtbot.keyClicks(rows.rows[1][1], "-30%")
    assert rows.check()
    assert not rows.error.isVisible()


def test_a_value_alone_is_a_figure(qtbot: QtBot) -> None:
    rows = FigureRows()
    qtbot.addWidget(rows)
    rows.add_row()
    rows.rows[0][1].setText("10 GB less")
    assert rows.check()
    assert rows.figures() == [FigureRec("", "10 GB less", "")]
