"""A delegate that paints a value as a coloured rounded chip and edits it with a combo box.

Used for branch status (planned grey … merged purple) and the newcomer badge. The model gives
the chip colour (`ChipColorRole`) and the choices (`ChoicesRole`, a list of (label, value));
the delegate never knows what the values mean. The text colour is picked for contrast against
the chip, so chips stay readable in light and dark palettes alike.
"""

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ..models.record_model import ChipColorRole, ChoicesRole

AnyIndex = QModelIndex | QPersistentModelIndex
_PAD_X, _PAD_Y = 8, 3


def text_colour_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on `background` (WCAG relative luminance)."""
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    lum = (0.2126 * channel(background.redF()) + 0.7152 * channel(background.greenF())
           + 0.0722 * channel(background.blueF()))
    return QColor("#000000") if lum > 0.4 else QColor("#ffffff")


class ChipDelegate(QStyledItemDelegate):
    """Paints `DisplayRole` text inside a chip of colour `ChipColorRole`."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        colour = index.data(ChipColorRole)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if not isinstance(colour, QColor) or not text:
            super().paint(painter, option, index)
            return
        self._paint_background(painter, option, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(option.font)
        metrics = option.fontMetrics
        rect = option.rect
        width = min(metrics.horizontalAdvance(text) + 2 * _PAD_X + 2, rect.width() - 6)
        height = min(metrics.height() + 2 * _PAD_Y, rect.height() - 2)
        chip = QRectF(rect.left() + 4, rect.center().y() - height / 2 + 0.5, width, height)
        painter.setPen(self._outline(option, colour))
        painter.setBrush(colour)
        painter.drawRoundedRect(chip, height / 2, height / 2)
        painter.setPen(text_colour_on(colour))
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width) - 2 * _PAD_X + 2)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, elided)
        painter.restore()

    @staticmethod
    def _outline(option: QStyleOptionViewItem, colour: QColor) -> QPen | Qt.PenStyle:
        """A faint rim when the chip is nearly as dark as a dark background, else none."""
        base = option.palette.color(QPalette.ColorRole.Base)
        if base.lightness() < 128 and abs(base.lightness() - colour.lightness()) < 60:
            return QPen(colour.lighter(170), 1)
        return Qt.PenStyle.NoPen

    def _paint_background(self, painter: QPainter, option: QStyleOptionViewItem,
                          index: AnyIndex) -> None:
        """Selection and row background as the style draws them, without the text."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        size = super().sizeHint(option, index)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        metrics = option.fontMetrics
        width = metrics.horizontalAdvance(text) + 2 * _PAD_X + 10
        height = metrics.height() + 2 * _PAD_Y + 4
        return QSize(max(size.width(), width), max(size.height(), height))

    # -- editing with a combo box ------------------------------------------------------------
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: AnyIndex) -> QWidget:
        choices = index.data(ChoicesRole)
        if not choices:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.setAccessibleName("Choose a value")
        for label, value in choices:
            combo.addItem(label, value)
        combo.activated.connect(lambda _row: self._commit_and_close(combo))
        return combo

    def _commit_and_close(self, combo: QComboBox) -> None:
        """A choice is final at once: no need to press Enter or click elsewhere."""
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox) and index.data(ChoicesRole):
            current = index.data(Qt.ItemDataRole.EditRole)
            values = [editor.itemData(n) for n in range(editor.count())]
            editor.setCurrentIndex(values.index(current) if current in values else 0)
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox) and index.data(ChoicesRole):
            value: Any = editor.currentData()
            if value != index.data(Qt.ItemDataRole.EditRole):
                model.setData(index, value, Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)
