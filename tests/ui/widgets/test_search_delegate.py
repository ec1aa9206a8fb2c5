"""SnippetDelegate: a search hit drawn as wrapped plain text with the kind and the matched words
in bold (one QTextLayout per row, never parsed as markup), sized to the list's width, in the
selection's colours when selected."""

import math
from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSize
from PySide6.QtGui import QColor, QFont, QImage, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QListView, QStyleOptionViewItem
from pytestqt.qtbot import QtBot
from sprintjournal_ui.models.search_model import Spans, SpansRole
from sprintjournal_ui.panels.search import SearchPanel
from sprintjournal_ui.store import JournalStore
from sprintjournal_ui.widgets.search_delegate import (
    H_PADDING,
    V_PADDING,
    SnippetDelegate,
    wrap,
)

from sprintjournal.records import SearchHit

TEXT = "Note — the tracing JIT unrolls the loop once and then specialises the rest of it"
BOLD = ((0, 4), (11, 11))  # "Note", "tracing JIT"


def test_wrap_makes_the_marked_ranges_bold(qapp: object) -> None:
    layout, _height = wrap(Spans(TEXT, BOLD), QFont(), 2000)
    formats = [(r.start, r.length, r.format.fontWeight()) for r in layout.formats()]
    assert formats == [(0, 4, QFont.Weight.Bold), (11, 11, QFont.Weight.Bold)]
    assert layout.text() == TEXT and layout.lineCount() == 1


def test_wrap_breaks_lines_at_the_width_and_sums_their_heights(qapp: object) -> None:
    wide, wide_height = wrap(Spans(TEXT, BOLD), QFont(), 2000)
    narrow, height = wrap(Spans(TEXT, BOLD), QFont(), 120)
    assert narrow.lineCount() > 2
    lines = [narrow.lineAt(n) for n in range(narrow.lineCount())]
    assert all(line.naturalTextWidth() <= 120 for line in lines)
    assert height == sum(line.height() for line in lines)
    assert [line.y() for line in lines] == sorted(line.y() for line in lines)
    assert height > wide_height == wide.lineAt(0).height()


def test_markup_in_the_text_stays_text(qapp: object) -> None:
    layout, _ = wrap(Spans("Note — <b>not bold</b> &amp;", ()), QFont(), 2000)
    assert layout.text() == "Note — <b>not bold</b> &amp;" and layout.formats() == []


def rows(*spans: Spans | str) -> QStandardItemModel:
    model = QStandardItemModel()
    for row in spans:
        item = QStandardItem(row if isinstance(row, str) else row.text)
        if isinstance(row, Spans):
            item.setData(row, SpansRole)
        model.appendRow(item)
    return model


def listed(qtbot: QtBot, model: QStandardItemModel, width: int) -> QListView:
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setItemDelegate(SnippetDelegate(view))
    view.resize(width, 300)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_a_row_is_as_wide_as_the_list_and_as_tall_as_its_lines(qtbot: QtBot) -> None:
    view = listed(qtbot, rows(Spans(TEXT, BOLD)), 320)
    delegate = view.itemDelegate()
    option = QStyleOptionViewItem()
    option.font = view.font()
    hint = delegate.sizeHint(option, view.model().index(0, 0))
    text_width = view.viewport().width() - 2 * H_PADDING
    _layout, height = wrap(Spans(TEXT, BOLD), view.font(), text_width)
    assert hint == QSize(text_width + 2 * H_PADDING, math.ceil(height) + 2 * V_PADDING)
    view.resize(60, 300)  # narrower than a readable line: wrapped at 120 px all the same
    qtbot.waitUntil(lambda: view.viewport().width() < 100)
    assert delegate.sizeHint(option, view.model().index(0, 0)).width() == 120 + 2 * H_PADDING


def test_a_row_without_spans_shows_its_text_plain(qtbot: QtBot) -> None:
    view = listed(qtbot, rows("Person — Armin Rigo"), 320)
    option = QStyleOptionViewItem()
    option.font = view.font()
    one_line = view.fontMetrics().lineSpacing()
    hint = view.itemDelegate().sizeHint(option, view.model().index(0, 0))
    assert one_line <= hint.height() - 2 * V_PADDING < 2 * one_line


def count(image: QImage, colour: QColor, top: int, bottom: int) -> int:
    return sum(1 for y in range(top, bottom) for x in range(image.width())
               if image.pixelColor(x, y).rgb() == colour.rgb())


def test_a_selected_row_is_drawn_in_the_selections_colours(qtbot: QtBot,
                                                           tmp_path: Path) -> None:
    view = listed(qtbot, rows(Spans(TEXT, BOLD), Spans("Branch — ffistruct", ((0, 6),))), 320)
    palette = view.palette()
    palette.setColor(QPalette.ColorRole.Text, QColor("#000000"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#3d7ad6"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    view.setPalette(palette)
    view.setFocus()
    view.selectionModel().select(view.model().index(0, 0),
                                 QItemSelectionModel.SelectionFlag.ClearAndSelect)
    image = view.viewport().grab().toImage()
    image.save(str(tmp_path / "search-rows.png"))
    first = view.visualRect(view.model().index(0, 0))
    second = view.visualRect(view.model().index(1, 0))
    assert first.height() > 2 * view.fontMetrics().lineSpacing()  # wrapped
    white, black = QColor("#ffffff"), QColor("#000000")
    assert count(image, white, first.top() + 2, first.bottom() - 2) > 50  # text on the blue
    assert count(image, black, first.top() + 2, first.bottom() - 2) == 0
    assert count(image, black, second.top() + 2, second.bottom() - 2) > 20


def test_hits_wrap_to_the_list_width_and_rewrap_when_it_changes(
    qtbot: QtBot, store: JournalStore
) -> None:
    panel = SearchPanel(store)
    qtbot.addWidget(panel)
    long = " ".join(["[unrolling] the loop of the tracing JIT"] * 4)
    thursday = date(2011, 11, 3)
    panel.model.set_hits([SearchHit("note", 1, 1, "[cake]", day=thursday),
                          SearchHit("note", 2, 1, long, day=thursday)])
    assert isinstance(panel.results.itemDelegate(), SnippetDelegate)
    panel.resize(500, 400)
    panel.show()
    qtbot.waitExposed(panel)

    def heights() -> list[int]:
        return [panel.results.visualRect(panel.model.index(r)).height() for r in range(2)]

    qtbot.waitUntil(lambda: heights()[0] > 0)
    line = panel.results.fontMetrics().lineSpacing()
    short, tall = heights()
    assert tall >= short + line, "a long snippet wraps onto several lines"
    panel.resize(250, 400)
    qtbot.waitUntil(lambda: heights()[1] >= tall + 2 * line)  # narrower: laid out again
    assert heights()[0] == short
    spans = panel.model.index(1).data(SpansRole)
    assert spans.text.startswith("Note · Thu 3 Nov — unrolling the loop")
    assert not panel.results.grab().isNull()  # every visible row painted through the delegate
