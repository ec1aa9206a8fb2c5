"""Blogger: a fragment to paste into the HTML view of a new post.

Blogger strips `<style>` and scripts, so everything is inline styles. Photos are laid out the
way Blogger's own editor makes them: centred, the displayed size linking to the full size, and
the caption in Blogger's `tr-caption-container` table.
"""

from sprintjournal.report.context import (
    ExportContext,
    ExportFormat,
    ExportPhoto,
    OutFile,
    body_with_photos,
    image_files,
    preview_page,
)
from sprintjournal.report.render import escape

DISPLAY_LONG_EDGE = 640
_CENTRED = "margin-left: auto; margin-right: auto;"


def display_size(photo: ExportPhoto, long_edge: int = DISPLAY_LONG_EDGE) -> tuple[int, int]:
    """The size shown in the post; the link opens the full rendition."""
    w, h = photo.rendition.width, photo.rendition.height
    scale = min(1.0, long_edge / max(w, h))
    return max(1, round(w * scale)), max(1, round(h * scale))


def _linked_image(photo: ExportPhoto, alt: str, link_style: str) -> str:
    w, h = display_size(photo)
    src = escape(photo.src)
    return (f'<a href="{src}" style="{link_style}"><img src="{src}" alt="{escape(alt)}" '
            f'width="{w}" height="{h}" data-original-width="{photo.rendition.width}" '
            f'data-original-height="{photo.rendition.height}" style="border: 0;"></a>')


def figure_markup(photo: ExportPhoto, alt: str, caption_html: str) -> str:
    if not caption_html:
        image = _linked_image(photo, alt, "margin-left: 1em; margin-right: 1em;")
        return f'<div class="separator" style="clear: both; text-align: center;">{image}</div>'
    image = _linked_image(photo, alt, _CENTRED)
    return (
        f'<table class="tr-caption-container" style="{_CENTRED} text-align: center;">'
        f'<tbody><tr><td style="text-align: center;">{image}</td></tr>'
        f'<tr><td class="tr-caption" style="text-align: center;">{caption_html}</td></tr>'
        f"</tbody></table>"
    )


def fragment_html(ctx: ExportContext) -> str:
    def inline(photo: ExportPhoto, alt: str) -> str:
        return _linked_image(photo, alt, _CENTRED)

    return body_with_photos(ctx, figure_markup, inline).strip() + "\n"


def fragment(ctx: ExportContext) -> list[OutFile]:
    """Images folder, a preview page, and the fragment to paste (last)."""
    return [*image_files(ctx), preview_page(ctx, "Blogger", fragment_html),
            (f"{ctx.slug}-blogger.html", fragment_html(ctx).encode())]


FORMATS = (ExportFormat("blogger", "Blogger (HTML to paste)", ".html", 80, fragment),)
