"""HTML exports: one self-contained page (photos as data URIs, CSS inline) or a folder.

The page is a Jinja2 template with autoescape on: the title and the dates are escaped there, and
the body is the sanitised HTML from `render`, with each photo turned into a `figure`.
"""

import base64
from functools import partial
from typing import TYPE_CHECKING

from sprintjournal.paths import resource_text
from sprintjournal.report.context import (
    ExportContext,
    ExportFormat,
    ExportPhoto,
    OutFile,
    body_with_photos,
    image_files,
    stylesheet,
)
from sprintjournal.report.prose import date_range
from sprintjournal.report.render import escape

if TYPE_CHECKING:  # Jinja2 loads for an export, not when the report panel is made
    import jinja2


def _environment() -> "jinja2.Environment":
    import jinja2

    loader = jinja2.FunctionLoader(partial(resource_text, "report"))
    return jinja2.Environment(loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True)


def data_uri(photo: ExportPhoto) -> str:
    encoded = base64.b64encode(photo.rendition.data).decode("ascii")
    return f"data:{photo.rendition.mime};base64,{encoded}"


def img_tag(photo: ExportPhoto, src: str, alt: str) -> str:
    r = photo.rendition
    return (f'<img src="{escape(src)}" alt="{escape(alt)}" width="{r.width}" '
            f'height="{r.height}">')


def body_html(ctx: ExportContext, embed: bool) -> str:
    """The sanitised report body with photos as figures: embedded, or linked to full size."""
    def src(photo: ExportPhoto) -> str:
        return data_uri(photo) if embed else photo.path

    def figure(photo: ExportPhoto, alt: str, caption_html: str) -> str:
        image = img_tag(photo, src(photo), alt)
        if not embed:
            image = f'<a href="{escape(photo.path)}">{image}</a>'
        caption = f"<figcaption>{caption_html}</figcaption>" if caption_html else ""
        return f"<figure>{image}{caption}</figure>"

    def inline(photo: ExportPhoto, alt: str) -> str:
        return img_tag(photo, src(photo), alt)

    return body_with_photos(ctx, figure, inline)


def page(ctx: ExportContext, embed: bool) -> bytes:
    s = ctx.sprint
    when = date_range(s.start, s.end).removeprefix("from ").removeprefix("on ").replace(" to ", "–")
    dates = ", ".join(p for p in (s.place, when) if p)
    template = _environment().get_template("page.html.j2")
    text = template.render(title=ctx.title, dates=dates, lang="en",
                           css=stylesheet(), body=body_html(ctx, embed))
    return text.encode("utf-8")


def single_file(ctx: ExportContext) -> list[OutFile]:
    return [(f"{ctx.slug}.html", page(ctx, embed=True))]


def folder(ctx: ExportContext) -> list[OutFile]:
    return [*image_files(ctx), ("index.html", page(ctx, embed=False))]


FORMATS = (
    ExportFormat("html", "HTML, one self-contained file", ".html", 60, single_file,
                 image_base=False),
    ExportFormat("html-dir", "HTML folder (index.html + images)", ".html", 70, folder,
                 image_base=False),
)
