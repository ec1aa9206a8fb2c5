"""The export dialog: every format offered, a page size only for PDF, and a folder label that
shows no literal ampersand (issue 13, item 6)."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel
from pytestqt.qtbot import QtBot
from shell_data import show_active
from sprintjournal_ui.dialogs.export_report import ExportDialog, ExportOptions

from sprintjournal.report.formats import formats as registry


def test_the_folder_label_has_no_literal_ampersand(qtbot: QtBot, tmp_path: Path) -> None:
    """Item 6: "F&older:" names the line edit, so it shows "Folder:" with Alt+O."""
    dialog = ExportDialog(ExportOptions("html", tmp_path))
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    form = dialog.layout()
    assert isinstance(form, QFormLayout)
    label = form.labelForField(form.itemAt(1, QFormLayout.ItemRole.FieldRole).layout())
    assert isinstance(label, QLabel) and label.buddy() is dialog.folder
    dialog.format.setFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.folder


def test_export_dialog_offers_every_format_and_page_size_only_for_pdf(qtbot: QtBot,
                                                                      tmp_path: Path) -> None:
    dialog = ExportDialog(ExportOptions("md", tmp_path))
    qtbot.addWidget(dialog)
    formats = [dialog.format.itemData(i) for i in range(dialog.format.count())]
    assert formats == ["md", "pelican", "hugo", "jekyll", "nikola", "html", "html-dir",
                       "blogger", "wordpress", "pdf"]
    labels = [dialog.format.itemText(i) for i in range(dialog.format.count())]
    assert labels == [*(fmt.label for fmt in registry().values()), "PDF"]
    assert not dialog.page_size.isEnabled()
    dialog.format.setCurrentIndex(formats.index("pdf"))
    assert dialog.page_size.isEnabled()
    dialog.long_edge.setValue(1200)
    assert dialog.options() == ExportOptions("pdf", tmp_path, 1200, 85, "A4")
