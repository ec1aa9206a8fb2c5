"""What every export target is given: the context and its photos, the body with the target's own
photo markup, the preview page and the photo files beside a page."""

from datetime import date

import html5lib
from locations import ROOT

from sprintjournal.photos import Rendition
from sprintjournal.records import SprintRec
from sprintjournal.report.context import (
    ExportContext,
    ExportPhoto,
    body_with_photos,
    image_files,
    preview_page,
    stylesheet,
)

BASE = "https://example.org/uploads"


def photo(pid: int, alt: str = "", url: str = "") -> ExportPhoto:
    rendition = Rendition(f"jpeg {pid}".encode(), "image/jpeg", 40, 30, "jpg")
    return ExportPhoto(pid, rendition, f"images/p{pid}.jpg", f"caption {pid}", alt, url)


def context(text: str = "", sprint: SprintRec | None = None,
            **photos: ExportPhoto) -> ExportContext:
    return ExportContext('The "Gothenburg" <sprint>', text,
                         sprint or SprintRec(1, "Gothenburg", start=date(2011, 11, 2)),
                         "gothenburg-2011", {p.id: p for p in photos.values()})


def figure(p: ExportPhoto, alt: str, caption_html: str) -> str:
    caption = f"<figcaption>{caption_html}</figcaption>"
    return f'<figure><img src="{p.src}" alt="{alt}">{caption}</figure>'


def inline(p: ExportPhoto, alt: str) -> str:
    return f'<img src="{p.src}" alt="{alt}">'


def test_a_photo_is_found_at_its_web_address_when_it_has_one() -> None:
    assert photo(1).src == "images/p1.jpg"
    assert photo(1, url=f"{BASE}/p1.jpg").src == f"{BASE}/p1.jpg"


def test_the_post_is_dated_by_the_sprints_end_then_its_start_then_today() -> None:
    both = SprintRec(1, "x", start=date(2011, 11, 2), end=date(2011, 11, 9))
    assert context(sprint=both).post_date == date(2011, 11, 9)
    assert context(sprint=SprintRec(1, "x", start=date(2011, 11, 2))).post_date == date(
        2011, 11, 2)
    assert context(sprint=SprintRec(1, "x")).post_date == date.today()


def test_the_description_is_one_line() -> None:
    sprint = SprintRec(1, "x", description="  A week of\n\nJIT  work\t")
    assert context(sprint=sprint).description == "A week of JIT work"


def test_the_body_places_each_photo_with_the_targets_markup() -> None:
    ctx = context("![](photo:1)\n*The cake*\n\nSee ![Laura](photo:2) here.\n",
                  a=photo(1, alt="a cake"), b=photo(2, url=f"{BASE}/p2.jpg"))
    body = body_with_photos(ctx, figure, inline)
    tree = html5lib.parseFragment(body, namespaceHTMLElements=False)
    images = [(i.get("src"), i.get("alt")) for i in tree.iter("img")]
    assert images == [("images/p1.jpg", "a cake"), (f"{BASE}/p2.jpg", "Laura")]
    assert [c.text for c in tree.iter("figcaption")] == ["The cake"]


def test_a_photo_the_sprint_no_longer_has_is_left_out() -> None:
    body = body_with_photos(context("![gone](photo:9)\n\nText ![gone](photo:9).\n"),
                            figure, inline)
    assert "<img" not in body and "photo:" not in body and "Text ." in body


def test_the_preview_page_shows_the_photos_from_the_folder_beside_it() -> None:
    ctx = context("![x](photo:1)\n", a=photo(1, url=f"{BASE}/p1.jpg"))
    name, page = preview_page(ctx, "Blogger", lambda c: body_with_photos(c, figure, inline))
    assert name == "gothenburg-2011-blogger-preview.html"
    text = page.decode()
    assert text.startswith("<!DOCTYPE html>")
    tree = html5lib.parse(text, namespaceHTMLElements=False)
    assert tree.find("head/title").text == 'The "Gothenburg" <sprint> (Blogger preview)'
    assert [i.get("src") for i in tree.iter("img")] == ["images/p1.jpg"]
    assert ctx.photos[1].src == f"{BASE}/p1.jpg"  # the context itself is unchanged


def test_the_image_files_are_each_photos_path_and_bytes() -> None:
    ctx = context(a=photo(1), b=photo(2, url=f"{BASE}/p2.jpg"))
    assert image_files(ctx) == [("images/p1.jpg", b"jpeg 1"), ("images/p2.jpg", b"jpeg 2")]


def test_the_stylesheet_is_the_shipped_file() -> None:
    assert stylesheet() == (ROOT / "resources" / "report" / "report.css").read_text(
        encoding="utf-8")
