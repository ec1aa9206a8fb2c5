"""Markdown exports for static blogs: plain, Pelican, Hugo, Jekyll and Nikola (PyPy's blog).

The draft is rendered and sanitised like the HTML exports, then written back as Markdown that
every engine reads as the same inert text (`safe_markdown`), with `photo:<id>` turned into the
relative path of the photo file beside it. Header fields are plain text for each engine: JSON
strings (a subset of YAML) for Hugo and Jekyll, look-alikes where Pelican or Nikola themes would
decode an entity back into markup. tests/faults/test_faults_engines.py builds the posts with
the real engines (FAULTS 41-42).
"""

import json
import re
from datetime import date

from sprintjournal.report.context import ExportContext, ExportFormat, OutFile, image_files
from sprintjournal.report.render import markdown_to_html
from sprintjournal.report.safe_markdown import escape_text, html_to_markdown

_PHOTO_SRC = re.compile(r"^photo:(\d+)$")
# Pelican themes print titles, tags and authors as HTML, and also through `striptags`, which
# decodes entities again (into `<title>` and attributes): no entity is safe in both places,
# so these characters are written as look-alikes there (`&` as `&amp;`: decoded once, harmless).
# Nikola's comment snippets have the same need (see `_nikola_text`).
_PELICAN_LOOKALIKES = str.maketrans({"<": "‹", ">": "›", '"': "”", "'": "’"})


def body(ctx: ExportContext) -> str:
    """The draft as inert Markdown, its photos pointing at the exported files (unknown dropped).

    The draft goes through the app's one renderer and allowlist, then back to Markdown (see
    `safe_markdown`): what a blog engine builds from it is what the HTML exports publish.
    """

    def image_src(src: str) -> str | None:
        match = _PHOTO_SRC.match(src)
        if match is None:
            return src
        photo = ctx.photos.get(int(match.group(1)))
        return photo.src if photo else None

    return html_to_markdown(markdown_to_html(ctx.text), image_src)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _yaml(value: str | list[str]) -> str:
    """A JSON string or list is also a valid YAML flow scalar: no quoting corner cases."""
    if isinstance(value, list):
        return json.dumps([_one_line(v) for v in value], ensure_ascii=False)
    return json.dumps(_one_line(value), ensure_ascii=False)


def plain(ctx: ExportContext) -> list[OutFile]:
    page = f"# {escape_text(_one_line(ctx.title))}\n\n{body(ctx)}"
    return [*image_files(ctx), (f"{ctx.slug}.md", page.encode())]


def pelican(ctx: ExportContext) -> list[OutFile]:
    """Pelican's `Key: value` header lines, then a blank line and the text."""
    s = ctx.sprint
    title = _pelican_text(ctx.title)
    lines = [f"Title: {title}", f"Date: {ctx.post_date.isoformat()}", f"Slug: {ctx.slug}"]
    if s.blog_tags:
        lines.append(f"Tags: {', '.join(_pelican_text(t, ',') for t in s.blog_tags)}")
    if s.blog_authors:
        lines.append(f"Authors: {', '.join(_pelican_text(a, ',') for a in s.blog_authors)}")
    if ctx.description:
        # Pelican renders the summary as Markdown (FORMATTED_FIELDS).
        summary = _one_line(ctx.description).translate(_PELICAN_LOOKALIKES)
        lines.append(f"Summary: {escape_text(summary)}")
    page = "\n".join(lines) + "\n\n" + body(ctx)
    return [*image_files(ctx), (f"{ctx.slug}.md", page.encode())]


def _pelican_text(text: str, separator: str = "") -> str:
    """One line of plain text for a Pelican header (a `,` would split a tag list)."""
    flat = _one_line(text).translate(_PELICAN_LOOKALIKES).replace("&", "&amp;")
    return flat.replace(separator, "‚") if separator else flat


def _front_matter(ctx: ExportContext, extra: dict[str, str | list[str]]) -> str:
    s = ctx.sprint
    fields: dict[str, str | list[str]] = {"title": ctx.title, "date": ctx.post_date.isoformat()}
    fields.update(extra)
    if s.blog_tags:
        fields["tags"] = list(s.blog_tags)
    if ctx.description:
        fields["description"] = ctx.description
    lines = [f"{key}: {_yaml(value)}" for key, value in fields.items()]
    lines[1] = f"date: {ctx.post_date.isoformat()}"  # a bare YAML date, as both tools expect
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def hugo(ctx: ExportContext) -> list[OutFile]:
    extra: dict[str, str | list[str]] = {"slug": ctx.slug, "draft": "false"}
    if ctx.sprint.blog_authors:
        extra["authors"] = list(ctx.sprint.blog_authors)
    page = _front_matter(ctx, extra).replace('draft: "false"', "draft: false") + body(ctx)
    return [*image_files(ctx), (f"{ctx.slug}.md", page.encode())]


def jekyll(ctx: ExportContext) -> list[OutFile]:
    """Jekyll wants posts named YYYY-MM-DD-slug.md."""
    # Liquid runs before kramdown, even inside code: the post is not a template.
    extra: dict[str, str | list[str]] = {"layout": "post", "render_with_liquid": "false"}
    if ctx.sprint.blog_authors:
        extra["author"] = ", ".join(ctx.sprint.blog_authors)
    page = _front_matter(ctx, extra).replace('liquid: "false"', "liquid: false") + body(ctx)
    name = f"{ctx.post_date.isoformat()}-{ctx.slug}.md"
    return [*image_files(ctx), (name, page.encode())]


def nikola_meta(ctx: ExportContext, when: date) -> str:
    """Nikola's two-file format: the `.meta` sidecar the PyPy blog's posts carry."""
    s = ctx.sprint
    fields = {
        "title": _nikola_text(ctx.title), "slug": ctx.slug,
        "date": f"{when.isoformat()} 12:00:00 UTC",
        "tags": ", ".join(_nikola_text(t).replace(",", "‚") for t in s.blog_tags),
        "category": "", "link": "", "description": _nikola_text(ctx.description), "type": "text",
        "author": ", ".join(_nikola_text(a) for a in s.blog_authors),
    }
    return "".join(f".. {key}: {value}".rstrip() + "\n" for key, value in fields.items())


def _nikola_text(text: str) -> str:
    """Nikola escapes its fields in HTML, but its comment snippets put the title into a script
    string as is, where `</script>` ends the script: `<` and `>` are written as look-alikes."""
    return _one_line(text).translate(_PELICAN_LOOKALIKES)


def nikola(ctx: ExportContext) -> list[OutFile]:
    return [*image_files(ctx), (f"{ctx.slug}.meta", nikola_meta(ctx, ctx.post_date).encode()),
            (f"{ctx.slug}.md", body(ctx).encode())]


FORMATS = (
    ExportFormat("md", "Markdown", ".md", 10, plain),
    ExportFormat("pelican", "Pelican (Markdown)", ".md", 20, pelican),
    ExportFormat("hugo", "Hugo (Markdown)", ".md", 30, hugo),
    ExportFormat("jekyll", "Jekyll (Markdown)", ".md", 40, jekyll),
    ExportFormat("nikola", "Nikola (Markdown + .meta)", ".md", 50, nikola),
)
