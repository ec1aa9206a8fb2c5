"""The Export… dialog of the Report panel: format, folder, photo size and quality, page size."""

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

PDF = "pdf"
"""PDF is written by Qt (`report_pdf`), so it is not among the core's formats."""


@dataclass(frozen=True)
class ExportOptions:
    fmt: str
    folder: Path
    long_edge: int = 1600
    quality: int = 85
    page_size: str = "A4"


class ExportDialog(QDialog):
    def __init__(self, defaults: ExportOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export report")
        from sprintjournal.report.formats import formats  # the renderers: when exporting

        self.format = QComboBox()
        for fmt in formats().values():
            self.format.addItem(fmt.label, fmt.key)
        self.format.addItem("PDF", PDF)
        self.format.setCurrentIndex(max(0, self.format.findData(defaults.fmt)))
        self.folder = QLineEdit(str(defaults.folder))
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.long_edge = QSpinBox(minimum=200, maximum=8000, singleStep=100, suffix=" px")
        self.long_edge.setValue(defaults.long_edge)
        self.quality = QSpinBox(minimum=30, maximum=95)
        self.quality.setValue(defaults.quality)
        self.page_size = QComboBox()
        self.page_size.addItems(["A4", "Letter"])
        self.page_size.setCurrentText(defaults.page_size)
        self.format.currentIndexChanged.connect(self._follow_format)
        form = QFormLayout(self)
        form.addRow("&Format:", self.format)
        folder_label = QLabel("F&older:")  # a layout cannot be a buddy: name the line edit
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, row)
        form.addRow("Photo &long edge:", self.long_edge)
        form.addRow("JPEG &quality:", self.quality)
        form.addRow("&Page size (PDF):", self.page_size)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._follow_format()

    def _follow_format(self) -> None:
        self.page_size.setEnabled(self.format.currentData() == PDF)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Export into folder", self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def options(self) -> ExportOptions:
        return ExportOptions(str(self.format.currentData()), Path(self.folder.text()).expanduser(),
                             self.long_edge.value(), self.quality.value(),
                             self.page_size.currentText())

    @classmethod
    def ask(cls, defaults: ExportOptions, parent: QWidget | None = None) -> ExportOptions | None:
        dialog = cls(defaults, parent)
        try:
            return dialog.options() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()  # one dialog per export, not one more child per export
