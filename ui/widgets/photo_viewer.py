"""The large view of one photo, always upright, decoded off the GUI thread.

Phones store portrait photos as landscape pixels plus an EXIF orientation (FAULTS 32);
QImageReader with auto-transform applies it, as the thumbnails (made by Pillow) already do.
The original is decoded at most at `MAX_EDGE`, so a 50-megapixel camera file stays cheap.
"""

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QKeyEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QDialog, QLabel, QSizePolicy, QVBoxLayout, QWidget

from sprintjournal.records import PhotoRec

from ..workers.pool import run_in_pool

MAX_EDGE = 2400


def decode_upright(data: bytes, max_edge: int = MAX_EDGE) -> QImage:
    """Runs on a pool thread: the photo turned upright and no larger than `max_edge`."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > max_edge:
        reader.setScaledSize(size.scaled(QSize(max_edge, max_edge),
                                         Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():  # a format or variant Qt cannot read: let Pillow make an upright copy
        from sprintjournal import photos

        image = QImage.fromData(photos.web_rendition(data, long_edge=max_edge).data)
    if image.isNull():
        raise ValueError(f"the photo cannot be shown ({reader.errorString()})")
    return image


class PhotoViewer(QDialog):
    """A resizable window with the photo scaled to fit and its caption underneath."""

    def __init__(self, photo: PhotoRec, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(photo.caption or photo.filename)
        self.photo = photo
        self.image: QImage | None = None
        self.picture = QLabel("Loading…")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.picture.setAccessibleName(photo.alt or photo.caption or photo.filename)
        self.caption = QLabel(photo.caption)
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.caption)
        self.resize(900, 700)
        run_in_pool(decode_upright, data, on_done=self._arrived, on_error=self._failed)

    def _arrived(self, image: QImage) -> None:
        if shiboken6.isValid(self):
            self.image = image
            self._fit()

    def _failed(self, error: Exception) -> None:
        if shiboken6.isValid(self):
            self.picture.setText(str(error))

    def _fit(self) -> None:
        if self.image is None:
            return
        scaled = self.image.scaled(self.picture.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
        self.picture.setPixmap(QPixmap.fromImage(scaled))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return):
            self.accept()
            return
        super().keyPressEvent(event)
