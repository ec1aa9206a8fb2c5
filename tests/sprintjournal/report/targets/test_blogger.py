"""`report.targets.blogger`: the fragment pasted into Blogger's HTML view, read as a browser
reads it (html5lib) and scanned for active content with the engines' checker."""

import io
from dataclasses import replace
from datetime import date
from typing import Any

import html5lib
import pytest
from blog_engines import active_content
from PIL import Image

from sprintjournal.photos import Rendition
from sprintjournal.records import SprintRec
from sprintjournal.report.context import ExportContext, ExportPhoto
from sprintjournal.report.targets.blogger import FORMATS, display_size, fragment, fragment_html

SPRINT = SprintRec(1, "Gothenburg", start=date(2011, 11, 2), end=date(2011, 11, 9))


def photo(pid: int, width: int, height: int, caption: str = "", alt: str = "") -> ExportPhoto:
    out = io.BytesIO()
    Image.new("RGB", (min(width, 64), min(height, 64)), "teal").save(out, "JPEG")
    rendition = Rendition(out.getvalue(), "image/jpeg", width, height, "jpg")
    return ExportPhoto(pid, rendition, f"images/photo-{pid}.jpg", caption, alt)


def context(text: str, *photos: ExportPhoto) -> ExportContext:
    return ExportContext("PyPy sprint report", text, SPRINT, "pypy-sprint-report",
                         {p.id: p for p in photos})


def tree(fragment: str) -> Any:
    return html5lib.parse(fragment, namespaceHTMLElements=False)


@pytest.mark.parametrize(("size", "shown"), [
    ((1600, 1200), (640, 480)),
    ((1200, 1600), (480, 640)),
    ((300, 200), (300, 200)),  # never enlarged
    ((640, 100), (640, 100)),
    ((1, 10000), (1, 640)),  # never narrower than a pixel
])
def test_display_size_fits_the_long_edge_into_640(size: tuple[int, int],
                                                  shown: tuple[int, int]) -> None:
    assert display_size(photo(1, *size)) == shown


def test_a_photo_without_a_caption_is_a_centred_separator_linking_to_full_size() -> None:
    html = fragment_html(context("Before.\n\n![The cake](photo:1)\n\nAfter.",
                                 photo(1, 1600, 1200)))
    root = tree(html)
    (div,) = root.iter("div")
    assert div.get("class") == "separator" and "text-align: center" in div.get("style")
    (link,) = div.iter("a")
    (img,) = link.iter("img")
    assert link.get("href") == img.get("src") == "images/photo-1.jpg"
    assert (img.get("width"), img.get("height"), img.get("alt")) == ("640", "480", "The cake")
    assert (img.get("data-original-width"), img.get("data-original-height")) == ("1600", "1200")
    assert "tr-caption" not in html


def test_a_caption_goes_into_bloggers_caption_table() -> None:
    html = fragment_html(context("![Cake](photo:1)\n*The **cake** of the sprint*",
                                 photo(1, 800, 600)))
    (cell,) = [td for td in tree(html).iter("td")
               if td.get("class") == "tr-caption"]
    assert "".join(cell.itertext()) == "The cake of the sprint"
    assert cell.find("strong") is not None


def test_a_photo_in_running_text_is_a_linked_image_and_an_unknown_one_is_dropped() -> None:
    html = fragment_html(context("See ![the crew](photo:1) and ![gone](photo:9) here.",
                                 photo(1, 100, 50)))
    imgs = list(tree(html).iter("img"))
    assert [(i.get("src"), i.get("alt")) for i in imgs] == [("images/photo-1.jpg", "the crew")]
    assert "photo:9" not in html and "gone" not in html


def test_the_photos_own_alt_text_is_used_when_the_draft_gives_none() -> None:
    html = fragment_html(context("![](photo:1)", photo(1, 100, 50, alt="Armin at the board")))
    (img,) = tree(html).iter("img")
    assert img.get("alt") == "Armin at the board"


def test_hostile_text_and_addresses_stay_inert() -> None:
    hostile = replace(photo(1, 100, 50), url='https://img.example/a"onerror="x.jpg')
    html = fragment_html(context(
        '<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))\n\n'
        '![a" onload="alert(4)](photo:1)', hostile))
    assert not active_content(html)
    placed = [i for i in tree(html).iter("img")
              if i.get("data-original-width")]
    assert [(i.get("src"), i.get("alt")) for i in placed] == [
        ('https://img.example/a"onerror="x.jpg', 'a" onload="alert(4)')]


def test_the_fragment_comes_last_after_the_photos_and_a_local_preview() -> None:
    web = replace(photo(1, 100, 50), url="https://img.example/photo-1.jpg")
    files = fragment(context("![Cake](photo:1)", web))
    assert [name for name, _data in files] == [
        "images/photo-1.jpg", "pypy-sprint-report-blogger-preview.html",
        "pypy-sprint-report-blogger.html"]
    assert files[0][1] == web.rendition.data
    preview, post = files[1][1].decode(), files[2][1].decode()
    assert "https://img.example/photo-1.jpg" in post and "images/photo-1.jpg" not in post
    assert "images/photo-1.jpg" in preview and "img.example" not in preview
    assert "<title>PyPy sprint report (Blogger preview)</title>" in preview


def test_the_format_declares_itself() -> None:
    (fmt,) = FORMATS
    assert (fmt.key, fmt.suffix, fmt.build, fmt.image_base) == ("blogger", ".html", fragment,
                                                                 True)
