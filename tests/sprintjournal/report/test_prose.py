"""The report's language helpers: user text made literal Markdown (checked with two real
Markdown engines, Python-Markdown and CommonMark's markdown-it), and the words that make
sentences follow the data."""

import html
import re
from datetime import date

import markdown
import pytest
from markdown_it import MarkdownIt

from sprintjournal.report.prose import (
    count,
    date_range,
    first_name,
    join_names,
    md,
    md_url,
    neutralise_html,
    number_word,
    ordinal_word,
    paragraphs,
    sentence,
    status_phrase,
)

HOSTILE = [
    "*Armin*", "_Maciej_", "**bold** name", "`code`", "[link](https://evil.example)",
    "![img](x.png)", "<b>Håkan</b>", "<script>alert(1)</script>", "# Heading", "- item",
    "+ item", "1. first", "2) second", "a & b", "back\\slash", "Mr. <Tismer>", "&amp; literal",
    "<https://pypy.org>", "Anto_Cuni_", "x__y__z", "> quoted",
]


def python_markdown_text(source: str) -> str:
    page = markdown.markdown(source)
    assert page.startswith("<p>") and page.endswith("</p>"), page  # one plain paragraph
    return html.unescape(page[3:-4])


def commonmark_text(source: str) -> str:
    page = MarkdownIt("commonmark").render(source).strip()
    assert page.startswith("<p>") and page.endswith("</p>"), page
    return html.unescape(page[3:-4])


@pytest.mark.parametrize("name", HOSTILE)
def test_user_text_is_shown_as_typed_by_both_markdown_engines(name: str) -> None:
    assert python_markdown_text(md(name)) == name
    assert commonmark_text(md(name)) == name


@pytest.mark.parametrize("name", HOSTILE)
def test_user_text_stays_literal_inside_a_sentence(name: str) -> None:
    source = f"Thanks to {md(name)} for the cake."
    assert python_markdown_text(source) == f"Thanks to {name} for the cake."
    assert commonmark_text(source) == f"Thanks to {name} for the cake."


def test_md_makes_one_line_and_accepts_none_and_numbers() -> None:
    assert md("  two\n lines\t here ") == "two lines here"
    assert md(None) == "" and md(42) == "42"


@pytest.mark.parametrize("url", ["https://example.org/a b", "https://en.wikipedia.org/wiki/PyPy_(x)",
                                 "https://example.org/<x>"])
def test_a_url_stays_one_whole_link(url: str) -> None:
    page = MarkdownIt("commonmark").render(f"[site]({md_url(url)})")
    href = re.search(r'href="([^"]*)"', page)
    assert href is not None and ">site</a>" in page
    assert " " not in href.group(1) and ")" not in page.split("</a>")[1]


def test_names_join_as_in_a_sentence() -> None:
    assert join_names([]) == "" and join_names(["Armin"]) == "Armin"
    assert join_names(["Armin", "Maciej"]) == "Armin and Maciej"
    assert join_names(["Armin", "", "Maciej", "Antonio"]) == "Armin, Maciej and Antonio"
    assert join_names(["tea", "coffee"], "or") == "tea or coffee"


def test_small_numbers_are_words_larger_ones_numerals() -> None:
    assert [number_word(n) for n in (0, 1, 12, 13, -1)] == ["zero", "one", "twelve", "13", "-1"]
    assert [ordinal_word(n) for n in (1, 3, 12, 13)] == ["first", "third", "twelfth", "13th"]
    assert count(1, "person", "people") == "one person"
    assert count(8, "person", "people") == "eight people"
    assert count(0, "branch", "branches") == "zero branches" and count(2, "day") == "two days"


def test_first_name_and_status_phrase() -> None:
    assert first_name("Carl Friedrich Bolz") == "Carl" and first_name("  ") == "  "
    assert status_phrase("merged") == "has been merged"
    assert status_phrase("on hold") == "is on hold"


@pytest.mark.parametrize(("start", "end", "said"), [
    (date(2011, 11, 2), date(2011, 11, 9), "from 2 to 9 November 2011"),
    (date(2011, 10, 30), date(2011, 11, 2), "from 30 October to 2 November 2011"),
    (date(2011, 12, 30), date(2012, 1, 2), "from 30 December 2011 to 2 January 2012"),
    (date(2011, 11, 2), None, "on 2 November 2011"),
    (date(2011, 11, 2), date(2011, 11, 2), "on 2 November 2011"),
    (None, date(2011, 11, 2), ""),
])
def test_date_ranges_name_month_and_year_once(
    start: date | None, end: date | None, said: str
) -> None:
    assert date_range(start, end) == said


def test_a_sentence_starts_with_a_capital_and_ends_once() -> None:
    assert sentence("  the JIT is faster ") == "The JIT is faster."
    assert sentence("is it?") == "Is it?" and sentence("done!") == "Done!"
    assert sentence("   ") == ""


def test_short_sentences_run_together_and_passages_stand_alone() -> None:
    parts = [("One.", True), ("Two.", True), ("A note paragraph.", False), ("Three.", True)]
    assert paragraphs(parts) == ["One. Two.", "A note paragraph.", "Three."]
    assert paragraphs([]) == []


def test_raw_html_in_notes_becomes_text_but_code_and_autolinks_stay() -> None:
    note = ("Before <style>body{display:none}\n"
            "`<b>in code</b>` and <https://pypy.org> and <b>bold</b>\n"
            "```\n<script>in a fence</script>\n```\n")
    assert neutralise_html(note) == (
        "Before &lt;style>body{display:none}\n"
        "`<b>in code</b>` and <https://pypy.org> and &lt;b>bold&lt;/b>\n"
        "```\n<script>in a fence</script>\n```\n")
