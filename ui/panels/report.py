"""The Report panel: generate the draft, edit it with a live preview, export it, copy for Blogger.

The draft is the user's text: typing is autosaved (debounced) through the store, "Generate" and
"Regenerate" are undoable, and regenerating over edited text asks first and can show the diff.
Exports run in a worker with a progress dialog and Cancel; they call the same
`export_report` as the command line (and `ui.report_pdf.export_pdf` for PDF).
"""

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QGuiApplication,
    QImage,
    QKeySequence,
    QResizeEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sprintjournal.changes import Change
from sprintjournal.errors import JournalError
from sprintjournal.report.render import Figure, escape, markdown_to_html, place_photos
from sprintjournal.report.sections import section_titles

from ..commands.store_command import StoreCommand
from ..dialogs.export_report import ExportDialog, ExportOptions
from ..settings import last_folder, remember_folder
from ..store import JournalStore
from ..throttle import Debouncer
from ..widgets.export_feedback import describe_export_error, exported_message
from ..widgets.report_suggestions import SuggestionsBox
from ..workers.pool import Job, run_in_pool
from .panel_base import NO_SPRINT_HINT, DataPanel

if TYPE_CHECKING:
    from sprintjournal.report.compose import RegenerateResult

AUTOSAVE_MS = 1000
PREVIEW_MS = 250
SYNC_LIMIT = 20_000
"""Longer drafts (a pasted 10 MB log in a note) render on a pool thread: typing never waits."""
PREVIEW_LIMIT = 200_000
SIDE_BY_SIDE_MIN_WIDTH = 720
DRAFT_HINT = "Press “Generate draft” in the toolbar above (Ctrl+G) to write a first draft."
"""Names the button as its text reads beside the icon, kept at every usual dock width."""


class ReportPreview(QTextBrowser):
    """Rendered draft; `photo:<id>` images are shown from the journal's thumbnails."""

    def __init__(self, store: JournalStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Report preview")

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        url = QUrl(name)
        if url.scheme() != "photo" or not url.path().isdigit():
            return super().loadResource(kind, name)
        try:
            return QImage.fromData(self.store.photo_thumbnail(int(url.path())))
        except JournalError:
            return QImage()  # a photo removed meanwhile, or the journal being closed



def preview_html(text: str) -> str:
    """The draft as the preview shows it (pure, so a long draft can render on a pool thread)."""
    def figure(fig: Figure) -> str:
        caption = f"<br><i>{fig.caption_html}</i>" if fig.caption_html else ""
        return (f'<p align="center"><img src="photo:{fig.photo_id}" '
                f'alt="{escape(fig.alt)}">{caption}</p>')

    def inline(photo_id: int, alt: str) -> str:
        return f'<img src="photo:{photo_id}" alt="{escape(alt)}">'

    return place_photos(markdown_to_html(text), figure, inline)


def _ask_replace(parent: QWidget, result: "RegenerateResult") -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, "Regenerate the report",
                      "You have edited this draft. Replace your edits with a fresh draft?",
                      parent=parent)
    box.setInformativeText("Choose “Show Details…” to see what would change.")
    box.setDetailedText(result.diff)
    replace = box.addButton("Replace my draft", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("Keep my draft", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)  # Enter keeps the user's work; replacing takes a deliberate click
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is replace


def _run_export(store: JournalStore, sprint_id: int, options: ExportOptions,
                cancel: threading.Event, job: Job) -> list[Path]:
    """On a pool thread: the same export functions as the command line."""
    def progress(done: int, total: int, _message: str) -> None:
        job.progress(done, total)

    return store.export_report(sprint_id, options.fmt, options.folder,
                               page_size=options.page_size, long_edge=options.long_edge,
                               quality=options.quality, progress=progress, cancel=cancel)


class ReportPanel(DataPanel):
    export_finished = Signal(object)  # list[Path], or the exception
    preview_ready = Signal()  # after a long draft's preview arrived from the pool
    copied = Signal(str)

    def __init__(self, store: JournalStore, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(store, undo_stack, parent)
        self.ask_replace: Callable[[RegenerateResult], bool] = (
            lambda result: _ask_replace(self, result))
        self.ask_export: Callable[[ExportOptions], ExportOptions | None] = (
            lambda defaults: ExportDialog.ask(defaults, self))
        self.export_defaults = ExportOptions("html", Path(last_folder("report")))
        self.template: Path | None = None
        self.ask_template: Callable[[], Path | None] = self._ask_template
        self.progress_dialog: QProgressDialog | None = None
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.show_export_error: Callable[[str], object] = (
            lambda message: QMessageBox.warning(self, "Export failed", message))
        self._loaded = ("", "")
        self._preview_generation = 0
        self._build()
        self._autosave = Debouncer(self._save, AUTOSAVE_MS, self)
        self._preview_timer = Debouncer(self._render_preview, PREVIEW_MS, self)
        self.editor.textChanged.connect(self._on_edited)
        self.title.textEdited.connect(lambda _text: self._autosave.trigger())
        store.report_changed.connect(self._on_report_changed)
        self.sprint_changed()

    def _build(self) -> None:
        self.group_by = QComboBox()
        self.group_by.addItem("By person", "person")
        self.group_by.addItem("By branch", "branch")
        self.group_by.setAccessibleName("Group the draft")
        self.write_actions.add(self.toolbar.addWidget(self.group_by))  # drafting's option
        self.act_generate = self.add_action("Generate draft", self.generate, "generate",
                                            QKeySequence("Ctrl+G"),
                                            "Write a first draft from the sprint's data (Ctrl+G)",
                                            keep_text=True)
        self.act_section = self.add_action(
            "Regenerate section", self.regenerate_section, "carry",
            tip="Write the section under the cursor afresh; the other sections keep your edits")
        self.act_template = self.add_action("Template…", self.choose_template, "template",
                                            tip="Write the draft with your own Jinja2 template")
        self.act_export = self.add_action("Export…", self.export, "open",
                                          QKeySequence("Ctrl+Shift+E"),
                                          "Export to Markdown, HTML, Blogger, WordPress, PDF "
                                          "(Ctrl+Shift+E)", keep_text=True, writes=False)
        self.act_copy = self.add_action("Copy for Blogger", self.copy_for_blogger, "copy",
                                        tip="Put the report on the clipboard for Blogger",
                                        writes=False)
        self.title = QLineEdit(placeholderText="Report title")
        self.title.setAccessibleName("Report title")
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName("Report draft (Markdown)")
        self.editor.setPlaceholderText(DRAFT_HINT)
        self.preview = ReportPreview(self.store)
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.editor)
        splitter.addWidget(self.preview)
        self.content = QWidget()
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(6, 6, 6, 6)
        self.suggestions = SuggestionsBox(self.store, self.undo_stack)
        layout.addWidget(self.suggestions)
        layout.addWidget(self.title)
        layout.addWidget(splitter, 1)
        self.status = QLabel()
        self.status.setAccessibleName("Report status")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.linkActivated.connect(lambda url: self.open_url(QUrl(url)))
        layout.addWidget(self.status)
        self.pages.addWidget(self.content)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Side by side when there is room; editor above preview in a narrow dock."""
        super().resizeEvent(event)
        wide = event.size().width() >= SIDE_BY_SIDE_MIN_WIDTH
        self.splitter.setOrientation(Qt.Orientation.Horizontal if wide
                                     else Qt.Orientation.Vertical)

    # -- loading and saving ------------------------------------------------------------------
    def sprint_changed(self) -> None:
        self.show_content(self.content, None if self.sprint_id is not None else NO_SPRINT_HINT)
        has_sprint = self.sprint_id is not None
        # A read-only journal can still be read and exported, but not drafted into: the
        # drafting actions and the editors follow `set_read_only` (panel_base).
        for action in (self.act_export, self.act_copy, self.act_generate, self.act_section):
            action.setEnabled(has_sprint)
        self.suggestions.set_sprint(self.sprint_id)
        self._load()

    def _load(self) -> None:
        report = (self.store.read(self.store.get_report, self.sprint_id)
                  if self.sprint_id is not None else None)
        text, title = (report.text or "", report.title or "") if report else ("", "")
        self._loaded = (text, title)
        self.editor.blockSignals(True)
        self.editor.setPlainText(text)
        self.editor.blockSignals(False)
        self.title.setText(title)
        self._render_preview()

    def _on_edited(self) -> None:
        self._autosave.trigger()
        self._preview_timer.trigger()

    def _render_preview(self) -> None:
        text = self.editor.toPlainText()
        self._preview_generation += 1
        if len(text) <= SYNC_LIMIT:
            self.preview.setHtml(preview_html(text))
            return
        generation = self._preview_generation
        run_in_pool(preview_html, text[:PREVIEW_LIMIT],
                    on_done=lambda html: self._show_preview(generation, html))

    def _show_preview(self, generation: int, html: str) -> None:
        """A render overtaken by newer typing is dropped."""
        if generation == self._preview_generation:
            self.preview.setHtml(html)
            self.preview_ready.emit()

    def _save(self) -> None:
        current = (self.editor.toPlainText(), self.title.text().strip())
        if self.sprint_id is None or current == self._loaded:
            return
        self.store.save_report(self.sprint_id, text=current[0],
                               title=current[1] or None, initiator=self)
        self._loaded = current

    def flush(self) -> None:
        self._autosave.flush()
        super().flush()

    def _on_report_changed(self, change: Change, initiator: object) -> None:
        if initiator is self or change.sprint_id != self.sprint_id or self._autosave.pending:
            return
        self._load()

    # -- generating --------------------------------------------------------------------------
    def generate(self) -> None:
        """A fresh draft; over edited text only after asking. Undoable either way."""
        if self.sprint_id is None:
            return
        self.flush()
        from sprintjournal.report.compose import ReportTemplateError  # loads when first used

        store, sid = self.store, self.sprint_id
        try:
            result = store.regenerate_report(sid, str(self.group_by.currentData()), self.template)
        except ReportTemplateError as exc:
            self.store.error.emit(str(exc))
            return
        if result.user_edited and not self.ask_replace(result):
            return
        before = store.get_report(sid)
        title = before.title or store.default_report_title(sid)

        def do(_state: dict[str, Any]) -> Any:
            return store.save_report(sid, text=result.new_text,
                                     generated_text=result.new_text, title=title)

        def undo(_state: dict[str, Any]) -> Any:
            return store.save_report(sid, text=before.text,
                                     generated_text=before.generated_text, title=before.title)

        self.undo_stack.push(StoreCommand("Generate report draft", do, undo))

    def current_section(self) -> str:
        """The `## ` title of the section holding the cursor ("" for the opening)."""
        before = self.editor.toPlainText()[:self.editor.textCursor().position()]
        titles = section_titles(before)
        return titles[-1] if titles else ""

    def regenerate_section(self) -> None:
        """Only the section under the cursor is written afresh; one undo step."""
        if self.sprint_id is None:
            return
        self.flush()
        from sprintjournal.report.compose import ReportTemplateError

        store, sid = self.store, self.sprint_id
        try:
            text = store.regenerate_report_section(sid, self.current_section(),
                                                   str(self.group_by.currentData()),
                                                   self.template)
        except ReportTemplateError as exc:
            self.store.error.emit(str(exc))
            return
        before = store.get_report(sid)
        if text == (before.text or ""):
            self.status.setText("That section is already as the journal tells it.")
            return

        def do(_state: dict[str, Any]) -> Any:
            return store.save_report(sid, text=text)

        def undo(_state: dict[str, Any]) -> Any:
            return store.save_report(sid, text=before.text)

        self.undo_stack.push(StoreCommand("Regenerate report section", do, undo))

    def _ask_template(self) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            self, "Report template", str(self.template or Path.home()),
            "Jinja2 Markdown templates (*.md.j2 *.j2 *.md);;All files (*)")
        return Path(name) if name else None

    def choose_template(self) -> None:
        """Your own template for the next drafts; cancelling the dialog goes back to ours."""
        self.template = self.ask_template()
        self.act_template.setText(f"Template: {self.template.name}" if self.template
                                  else "Template…")

    # -- exporting ---------------------------------------------------------------------------
    def export(self) -> None:
        if self.sprint_id is None:
            return
        options = self.ask_export(self.export_defaults)
        if options is None:
            return
        self.flush()
        self.export_defaults = options
        remember_folder("report", options.folder)
        cancel = threading.Event()
        dialog = QProgressDialog("Exporting the report…", "Cancel", 0, 0, self)
        dialog.setWindowTitle("Export report")
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(cancel.set)
        self.progress_dialog = dialog
        run_in_pool(_run_export, self.store, self.sprint_id, options, cancel,
                    on_done=self._export_done, on_error=self._export_failed,
                    on_progress=self._export_progress)

    def _export_progress(self, done: int, total: int) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.setMaximum(total)
            self.progress_dialog.setValue(done)

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.reset()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    def _export_done(self, paths: list[Path]) -> None:
        self._close_progress()
        self.status.setText(exported_message(paths))
        self.export_finished.emit(paths)

    def _export_failed(self, error: Exception) -> None:
        """An export error in words, here and in a box; the journal itself is untouched."""
        from sprintjournal.report.renditions import ExportCancelledError  # with the export's

        self._close_progress()
        if isinstance(error, ExportCancelledError):
            self.status.setText("Export cancelled; nothing was written.")
        else:
            message = describe_export_error(error, self.export_defaults.folder)
            self.status.setText(f"The export failed: {escape(message)}")
            self.show_export_error(message)
        self.export_finished.emit(error)

    def copy_for_blogger(self) -> None:
        """Blogger's fragment on the clipboard: as HTML for Compose, as text for the HTML view."""
        if self.sprint_id is None:
            return
        self.flush()
        run_in_pool(self.store.blogger_html, self.sprint_id,
                    self.export_defaults.long_edge, self.export_defaults.quality,
                    on_done=self._put_on_clipboard,
                    on_error=lambda exc: self.store.error.emit(f"Copy failed: {exc}"))

    def _put_on_clipboard(self, fragment: str) -> None:
        mime = QMimeData()
        mime.setHtml(fragment)
        mime.setText(fragment)
        QGuiApplication.clipboard().setMimeData(mime)
        self.status.setText("Copied for Blogger: paste into a new post (Compose or HTML view).")
        self.copied.emit(fragment)
