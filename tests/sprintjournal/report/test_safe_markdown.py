"""`report.safe_markdown`: sanitised HTML written back as Markdown every engine reads alike.

The output is read back with Python-Markdown (what Pelican and Nikola use) and markdown-it
(CommonMark, the syntax of Hugo's goldmark): the text a reader sees must be the text of the
HTML the HTML exports publish, and no link or image may point anywhere the HTML does not."""

import html5lib
import markdown
import pytest
from markdown_it import MarkdownIt

from sprintjournal.report.render import markdown_to_html
from sprintjournal.report.safe_markdown import (
    code_span,
    escape_text,
    html_to_markdown,
    parse,
    safe_url,
)


def keep(src: str) -> str:
    return src


def text_of(html: str) -> str:
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    return " ".join("".join(tree.itertext()).split())


def engines(md: str) -> dict[str, str]:
    return {"python-markdown": markdown.markdown(md),
            "commonmark": MarkdownIt("commonmark").render(md)}


def exported(draft: str) -> str:
    return html_to_markdown(markdown_to_html(draft), keep)


@pytest.mark.parametrize("draft", [
    "Armin *and* Maciej fixed `x * y` in the **JIT** {{ shortcode }} {% liquid %} $math$",
    "1. not a list here, a year: 2011. and a_b*c [not a link] # no heading",
    "- one\n- two with a \\*star\\*\n\n3. three\n4. four",
    "# A heading with <b>tags</b> & an ampersand",
    "> a quote\n>\n> with two paragraphs",
    "a | pipe ~tilde~ <angle> &amp; entity &#123;",
])
def test_every_engine_reads_the_text_the_html_shows(draft: str) -> None:
    shown = text_of(markdown_to_html(draft))
    for engine, rendered in engines(exported(draft)).items():
        assert text_of(rendered) == shown, engine


def test_code_keeps_its_text_with_template_marks_broken() -> None:
    out = exported("```\n{% raw %} {{ x }}\n~~~ ``` \n```")
    assert out == "~~~~\n{\u200d% raw %} {\u200d{ x }}\n~~~ ``` \n~~~~\n"
    (rendered,) = [markdown.markdown(out, extensions=["fenced_code"])]
    assert "{\u200d% raw %} {\u200d{ x }}\n~~~ ```" in rendered


@pytest.mark.parametrize(("url", "kept"), [
    ("https://pypy.org/download.html#jit", "https://pypy.org/download.html#jit"),
    ("MAILTO:pypy-dev@python.org", "MAILTO:pypy-dev@python.org"),
    ("../images/cake.jpg", "../images/cake.jpg"),
    ("/a:b", "/a:b"),
    ("https://x.org/?q=[1]&amp;r=\"2\"", "https://x.org/?q=%5B1%5D&r=%222%22"),
    ("https://x.org/a&#x26;lt;b", "https://x.org/a%3Cb"),  # decoded as often as it takes
])
def test_safe_url_keeps_web_and_relative_targets_percent_encoded(url: str, kept: str) -> None:
    assert safe_url(url) == kept


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "&#106;avascript:alert(1)",
    "&amp;#106;avascript:x", "java\tscript:x", " javascript:x", "java script:x",
    "data:text/html,<script>", "vbscript:x", "foo:bar/baz", "file:///etc/passwd",
])
def test_safe_url_refuses_every_other_scheme_however_encoded(url: str) -> None:
    assert safe_url(url) is None


def test_a_space_in_a_web_address_is_encoded_not_dropped() -> None:
    """The HTML export links to "my file.pdf" (browsers ask for my%20file.pdf); a Markdown
    export linking to "myfile.pdf" would point elsewhere."""
    assert safe_url("https://x.org/my file.pdf") == "https://x.org/my%20file.pdf"
    assert safe_url("  https://x.org/a\nb  ") == "https://x.org/ab"
    out = exported("<a href='https://x.org/my file.pdf'>the slides</a>")
    assert out == "[the slides](https://x.org/my%20file.pdf)\n"


def test_a_link_whose_target_was_removed_is_plain_text_not_a_link_to_the_page() -> None:
    """The sanitiser drops a javascript: href, leaving <a>x</a>, which is no link; `[x]()`
    would link to the page itself and `![alt]()` load the page as an image."""
    assert exported("[the slides](javascript:alert(1)) and ![cake](javascript:x)") == (
        "the slides and\n")
    for rendered in engines(exported("[the slides](javascript:alert(1))")).values():
        assert "<a" not in rendered and "<img" not in rendered


def test_images_are_resolved_by_the_caller_and_dropped_when_it_says_so() -> None:
    sources = {"photo:1": "images/cake.jpg", "photo:2": None}
    html = markdown_to_html("![The cake](photo:1) ![gone](photo:2)")
    out = html_to_markdown(html, lambda src: sources.get(src))
    assert out == "![The cake](images/cake.jpg)\n"


@pytest.mark.parametrize(("text", "line_start", "written"), [
    ("a_b*c", False, "a\\_b\\*c"),
    ("{{x}} $y$ |z| ~w~", False, "&#123;&#123;x&#125;&#125; &#36;y&#36; &#124;z&#124; "
                                 "&#126;w&#126;"),
    ("1. not a list", True, "1\\. not a list"),
    ("3) nor this", True, "3\\) nor this"),
    ("- nor this", True, "\\- nor this"),
    ("+ nor this", True, "\\+ nor this"),
    ("= no heading underline", True, "&#61; no heading underline"),
    (": no definition", True, "&#58; no definition"),
    ("- mid-line is fine", False, "- mid-line is fine"),
])
def test_escape_text(text: str, line_start: bool, written: str) -> None:
    assert escape_text(text, line_start) == written


@pytest.mark.parametrize(("code", "span"), [
    ("x * y", "`x * y`"),
    ("a`b", "``a`b``"),
    ("`tick`", "`` `tick` ``"),
    (" ", "`   `"),
    ("{{x}}", "`{\u200d{x}}`"),
    ("two\nlines", "`two lines`"),
])
def test_code_spans_use_a_longer_fence_than_any_inside(code: str, span: str) -> None:
    assert code_span(code) == span
    rendered = MarkdownIt("commonmark").render(span)
    assert "<code>" in rendered


def test_lists_keep_their_start_number_and_items() -> None:
    out = exported("3. three\n4. four")
    assert out == "3.  three\n4.  four\n"
    assert '<ol start="3">' in MarkdownIt("commonmark").render(out)


def test_table_rows_become_lines_of_cells() -> None:
    assert exported("| branch | result |\n|---|---|\n| stm | merged |") == (
        "branch · result\n\nstm · merged\n")


def test_emphasis_that_cannot_close_on_a_word_is_dropped() -> None:
    html = "<p><em> </em>a<strong> b </strong>c</p>"
    assert html_to_markdown(html, keep) == "a **b** c\n"


def test_parse_rebuilds_the_tree_and_ignores_stray_end_tags() -> None:
    root = parse("<p>a<em>b</em></span>c<br>d</p>")
    (para,) = root.children
    assert not isinstance(para, str)
    assert [c if isinstance(c, str) else c.tag for c in para.children] == [
        "a", "em", "c", "br", "d"]
