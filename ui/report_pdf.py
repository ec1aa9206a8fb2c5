"""PDF export of the sprint report with Qt's own PDF writer (QTextDocument on a QPdfWriter).

It lives in `ui/` because the core may not import Qt; the command line reaches it through
`importlib` only when `--format pdf` is asked. The body is the same sanitised HTML as the other
exports; photos are the same cached web renditions, handed to the document as image resources.
The file is written under a temporary name and renamed, so a failure leaves nothing behind.
"""

import os
import threading
from pathlib import Path

from PySide6.QtCore import QByteArray, QMarginsF, QUrl
from PySide6.QtGui import (
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from sprintjournal.files import AtomicBatch
from sprintjournal.journal import Journal
from sprintjournal.report.export import (
    ExportContext,
    ExportPhoto,
    body_with_photos,
    build_context,
    stylesheet,
)
from sprintjournal.report.render import escape
from sprintjournal.report.renditions import Progress, check

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
_TEXT_WIDTH_PX = 640
_PDF_CSS = ".caption { color: #57606a; }"


def _ensure_app() -> None:
    """The command line has no QGuiApplication; fonts and images need one (offscreen is fine)."""
    if QGuiApplication.instance() is None:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _ensure_app.app = QGuiApplication([])  # type: ignore[attr-defined]


def _image(photo: ExportPhoto, alt: str) -> str:
    """An image at most the text width; Qt scales the pixels, the rendition keeps its detail."""
    width = min(_TEXT_WIDTH_PX, photo.rendition.width)
    height = round(photo.rendition.height * width / photo.rendition.width)
    return (f'<img src="{escape(photo.path)}" alt="{escape(alt or photo.alt)}" '
            f'width="{width}" height="{height}">')


def _body(ctx: ExportContext) -> str:
    """The sanitised body; figures as centred paragraphs (QTextDocument knows no <figure>)."""
    def figure(photo: ExportPhoto, alt: str, caption_html: str) -> str:
        caption = (f'<p align="center" class="caption"><i>{caption_html}</i></p>'
                   if caption_html else "")
        return f'<p align="center">{_image(photo, alt)}</p>{caption}'

    return body_with_photos(ctx, figure, _image)


def report_document(ctx: ExportContext) -> QTextDocument:
    """The report as a QTextDocument, the photos handed over as image resources."""
    doc = QTextDocument()
    doc.setDefaultStyleSheet(stylesheet() + _PDF_CSS)
    for photo in ctx.photos.values():
        image = QImage.fromData(QByteArray(photo.rendition.data))
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(photo.path), image)
    doc.setHtml(f"<h1>{escape(ctx.title)}</h1>{_body(ctx)}")
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, ctx.title)
    return doc


def write_pdf(ctx: ExportContext, path: Path, page_size: str = "A4") -> None:
    if page_size not in PAGE_SIZES:
        raise ValueError(f"Unknown page size {page_size!r}; use A4 or Letter.")
    writer = QPdfWriter(str(path))
    writer.setTitle(ctx.title)
    writer.setCreator("SprintJournal")
    writer.setPageSize(QPageSize(PAGE_SIZES[page_size]))
    writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)
    report_document(ctx).print_(writer)
    del writer  # the file is finished when the writer goes away


def export_pdf(journal: Journal, sprint_id: int, out_dir: Path, page_size: str = "A4", *,
               long_edge: int = 1600, quality: int = 85, progress: Progress | None = None,
               cancel: threading.Event | None = None) -> Path:
    """Write `<slug>.pdf` in `out_dir` atomically; returns the file (as `ui.launcher` expects)."""
    _ensure_app()
    ctx = build_context(journal, sprint_id, long_edge, quality, progress, cancel)
    check(cancel)
    with AtomicBatch(Path(out_dir)) as batch:
        target = batch.add(f"{ctx.slug}.pdf", b"")
        temp = batch.pending_path(target)
        write_pdf(ctx, temp, page_size)
        check(cancel)
    if progress is not None:
        progress(1, 1, f"Wrote {target.name}")
    return target
