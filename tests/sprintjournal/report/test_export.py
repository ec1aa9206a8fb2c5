"""Exports of the demo sprint's report: files, formats, photos, cache, progress, cancel."""

import io
import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token
from PIL import ExifTags, Image

from sprintjournal.demo import CAKE_CAPTION, build_demo
from sprintjournal.errors import PhotoError
from sprintjournal.journal import Journal
from sprintjournal.report import renditions
from sprintjournal.report.compose import generate
from sprintjournal.report.export import ExportCancelledError, export_report
from sprintjournal.report.formats import formats

FORMATS = tuple(formats())

SLUG = "pypy-gothenburg-sprint-report"
MAIN_FILE = {
    "md": f"{SLUG}.md",
    "pelican": f"{SLUG}.md",
    "hugo": f"{SLUG}.md",
    "jekyll": f"2011-11-09-{SLUG}.md",
    "nikola": f"{SLUG}.md",
    "html": f"{SLUG}.html",
    "html-dir": "index.html",
    "blogger": f"{SLUG}-blogger.html",
    "wordpress": f"{SLUG}-wordpress.html",
}

CAPTION = f"{CAKE_CAPTION}, with Armin Rigo and Håkan Ardö"  # the tagged people named


@pytest.fixture
def demo(journal: Journal) -> Iterator[tuple[Journal, int]]:
    sprint_id = build_demo(journal)
    generate(journal, sprint_id, group_by="branch")
    yield journal, sprint_id


def inline_tokens(tokens: list[Token], kind: str) -> list[Token]:
    return [c for t in tokens if t.children for c in t.children if c.type == kind]


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_writes_its_files_inside_the_folder(
    demo: tuple[Journal, int], fmt: str, tmp_path: Path
) -> None:
    journal, sid = demo
    out = tmp_path / "out"
    written = export_report(journal, sid, fmt, out)
    assert written[-1] == (out / MAIN_FILE[fmt]).resolve()
    assert written[-1].suffix == formats()[fmt].suffix
    assert all(p.resolve().is_relative_to(out.resolve()) and p.is_file() for p in written)
    images = {p.name for p in written if p.parent.name == "images"}
    assert images == (set() if fmt == "html" else {"cake.jpg"})
    assert not list(out.rglob("*.part"))


@pytest.mark.parametrize("fmt", ["md", "pelican", "hugo", "jekyll", "nikola"])
def test_markdown_exports_parse_into_headings_images_and_links(
    demo: tuple[Journal, int], fmt: str, tmp_path: Path
) -> None:
    journal, sid = demo
    page = export_report(journal, sid, fmt, tmp_path)[-1]
    text = page.read_text(encoding="utf-8")
    body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)
    if fmt == "pelican":
        body = body.split("\n\n", 1)[1]
    tokens = MarkdownIt("commonmark").parse(body)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert {"SpecialisedTuple", "ffistruct", "Wrapping up"} <= set(headings)
    images = inline_tokens(tokens, "image")
    assert [i.attrs["src"] for i in images] == ["images/cake.jpg"]
    assert (page.parent / "images" / "cake.jpg").is_file()
    links = [t.attrs["href"] for t in inline_tokens(tokens, "link_open")]
    assert "https://bitbucket.org/pypy/pypy/src/specialisedtuple" in links


def front_matter(text: str) -> dict[str, object]:
    """Hugo/Jekyll front matter: `key: value` lines whose values are JSON (a YAML subset)."""
    match = re.match(r"\A---\n(.*?)\n---\n\n", text, flags=re.DOTALL)
    assert match, "no front matter"
    fields: dict[str, object] = {}
    for line in match.group(1).splitlines():
        key, value = line.split(": ", 1)
        fields[key] = value if key == "date" else json.loads(value)
    return fields


@pytest.mark.parametrize("fmt", ["hugo", "jekyll"])
def test_front_matter_is_valid_and_complete(
    demo: tuple[Journal, int], fmt: str, tmp_path: Path
) -> None:
    journal, sid = demo
    fields = front_matter(export_report(journal, sid, fmt, tmp_path)[-1].read_text())
    assert fields["title"] == "PyPy Gothenburg sprint report"
    assert fields["date"] == "2011-11-09"
    assert fields["tags"] == ["sprint", "pypy", "jit", "stm"]
    if fmt == "jekyll":
        assert fields["layout"] == "post"
        assert fields["author"] == "Laura Creighton, Antonio Cuni"
    else:
        assert fields["authors"] == ["Laura Creighton", "Antonio Cuni"]


def test_pelican_header_lines(demo: tuple[Journal, int], tmp_path: Path) -> None:
    journal, sid = demo
    head = export_report(journal, sid, "pelican", tmp_path)[-1].read_text().split("\n\n")[0]
    assert head.splitlines()[:3] == [
        "Title: PyPy Gothenburg sprint report",
        "Date: 2011-11-09",
        f"Slug: {SLUG}",
    ]
    assert "Authors: Laura Creighton, Antonio Cuni" in head.splitlines()


def test_nikola_meta_sidecar(demo: tuple[Journal, int], tmp_path: Path) -> None:
    journal, sid = demo
    export_report(journal, sid, "nikola", tmp_path)
    meta: dict[str, str] = {}
    for line in (tmp_path / f"{SLUG}.meta").read_text().splitlines():
        key, _, value = line.removeprefix(".. ").partition(":")
        meta[key] = value.strip()
    assert meta["title"] == "PyPy Gothenburg sprint report"
    assert meta["slug"] == SLUG
    assert meta["date"] == "2011-11-09 12:00:00 UTC"
    assert meta["tags"] == "sprint, pypy, jit, stm"
    assert meta["type"] == "text"
    assert not (tmp_path / f"{SLUG}.md").read_text().startswith("---")


def test_self_contained_html_embeds_photos_and_css(
    demo: tuple[Journal, int], tmp_path: Path
) -> None:
    journal, sid = demo
    page = export_report(journal, sid, "html", tmp_path)[-1].read_text()
    sources = re.findall(r'\bsrc="([^"]*)"', page)
    assert sources and all(s.startswith("data:image/jpeg;base64,") for s in sources)
    assert "<style>" in page and "<link" not in page and "<script" not in page
    assert f"<figcaption>{CAPTION}</figcaption>" in page


def test_html_dir_links_display_to_full_photo(demo: tuple[Journal, int], tmp_path: Path) -> None:
    journal, sid = demo
    page = export_report(journal, sid, "html-dir", tmp_path)[-1].read_text()
    assert '<a href="images/cake.jpg"><img src="images/cake.jpg"' in page


def test_blogger_fragment_uses_inline_styles_and_caption_tables(
    demo: tuple[Journal, int], tmp_path: Path
) -> None:
    journal, sid = demo
    frag = export_report(journal, sid, "blogger", tmp_path)[-1].read_text()
    assert "<style" not in frag and "<script" not in frag and "<html" not in frag
    table = re.search(
        r'<table class="tr-caption-container" style="[^"]*margin-left: auto; '
        r"margin-right: auto;.*?</table>",
        frag,
        flags=re.DOTALL,
    )
    assert table
    assert re.search(
        r'<a href="images/cake.jpg"[^>]*><img src="images/cake.jpg"[^>]* '
        r'width="640" height="480" data-original-width="1600"',
        table.group(0),
    )
    assert (
        f'<td class="tr-caption" style="text-align: center;">{CAPTION}</td>'
    ) in table.group(0)


def test_wordpress_blocks_are_balanced_and_images_are_figures(
    demo: tuple[Journal, int], tmp_path: Path
) -> None:
    journal, sid = demo
    frag = export_report(journal, sid, "wordpress", tmp_path)[-1].read_text()
    opened = re.findall(r"<!-- wp:([a-z-]+)", frag)
    closed = re.findall(r"<!-- /wp:([a-z-]+) -->", frag)
    assert opened == closed and "image" in opened and "heading" in opened
    image = re.search(r"<!-- wp:image (\{.*?\}) -->\n(.*?)\n<!-- /wp:image -->", frag, re.DOTALL)
    assert image and json.loads(image.group(1))["linkDestination"] == "media"
    assert image.group(2).startswith('<figure class="wp-block-image')
    assert (
        f'<figcaption class="wp-element-caption">{CAPTION}</figcaption></figure>'
    ) in image.group(2)
    outside = re.sub(r"<!-- wp:.*?<!-- /wp:[a-z-]+ -->", "", frag, flags=re.DOTALL)
    assert not outside.strip(), "content outside any block would become a Classic block"


def test_exported_photo_is_upright_and_has_no_metadata(
    demo: tuple[Journal, int], tmp_path: Path
) -> None:
    journal, sid = demo
    original = Image.open(io.BytesIO(journal.photo_bytes(journal.list_photos(sid)[0].id)))
    assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo), "the demo photo should carry GPS"
    assert original.getexif()[ExifTags.Base.Orientation] == 6
    export_report(journal, sid, "html-dir", tmp_path)
    data = (tmp_path / "images" / "cake.jpg").read_bytes()
    photo = Image.open(io.BytesIO(data))
    assert photo.size == (1600, 1200)
    assert not photo.getexif()
    assert not photo.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert b"Exif" not in data and b"http://ns.adobe.com/xap" not in data
    assert not {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile"} & set(photo.info)


def test_long_edge_and_quality_are_configurable(demo: tuple[Journal, int], tmp_path: Path) -> None:
    journal, sid = demo
    export_report(journal, sid, "md", tmp_path / "small", long_edge=800, quality=40)
    export_report(journal, sid, "md", tmp_path / "big", long_edge=800, quality=90)
    small = (tmp_path / "small" / "images" / "cake.jpg").read_bytes()
    assert Image.open(io.BytesIO(small)).size == (800, 600)
    assert len(small) < len((tmp_path / "big" / "images" / "cake.jpg").read_bytes())


def test_second_export_uses_the_cached_rendition(
    demo: tuple[Journal, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal, sid = demo
    export_report(journal, sid, "md", tmp_path / "first")
    photo_id = journal.list_photos(sid)[0].id
    assert journal.cached_rendition(photo_id, 1600, 85) is not None

    def no_rendering(*args: object, **kwargs: object) -> None:
        raise AssertionError("a cached rendition was made again")

    monkeypatch.setattr(renditions, "web_rendition", no_rendering)
    export_report(journal, sid, "md", tmp_path / "second")
    first = (tmp_path / "first" / "images" / "cake.jpg").read_bytes()
    assert (tmp_path / "second" / "images" / "cake.jpg").read_bytes() == first


def test_progress_reaches_the_total(demo: tuple[Journal, int], tmp_path: Path) -> None:
    journal, sid = demo
    seen: list[tuple[int, int, str]] = []
    export_report(journal, sid, "html-dir", tmp_path, progress=lambda *a: seen.append(a))
    assert seen[-1][0] == seen[-1][1] == 2
    assert any(msg.startswith("Preparing photos") for _, _, msg in seen)


def test_cancel_leaves_the_previous_export_intact(
    demo: tuple[Journal, int], tmp_path: Path
) -> None:
    journal, sid = demo
    out = tmp_path / "out"
    export_report(journal, sid, "html-dir", out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    journal.save_report(sid, text="# Changed\n\n![x](photo:1)\n")
    cancel = threading.Event()

    def press_cancel_when_writing(done: int, total: int, message: str) -> None:
        if message.startswith("Writing"):
            cancel.set()

    with pytest.raises(ExportCancelledError):
        export_report(
            journal,
            sid,
            "html-dir",
            out,
            progress=press_cancel_when_writing,
            cancel=cancel,
            long_edge=700,
        )
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before


def test_cancel_before_start_writes_nothing(demo: tuple[Journal, int], tmp_path: Path) -> None:
    journal, sid = demo
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ExportCancelledError):
        export_report(journal, sid, "md", tmp_path / "out", cancel=cancel)
    assert not (tmp_path / "out").exists()


def test_unknown_format_is_refused(demo: tuple[Journal, int], tmp_path: Path) -> None:
    journal, sid = demo
    with pytest.raises(ValueError, match="Unknown export format 'docx'"):
        export_report(journal, sid, "docx", tmp_path)


def test_a_failing_photo_fails_the_export_and_leaves_the_old_one(demo: tuple[Journal, int],
                                                                 tmp_path: Path) -> None:
    """Bit rot in a photo: the export stops with the photo's error; nothing is half-replaced."""
    journal, sid = demo
    out = tmp_path / "out"
    export_report(journal, sid, "html-dir", out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    photo_id = journal.list_photos(sid)[0].id
    with journal.raw() as conn:
        conn.execute("DELETE FROM rendition")
        conn.execute("UPDATE photo_data SET data = substr(data, 1, 4000) WHERE photo_id = ?",
                     (photo_id,))
    with pytest.raises(PhotoError, match="incomplete"):
        export_report(journal, sid, "html-dir", out, long_edge=900)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_wordpress_keeps_every_kind_of_content_in_a_block(demo: tuple[Journal, int],
                                                          tmp_path: Path) -> None:
    journal, sid = demo
    journal.save_report(sid, text="Intro\n\n---\n\n```\nx = <y>\n```\n\n> quoted\n\n"
                                  "| a | b |\n|---|---|\n| 1 | 2 |\n\n1. one\n2. two\n")
    frag = export_report(journal, sid, "wordpress", tmp_path)[-1].read_text()
    assert re.findall(r"<!-- wp:([a-z]+)", frag) == ["paragraph", "separator", "code", "html",
                                                     "html", "list"]
    assert '<pre class="wp-block-code"><code>x = &lt;y&gt;' in frag
    outside = re.sub(r"<!-- wp:.*?<!-- /wp:[a-z-]+ -->", "", frag, flags=re.DOTALL)
    assert not outside.strip()


def test_journal_rendition_is_made_once_then_cached(demo: tuple[Journal, int]) -> None:
    journal, sid = demo
    photo_id = journal.list_photos(sid)[0].id
    assert journal.cached_rendition(photo_id, 640, 70) is None
    made = journal.rendition(photo_id, 640, 70)
    assert (made.width, made.height, made.mime) == (640, 480, "image/jpeg")
    assert journal.cached_rendition(photo_id, 640, 70) == made
    assert journal.cached_rendition(photo_id, 640, 71) is None, "quality is part of the key"
    assert journal.rendition(photo_id, 640, 70).data == made.data
