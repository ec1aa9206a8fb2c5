"""What every export target is given and shares: the context, its photos, a format's
declaration, and the helpers that place photos and write preview pages.

The targets (`report/targets/`) import this module and nothing above it; `formats` collects
their declarations and `export` runs one. So the arrows point one way:
export -> formats -> targets -> context.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from sprintjournal.paths import resource_text
from sprintjournal.photos import Rendition
from sprintjournal.records import SprintRec
from sprintjournal.report.render import Figure, escape, markdown_to_html, place_photos


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


@dataclass(frozen=True)
class ExportFormat:
    """One export format, as its module in `report/targets` declares it (in `FORMATS`).

    The command line (`--format`), the Export dialog and the tests list these; adding a format
    is adding a module there.
    """

    key: str
    """The name on the command line and in saved settings: "md", "html-dir"..."""
    label: str
    """What the Export dialog shows."""
    suffix: str
    """The suffix of the page or post, the file written last."""
    rank: int
    """The format's place in the lists (the dialog's, the command line's)."""
    build: Target
    image_base: bool = True
    """Whether the photos may be referred to at a web address (`--image-base-url`) instead
    of the images folder beside the page; False where the page carries its photos itself."""


def stylesheet(name: str = "report.css") -> str:
    text = resource_text("report", name)
    assert text is not None, f"{name} ships with the app"
    return text


FigureMarkup = Callable[[ExportPhoto, str, str], str]
"""(photo, alt text, caption HTML) -> a target's markup for a photo in its own paragraph."""
InlineMarkup = Callable[[ExportPhoto, str], str]


def body_with_photos(ctx: ExportContext, figure: FigureMarkup, inline: InlineMarkup) -> str:
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
