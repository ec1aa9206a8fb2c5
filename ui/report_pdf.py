"""PDF export of the sprint report with Qt's own PDF writer (QTextDocument on a QPdfWriter).

It lives in `ui/` because the core may not import Qt; the command line reaches it through
`importlib` only when `--format pdf` is asked. The body is the same sanitised HTML as the other
exports; photos are the same cached web renditions, handed to the document as image resources.
The file is written under a temporary name and renamed, so a failure leaves nothing behind.
"""

import os
import threading
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import (
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from sprintjournal.files import AtomicBatch
from sprintjournal.journal import Journal
from sprintjournal.report.context import ExportContext, ExportPhoto, body_with_photos, stylesheet
from sprintjournal.report.export import build_context
from sprintjournal.report.pdf_info import add_subject
from sprintjournal.report.prose import date_range, join_names
from sprintjournal.report.render import escape
from sprintjournal.report.renditions import Progress, check

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
_TEXT_WIDTH_PX = 640
_PDF_CSS = ".caption { color: #57606a; }"


_APPS: list[QGuiApplication] = []
"""The one QGuiApplication made here, held so Python does not collect it while Qt uses it."""


def _ensure_app() -> None:
    """The command line has no QGuiApplication; fonts and images need one (offscreen is fine)."""
    if QGuiApplication.instance() is None:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _APPS.append(QGuiApplication([]))


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


def subject(ctx: ExportContext) -> str:
    """What the document is about: the sprint's description, else what, where and when."""
    if ctx.description:
        return ctx.description
    s = ctx.sprint
    what = " ".join(p for p in (s.project, "sprint") if p)
    where = f" in {s.place}" if s.place else ""
    when = date_range(s.start, s.end)
    text = f"{what}{where}{' ' + when if when else ''}".strip()
    return text[:1].upper() + text[1:]


def page_layout(page_size: str) -> QPageLayout:
    return QPageLayout(QPageSize(PAGE_SIZES[page_size]), QPageLayout.Orientation.Portrait,
                       QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)


def paginate(doc: QTextDocument, layout: QPageLayout) -> int:
    """Lay the document out in pages of the PDF's text area and keep headings with what follows.

    QTextDocument has no keep-with-next: a heading that would end a page instead gets a page
    break before it; repeated until stable (moving one heading can strand another). Returns
    the number of headings moved.
    """
    rect = layout.paintRect(QPageLayout.Unit.Point)
    doc.setPageSize(QSizeF(rect.width() * 96 / 72, rect.height() * 96 / 72))
    moved = 0
    for _round in range(10):
        stranded = [b for b in _blocks(doc) if _ends_a_page(doc, b)]
        if not stranded:
            break
        for block in stranded:
            fmt = block.blockFormat()
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(block).setBlockFormat(fmt)
            moved += 1
    return moved


def _blocks(doc: QTextDocument) -> list[QTextBlock]:
    out, block = [], doc.begin()
    while block.isValid():
        out.append(block)
        block = block.next()
    return out


def _page_of(doc: QTextDocument, y: float) -> int:
    return int(y // doc.pageSize().height())


def _ends_a_page(doc: QTextDocument, block: QTextBlock) -> bool:
    """A heading whose following block starts on a later page."""
    if block.blockFormat().headingLevel() == 0 or not block.next().isValid():
        return False
    layout = doc.documentLayout()
    nxt = block.next()
    first_line = nxt.layout().lineAt(0)
    height = first_line.height() if first_line.isValid() else 0.0
    here = _page_of(doc, layout.blockBoundingRect(block).top())
    there = _page_of(doc, layout.blockBoundingRect(nxt).top() + height - 0.5)
    return there > here


def write_pdf(ctx: ExportContext, path: Path, page_size: str = "A4") -> None:
    """The PDF with title, author (the post's authors) and subject set.

    Qt renders into memory and Python writes the file: QPdfWriter reports no write error, so on
    a full disk it left a truncated file (and a puzzling "no trailer" error) instead of ENOSPC.
    """
    if page_size not in PAGE_SIZES:
        raise ValueError(f"Unknown page size {page_size!r}; use A4 or Letter.")
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(ctx.title)
    writer.setAuthor(join_names(ctx.sprint.blog_authors, "and"))
    writer.setCreator("SprintJournal")
    layout = page_layout(page_size)
    writer.setPageLayout(layout)
    doc = report_document(ctx)
    paginate(doc, layout)
    doc.print_(writer)
    del writer  # the document is finished when the writer goes away
    path.write_bytes(buffer.data().data())
    add_subject(path, subject(ctx))


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
