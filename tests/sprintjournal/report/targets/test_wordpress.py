"""`report.targets.wordpress`: block-editor markup, block by block, nothing left outside."""

import io
import json
import re
from dataclasses import replace
from datetime import date

import html5lib
import pytest
from blog_engines import active_content
from PIL import Image

from sprintjournal.photos import Rendition
from sprintjournal.records import SprintRec
from sprintjournal.report.context import ExportContext, ExportPhoto
from sprintjournal.report.targets.wordpress import (
    FORMATS,
    blocks,
    fragment,
    fragment_html,
    image_block,
)

SPRINT = SprintRec(1, "Gothenburg", start=date(2011, 11, 2), end=date(2011, 11, 9))
BLOCK = re.compile(r"<!-- wp:([a-z]+)( \{.*?\})? -->\n(.*?)\n<!-- /wp:\1 -->", re.DOTALL)


def photo(pid: int, caption: str = "") -> ExportPhoto:
    out = io.BytesIO()
    Image.new("RGB", (32, 24), "teal").save(out, "JPEG")
    return ExportPhoto(pid, Rendition(out.getvalue(), "image/jpeg", 1600, 1200, "jpg"),
                       f"images/photo-{pid}.jpg", caption, "")


def context(text: str, *photos: ExportPhoto) -> ExportContext:
    return ExportContext("PyPy sprint report", text, SPRINT, "pypy-sprint-report",
                         {p.id: p for p in photos})


def parsed(markup: str) -> list[tuple[str, dict[str, object], str]]:
    """The blocks as the editor's grammar reads them; content outside any block fails."""
    found = [(m.group(1), json.loads(m.group(2) or "{}"), m.group(3))
             for m in BLOCK.finditer(markup)]
    outside = BLOCK.sub("", markup)
    assert not outside.strip(), f"outside any block (a Classic block): {outside!r}"
    return found


def test_top_level_elements_and_loose_text_are_split_in_order() -> None:
    assert blocks("loose start\n\n<p>a</p>\n<hr>\n<!-- c -->\ntext\n\nmore\n<h3>h</h3>tail") == [
        ("#text", "<p>loose start</p>"), ("p", "<p>a</p>"), ("hr", "<hr>"),
        ("#comment", "<!-- c -->"), ("#text", "<p>text</p>"), ("#text", "<p>more</p>"),
        ("h3", "<h3>h</h3>"), ("#text", "<p>tail</p>")]


def test_nested_elements_of_one_name_stay_in_their_block() -> None:
    html = "<blockquote><blockquote><p>deep</p></blockquote></blockquote><p>after</p>"
    assert [tag for tag, _ in blocks(html)] == ["blockquote", "p"]
    assert blocks(html)[0][1] == "<blockquote><blockquote><p>deep</p></blockquote></blockquote>"


def test_each_kind_of_content_gets_its_block() -> None:
    markup = fragment_html(context(
        "# One\n\n## Two\n\n### Three\n\nText.\n\n1. a\n2. b\n\n- c\n\n---\n\n"
        "```\nx = <y>\n```\n\n> quoted\n\n<details>unwrapped</details>"))
    found = [(name, attrs) for name, attrs, _html in parsed(markup)]
    assert found == [
        ("heading", {"level": 1}), ("heading", {}), ("heading", {"level": 3}),
        ("paragraph", {}), ("list", {"ordered": True}), ("list", {}), ("separator", {}),
        ("code", {}), ("html", {}), ("paragraph", {})]
    assert '<h2 class="wp-block-heading">Two</h2>' in markup
    assert '<pre class="wp-block-code"><code>x = &lt;y&gt;' in markup
    assert '<hr class="wp-block-separator has-alpha-channel-opacity">' in markup


def test_an_image_block_links_to_full_size_and_declares_its_size() -> None:
    markup = image_block(photo(1), 'The "cake"', "The <em>cake</em>")
    (name, attrs, html) = parsed(markup)[0]
    assert name == "image"
    assert attrs == {"width": 1600, "height": 1200, "sizeSlug": "full",
                     "linkDestination": "media", "align": "center"}
    root = html5lib.parse(html, namespaceHTMLElements=False)
    (figure,) = root.iter("figure")
    (link,) = figure.iter("a")
    (img,) = link.iter("img")
    assert link.get("href") == img.get("src") == "images/photo-1.jpg"
    assert img.get("alt") == 'The "cake"'
    (caption,) = figure.iter("figcaption")
    assert "".join(caption.itertext()) == "The cake"


def test_without_a_caption_there_is_no_figcaption() -> None:
    assert "figcaption" not in image_block(photo(1), "alt", "")


def test_photos_in_the_draft_become_image_blocks_at_their_web_address() -> None:
    web = replace(photo(1), url="https://img.example/photo-1.jpg")
    markup = fragment_html(context(
        "Intro.\n\n![Cake](photo:1)\n*The cake*\n\nInline ![x](photo:1) and ![y](photo:7).",
        web))
    names = [name for name, _a, _h in parsed(markup)]
    assert names == ["paragraph", "image", "paragraph"]
    assert markup.count('src="https://img.example/photo-1.jpg"') == 2
    assert "photo:7" not in markup and "images/photo-1.jpg" not in markup
    assert not active_content(markup)


def test_the_block_markup_comes_last_after_the_photos_and_a_local_preview() -> None:
    web = replace(photo(1), url="https://img.example/photo-1.jpg")
    files = fragment(context("![Cake](photo:1)", web))
    assert [name for name, _ in files] == [
        "images/photo-1.jpg", "pypy-sprint-report-wordpress-preview.html",
        "pypy-sprint-report-wordpress.html"]
    assert b"images/photo-1.jpg" in files[1][1] and b"img.example" not in files[1][1]


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_an_empty_draft_is_an_empty_post(text: str) -> None:
    assert fragment_html(context(text)) == "\n"


def test_the_format_declares_itself() -> None:
    (fmt,) = FORMATS
    assert (fmt.key, fmt.suffix, fmt.build, fmt.image_base) == ("wordpress", ".html", fragment,
                                                                True)
