"""FAULTS 41-42: the Markdown exports stay inert once a real blog engine builds them.

Each exported post is built with the engine it is meant for (Pelican, Nikola, Hugo with raw HTML
off and on) or rendered with Jekyll's kramdown (its GFM parser and its own syntax), and the
HTML is scanned as a browser parses it. The hostile payloads are the bypasses seen in round two
and their neighbours, in the draft, the notes, the title, tags, authors and description.
"""

import re
from datetime import date
from pathlib import Path

import html5lib
import markdown
import pytest
from blog_engines import (
    active_content,
    hugo_site,
    kramdown,
    new_active_content,
    nikola_site,
    pelican_site,
)
from markdown_it import MarkdownIt

from sprintjournal.journal import Journal
from sprintjournal.report.compose import generate
from sprintjournal.report.export import export_report

PAYLOADS = [
    r"[x\\](javascript:alert(101))",
    "> [quoted]: javascript:alert(102)\n\n[quoted]",
    "- [listed]: javascript:alert(103)\n\n[listed]",
    "[top]: javascript:alert(104)\n\n[go][top]",
    r"\`<img src=x onerror=alert(105) class=pwn>`",
    "  ```\n<script>alert(106)</script>\n\n<img src=x onerror=alert(107)>",
    "Para\n{: onclick=\"alert(108)\" class=\"pwn\"}",
    "# Heading {: onclick=alert(109) }\n\n## Other {#id .pwn onmouseover=alert(110)}",
    "{::nomarkdown}<script>alert(111)</script>{:/}",
    "<div markdown=\"1\" class=pwn onclick=alert(112)>*x*</div>",
    "<javascript:alert(113)> and [a](<javascript:alert(114)>) and [b](&#106;avascript:alert(115))",
    "[c](java\tscript:alert(116)) [d](data:text/html;base64,PHNjcmlwdD4=) "
    "![e](javascript:alert(117)) [f](vbscript:msgbox(118))",
    "{{< youtube w7Ft2ymGmfc >}} {{< gist spf13 7896402 >}} {{% raw %}}<script>alert(119)"
    "</script>{{% /raw %}}",
    "`{{< youtube w7Ft2ymGmfc >}}` and `{{% raw %}}<script>alert(120)</script>{{% /raw %}}`",
    "[:gist: 4747847] [podcast]https://evil.example/x.mp3[/podcast] {% raw %}{{ site }}",
    "$$<script>alert(121)</script>$$ and *[HTML]: <script>alert(122)</script>",
    "Term\n: <img src=x onerror=alert(123)>\n\n| a | <b class=pwn>b</b> |\n|---|---|\n| 1 | 2 |",
    "<svg><script>alert(124)</script></svg><iframe src=https://evil.example/></iframe>"
    "<form action=javascript:alert(125)><input type=submit></form>",
    "<!-- <script>alert(126)</script> --> [^1]\n\n[^1]: <script>alert(127)</script>",
    "```\nunclosed fence <script>alert(128)</script>",
]
"""The last one is unclosed on purpose: it must not turn escaping off for the rest."""
AFTER = "Closing words <img src=x onerror=alert(129) class=pwn> after every payload."
TITLE = '</title><script>alert(130)</script><b class="pwn">T</b> x" onmouseover="alert(131)'
TAGS = ["<img src=x onerror=alert(132) class=pwn>", "tag\" onclick=\"alert(133)", "plain"]
AUTHORS = ["<b class=pwn onclick=alert(134)>Eve</b>", "Ada, Lovelace"]
DESCRIPTION = "[d](javascript:alert(135)) <script>alert(136)</script> \" onfocus=\"alert(137)"


def hostile_journal(journal: Journal) -> int:
    sid = journal.add_sprint("Hostile", project="PyPy", place="Nowhere",
                             start=date(2024, 1, 1), end=date(2024, 1, 5)).id
    journal.update_sprint(sid, blog_tags=TAGS, blog_authors=AUTHORS, description=DESCRIPTION)
    for n, payload in enumerate(PAYLOADS[:5]):
        journal.add_note(sid, date(2024, 1, 1 + n % 5), f"Note {n}: {payload}")
    generate(journal, sid)
    draft = journal.get_report(sid).text or ""
    journal.save_report(sid, title=TITLE,
                        text=draft + "\n\n" + "\n\n".join(PAYLOADS[5:-1]) + f"\n\n{AFTER}\n\n"
                        + PAYLOADS[-1] + "\n")
    return sid


def harmless_journal(journal: Journal) -> int:
    sid = journal.add_sprint("Calm", project="PyPy", place="Leysin",
                             start=date(2024, 1, 1), end=date(2024, 1, 5)).id
    journal.update_sprint(sid, blog_tags=["plain", "other", "third"],
                          blog_authors=["Ada", "Bob"], description="A quiet week.")
    journal.add_note(sid, date(2024, 1, 1), "Note: [a link](https://pypy.org) and `code`.")
    generate(journal, sid)
    journal.save_report(sid, title="A calm sprint")
    return sid


def exported(journal: Journal, sid: int, fmt: str, out: Path) -> dict[str, bytes]:
    files = export_report(journal, sid, fmt, out)
    return {str(p.relative_to(out.resolve())): p.read_bytes() for p in files}


def _pair(journal: Journal, fmt: str, tmp_path: Path) -> tuple[dict[str, bytes], dict[str, bytes]]:
    hostile = exported(journal, hostile_journal(journal), fmt, tmp_path / "hostile-export")
    calm = exported(journal, harmless_journal(journal), fmt, tmp_path / "calm-export")
    return hostile, calm


def _main_text(files: dict[str, bytes]) -> str:
    return next(v.decode() for k, v in files.items() if k.endswith(".md"))


def _assert_text_survives(pages: list[Path]) -> None:
    """Inert, not emptied: the payloads are still there, as text."""
    text = " ".join(p.read_text(encoding="utf-8") for p in pages)
    assert "alert(106)" in text and "Closing words" in text
    assert "alert(128)" in text, "the unclosed fence keeps its text"


def test_fault_41_pelican_builds_inert_pages(journal: Journal, tmp_path: Path) -> None:
    hostile, calm = _pair(journal, "pelican", tmp_path)
    pages = pelican_site(hostile, tmp_path / "hostile")
    assert new_active_content(pages, pelican_site(calm, tmp_path / "calm")) == set()
    _assert_text_survives(pages)


@pytest.mark.slow
def test_fault_41_nikola_builds_inert_pages(journal: Journal, tmp_path: Path) -> None:
    hostile, calm = _pair(journal, "nikola", tmp_path)
    pages = nikola_site(hostile, tmp_path / "hostile")
    assert new_active_content(pages, nikola_site(calm, tmp_path / "calm")) == set()
    _assert_text_survives(pages)


@pytest.mark.parametrize("unsafe", [False, True], ids=["raw-html-off", "raw-html-on"])
def test_fault_41_hugo_builds_inert_pages(journal: Journal, tmp_path: Path, unsafe: bool) -> None:
    hostile, calm = _pair(journal, "hugo", tmp_path)
    pages = hugo_site(hostile, tmp_path / "hostile", unsafe)
    assert new_active_content(pages, hugo_site(calm, tmp_path / "calm", unsafe)) == set()
    _assert_text_survives(pages)


def _without_front_matter(text: str) -> str:
    return re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)


@pytest.mark.parametrize("parser", ["GFM", "kramdown"])
def test_fault_41_kramdown_renders_the_jekyll_post_inert(journal: Journal, tmp_path: Path,
                                                         parser: str) -> None:
    hostile = exported(journal, hostile_journal(journal), "jekyll", tmp_path / "out")
    page = kramdown(_without_front_matter(_main_text(hostile)), parser)
    assert set(active_content(page)) == set()
    assert "alert(106)" in page and "Closing words" in page and "alert(128)" in page


def test_fault_41_plain_markdown_renders_inert_everywhere(journal: Journal,
                                                          tmp_path: Path) -> None:
    text = _main_text(exported(journal, hostile_journal(journal), "md", tmp_path / "out"))
    renderings = {
        "python-markdown": markdown.markdown(text, extensions=["extra", "toc", "sane_lists"]),
        "commonmark": MarkdownIt("commonmark", {"html": True}).render(text),
        "tables": MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
        .render(text),
    }
    for name, page in renderings.items():
        assert set(active_content(page)) == set(), name
        assert "alert(106)" in page and "Closing words" in page, name


def test_fault_42_front_matter_is_text_never_markup(journal: Journal, tmp_path: Path) -> None:
    """Hugo prints the title, tags and authors as text, exactly as typed."""
    hostile = exported(journal, hostile_journal(journal), "hugo", tmp_path / "out")
    pages = hugo_site(hostile, tmp_path / "site", unsafe=True)
    post = next(p for p in pages if "alert(131)" in p.read_text(encoding="utf-8"))
    tree = html5lib.parse(post.read_text(encoding="utf-8"), namespaceHTMLElements=False)
    assert tree.find(".//title").text == TITLE
    assert tree.find(".//a").get("title") == TITLE
    assert [s.text for s in tree.iter("span")] == TAGS + AUTHORS
