"""One tile of the photo grid: the thumbnail centred in a square, two lines of caption below.

Qt's default icon-mode drawing puts each caption right under its picture, so a row of
portrait and landscape photos ends in ragged captions; a fixed square keeps the grid calm.
Photos without a caption show their file name, dimmed, as a reminder to write one.
"""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QIcon, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ..models.photos_model import ICON_SIZE
from ..models.record_model import IdRole

AnyIndex = QModelIndex | QPersistentModelIndex
PAD = 8
CAPTION_LINES = 2


class PhotoTileDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        line = option.fontMetrics.lineSpacing()
        return QSize(ICON_SIZE.width() + 2 * PAD,
                     ICON_SIZE.height() + 3 * PAD + CAPTION_LINES * line)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        if selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(pal.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(QRectF(rect).adjusted(2, 2, -2, -2), 6, 6)
        box = QRect(rect.left() + (rect.width() - ICON_SIZE.width()) // 2, rect.top() + PAD,
                    ICON_SIZE.width(), ICON_SIZE.height())
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(icon, QIcon):
            icon.paint(painter, box, Qt.AlignmentFlag.AlignCenter)
        self._paint_caption(painter, option, index, QRect(
            rect.left() + PAD // 2, box.bottom() + PAD, rect.width() - PAD,
            rect.bottom() - box.bottom() - PAD), selected)
        painter.restore()

    def _paint_caption(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex,
                       area: QRect, selected: bool) -> None:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        model = index.model()
        caption_missing = model is not None and _caption_missing(model, index)
        font = QFont(option.font)
        font.setItalic(caption_missing)
        role = (QPalette.ColorRole.HighlightedText if selected
                else QPalette.ColorRole.PlaceholderText if caption_missing
                else QPalette.ColorRole.Text)
        painter.setPen(option.palette.color(role))
        painter.setFont(font)
        lines = _wrap(text, font, area.width(), CAPTION_LINES)
        line_height = painter.fontMetrics().lineSpacing()
        for n, line in enumerate(lines):
            painter.drawText(QRect(area.left(), area.top() + n * line_height, area.width(),
                                   line_height), Qt.AlignmentFlag.AlignHCenter, line)


def _caption_missing(model: object, index: AnyIndex) -> bool:
    """True when the tile shows the file name because the photo has no caption yet."""
    record_of = getattr(model, "record", None)
    if record_of is None or index.data(IdRole) is None:
        return False
    return not record_of(index.row()).caption


def _wrap(text: str, font: QFont, width: int, max_lines: int) -> list[str]:
    """Word-wrap `text` into at most `max_lines`, eliding the last line if it overflows."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    lines: list[str] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(text[line.textStart(): line.textStart() + line.textLength()])
    layout.endLayout()
    if len(lines) > max_lines:
        rest = "".join(lines[max_lines - 1:])
        last = QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)
        lines = [*lines[: max_lines - 1], last]
    return [line.strip() for line in lines]
