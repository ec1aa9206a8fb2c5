"""The report written to files or to the clipboard, for the store to run on a pool thread.

The same export functions as the command line; PDF comes from Qt's writer (`report_pdf`).
"""

import dataclasses
import threading
from collections.abc import Callable
from pathlib import Path

from sprintjournal.journal import Journal
from sprintjournal.report.export import ExportContext, build_context
from sprintjournal.report.export import export_report as core_export
from sprintjournal.report.targets import blogger
from sprintjournal.report.targets.html_page import data_uri


def export_report(journal: Journal, sprint_id: int, fmt: str, folder: Path, *,
                  page_size: str = "A4", long_edge: int = 1600, quality: int = 85,
                  progress: Callable[[int, int, str], None] | None = None,
                  cancel: threading.Event | None = None) -> list[Path]:
    if fmt == "pdf":
        from .report_pdf import export_pdf

        return [export_pdf(journal, sprint_id, folder, page_size, long_edge=long_edge,
                           quality=quality, progress=progress, cancel=cancel)]
    return core_export(journal, sprint_id, fmt, folder, long_edge=long_edge, quality=quality,
                       progress=progress, cancel=cancel)


def blogger_clipboard_html(journal: Journal, sprint_id: int, long_edge: int = 1600,
                           quality: int = 85) -> str:
    """The Blogger fragment with photos embedded, so a paste needs no separate upload step."""
    ctx = build_context(journal, sprint_id, long_edge, quality)
    photos = {pid: dataclasses.replace(p, path=data_uri(p)) for pid, p in ctx.photos.items()}
    return blogger.fragment_html(ExportContext(ctx.title, ctx.text, ctx.sprint, ctx.slug, photos))
