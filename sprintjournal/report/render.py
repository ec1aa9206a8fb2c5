"""The report's Markdown to HTML that is safe to publish: Python-Markdown, then an nh3 allowlist.

Whatever a note or the edited draft contains (script, event handlers, `javascript:` in any
encoding, `data:` URLs, iframes, SVG) is removed here, before any export target sees the HTML
(FAULTS 33). Photos stay `photo:<id>` references until a target resolves them: each target
decides whether a photo becomes a data URI, a file beside the page or a Blogger caption table.
"""

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from sprintjournal.markdown_render import render_markdown, sanitize_html

SCHEMES = frozenset({"http", "https", "mailto", "photo"})
_FIGURE = re.compile(r"<p>\s*<img ([^>]*?)/?>\s*(?:<br>\s*)?(?:<em>(.*?)</em>)?\s*</p>", re.DOTALL)
_IMG = re.compile(r"<img ([^>]*?)/?>")
_ATTR = re.compile(r'([\w-]+)="([^"]*)"')
_PHOTO_SRC = re.compile(r"^photo:(\d+)$")


@dataclass(frozen=True)
class Figure:
    """A photo standing in its own paragraph, with the caption line written under it."""

    photo_id: int
    alt: str
    caption_html: str


FigureBuilder = Callable[[Figure], str]
InlineImage = Callable[[int, str], str]


def sanitize(fragment: str) -> str:
    """The app's one allowlist (see markdown_render), with `photo:` image sources kept."""
    return sanitize_html(fragment, SCHEMES)


def markdown_to_html(text: str) -> str:
    """User Markdown to sanitised HTML; `photo:<id>` images are left for a target to resolve."""
    return render_markdown(text, schemes=SCHEMES, line_breaks=False)


def _attrs(raw: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR.findall(raw)}


def place_photos(safe_html: str, figure: FigureBuilder, inline: InlineImage) -> str:
    """Turn photo paragraphs into the target's figure markup and resolve other photo images.

    `figure` receives a caption that is already sanitised HTML; `inline(photo_id, alt)` returns
    the markup for a photo inside running text ("" drops it). Images with any other source (a
    web URL written by the user) are kept as they are.
    """

    def _figure(m: re.Match[str]) -> str:
        attrs = _attrs(m.group(1))
        found = _PHOTO_SRC.match(attrs.get("src", ""))
        if found is None:
            return m.group(0)
        return figure(Figure(int(found.group(1)), attrs.get("alt", ""), m.group(2) or ""))

    def _inline(m: re.Match[str]) -> str:
        attrs = _attrs(m.group(1))
        found = _PHOTO_SRC.match(attrs.get("src", ""))
        return m.group(0) if found is None else inline(int(found.group(1)), attrs.get("alt", ""))

    return _IMG.sub(_inline, _FIGURE.sub(_figure, safe_html))


def referenced_photos(markdown_text: str) -> list[int]:
    """Photo ids the draft shows, in order of first appearance."""
    seen: dict[int, None] = {}
    for m in re.finditer(r"\(\s*<?photo:(\d+)", markdown_text):
        seen.setdefault(int(m.group(1)), None)
    return list(seen)


def escape(text: str) -> str:
    """Plain user text (a title, a name) for HTML: shown literally, quotes included."""
    return html.escape(text, quote=True)
