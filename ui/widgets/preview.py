"""The rendered preview of a note, kept live without making typing wait for it.

Rendering goes through `sprintjournal.markdown_render` (Markdown then nh3), the same function the
report uses. A short note is rendered on the GUI thread after a short pause in typing; a long one
(a pasted log of megabytes) is cut to `PREVIEW_LIMIT` characters and rendered in a worker thread,
which also parses the HTML into the QTextDocument shown (14 ms for 50,000 characters, a stall
of the GUI thread when done there); a result that a newer render has overtaken is dropped.
"""

from __future__ import annotations  # QUrl is named in annotations only

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QDesktopServices, QPalette, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from ..throttle import Debouncer
from .document_text import head, length

if TYPE_CHECKING:
    from PySide6.QtCore import (
        QThread,  # with its enums, after the notes (gc_policy.settle)
        QUrl,  # its enums (about 1 ms) wait for a link or an image
    )

    from sprintjournal.markdown_render import Resolver

SYNC_LIMIT = 20_000
PREVIEW_LIMIT = 50_000
SHORT_DELAY_MS = 150
LONG_DELAY_MS = 800
LONGEST_BLOCK = 2_000
"""Characters of one paragraph in a long note's preview: Qt lays a paragraph out in one go on
the GUI thread (a 50,000-character one froze it 130 ms), so longer runs of lines are shown as
paragraphs of about this size (the text saved is untouched)."""
Source = str | Callable[[], str] | QTextDocument


def bounded_paragraphs(text: str, longest: int = LONGEST_BLOCK) -> str:
    """`text` with a blank line put between two lines where a paragraph (outside code fences)
    would grow past `longest` characters; a single longer line stays whole."""
    out: list[str] = []
    size, fenced = 0, False
    for line in text.split("\n"):
        fence = line.lstrip().startswith(("```", "~~~"))
        if not line.strip():
            size = 0
        elif not (fenced or fence) and size and size + len(line) > longest:
            out.append("")
            size = 0
        fenced ^= fence
        size += len(line) + 1
        out.append(line)
    return "\n".join(out)


class OfflineDocument(QTextDocument):
    """A preview's document: nothing is fetched (the app is offline; a note must not load
    remote content)."""

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        return None


class _RenderJob(QObject):
    done = Signal(int, QTextDocument)
    document: QTextDocument | None = None


class _RenderTask(QRunnable):
    """Renders on the pool and builds the document there, handed to the GUI thread."""

    def __init__(self, job: _RenderJob, generation: int, render: Callable[[], str],
                 style: str, target: QThread) -> None:
        super().__init__()
        self._job, self._generation, self._render = job, generation, render
        self._style, self._target = style, target

    def run(self) -> None:
        document = OfflineDocument()
        document.setDefaultStyleSheet(self._style)
        document.setHtml(self._render())
        document.moveToThread(self._target)
        self._job.document = document  # kept alive until the GUI thread adopts it
        self._job.done.emit(self._generation, document)


class NotePreview(QTextBrowser):
    """A QTextBrowser that renders Markdown and turns `sj://kind/id` clicks into a signal."""

    mention_activated = Signal(str, int)  # kind ("person"/"branch"), id
    rendered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Rendered preview of the note")
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._on_anchor)
        self._resolve: Resolver | None = None
        self._pending_source: Source = ""
        self._generation = 0
        self._jobs: set[_RenderJob] = set()
        self._debounce = Debouncer(self._render_now, SHORT_DELAY_MS, self)
        self.apply_palette()
        self._built = True

    _built = False  # a palette change may arrive while __init__ runs (parenting)

    def changeEvent(self, event: QEvent) -> None:
        """A theme switch (View ▸ Theme, or the system's turning dark at dusk): links and code
        take the new palette's colours, and what is shown is drawn again in them (the old
        rendering kept dark blue links on the dark background)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._built:
            self.apply_palette()
            self._render_now()

    def apply_palette(self) -> None:
        """Mention and code colours from the current palette, so dark mode stays readable."""
        pal = self.palette()
        link = pal.color(QPalette.ColorRole.Link).name()
        muted = pal.color(QPalette.ColorRole.PlaceholderText).name()
        code_bg = pal.color(QPalette.ColorRole.AlternateBase).name()
        self.document().setDefaultStyleSheet(
            f"a {{ color: {link}; }} a.mention {{ text-decoration: none; font-weight: 600; }}"
            f" span.unknown {{ color: {muted}; }} code, pre {{ background-color: {code_bg}; }}"
        )

    def set_resolver(self, resolve: Resolver) -> None:
        self._resolve = resolve

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """Nothing is fetched: the app is offline and a note must not load remote content."""
        return None

    def show_text(self, text: Source) -> None:
        """Render now (a note was opened); long texts still go to the worker."""
        self._pending_source = text
        self._debounce.cancel()
        self._render_now()

    def schedule(self, text: Source, size: int | None = None) -> None:
        """Render after a pause in typing, longer for long texts.

        `text` may be the editor's document (or a function giving the text), read when the
        render happens: a keystroke in a note of megabytes copies nothing, and the render reads
        only the part shown (`size` sets the pause).
        """
        self._pending_source = text
        if size is None:
            size = len(text) if isinstance(text, str) else (
                length(text) if isinstance(text, QTextDocument) else 0)
        self._debounce.set_delay(SHORT_DELAY_MS if size <= SYNC_LIMIT else LONG_DELAY_MS)
        self._debounce.trigger()

    @property
    def busy(self) -> bool:
        return self._debounce.pending or bool(self._jobs)

    def _render_now(self) -> None:
        self._generation += 1
        source = self._pending_source
        if isinstance(source, QTextDocument):
            text, total = head(source, PREVIEW_LIMIT), length(source)
        else:
            text = source if isinstance(source, str) else source()
            total = len(text)
        if not text.strip():
            self._show(self._generation, "")
            return
        # Imported on the first real render, not with the panel: at startup the notes are shown
        # (and the editor takes keys) first, and Markdown (about 20 ms) loads on the next turn.
        from sprintjournal.markdown_render import APP_SCHEMES, no_links, render_markdown

        resolve = self._resolve or no_links
        if total <= SYNC_LIMIT:
            self._show(self._generation, render_markdown(text, resolve, APP_SCHEMES))
            return
        notice = ""
        if total > PREVIEW_LIMIT:
            notice = (f"\n\n---\n\n*The preview shows the first {PREVIEW_LIMIT:,} of "
                      f"{total:,} characters; the whole note is saved.*")
        job = _RenderJob()
        job.done.connect(self._adopt)
        self._jobs.add(job)
        head_text = text[:PREVIEW_LIMIT]

        def render() -> str:  # on the worker
            return render_markdown(bounded_paragraphs(head_text) + notice, resolve, APP_SCHEMES)

        task = _RenderTask(job, self._generation, render, self.document().defaultStyleSheet(),
                           self.thread())
        QThreadPool.globalInstance().start(task)

    def _show(self, generation: int, html: str) -> None:
        if generation != self._generation:
            return
        position = self.verticalScrollBar().value()
        self.setHtml(html)
        self.verticalScrollBar().setValue(position)
        self.rendered.emit()

    def _adopt(self, generation: int, document: QTextDocument) -> None:
        """A worker's document: shown unless a newer render overtook it."""
        job = self.sender()
        self._jobs = {j for j in self._jobs if j is not job}
        if isinstance(job, _RenderJob):
            job.document = None
        document.setParent(self)  # now owned here (and deleted with the preview or when replaced)
        if generation != self._generation:
            document.deleteLater()
            return
        position = self.verticalScrollBar().value()
        self._replace_document(document)
        self.verticalScrollBar().setValue(position)
        self.rendered.emit()

    def _replace_document(self, document: QTextDocument) -> None:
        old = self.document()
        self.setDocument(document)
        if isinstance(old, OfflineDocument):
            old.deleteLater()

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == "sj":
            item = url.path().strip("/")
            if item.isdigit():
                self.mention_activated.emit(url.host(), int(item))
        elif url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
