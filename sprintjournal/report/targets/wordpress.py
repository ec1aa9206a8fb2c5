"""WordPress: block-editor markup (Gutenberg), so pasting into the code editor keeps every block.

Each top-level element becomes its block (`<!-- wp:paragraph -->`, `wp:heading`, `wp:list`...)
and each photo a `wp:image` block: a `figure` with the image linked to its full size and a
`figcaption`. Anything without a block of its own goes into a `wp:html` block, never lost.
"""

import json
from html.parser import HTMLParser

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

_VOID = {"img", "br", "hr"}
# Blocks whose saved markup is just the element with the block's class; anything else (tables,
# quotes with their inner blocks) goes into a Custom HTML block, which the editor keeps as is.
_SIMPLE = {"p": ("paragraph", ""), "pre": ("code", "wp-block-code"),
           "hr": ("separator", "wp-block-separator has-alpha-channel-opacity")}


class _TopLevel(HTMLParser):
    """Offsets of each top-level element in an HTML fragment."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self._lines = [0]
        for line in text.splitlines(keepends=True):
            self._lines.append(self._lines[-1] + len(line))
        self.depth = 0
        self.start = 0
        self.spans: list[tuple[str, int, int]] = []

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._lines[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth == 0:
            self.start = self._offset()
            if tag in _VOID:
                size = len(self.get_starttag_text() or "")
                self.spans.append((tag, self.start, self.start + size))
                return
        if tag not in _VOID:
            self.depth += 1

    def handle_comment(self, data: str) -> None:
        if self.depth == 0:
            start = self._offset()
            self.spans.append(("#comment", start, start + len(data) + 7))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        self.depth -= 1
        if self.depth == 0:
            end = self._offset() + len(f"</{tag}>")
            self.spans.append((tag, self.start, end))


def blocks(fragment: str) -> list[tuple[str, str]]:
    """Top-level elements, and the text between them as "#text" (never dropped).

    Text outside any element is what is left of a block the sanitiser unwrapped (`<details>`,
    `<center>`): the other formats show it, so WordPress gets it as a paragraph.
    """
    parser = _TopLevel(fragment)
    parser.feed(fragment)
    parser.close()
    out: list[tuple[str, str]] = []
    last = 0
    for tag, a, b in parser.spans:
        out += _loose_text(fragment[last:a])
        out.append((tag, fragment[a:b]))
        last = b
    return out + _loose_text(fragment[last:])


def _loose_text(between: str) -> list[tuple[str, str]]:
    """Each run of text (separated by blank lines) as a paragraph of its own."""
    runs = [" ".join(part.split()) for part in between.split("\n\n")]
    return [("#text", f"<p>{run}</p>") for run in runs if run]


def _wrap(tag: str, html: str) -> str:
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        level = int(tag[1])
        attrs = "" if level == 2 else " " + json.dumps({"level": level})
        html = html.replace(f"<{tag}>", f'<{tag} class="wp-block-heading">', 1)
        return f"<!-- wp:heading{attrs} -->\n{html}\n<!-- /wp:heading -->"
    if tag in ("ul", "ol"):
        attrs = ' {"ordered":true}' if tag == "ol" else ""
        return f"<!-- wp:list{attrs} -->\n{html}\n<!-- /wp:list -->"
    if tag in ("figure", "#comment"):
        return html
    if tag == "#text":
        return f"<!-- wp:paragraph -->\n{html}\n<!-- /wp:paragraph -->"
    name, css_class = _SIMPLE.get(tag, ("html", ""))
    if css_class:
        html = html.replace(f"<{tag}", f'<{tag} class="{css_class}"', 1)
    return f"<!-- wp:{name} -->\n{html}\n<!-- /wp:{name} -->"


def image_block(photo: ExportPhoto, alt: str, caption_html: str) -> str:
    r = photo.rendition
    meta = json.dumps({"width": r.width, "height": r.height, "sizeSlug": "full",
                       "linkDestination": "media", "align": "center"})
    src = escape(photo.src)
    caption = (f'<figcaption class="wp-element-caption">{caption_html}</figcaption>'
               if caption_html else "")
    return (
        f"<!-- wp:image {meta} -->\n"
        f'<figure class="wp-block-image aligncenter size-full is-resized">'
        f'<a href="{src}"><img src="{src}" alt="{escape(alt)}" width="{r.width}" '
        f'height="{r.height}"></a>{caption}</figure>\n<!-- /wp:image -->'
    )


def fragment_html(ctx: ExportContext) -> str:
    def inline(photo: ExportPhoto, alt: str) -> str:
        return f'<img src="{escape(photo.src)}" alt="{escape(alt)}">'

    placed = body_with_photos(ctx, image_block, inline)
    out, previous = "", ""
    for tag, html in blocks(placed):
        # An image block's comments hug its figure; other blocks get a blank line between.
        joint = "\n" if "#comment" in (tag, previous) else "\n\n"
        out += (joint if out else "") + _wrap(tag, html)
        previous = tag
    return out + "\n"


def fragment(ctx: ExportContext) -> list[OutFile]:
    """Images folder, a preview page, and the block markup to paste (last)."""
    return [*image_files(ctx), preview_page(ctx, "WordPress", fragment_html),
            (f"{ctx.slug}-wordpress.html", fragment_html(ctx).encode())]


FORMATS = (ExportFormat("wordpress", "WordPress (block editor HTML)", ".html", 90, fragment),)
