"""The Report panel driven like a user: generate, edit (autosaved), regenerate, export, copy;
its messages and icons (issue 13, items 4, 7, 14, 19)."""

import re
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool, QUrl
from PySide6.QtGui import QAction, QGuiApplication, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QToolButton, QWidget
from pytestqt.qtbot import QtBot
from shell_data import main_window, when_modal
from sprintjournal_ui.dialogs.export_report import ExportOptions
from sprintjournal_ui.main_window import SAVED, MainWindow
from sprintjournal_ui.panels.report import ReportPanel, _ask_replace
from sprintjournal_ui.store import JournalStore

from sprintjournal.demo import build_demo
from sprintjournal.journal import Journal
from sprintjournal.report.compose import RegenerateResult


@pytest.fixture
def panel(qtbot: QtBot, journal: Journal) -> ReportPanel:
    sid = build_demo(journal)
    store = JournalStore(journal)
    widget = ReportPanel(store, QUndoStack(), None)
    widget._autosave.set_delay(0)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    widget.set_sprint(sid)
    return widget


@pytest.fixture
def window(qtbot: QtBot, journal: Journal) -> MainWindow:
    build_demo(journal)
    win = MainWindow(autosave_ms=60_000)
    qtbot.addWidget(win)
    win.attach(JournalStore(journal))
    win.show()
    return win


def test_generate_fills_editor_preview_and_journal(panel: ReportPanel, journal: Journal) -> None:
    panel.act_generate.trigger()
    text = panel.editor.toPlainText()
    assert "A special welcome to Mark Pearse" in text
    assert journal.get_report(panel.sprint_id or 0).text == text
    assert panel.title.text() == "PyPy Gothenburg sprint report"
    assert "and to Laura and Jacob for having us" in panel.preview.toPlainText()


def test_group_by_branch_changes_the_sections(panel: ReportPanel) -> None:
    panel.group_by.setCurrentIndex(panel.group_by.findData("branch"))
    panel.act_generate.trigger()
    assert "\n## SpecialisedTuple\n" in panel.editor.toPlainText()
    assert "\n## Mark Pearse\n" not in panel.editor.toPlainText()


def test_typing_is_autosaved(panel: ReportPanel, journal: Journal, qtbot: QtBot) -> None:
    panel.act_generate.trigger()
    panel.editor.moveCursor(panel.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(panel.editor, "Hej då!")
    qtbot.waitUntil(lambda: (journal.get_report(panel.sprint_id or 0).text or "")
                    .endswith("Hej då!"))


def test_pending_edit_is_saved_on_flush(panel: ReportPanel, journal: Journal,
                                        qtbot: QtBot) -> None:
    panel._autosave.set_delay(60_000)
    qtbot.keyClicks(panel.editor, "Draft typed just before closing")
    panel.flush()
    assert journal.get_report(panel.sprint_id or 0).text == "Draft typed just before closing"


def test_regenerate_asks_before_replacing_edits_and_can_keep_them(panel: ReportPanel,
                                                                  journal: Journal,
                                                                  qtbot: QtBot) -> None:
    panel.act_generate.trigger()
    panel.editor.moveCursor(panel.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(panel.editor, "My words.")
    asked: list[RegenerateResult] = []

    def keep_mine(result: RegenerateResult) -> bool:
        asked.append(result)
        return False

    panel.ask_replace = keep_mine
    panel.act_generate.trigger()
    assert asked and asked[0].user_edited and "-" in asked[0].diff
    assert "My words." in panel.editor.toPlainText()
    assert (journal.get_report(panel.sprint_id or 0).text or "").endswith("My words.")


def test_regenerate_replaces_when_confirmed_and_undo_brings_edits_back(panel: ReportPanel,
                                                                       qtbot: QtBot) -> None:
    panel.act_generate.trigger()
    panel.editor.moveCursor(panel.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(panel.editor, "My words.")
    panel.flush()
    panel.ask_replace = lambda result: True
    panel.act_generate.trigger()
    assert "My words." not in panel.editor.toPlainText()
    panel.undo_stack.undo()
    assert panel.editor.toPlainText().endswith("My words.")


def test_export_runs_in_a_worker_and_writes_files(panel: ReportPanel, qtbot: QtBot,
                                                  tmp_path: Path) -> None:
    panel.act_generate.trigger()
    panel.ask_export = lambda defaults: ExportOptions("html-dir", tmp_path / "out", 800, 80)
    with qtbot.waitSignal(panel.export_finished, timeout=30_000) as result:
        panel.act_export.trigger()
    assert result.args and isinstance(result.args[0], list)
    assert (tmp_path / "out" / "index.html").is_file()
    assert (tmp_path / "out" / "images" / "cake.jpg").is_file()
    assert panel.progress_dialog is None
    out = (tmp_path / "out").resolve()
    assert panel.status.text().startswith(f"Exported index.html and 1 photo to {out} — ")


def test_pdf_export_from_the_panel(panel: ReportPanel, qtbot: QtBot, tmp_path: Path) -> None:
    panel.act_generate.trigger()
    panel.ask_export = lambda d: ExportOptions("pdf", tmp_path, 800, 80, "Letter")
    with qtbot.waitSignal(panel.export_finished, timeout=30_000) as result:
        panel.act_export.trigger()
    pdf = result.args[0][0]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and b"/Subtype /Image" in data
    assert re.search(rb"/MediaBox \[0 0 612", data), "Letter pages are 612 points wide"


def test_cancel_stops_the_export_and_writes_nothing(panel: ReportPanel, qtbot: QtBot,
                                                    tmp_path: Path) -> None:
    panel.act_generate.trigger()
    panel.ask_export = lambda d: ExportOptions("html", tmp_path / "out", 1000, 70)
    pool = QThreadPool.globalInstance()
    threads, release = pool.maxThreadCount(), threading.Event()
    pool.setMaxThreadCount(1)
    try:
        pool.start(lambda: release.wait(10))  # the export waits in the queue behind this
        with qtbot.waitSignal(panel.export_finished, timeout=30_000) as result:
            panel.act_export.trigger()
            assert panel.progress_dialog is not None
            cancel_button = panel.progress_dialog.findChild(QPushButton)
            assert cancel_button is not None
            cancel_button.click()
            release.set()
    finally:
        release.set()
        pool.waitForDone(10_000)
        pool.setMaxThreadCount(threads)
    assert type(result.args[0]).__name__ == "ExportCancelledError"
    assert not (tmp_path / "out").exists()
    assert panel.status.text() == "Export cancelled; nothing was written."


def test_copy_for_blogger_puts_html_and_text_on_the_clipboard(panel: ReportPanel,
                                                              qtbot: QtBot) -> None:
    panel.act_generate.trigger()
    with qtbot.waitSignal(panel.copied, timeout=30_000):
        panel.act_copy.trigger()
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasHtml() and mime.hasText()
    assert 'class="tr-caption-container"' in mime.text()
    assert "data:image/jpeg;base64," in mime.html()
    assert "<script" not in mime.html()


def test_screenshot_shows_editor_and_preview(panel: ReportPanel, tmp_path: Path) -> None:
    panel.act_generate.trigger()
    image = panel.grab().toImage()
    image.save(str(tmp_path / "report-panel.png"))
    assert image.width() >= 1000 and panel.editor.isVisible() and panel.preview.isVisible()
    assert panel.preview.document().toPlainText().startswith("The PyPy sprint in Gothenburg")


def test_a_huge_draft_is_saved_and_previewed_without_blocking(panel: ReportPanel,
                                                              journal: Journal,
                                                              qtbot: QtBot) -> None:
    """FAULTS 37: a pasted 10 MB log; the preview renders its start on a pool thread."""
    huge = "# Log\n\n" + "line of a pasted build log, *quite* long indeed\n" * 210_000
    assert len(huge) > 10_000_000
    with qtbot.waitSignal(panel.preview_ready, timeout=60_000):
        panel.editor.setPlainText(huge)
    panel.flush()
    assert journal.get_report(panel.sprint_id or 0).text == huge
    assert panel.preview.toPlainText().startswith("Log")


def test_own_template_is_used_and_a_broken_one_is_reported(panel: ReportPanel, qtbot: QtBot,
                                                           tmp_path: Path) -> None:
    mine = tmp_path / "mine.md.j2"
    mine.write_text("Our week in {{ r.sprint.place | md }}.\n")
    panel.ask_template = lambda: mine
    panel.act_template.trigger()
    assert panel.act_template.text() == "Template: mine.md.j2"
    panel.act_generate.trigger()
    assert panel.editor.toPlainText() == "Our week in Gothenburg.\n"
    mine.write_text("{% if %}")
    with qtbot.waitSignal(panel.store.error) as error:
        panel.act_generate.trigger()
    assert "mine.md.j2, line 1" in error.args[0]
    assert panel.editor.toPlainText() == "Our week in Gothenburg.\n"


def test_narrow_dock_puts_the_preview_under_the_editor(panel: ReportPanel, qtbot: QtBot) -> None:
    panel.resize(460, 700)
    qtbot.waitUntil(lambda: panel.splitter.orientation() == Qt.Orientation.Vertical)
    panel.resize(1100, 700)
    qtbot.waitUntil(lambda: panel.splitter.orientation() == Qt.Orientation.Horizontal)


def test_read_only_journal_can_be_exported_but_not_edited(qtbot: QtBot, journal: Journal,
                                                          journal_path: Path,
                                                          tmp_path: Path) -> None:
    sid = build_demo(journal)
    journal.save_report(sid, text="Saved before.\n")
    journal.close()
    readonly = Journal(journal_path, readonly=True)
    try:
        widget = ReportPanel(JournalStore(readonly), QUndoStack(), None)
        qtbot.addWidget(widget)
        widget.set_read_only(readonly.readonly)  # as the window does on attaching the journal
        widget.set_sprint(sid)
        assert widget.editor.toPlainText() == "Saved before.\n"
        assert widget.editor.isReadOnly() and not widget.act_generate.isEnabled()
        assert widget.act_export.isEnabled()
        widget.ask_export = lambda d: ExportOptions("md", tmp_path / "out")
        with qtbot.waitSignal(widget.export_finished, timeout=30_000) as result:
            widget.act_export.trigger()
        assert isinstance(result.args[0], list)
        widget.close()
    finally:
        readonly.close()


def test_the_regenerate_question_keeps_the_draft_on_enter(panel: ReportPanel, journal: Journal,
                                                          qtbot: QtBot) -> None:
    """The real dialog: its default button (Enter, Escape) is "Keep my draft"."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    panel.act_generate.trigger()
    panel.editor.moveCursor(panel.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(panel.editor, "My words.")
    panel.flush()
    seen: list[str] = []

    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.defaultButton().text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(200, press_enter)
    panel.act_generate.trigger()
    assert seen == ["Keep my draft"]
    assert (journal.get_report(panel.sprint_id or 0).text or "").endswith("My words.")


def test_regenerating_one_section_keeps_the_others_as_edited(panel: ReportPanel,
                                                             journal: Journal) -> None:
    panel.group_by.setCurrentIndex(panel.group_by.findData("branch"))
    panel.act_generate.trigger()
    text = panel.editor.toPlainText()
    edited = text.replace("See you at the next sprint!", "Until next time!").replace(
        "whose goal is to make PyPy work on 64-bit Windows", "MY WIN64 WORDS")
    panel.editor.setPlainText(edited)
    panel.flush()
    sid = panel.sprint_id or 0
    win64 = next(b for b in journal.list_branches(sid) if b.name == "win64")
    journal.update_branch(win64.id, goal="Port PyPy to 64-bit Windows.")
    cursor = panel.editor.textCursor()
    cursor.setPosition(panel.editor.toPlainText().index("MY WIN64 WORDS"))
    panel.editor.setTextCursor(cursor)
    assert panel.current_section() == "win64"
    panel.act_section.trigger()
    now = journal.get_report(sid).text or ""
    assert "whose goal is to port PyPy to 64-bit Windows" in now and "MY WIN64 WORDS" not in now
    assert "Until next time!" in now
    panel.undo_stack.undo()
    assert "MY WIN64 WORDS" in (journal.get_report(sid).text or "")


def test_suggestions_are_confirmed_in_the_panel(qtbot: QtBot, journal: Journal) -> None:
    from datetime import date

    sid = journal.add_sprint("Fresh", project="PyPy", place="Gothenburg",
                             start=date(2011, 11, 2), end=date(2011, 11, 9)).id
    journal.add_attendee(sid, "Mark Pearse")
    store = JournalStore(journal)
    widget = ReportPanel(store, QUndoStack(), None)
    qtbot.addWidget(widget)
    widget.show()
    widget.set_sprint(sid)
    box = widget.suggestions
    texts = box.texts()
    assert box.isVisible() and texts[0].startswith("Mark Pearse: first sprint in this journal")
    widget.act_generate.trigger()
    assert "welcome" not in widget.editor.toPlainText().casefold()
    box.list.setCurrentIndex(0)
    qtbot.mouseClick(box.confirm_button, Qt.MouseButton.LeftButton)
    assert journal.list_attendees(sid)[0].newcomer_override is True
    assert not any(text.startswith("Mark") for text in box.texts())
    widget.act_generate.trigger()
    assert "A special welcome to Mark Pearse" in widget.editor.toPlainText()


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


@pytest.mark.parametrize("size", [(1280, 800), (1024, 700)])
def test_at_the_default_layout_the_toolbar_names_generate_and_export(
        qtbot: QtBot, journal: Journal, size: tuple[int, int]) -> None:
    """A new user reads “Generate draft” in the hint: the button with that name must be there
    to read, beside its icon, in the Report dock as the first start lays it out."""
    build_demo(journal)
    with main_window(qtbot, JournalStore(journal), size=size) as window:
        window.reset_layout()
        window.show_panel("report")
        panel = window.panels["report"]
        assert isinstance(panel, ReportPanel)
        qtbot.waitUntil(lambda: not panel.visibleRegion().isEmpty())

        def reads(action: QAction) -> bool:
            button = panel.toolbar.widgetForAction(action)
            return (isinstance(button, QToolButton) and button.isVisible()
                    and button.toolButtonStyle() != Qt.ToolButtonStyle.ToolButtonIconOnly
                    and bool(button.text()))

        assert reads(panel.act_generate) and reads(panel.act_export)
        named = re.findall(r"“([^”]+)”", panel.editor.placeholderText())
        assert named, "the hint names the button to press"
        shown = {a.text() for a in panel.toolbar.actions() if reads(a)}
        assert set(named) <= shown
