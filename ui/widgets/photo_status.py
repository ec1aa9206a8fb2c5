"""The strip under the photo grid: import progress with Cancel, and what went wrong, by file.

Problems with single photos must not interrupt a drop of twenty with modal boxes; they are
listed here, naming each file, until the user dismisses them.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ..workers.photo_import import PhotoImporter


class PhotoStatusBar(QWidget):
    def __init__(self, importer: PhotoImporter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._errors: list[str] = []
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Photo import progress")
        self.progress.setFormat("Importing photo %v of %m")
        self.cancel = QPushButton("Cancel")
        self.cancel.clicked.connect(importer.cancel)
        self.errors = QLabel()
        self.errors.setTextFormat(Qt.TextFormat.PlainText)
        self.errors.setWordWrap(True)
        self.errors.setAccessibleName("Photo import problems")
        self.errors.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dismiss = QPushButton("Dismiss")
        self.dismiss.clicked.connect(self.clear_errors)
        self.tip = QLabel("Drop photos here, paste one with Ctrl+V, or use Add photos…  "
                          "Double-click a photo to see it large.")
        self.tip.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.tip.setWordWrap(True)
        self.progress_row = self._row(self.progress, self.cancel)
        self.error_row = self._error_frame()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.addWidget(self.tip)
        layout.addWidget(self.progress_row)
        layout.addWidget(self.error_row)
        importer.progress.connect(self._on_progress)
        importer.failed.connect(lambda message: self.show_errors([message]))
        importer.finished.connect(self._idle)
        self.progress_row.hide()
        self.error_row.hide()

    @staticmethod
    def _row(*widgets: QWidget) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for n, widget in enumerate(widgets):
            layout.addWidget(widget, 1 if n == 0 else 0)
        return row

    def _error_frame(self) -> QFrame:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setAutoFillBackground(True)
        palette = frame.palette()
        warn = palette.color(QPalette.ColorRole.Base)
        warn.setHsv(35, 90 if warn.lightness() > 128 else 160, warn.value())
        palette.setColor(QPalette.ColorRole.Window, warn)
        frame.setPalette(palette)
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(20, 20))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout = QHBoxLayout(frame)
        layout.addWidget(icon)
        layout.addWidget(self.errors, 1)
        layout.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignTop)
        return frame

    def _idle(self) -> None:
        self.progress_row.hide()
        self.tip.setVisible(self.error_row.isHidden())

    def _on_progress(self, done: int, total: int) -> None:
        if total == 0:
            self._idle()
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.tip.hide()
        self.progress_row.show()

    def show_errors(self, messages: list[str]) -> None:
        self._errors.extend(messages)
        shown = self._errors[-6:]
        hidden = len(self._errors) - len(shown)
        lines = ([f"…and {hidden} earlier problem(s)"] if hidden else []) + shown
        self.errors.setText("\n".join(lines))
        self.tip.hide()
        self.error_row.show()

    def clear_errors(self) -> None:
        self._errors.clear()
        self.errors.clear()
        self.error_row.hide()
        self.tip.setVisible(self.progress_row.isHidden())

    def messages(self) -> list[str]:
        return list(self._errors)
