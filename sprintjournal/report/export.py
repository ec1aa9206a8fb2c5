"""Export the sprint report: the one entry point for the app's Export dialog and the command line.

`export_report` takes the saved draft (or composes one), prepares the web renditions of the
photos it shows, lets the chosen target build its files, and writes them all atomically inside
`out_dir`. Progress is reported and a `threading.Event` cancels; either way nothing half-done
is ever left at a target name.
"""

import threading
from dataclasses import replace
from pathlib import Path

from sprintjournal.files import AtomicBatch
from sprintjournal.journal import Journal
from sprintjournal.report.compose import compose_draft, report_title
from sprintjournal.report.context import ExportContext, ExportPhoto
from sprintjournal.report.formats import formats
from sprintjournal.report.render import referenced_photos
from sprintjournal.report.renditions import ExportCancelledError, Progress, check, make_renditions
from sprintjournal.safe_names import MAX_SLUG, UniqueNames, photo_filename, slugify

IMAGES = "images"

__all__ = ["ExportCancelledError", "ExportContext", "build_context", "export_report"]


def report_text(journal: Journal, sprint_id: int, group_by: str | None = None) -> str:
    """The user's draft if there is one; otherwise a fresh one (not saved).

    Asking for an order (`group_by`) composes a fresh draft in that order instead.
    """
    if group_by is not None:
        return compose_draft(journal, sprint_id, group_by)
    return journal.get_report(sprint_id).text or compose_draft(journal, sprint_id)


def export_report(
    journal: Journal, sprint_id: int, fmt: str, out_dir: Path, *, long_edge: int = 1600,
    quality: int = 85, progress: Progress | None = None, cancel: threading.Event | None = None,
    group_by: str | None = None, image_base: str | None = None,
) -> list[Path]:
    """Write the report in format `fmt` inside `out_dir`; returns the files written, page last."""
    known = formats()
    if fmt not in known:
        raise ValueError(f"Unknown export format {fmt!r}; use one of: {', '.join(known)}.")
    ctx = build_context(journal, sprint_id, long_edge, quality, progress, cancel, group_by)
    if image_base is not None:
        ctx = with_image_base(ctx, image_base)
    files = known[fmt].build(ctx)
    check(cancel)

    def written(index: int, relative: str) -> None:
        if progress is not None:
            progress(index, len(files), f"Writing {relative}")
        check(cancel)

    with AtomicBatch(Path(out_dir)) as batch:
        batch.add_all(files, written)
    return batch.written


def build_context(journal: Journal, sprint_id: int, long_edge: int = 1600, quality: int = 85,
                  progress: Progress | None = None,
                  cancel: threading.Event | None = None,
                  group_by: str | None = None) -> ExportContext:
    """Everything a target needs, with the renditions of the photos the text shows."""
    text = report_text(journal, sprint_id, group_by)
    title = report_title(journal, sprint_id)
    known = {p.id: p for p in journal.list_photos(sprint_id)}
    wanted = [pid for pid in referenced_photos(text) if pid in known]
    made = make_renditions(journal, wanted, long_edge, quality, progress=progress, cancel=cancel)
    names = UniqueNames()
    photos = {
        pid: ExportPhoto(
            pid, made[pid],
            f"{IMAGES}/{names.claim(photo_filename(known[pid].filename, made[pid].extension))}",
            known[pid].caption, known[pid].alt or known[pid].caption,
        )
        for pid in wanted
    }
    slug = slugify(title, fallback="report", max_len=MAX_SLUG)
    return ExportContext(title, text, journal.get_sprint(sprint_id), slug, photos)


def with_image_base(ctx: ExportContext, base: str) -> ExportContext:
    """Photos referred to at `base` + file name: where the user uploads the images folder."""
    if not base.startswith(("https://", "http://")) or any(c in base for c in " \"'<>"):
        raise ValueError(f"The image address must be a web address (https://...), not {base!r}.")
    root = base.rstrip("/")
    photos = {pid: replace(p, url=f"{root}/{p.path.split('/', 1)[1]}")
              for pid, p in ctx.photos.items()}
    return replace(ctx, photos=photos)
