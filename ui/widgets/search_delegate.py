"""Draws a search hit as `Kind — snippet`, the kind and the matched words in bold, wrapped.

Why not rich text: a QTextDocument per row (HTML parsed, then laid out) cost 20–30 ms for each
search's 100 rows at 20,000 notes, most of the search time. One QTextLayout per row, kept until
the text or the width changes, is all the wrapping and bold that a hit needs. (QListView itself
lays its rows out again when its width changes; the cache is keyed on the width.)
"""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QSize
from PySide6.QtGui import QFont, QPainter, QPalette, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ..models.search_model import Spans, SpansRole

H_PADDING = 4
V_PADDING = 3
CACHE_LIMIT = 1000

Index = QModelIndex | QPersistentModelIndex


class SnippetDelegate(QStyledItemDelegate):
    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view  # not option.widget: its wrapper is best left untouched in PySide
        self._layouts: dict[tuple[str, int, str], tuple[QTextLayout, float]] = {}

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        _layout, height = self._laid_out(index, option.font)
        return QSize(self._text_width() + 2 * H_PADDING, int(height + 0.999) + 2 * V_PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        option.text = ""  # the background, selection and focus frame come from the style
        self._view.style().drawControl(
            QStyle.ControlElement.CE_ItemViewItem, option, painter, self._view)
        layout, _height = self._laid_out(index, option.font)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        roles = QPalette.ColorRole
        painter.save()
        painter.setPen(option.palette.color(roles.HighlightedText if selected else roles.Text))
        painter.setClipRect(option.rect)
        layout.draw(painter, QPointF(option.rect.left() + H_PADDING,
                                     option.rect.top() + V_PADDING))
        painter.restore()

    def _text_width(self) -> int:
        return max(120, self._view.viewport().width() - 2 * H_PADDING)

    def _laid_out(self, index: Index, font: QFont) -> tuple[QTextLayout, float]:
        spans = index.data(SpansRole)
        if not isinstance(spans, Spans):
            spans = Spans(str(index.data() or ""), ())
        key = (spans.text, self._text_width(), font.key())
        cached = self._layouts.get(key)
        if cached is None:
            if len(self._layouts) >= CACHE_LIMIT:
                self._layouts.clear()
            cached = self._layouts[key] = wrap(spans, font, key[1])
        return cached


def wrap(spans: Spans, font: QFont, width: int) -> tuple[QTextLayout, float]:
    """The text laid out in lines of `width`, bold where marked; returns it with its height."""
    layout = QTextLayout(spans.text, font)
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    ranges = []
    for start, length in spans.bold:
        span = QTextLayout.FormatRange()
        span.start, span.length, span.format = start, length, bold
        ranges.append(span)
    layout.setFormats(ranges)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    height = 0.0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    return layout, height
