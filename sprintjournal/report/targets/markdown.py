"""Markdown exports for static blogs: plain, Pelican, Hugo, Jekyll and Nikola (PyPy's blog).

The draft is published as written, with `photo:<id>` turned into the relative path of the photo
file beside it. Static-site generators pass raw HTML through, so raw HTML tags are shown as text
and links with a scheme other than http(s)/mailto lose their target: a note cannot smuggle a
script into the published blog.
"""

import html
import json
import re
from datetime import date

from sprintjournal.report.export import ExportContext, OutFile, image_files
from sprintjournal.report.prose import md, neutralise_html

_PHOTO_LINK = re.compile(r"(!\[[^\]]*\]\()\s*<?photo:(\d+)>?\s*\)")
_INLINE_DEST = re.compile(r"((?<!\\)\]\(\s*)(<[^>]*>|[^)\s]*)")
_REF_DEST = re.compile(r"^( {0,3}\[[^\]]+\]:\s*)(\S+)", re.MULTILINE)
_SAFE_SCHEMES = ("http", "https", "mailto")


def _dest_ok(dest: str) -> bool:
    """Relative links and http(s)/mailto only; entities and hidden whitespace are decoded first."""
    plain = re.sub(r"[\x00-\x20]", "", html.unescape(dest.strip("<>"))).lower()
    scheme = re.match(r"^([a-z][a-z0-9+.\-]*):", plain)
    return scheme is None or scheme.group(1) in _SAFE_SCHEMES


def defang(text: str) -> str:
    """Raw HTML shown as text, and only harmless link targets kept."""
    text = neutralise_html(text)
    text = _INLINE_DEST.sub(lambda m: m.group(0) if _dest_ok(m.group(2)) else m.group(1) + "#",
                            text)
    return _REF_DEST.sub(lambda m: m.group(0) if _dest_ok(m.group(2)) else m.group(1) + "#", text)


def body(ctx: ExportContext) -> str:
    """The draft with its photos pointing at the exported files (unknown photos dropped)."""
    def resolve(m: re.Match[str]) -> str:
        photo = ctx.photos.get(int(m.group(2)))
        return f"{m.group(1)}{photo.src})" if photo else ""

    return defang(_PHOTO_LINK.sub(resolve, ctx.text)).strip() + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _yaml(value: str | list[str]) -> str:
    """A JSON string or list is also a valid YAML flow scalar: no quoting corner cases."""
    if isinstance(value, list):
        return json.dumps([_one_line(v) for v in value], ensure_ascii=False)
    return json.dumps(_one_line(value), ensure_ascii=False)


def plain(ctx: ExportContext) -> list[OutFile]:
    page = f"# {md(ctx.title)}\n\n{body(ctx)}"
    return [*image_files(ctx), (f"{ctx.slug}.md", page.encode())]


def pelican(ctx: ExportContext) -> list[OutFile]:
    """Pelican's `Key: value` header lines, then a blank line and the text."""
    s = ctx.sprint
    # Pelican themes print the title unescaped: entities keep `<b>x</b>` literal there.
    title = html.escape(_one_line(ctx.title), quote=False)
    lines = [f"Title: {title}", f"Date: {ctx.post_date.isoformat()}", f"Slug: {ctx.slug}"]
    if s.blog_tags:
        lines.append(f"Tags: {', '.join(_one_line(t) for t in s.blog_tags)}")
    if s.blog_authors:
        lines.append(f"Authors: {', '.join(_one_line(a) for a in s.blog_authors)}")
    if ctx.description:
        lines.append(f"Summary: {ctx.description}")
    page = "\n".join(lines) + "\n\n" + body(ctx)
    return [*image_files(ctx), (f"{ctx.slug}.md", page.encode())]


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
    extra: dict[str, str | list[str]] = {"layout": "post"}
    if ctx.sprint.blog_authors:
        extra["author"] = ", ".join(ctx.sprint.blog_authors)
    page = _front_matter(ctx, extra) + body(ctx)
    name = f"{ctx.post_date.isoformat()}-{ctx.slug}.md"
    return [*image_files(ctx), (name, page.encode())]


def nikola_meta(ctx: ExportContext, when: date) -> str:
    """Nikola's two-file format: the `.meta` sidecar the PyPy blog's posts carry."""
    s = ctx.sprint
    fields = {
        "title": _one_line(ctx.title), "slug": ctx.slug,
        "date": f"{when.isoformat()} 12:00:00 UTC", "tags": ", ".join(s.blog_tags),
        "category": "", "link": "", "description": ctx.description, "type": "text",
        "author": ", ".join(s.blog_authors),
    }
    return "".join(f".. {key}: {_one_line(value)}".rstrip() + "\n" for key, value in fields.items())


def nikola(ctx: ExportContext) -> list[OutFile]:
    return [*image_files(ctx), (f"{ctx.slug}.meta", nikola_meta(ctx, ctx.post_date).encode()),
            (f"{ctx.slug}.md", body(ctx).encode())]
