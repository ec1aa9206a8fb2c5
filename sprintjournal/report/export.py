"""Export the sprint report: the one entry point for the app's Export dialog and the command line.

`export_report` takes the saved draft (or composes one), prepares the web renditions of the
photos it shows, lets the chosen target build its files, and writes them all atomically inside
`out_dir`. Progress is reported and a `threading.Event` cancels; either way nothing half-done
is ever left at a target name.
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sprintjournal.files import AtomicBatch
from sprintjournal.journal import Journal
from sprintjournal.paths import resource_text
from sprintjournal.photos import Rendition
from sprintjournal.records import SprintRec
from sprintjournal.report.compose import compose_draft, report_title
from sprintjournal.report.render import (
    Figure,
    escape,
    markdown_to_html,
    place_photos,
    referenced_photos,
)
from sprintjournal.report.renditions import ExportCancelledError, Progress, check, make_renditions
from sprintjournal.safe_names import MAX_SLUG, UniqueNames, photo_filename, slugify

FORMATS = ("md", "pelican", "hugo", "jekyll", "nikola", "html", "html-dir", "blogger",
           "wordpress")
IMAGES = "images"

__all__ = ["FORMATS", "ExportCancelledError", "ExportContext", "ExportPhoto", "export_report"]


@dataclass(frozen=True)
class ExportPhoto:
    """A photo as it leaves the journal: a fresh rendition and its safe relative path.

    `url` is where the post finds it: the relative path, or the same file name under the web
    address the user uploads the images folder to (`image_base`), for Blogger and WordPress.
    """

    id: int
    rendition: Rendition
    path: str
    caption: str
    alt: str
    url: str = ""

    @property
    def src(self) -> str:
        return self.url or self.path


@dataclass(frozen=True)
class ExportContext:
    """What every target gets: the text to publish and the photos it refers to."""

    title: str
    text: str
    sprint: SprintRec
    slug: str
    photos: dict[int, ExportPhoto]

    @property
    def post_date(self) -> date:
        return self.sprint.end or self.sprint.start or date.today()

    @property
    def description(self) -> str:
        return " ".join(self.sprint.description.split())


OutFile = tuple[str, bytes]
Target = Callable[[ExportContext], list[OutFile]]


def stylesheet(name: str = "report.css") -> str:
    text = resource_text("report", name)
    assert text is not None, f"{name} ships with the app"
    return text


def _targets() -> dict[str, Target]:
    from sprintjournal.report.targets import blogger, html_page, markdown, wordpress

    return {
        "md": markdown.plain, "pelican": markdown.pelican, "hugo": markdown.hugo,
        "jekyll": markdown.jekyll, "nikola": markdown.nikola, "html": html_page.single_file,
        "html-dir": html_page.folder, "blogger": blogger.fragment,
        "wordpress": wordpress.fragment,
    }


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
    targets = _targets()
    if fmt not in targets:
        raise ValueError(f"Unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}.")
    ctx = build_context(journal, sprint_id, long_edge, quality, progress, cancel, group_by)
    if image_base is not None:
        ctx = with_image_base(ctx, image_base)
    files = targets[fmt](ctx)
    check(cancel)
    with AtomicBatch(Path(out_dir)) as batch:
        for index, (relative, data) in enumerate(files, start=1):
            check(cancel)
            batch.add(relative, data)
            if progress is not None:
                progress(index, len(files), f"Writing {relative}")
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


FigureMarkup = Callable[["ExportPhoto", str, str], str]
"""(photo, alt text, caption HTML) -> a target's markup for a photo in its own paragraph."""
InlineMarkup = Callable[["ExportPhoto", str], str]


def body_with_photos(ctx: "ExportContext", figure: FigureMarkup, inline: InlineMarkup) -> str:
    """The sanitised report body, each `photo:<id>` placed with the target's own markup.

    A photo the draft names but the sprint no longer has is left out; alt text falls back to
    the photo's own.
    """

    def place_figure(fig: Figure) -> str:
        photo = ctx.photos.get(fig.photo_id)
        return "" if photo is None else figure(photo, fig.alt or photo.alt, fig.caption_html)

    def place_inline(photo_id: int, alt: str) -> str:
        photo = ctx.photos.get(photo_id)
        return "" if photo is None else inline(photo, alt or photo.alt)

    return place_photos(markdown_to_html(ctx.text), place_figure, place_inline)


PREVIEW_PAGE = ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
                '<title>{title} ({service} preview)</title>\n</head>\n<body>\n{body}</body>\n'
                "</html>\n")


def preview_page(ctx: ExportContext, service: str, fragment: Callable[[ExportContext], str]
                 ) -> OutFile:
    """The fragment in a page of its own with the photos from the folder beside it, to open in
    a browser before posting (whatever image address the fragment itself uses)."""
    local = replace(ctx, photos={pid: replace(p, url="") for pid, p in ctx.photos.items()})
    page = PREVIEW_PAGE.format(title=escape(ctx.title), service=service, body=fragment(local))
    return f"{ctx.slug}-{service.lower()}-preview.html", page.encode()


def image_files(ctx: ExportContext) -> list[OutFile]:
    """The photo files beside a page (every target but the self-contained HTML)."""
    return [(p.path, p.rendition.data) for p in ctx.photos.values()]
