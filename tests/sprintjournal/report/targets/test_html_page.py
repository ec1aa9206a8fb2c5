"""`report.targets.html_page`: one self-contained page or a folder, parsed strictly by html5lib
(the WHATWG algorithm: any parse error fails the test)."""

import base64
import io
from datetime import date
from typing import Any

import html5lib
import pytest
from blog_engines import active_content
from PIL import Image

from sprintjournal.photos import Rendition
from sprintjournal.records import SprintRec
from sprintjournal.report.context import ExportContext, ExportPhoto
from sprintjournal.report.targets.html_page import (
    FORMATS,
    body_html,
    data_uri,
    folder,
    img_tag,
    page,
    single_file,
)

SPRINT = SprintRec(1, "Gothenburg", place="Göteborg", start=date(2011, 11, 2),
                   end=date(2011, 11, 9))


def photo(pid: int, caption: str = "") -> ExportPhoto:
    out = io.BytesIO()
    Image.new("RGB", (32, 24), "teal").save(out, "JPEG")
    return ExportPhoto(pid, Rendition(out.getvalue(), "image/jpeg", 32, 24, "jpg"),
                       f"images/photo-{pid}.jpg", caption, "")


def context(text: str, *photos: ExportPhoto, title: str = "PyPy sprint report",
            sprint: SprintRec = SPRINT) -> ExportContext:
    return ExportContext(title, text, sprint, "pypy-sprint-report", {p.id: p for p in photos})


def strict(html: bytes) -> Any:
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)


def test_a_data_uri_carries_the_rendition_itself() -> None:
    p = photo(1)
    uri = data_uri(p)
    assert uri.startswith("data:image/jpeg;base64,")
    assert base64.b64decode(uri.split(",", 1)[1]) == p.rendition.data


def test_img_tag_escapes_its_attributes_and_gives_the_size() -> None:
    assert img_tag(photo(1), "a&b.jpg", 'say "hi" <b>') == (
        '<img src="a&amp;b.jpg" alt="say &quot;hi&quot; &lt;b&gt;" width="32" height="24">')


def test_the_single_page_embeds_photos_and_links_to_nothing_beside_it() -> None:
    ((name, data),) = single_file(context("![Cake](photo:1)\n*The cake*", photo(1)))
    assert name == "pypy-sprint-report.html"
    root = strict(data)
    (figure,) = root.iter("figure")
    (img,) = figure.iter("img")
    assert img.get("src") == data_uri(photo(1))
    assert figure.find("a") is None
    assert "".join(figure.find("figcaption").itertext()) == "The cake"
    assert root.find("head/style") is not None and root.find("head/link") is None


def test_the_folder_links_each_figure_to_its_file() -> None:
    files = folder(context("![Cake](photo:1)\n\n![Crew](photo:2)", photo(1), photo(2)))
    assert [name for name, _ in files] == ["images/photo-1.jpg", "images/photo-2.jpg",
                                           "index.html"]
    root = strict(files[-1][1])
    links = [(a.get("href"), a.find("img").get("src")) for a in root.iter("a")]
    assert links == [("images/photo-1.jpg", "images/photo-1.jpg"),
                     ("images/photo-2.jpg", "images/photo-2.jpg")]
    assert not list(root.iter("figcaption"))


def test_the_title_is_text_wherever_it_stands() -> None:
    title = '</title><script class="pwn">alert(1)</script> & "Göteborg"'
    root = strict(page(context("Body.", title=title), embed=True))
    assert root.find("head/title").text == title
    assert "".join(root.find("body/article/h1").itertext()) == title
    baseline = set(active_content(page(context("Body."), embed=True).decode()))  # its <style>
    assert set(active_content(page(context("Body.", title=title), embed=True).decode())) <= (
        baseline)


@pytest.mark.parametrize(("sprint", "dates"), [
    (SPRINT, "Göteborg, 2–9 November 2011"),
    (SprintRec(1, "x", start=date(2011, 10, 30), end=date(2011, 11, 2)),
     "30 October–2 November 2011"),
    (SprintRec(1, "x", place="Leysin", start=date(2011, 1, 16)), "Leysin, 16 January 2011"),
    (SprintRec(1, "x", place="Leysin"), "Leysin"),
])
def test_the_dates_line_says_place_and_days(sprint: SprintRec, dates: str) -> None:
    root = strict(page(context("Body.", sprint=sprint), embed=False))
    (line,) = [p for p in root.iter("p") if p.get("class") == "dates"]
    assert line.text == dates


def test_no_dates_and_no_place_means_no_dates_line() -> None:
    html = page(context("Body.", sprint=SprintRec(1, "x")), embed=False)
    assert b'class="dates"' not in html


def test_the_body_is_the_sanitised_draft() -> None:
    body = body_html(context('Hi <script>alert(1)</script> <a href="javascript:x">y</a> '
                             "![gone](photo:5)"), embed=True)
    assert "<script" not in body and "javascript" not in body and "photo:5" not in body
    assert body.startswith("<p>Hi &lt;script&gt;")


def test_both_formats_carry_their_photos_themselves() -> None:
    assert [(f.key, f.suffix, f.build, f.image_base) for f in FORMATS] == [
        ("html", ".html", single_file, False), ("html-dir", ".html", folder, False)]
