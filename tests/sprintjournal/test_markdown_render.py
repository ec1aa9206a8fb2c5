"""render_markdown: mentions become links, and nothing executable survives (FAULTS 33, 34)."""

import json
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser

import pytest

from sprintjournal.journal import Journal
from sprintjournal.markdown_render import (
    APP_SCHEMES,
    MentionIndex,
    MentionLink,
    render_markdown,
)
from sprintjournal.mentions import Mention


@pytest.fixture
def index(journal: Journal) -> MentionIndex:
    """People and branches of a small Gothenburg sprint, built through the Journal API."""
    sprint = journal.add_sprint("Gothenburg 2011", start=date(2011, 11, 2),
                                end=date(2011, 11, 8)).id
    for name in ("Armin Rigo", "Antonio Cuni", "Håkan Ardö", "Mark Pearse"):
        journal.add_attendee(sprint, name)
    journal.add_person("Armin Ronacher")  # another Armin, not at this sprint
    journal.add_person("Samuele Pedroni", aliases=["pedronis"])
    journal.add_branch(sprint, "ffistruct", goal="field access 400x faster than ctypes")
    attendees = {a.person.id for a in journal.list_attendees(sprint)}
    return MentionIndex(journal.list_people(), journal.list_branches(sprint), attendees)


def _id(journal: Journal, name: str) -> int:
    person = journal.find_person(name)
    assert person is not None
    return person.id


def test_full_name_alias_and_branch_mentions_become_app_links(journal: Journal,
                                                                index: MentionIndex) -> None:
    html = render_markdown("@[Håkan Ardö] met @pedronis about #ffistruct", index, APP_SCHEMES)
    assert f'href="sj://person/{_id(journal, "Håkan Ardö")}"' in html
    assert f'href="sj://person/{_id(journal, "Samuele Pedroni")}"' in html
    branch_id = journal.list_branches(journal.list_sprints()[0].id)[0].id
    assert f'href="sj://branch/{branch_id}"' in html
    assert 'title="field access 400x faster than ctypes"' in html


def test_first_name_resolves_among_the_sprints_attendees(journal: Journal,
                                                         index: MentionIndex) -> None:
    """Two Armins in the journal, one at this sprint: `@Armin` means Armin Rigo."""
    html = render_markdown("@Armin explained STM", index, APP_SCHEMES)
    assert f'href="sj://person/{_id(journal, "Armin Rigo")}"' in html
    assert "Armin Ronacher" not in html


def test_unknown_mentions_stay_text_and_are_marked(index: MentionIndex) -> None:
    html = render_markdown("@Nobody works on #no-such-branch", index, APP_SCHEMES)
    assert "<a" not in html
    assert html.count('class="mention unknown') == 2
    assert "@Nobody" in html and "#no-such-branch" in html


def test_mentions_in_code_and_inside_links_are_not_linked(index: MentionIndex) -> None:
    text = "`@Armin` and\n\n    #ffistruct in code\n\n[thanks @Armin](https://pypy.org)"
    html = render_markdown(text, index, APP_SCHEMES)
    assert "sj://" not in html
    assert html.count("<a") == 1  # only the Markdown link itself, never a nested anchor


def test_headings_and_entities_are_not_branch_mentions(index: MentionIndex) -> None:
    html = render_markdown("# ffistruct\n\nfive &#35;ffistruct", index, APP_SCHEMES)
    assert "sj://" not in html
    assert "<h1>ffistruct</h1>" in html


def test_app_links_are_dropped_unless_the_caller_allows_them(index: MentionIndex) -> None:
    """The report renders with the default schemes: an `sj:` link must not reach a blog."""
    html = render_markdown("@Armin", index)
    assert "sj:" not in html
    assert "@Armin" in html


def test_resolver_decides_the_link_target() -> None:
    def blog_links(mention: Mention) -> MentionLink | None:
        return MentionLink(f"https://example.org/people/{mention.text}", f"@{mention.text}")

    html = render_markdown("thanks @cfbolz", blog_links)
    assert '<a class="mention person" href="https://example.org/people/cfbolz"' in html


XSS = [
    "<script>alert(1)</script>",
    '<img src="x" onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](jav&#x61;script:alert(1))",
    "[click](&#106;avascript:alert(1))",
    '<a href="javascript&colon;alert(1)">x</a>',
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<iframe src="https://evil.example"></iframe>',
    "<svg><script>alert(1)</script></svg>",
    '<div onclick="alert(1)">x</div>',
    '<a href="#" onmouseover="alert(1)">x</a>',
    '<style>body{background:url("javascript:alert(1)")}</style>',
    '<form action="https://evil.example"><input name="p"></form>',
    "hello {: onclick=alert(1) }",
]


class _Tags(HTMLParser):
    """Every start tag and attribute of a piece of HTML, as a browser would see them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


DANGEROUS_TAGS = {"script", "iframe", "svg", "style", "form", "input", "object", "embed"}


@pytest.mark.parametrize("attack", XSS)
def test_nothing_executable_reaches_the_html(attack: str, index: MentionIndex) -> None:
    html = render_markdown(f"@Armin says:\n\n{attack}\n\nbye", index, APP_SCHEMES)
    for tag, attrs in _Tags(html).tags:
        assert tag not in DANGEROUS_TAGS, html
        assert not any(name.startswith("on") for name in attrs), html
        for name in ("href", "src"):
            url = attrs.get(name, "").strip().lower()
            assert url.split(":", 1)[0] in {"", "http", "https", "mailto", "sj"} or ":" not in url
            assert not url.startswith(("javascript", "data", "vbscript")), html
    assert "bye" in html  # the rest of the note is still there


@pytest.mark.parametrize("name", ["<b>x</b>", "*x*", "[a](javascript:alert(1))"])
def test_names_with_markup_are_shown_literally(journal: Journal, name: str) -> None:
    """A person called `<b>x</b>` (mentioned by alias) is those characters in the link title."""
    journal.add_person(name, aliases=["weird"])
    index = MentionIndex(journal.list_people(), [], None)
    html = render_markdown("thanks @weird", index, APP_SCHEMES)
    tags = _Tags(html).tags
    assert [tag for tag, _ in tags] == ["p", "a"]
    assert tags[1][1]["title"] == name


def test_crlf_and_unicode_survive(index: MentionIndex) -> None:
    html = render_markdown("Håkan Ardö 😀 שלום\r\nnext line", index, APP_SCHEMES)
    assert "Håkan Ardö 😀 שלום" in html
    assert "\r" not in html


def test_task_lists_render_as_check_boxes() -> None:
    """Issue 13, item 19: `- [ ]` and `- [x]` are boxes, loose lists and ordered ones too."""
    from sprintjournal.markdown_render import render_markdown

    html = render_markdown("- [ ] book the room\n- [x] release 1.7\n- [link](https://pypy.org)\n"
                           "\n1. [X] numbered\n\n* [ ] loose\n\n* [x] list\n")
    assert "<li>☐ book the room</li>" in html and "<li>☑ release 1.7</li>" in html
    assert "<li>☑ numbered</li>" in html
    assert "<p>☐ loose</p>" in html and "<p>☑ list</p>" in html
    assert "[ ]" not in html and "[x]" not in html
    assert '<a href="https://pypy.org"' in html


# -- start-up cost: fenced code needs no Pygments (only CodeHilite, never registered here,
# would use it), so the first render leaves it unimported and renders the same

FENCED_NOTE = "Before\n\n```python\nx = <1> & 2\n```\n\n    indented\n\nAfter `code` @armin"

_RENDER = f"""
import json, sys
{{first}}
from sprintjournal.markdown_render import render_markdown
html = render_markdown({FENCED_NOTE!r})
print(json.dumps([html, "pygments" in sys.modules, "importlib.metadata" in sys.modules]))
"""


def _render_in_fresh_process(first: str = "") -> tuple[str, bool, bool]:
    """A fresh interpreter: what the first render imports is what the app's first render does."""
    done = subprocess.run([sys.executable, "-c", _RENDER.format(first=first)],
                          capture_output=True, text=True, check=True, timeout=120)
    html, pygments, metadata = json.loads(done.stdout)
    return html, pygments, metadata


def test_the_first_render_leaves_pygments_and_package_metadata_unimported() -> None:
    html, pygments, metadata = _render_in_fresh_process()
    assert "<pre><code>x = &lt;1&gt; &amp; 2\n</code></pre>" in html
    assert not pygments
    assert not metadata


def test_fenced_code_renders_the_same_with_pygments_loaded_first() -> None:
    plain, _, _ = _render_in_fresh_process()
    with_pygments, pygments, _ = _render_in_fresh_process("import pygments.lexers")
    assert pygments  # the other process really had it
    assert with_pygments == plain


def test_pygments_stays_importable_after_the_first_render() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "from sprintjournal.markdown_render import render_markdown\n"
         "render_markdown('```\\nx\\n```')\nimport pygments.lexers\n"
         "print(pygments.lexers.get_lexer_by_name('python').name)"],
        capture_output=True, text=True, check=True, timeout=120)
    assert done.stdout.strip() == "Python"
