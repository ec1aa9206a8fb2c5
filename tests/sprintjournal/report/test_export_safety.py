"""Hostile text and names in the journal never become markup, scripts or paths outside the folder.

FAULTS 33-35: XSS vectors in notes, names shown literally in every export, unsafe file names.
"""

import html
import io
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from PIL import Image

from sprintjournal.journal import Journal
from sprintjournal.publish import marks_for
from sprintjournal.report.compose import generate
from sprintjournal.report.export import export_report
from sprintjournal.report.formats import formats

FORMATS = tuple(formats())

HTML_FORMATS = tuple(key for key, fmt in formats().items() if fmt.suffix == ".html")
MD_FORMATS = tuple(f for f in FORMATS if f not in HTML_FORMATS)
VECTORS = [
    "<script>alert('s')</script>",
    '<img src="x" onerror="alert(1)">',
    "<IMG SRC=x OnError=alert(2)>",
    "[click](javascript:alert(3))",
    "[click](JaVaScRiPt:alert(4))",
    "[enc](&#106;avascript:alert(5))",
    "[hex](&#x6A;&#x61;vascript:alert(6))",
    '<a href="&#106;avascript:alert(7)">entity link</a>',
    '<a href="java&#x09;script:alert(8)">tab link</a>',
    "![pixel](data:image/svg+xml;base64,PHN2Zy8+)",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg5KTwvc2NyaXB0Pg==)",
    '<iframe src="https://evil.example/"></iframe>',
    "<svg><script>alert(10)</script></svg>",
    "<svg onload=alert(11)>",
    '<div style="background:url(javascript:alert(12))">styled</div>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(13)>",
    '<object data="evil.swf"></object><embed src="evil.swf">',
    "<form action=javascript:alert(14)><input type=submit></form>",
]
NAMES = ["<b>x</b>", "*x*", "[a](javascript:alert(1))"]
ALLOWED_SCHEMES = ("http:", "https:", "mailto:")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    collector.close()
    return collector


def dangerous(tag: str, attrs: list[tuple[str, str | None]], embedded_ok: bool) -> list[str]:
    """Everything in one start tag that could run code or load something unexpected."""
    found = [tag] if tag in {"script", "iframe", "svg", "math", "object", "embed", "form",
                             "input"} else []
    for name, value in attrs:
        url = re.sub(r"[\x00-\x20]", "", html.unescape(value or "")).lower()
        if name.startswith("on") or (name == "style" and "url(" in url):
            found.append(f"{tag} {name}")
        if name in ("href", "src", "action", "data") and ":" in url.split("/")[0]:
            ok = url.startswith(ALLOWED_SCHEMES) or (
                embedded_ok and name == "src" and url.startswith("data:image/jpeg;base64,"))
            if not ok:
                found.append(f"{tag} {name}={url[:40]}")
    return found


def _with_vectors_in_notes(journal: Journal, sid: int) -> None:
    """Notes marked for the report (unmarked notes never reach it at all)."""
    for n, vector in enumerate(VECTORS):
        _published_note(journal, sid, date(2024, 1, 1 + n), f"Day {n}: {vector} after")


def _published_note(journal: Journal, sid: int, day: date, text: str) -> None:
    note = journal.add_note(sid, day, text).id
    journal.set_note_publish(note, marks_for(text, True))


@pytest.mark.parametrize("fmt", HTML_FORMATS)
def test_fault_33_no_xss_vector_reaches_html_output(
    journal: Journal, fmt: str, tmp_path: Path
) -> None:
    sid = journal.add_sprint("Hostile", project="PyPy", place="Nowhere").id
    journal.add_branch(sid, "xss", ["Ada Lovelace"], goal=VECTORS[0], results=[VECTORS[1]],
                       links=["javascript:alert(99)"], notes=VECTORS[3],
                       notes_publish=True)
    _with_vectors_in_notes(journal, sid)
    journal.add_photo(sid, _tiny_jpeg(1), '"><script>alert(20)</script>.jpg',
                      caption=VECTORS[1] + " caption", alt='" onerror="alert(21)')
    generate(journal, sid)
    draft = journal.get_report(sid).text or ""
    journal.save_report(sid, text=draft + "\n\n" + "\n\n".join(VECTORS) + "\n")
    page = export_report(journal, sid, fmt, tmp_path)[-1].read_text()
    parsed = parse(page)
    found = [d for tag, attrs in parsed.tags for d in dangerous(tag, attrs, fmt == "html")]
    assert found == []
    urls_and_handlers = [v or "" for _, attrs in parsed.tags for k, v in attrs
                         if k not in ("alt", "title")]
    assert "alert(" not in " ".join(urls_and_handlers)
    alts = [v for _, attrs in parsed.tags for k, v in attrs if k == "alt"]
    assert '" onerror="alert(21)' in alts, "a hostile alt text stays text inside its attribute"
    assert "Day 5:" in page and "after" in page, "the notes themselves must still be there"
    assert "Wrapping up" in page, "one note's unclosed <style> must not swallow the rest"
    assert re.search(r"alert\(1\)&quot;&gt; caption|alert\(1\)\"&gt; caption", page), (
        "the caption must be there, as text")


@pytest.mark.parametrize("fmt", MD_FORMATS)
def test_markdown_exports_carry_no_raw_html_or_script_links(journal: Journal, fmt: str,
                                                            tmp_path: Path) -> None:
    sid = journal.add_sprint("Hostile", project="PyPy", place="Nowhere").id
    _with_vectors_in_notes(journal, sid)
    page = export_report(journal, sid, fmt, tmp_path)[-1].read_text()
    rendered = MarkdownIt("commonmark").render(page.split("\n---\n", 1)[-1])
    parsed = parse(rendered)
    found = [d for tag, attrs in parsed.tags for d in dangerous(tag, attrs, False)]
    assert found == []
    assert not re.search(r"\]\(\s*(&#|java|data:)", page, flags=re.IGNORECASE)


@pytest.mark.parametrize("fmt", FORMATS)
def test_fault_34_names_are_shown_literally_in_every_export(journal: Journal, fmt: str,
                                                   tmp_path: Path) -> None:
    sid = journal.add_sprint(NAMES[1], project="PyPy", place=NAMES[0]).id
    for name in NAMES:
        journal.add_attendee(sid, name)
    journal.add_branch(sid, NAMES[0], NAMES, goal=NAMES[2], results=[NAMES[1]])
    journal.save_report(sid, title=NAMES[0])
    written = export_report(journal, sid, fmt, tmp_path)
    page = written[-1].read_text()
    if fmt == "pelican":
        head, page = page.split("\n\n", 1)
        # Pelican themes decode entities again (striptags): look-alikes, never tags (FAULTS 41).
        assert "Title: ‹b›x‹/b›" in head.splitlines()
    elif fmt in ("hugo", "jekyll"):
        head, page = page.split("\n---\n\n", 1)
        assert 'title: "<b>x</b>"' in head.splitlines()
    if fmt in MD_FORMATS:
        page = MarkdownIt("commonmark").render(page)
    parsed = parse(page)
    text = " ".join("".join(parsed.text).split())
    for name in NAMES:
        assert name in text
    assert {tag for tag, _ in parsed.tags}.isdisjoint({"b"})
    assert not [a for tag, attrs in parsed.tags if tag == "a" for a in attrs
                if "javascript" in (a[1] or "")]
    assert all(p.resolve().is_relative_to(tmp_path.resolve()) for p in written)


UNSAFE_NAMES = ["../../x.jpg", "/etc/passwd", "C:\\x.jpg", "CON.txt", "a/NUL", "x" * 300 + ".jpg",
                "trailing.", "trailing ", "IMG_0001.jpg", "IMG_0001.jpg", "img_0001.JPG", ".jpg",
                "..", "com1.png", "Håkan Ardö.jpeg"]


def _tiny_jpeg(n: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40 + n, 30), (n * 10 % 255, 80, 120)).save(buffer, "JPEG")
    return buffer.getvalue()


def test_fault_35_photo_file_names_land_inside_the_folder_unique_and_safe(journal: Journal,
                                                                  tmp_path: Path) -> None:
    sid = journal.add_sprint("Names", project="PyPy", place="Here").id
    for n, name in enumerate(UNSAFE_NAMES):
        journal.add_photo(sid, _tiny_jpeg(n), name, caption=f"photo {n}")
    out = tmp_path / "chosen"
    written = export_report(journal, sid, "html-dir", out)
    images = [p for p in written if p.parent == (out / "images").resolve()]
    assert len(images) == len(UNSAFE_NAMES)
    assert len({p.name.casefold() for p in images}) == len(images)
    assert set(out.rglob("*")) == {out / "images", out / "index.html",
                                   *(out / "images" / p.name for p in images)}
    for p in images:
        stem = p.name.rsplit(".", 1)[0]
        assert re.fullmatch(r"[a-z0-9-]+\.jpg", p.name), p.name
        assert stem.split("-")[0] not in {"con", "nul", "com1"} and len(p.name) <= 80


def test_hostile_report_title_gives_a_safe_file_name(journal: Journal, tmp_path: Path) -> None:
    sid = journal.add_sprint("T").id
    journal.save_report(sid, title="../../etc/passwd")
    written = export_report(journal, sid, "md", tmp_path / "out")
    assert [p.name for p in written] == ["etc-passwd.md"]
    assert written[0].parent == (tmp_path / "out").resolve()


def test_an_unclosed_style_in_a_note_does_not_swallow_the_report(journal: Journal,
                                                                  tmp_path: Path) -> None:
    sid = journal.add_sprint("T", project="PyPy", place="Here").id
    _published_note(journal, sid, date(2024, 1, 1), "Oops <style> never closed")
    _published_note(journal, sid, date(2024, 1, 2), "The next day's note")
    page = export_report(journal, sid, "html", tmp_path)[-1].read_text()
    body = page.split("</style>", 1)[1]
    assert "Oops &lt;style&gt; never closed" in body
    assert "The next day's note" in body and "Wrapping up" in body


@pytest.mark.parametrize("tag", ["style", "SCRIPT", "textarea", "title", "xmp", "noscript",
                                 "plaintext", "iframe"])
def test_an_unclosed_raw_text_tag_typed_in_the_draft_hides_nothing(journal: Journal, tag: str,
                                                                   tmp_path: Path) -> None:
    sid = journal.add_sprint("T").id
    journal.save_report(sid, text=f"First <{tag}> paragraph.\n\nSecond paragraph.\n")
    frag = export_report(journal, sid, "blogger", tmp_path)[-1].read_text()
    assert f"First &lt;{tag}&gt; paragraph." in frag and "Second paragraph." in frag
    assert not [t for t, _ in parse(frag).tags if t == tag.lower()]
