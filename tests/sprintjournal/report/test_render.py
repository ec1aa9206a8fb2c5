"""The report's Markdown as HTML safe to publish, with photos left as `photo:<id>` until a target
places them: in their own paragraph as a figure with its caption, inside text inline."""

from xml.etree.ElementTree import Element

import html5lib

from sprintjournal.report.render import (
    Figure,
    escape,
    markdown_to_html,
    place_photos,
    referenced_photos,
    sanitize,
)

DRAFT = (
    "Intro\n\n"
    "![The cake](photo:3)\n*Cake by <b>Laura</b> & Jacob*\n\n"
    "Text with ![inline](photo:4) and ![web](https://x.org/a.png).\n\n"
    "![no caption](photo:5)\n"
)


def figure(fig: Figure) -> str:
    attrs = f'data-id="{fig.photo_id}" data-alt="{escape(fig.alt)}"'
    return f"<figure {attrs}>{fig.caption_html}</figure>"


def inline(photo_id: int, alt: str) -> str:
    return f'<span data-id="{photo_id}">{escape(alt)}</span>'


def parse(fragment: str) -> Element:
    """The tree a browser would build (html5lib implements the HTML standard's parser)."""
    tree: Element = html5lib.parseFragment(fragment, namespaceHTMLElements=False)
    return tree


def test_photo_paragraphs_become_figures_with_their_caption() -> None:
    placed = place_photos(markdown_to_html(DRAFT), figure, inline)
    tree = parse(placed)
    figures = tree.findall(".//figure")
    assert [(f.get("data-id"), f.get("data-alt")) for f in figures] == [
        ("3", "The cake"), ("5", "no caption")]
    assert "".join(figures[0].itertext()) == "Cake by Laura & Jacob"
    assert [b.text for b in figures[0].findall("b")] == ["Laura"]  # sanitised HTML, kept
    assert "".join(figures[1].itertext()) == ""


def test_a_photo_in_running_text_is_placed_inline_and_web_images_are_kept() -> None:
    placed = place_photos(markdown_to_html(DRAFT), figure, inline)
    tree = parse(placed)
    spans = tree.findall(".//span")
    assert [(s.get("data-id"), s.text) for s in spans] == [("4", "inline")]
    images = tree.findall(".//img")
    assert [i.get("src") for i in images] == ["https://x.org/a.png"]
    assert "photo:" not in placed


def test_an_empty_placement_drops_the_photo() -> None:
    placed = place_photos(markdown_to_html(DRAFT), lambda _f: "", lambda _i, _a: "")
    assert "photo:" not in placed and "<img" in placed  # the web image only
    assert "Text with  and" in placed


def test_alt_text_with_quotes_and_entities_reaches_the_target_as_typed() -> None:
    html = markdown_to_html('![Armin\'s "JIT" & <GC>](photo:9)\n')
    seen: list[Figure] = []

    def keep(fig: Figure) -> str:
        seen.append(fig)
        return ""

    place_photos(html, keep, inline)
    assert seen == [Figure(9, 'Armin\'s "JIT" & <GC>', "")]


def test_nothing_executable_survives_and_photo_sources_do() -> None:
    html = markdown_to_html(
        "<script>alert(1)</script>\n\n[a](javascript:alert(2)) ![x](data:image/png;base64,AA) "
        '<img src="photo:1" onerror="alert(3)">\n')
    tree = parse(html)
    assert tree.findall(".//script") == []
    for element in tree.iter():
        for name, value in element.attrib.items():
            assert not name.startswith("on")
            assert not value.strip().lower().startswith(("javascript:", "data:"))
    assert [i.get("src") for i in tree.findall(".//img")] == [None, "photo:1"]


def test_sanitize_keeps_photo_links_and_allowed_schemes_only() -> None:
    assert sanitize('<img src="photo:1" onerror="x">') == '<img src="photo:1">'
    assert sanitize('<a href="javascript:y">z</a>') == '<a rel="noopener noreferrer">z</a>'
    assert 'href="mailto:a@b.org"' in sanitize('<a href="mailto:a@b.org">m</a>')


def test_referenced_photos_in_order_of_first_appearance() -> None:
    text = "![b](photo:7)\n![a]( <photo:3> )\n![again](photo:7) [link](photo:12)"
    assert referenced_photos(text) == [7, 3, 12]
    assert referenced_photos("no photos, photo:4 in plain text") == []


def test_escape_shows_user_text_literally_quotes_included() -> None:
    assert escape('<b>"Tismer" & \'co\'</b>') == (
        "&lt;b&gt;&quot;Tismer&quot; &amp; &#x27;co&#x27;&lt;/b&gt;")
