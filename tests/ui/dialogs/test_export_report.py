"""Issue 13, items 4, 6, 7, 19: the report's dialogs and messages, driven as a user would."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from shell_data import show_active, when_modal
from sprintjournal_ui.dialogs.export_report import ExportDialog, ExportOptions
from sprintjournal_ui.main_window import SAVED, MainWindow
from sprintjournal_ui.panels.report import ReportPanel, _ask_replace
from sprintjournal_ui.store import JournalStore

from sprintjournal.demo import build_demo
from sprintjournal.journal import Journal
from sprintjournal.report.compose import RegenerateResult


@pytest.fixture
def window(qtbot: QtBot, journal: Journal) -> MainWindow:
    build_demo(journal)
    win = MainWindow(autosave_ms=60_000)
    qtbot.addWidget(win)
    win.attach(JournalStore(journal))
    win.show()
    return win


def test_export_into_a_file_is_an_export_error_in_words(window: MainWindow, qtbot: QtBot,
                                                         tmp_path: Path) -> None:
    """Item 4: a file chosen as the folder: no "Not saved", no errno, no temporary path."""
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder")
    panel: ReportPanel = window.panels["report"]
    shown: list[str] = []
    panel.show_export_error = shown.append
    panel.ask_export = lambda d: ExportOptions("md", a_file)
    with qtbot.waitSignal(panel.export_finished, timeout=30_000) as result:
        panel.act_export.trigger()
    assert isinstance(result.args[0], OSError)
    assert shown == [f"“{a_file}” is a file, not a folder. Choose a folder to export into."]
    assert "is a file, not a folder" in panel.status.text()
    assert "Errno" not in panel.status.text() and ".tmp" not in panel.status.text()
    assert window.save_label.text() == SAVED  # the journal was never unsaved


def test_a_finished_export_offers_to_open_the_file_or_its_folder(window: MainWindow,
                                                                 qtbot: QtBot,
                                                                 tmp_path: Path) -> None:
    """Item 19: after an export, the message links to the file and to its folder."""
    panel: ReportPanel = window.panels["report"]
    opened: list[QUrl] = []
    panel.open_url = opened.append
    panel.ask_export = lambda d: ExportOptions("md", tmp_path / "out")
    with qtbot.waitSignal(panel.export_finished, timeout=30_000) as result:
        panel.act_export.trigger()
    written = result.args[0][-1]
    assert "Open the file" in panel.status.text() and "Open the folder" in panel.status.text()
    for url in (QUrl.fromLocalFile(str(written)), QUrl.fromLocalFile(str(written.parent))):
        panel.status.linkActivated.emit(url.toString())
    assert [u.toLocalFile() for u in opened] == [str(written), str(written.parent)]


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


def test_enter_in_the_regenerate_question_keeps_the_draft(qtbot: QtBot) -> None:
    """Item 7: the safe choice is the default button; Enter keeps the edits."""
    parent = QWidget()
    qtbot.addWidget(parent)
    result = RegenerateResult(new_text="fresh", user_edited=True, diff="- mine\n+ fresh")
    seen = when_modal(lambda box: qtbot.keyClick(box, Qt.Key.Key_Return))
    assert _ask_replace(parent, result) is False
    assert seen == ["Regenerate the report"]
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert all(b.defaultButton() is None or b.defaultButton().text() == "Keep my draft"
               for b in boxes)


def test_report_toolbar_actions_keep_distinct_icons(qtbot: QtBot, journal: Journal) -> None:
    """Item 14: narrow, the toolbar shows icons only; no two of them may look alike."""
    sid = build_demo(journal)
    panel = ReportPanel(JournalStore(journal), QUndoStack(), None)
    qtbot.addWidget(panel)
    panel.set_sprint(sid)
    panel.resize(300, 500)
    panel.show()
    qtbot.waitUntil(lambda: panel.toolbar.toolButtonStyle()
                    == Qt.ToolButtonStyle.ToolButtonIconOnly)
    images = [a.icon().pixmap(24, 24).toImage() for a in
              (panel.act_generate, panel.act_template, panel.act_export, panel.act_copy)]
    assert len({img.cacheKey() for img in images}) == 4
    assert all(images[i] != images[j] for i in range(4) for j in range(i + 1, 4))
