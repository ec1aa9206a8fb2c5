"""The rendered preview of a note, kept live without making typing wait for it.

Rendering goes through `sprintjournal.markdown_render` (Markdown then nh3), the same function the
report uses. A short note is rendered on the GUI thread after a short pause in typing; a long one
(a pasted log of megabytes) is cut to `PREVIEW_LIMIT` characters and rendered in a worker thread,
and a result that a newer render has overtaken is dropped.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import QTextBrowser, QWidget

from ..throttle import Debouncer

if TYPE_CHECKING:
    from sprintjournal.markdown_render import Resolver

SYNC_LIMIT = 20_000
PREVIEW_LIMIT = 50_000
SHORT_DELAY_MS = 150
LONG_DELAY_MS = 800


class _RenderJob(QObject):
    done = Signal(int, str)


class _RenderTask(QRunnable):
    def __init__(self, job: _RenderJob, generation: int, render: Callable[[], str]) -> None:
        super().__init__()
        self._job, self._generation, self._render = job, generation, render

    def run(self) -> None:
        self._job.done.emit(self._generation, self._render())


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
        self._pending_source: str | Callable[[], str] = ""
        self._generation = 0
        self._jobs: set[_RenderJob] = set()
        self._debounce = Debouncer(self._render_now, SHORT_DELAY_MS, self)
        self.apply_palette()

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

    def set_resolver(self, resolve: "Resolver") -> None:
        self._resolve = resolve

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """Nothing is fetched: the app is offline and a note must not load remote content."""
        return None

    def show_text(self, text: str) -> None:
        """Render now (a note was opened); long texts still go to the worker."""
        self._pending_source = text
        self._debounce.cancel()
        self._render_now()

    def schedule(self, text: str | Callable[[], str], length: int | None = None) -> None:
        """Render after a pause in typing, longer for long texts.

        `text` may be a function giving the text when the render happens, so a keystroke in a
        note of megabytes does not copy the whole note each time (`length` sets the pause).
        """
        self._pending_source = text
        size = length if length is not None else len(text) if isinstance(text, str) else 0
        self._debounce.set_delay(SHORT_DELAY_MS if size <= SYNC_LIMIT else LONG_DELAY_MS)
        self._debounce.trigger()

    @property
    def busy(self) -> bool:
        return self._debounce.pending or bool(self._jobs)

    def _render_now(self) -> None:
        self._generation += 1
        source = self._pending_source
        text = source if isinstance(source, str) else source()
        if not text.strip():
            self._show(self._generation, "")
            return
        # Imported on the first real render, not with the panel: at startup the notes are shown
        # (and the editor takes keys) first, and Markdown (about 20 ms) loads on the next turn.
        from functools import partial

        from sprintjournal.markdown_render import APP_SCHEMES, no_links, render_markdown

        resolve = self._resolve or no_links
        if len(text) <= SYNC_LIMIT:
            self._show(self._generation, render_markdown(text, resolve, APP_SCHEMES))
            return
        notice = ""
        if len(text) > PREVIEW_LIMIT:
            notice = (f"\n\n---\n\n*The preview shows the first {PREVIEW_LIMIT:,} of "
                      f"{len(text):,} characters; the whole note is saved.*")
        job = _RenderJob()
        job.done.connect(self._show)
        self._jobs.add(job)
        render = partial(render_markdown, text[:PREVIEW_LIMIT] + notice, resolve, APP_SCHEMES)
        QThreadPool.globalInstance().start(_RenderTask(job, self._generation, render))

    def _show(self, generation: int, html: str) -> None:
        self._jobs = {job for job in self._jobs if job is not self.sender()}
        if generation != self._generation:
            return
        bar = self.verticalScrollBar()
        position = bar.value()
        self.setHtml(html)
        bar.setValue(position)
        self.rendered.emit()

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == "sj":
            item = url.path().strip("/")
            if item.isdigit():
                self.mention_activated.emit(url.host(), int(item))
        elif url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
