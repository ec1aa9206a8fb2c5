"""Real blog engines for the export tests: Pelican, Nikola and Hugo build a site from an exported
post, kramdown (Jekyll's engine) renders one; `active_content` scans the HTML they produce.

The engines come from the project's set-up (`scripts/setup test`: Pelican and Nikola from the
`test` extra, Debian's `hugo`, `ruby-kramdown` and `ruby-kramdown-parser-gfm`). A site is built
twice, once with a harmless post: whatever the theme itself carries (its own scripts) is the
baseline, and only active content beyond it counts.
"""

import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import html5lib
import pytest

_BIN = Path(sys.executable).parent
ACTIVE_TAGS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "form",
               "input", "button", "base", "svg", "math", "portal", "marquee", "textarea",
               "select", "template", "style"}
URL_ATTRS = {"href", "src", "action", "formaction", "data", "poster", "background", "xlink:href",
             "srcset", "lowsrc", "dynsrc", "codebase", "cite", "ping"}
INJECTED_MARK = "pwn"
"""Payloads put this class on their markup: any element carrying it is injected
markup, active or not (a title or tag that became HTML)."""


def _run(args: list[str], cwd: Path, timeout: int = 240) -> None:
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          check=False)
    assert done.returncode == 0, f"{args[0]} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"


def need(tool: str) -> str:
    """The path of an engine; its absence fails the test (the set-up installs it)."""
    found = shutil.which(tool, path=f"{_BIN}:/usr/bin:/usr/local/bin")
    if found is None:
        pytest.fail(f"{tool} is missing: run scripts/setup test")
    return found


def pelican_site(posts: dict[str, bytes], root: Path) -> list[Path]:
    content, out = root / "content", root / "output"
    _write(content, posts)
    (root / "pelicanconf.py").write_text(
        "SITENAME = 'Blog'\nSITEURL = ''\nTIMEZONE = 'UTC'\nDEFAULT_LANG = 'en'\n"
        "FEED_ALL_ATOM = None\nRELATIVE_URLS = True\n", encoding="utf-8")
    _run([need("pelican"), str(content), "-o", str(out), "-s", str(root / "pelicanconf.py"),
          "-q"], root)
    return sorted(out.rglob("*.html"))


def nikola_site(posts: dict[str, bytes], root: Path) -> list[Path]:
    site = root / "site"
    root.mkdir(parents=True, exist_ok=True)
    _run([need("nikola"), "init", "-q", str(site)], root)
    _write(site / "posts", posts)
    _run([need("nikola"), "build"], site)
    return sorted((site / "output").rglob("*.html"))


def hugo_site(posts: dict[str, bytes], root: Path, unsafe: bool) -> list[Path]:
    """A minimal theme that prints the title in text, an attribute and <title>, as themes do.

    `unsafe` is goldmark's raw-HTML switch, which many blogs turn on to embed their own HTML.
    """
    site = root / "site"
    _write(site / "content" / "posts", posts)
    (site / "config.toml").write_text(
        'baseURL = "http://example.org/"\ntitle = "Blog"\ndisableKinds = ["taxonomy", "term"]\n'
        f"[markup.goldmark.renderer]\nunsafe = {str(unsafe).lower()}\n", encoding="utf-8")
    layouts = site / "layouts" / "_default"
    layouts.mkdir(parents=True)
    page = ('<!DOCTYPE html><html><head><title>{{ .Title }}</title>'
            '<meta name="description" content="{{ .Description }}"></head><body>'
            '<a href="{{ .Permalink }}" title="{{ .Title }}">{{ .Title }}</a>'
            '{{ range .Params.tags }}<span>{{ . }}</span>{{ end }}'
            '{{ range .Params.authors }}<span>{{ . }}</span>{{ end }}'
            "{{ .Content }}</body></html>")
    (layouts / "single.html").write_text(page, encoding="utf-8")
    (layouts / "list.html").write_text("<html><body></body></html>", encoding="utf-8")
    _run([need("hugo"), "--quiet", "-s", str(site)], root)
    return sorted((site / "public").rglob("*.html"))


def kramdown(text: str, parser: str) -> str:
    """Jekyll's renderer: kramdown with its GFM parser (Jekyll's default) or its own syntax."""
    script = ('require "kramdown"; require "kramdown-parser-gfm"; '
              f'print Kramdown::Document.new(STDIN.read, input: "{parser}").to_html')
    done = subprocess.run([need("ruby"), "-e", script], input=text, capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _write(folder: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)


def active_content(page: str) -> Counter[str]:
    """Everything in a page that could run, load or submit, and every injected element.

    Parsed as a browser does (html5lib, the WHATWG algorithm), so markup hidden in odd places
    (inside <title>, broken attributes) is seen where a browser would see it.
    """
    found: Counter[str] = Counter()
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.split("}")[-1].lower()
        attrs = {k.split("}")[-1].lower(): v for k, v in element.attrib.items()}
        if tag in ACTIVE_TAGS or (tag == "meta" and "http-equiv" in attrs) or (
                tag == "link" and "import" in attrs.get("rel", "")):
            found[f"<{tag} {sorted(attrs.items())}> {(element.text or '')[:80]!r}"] += 1
        for name, value in attrs.items():
            if _active_attribute(tag, name, value):
                found[f"<{tag} {name}={value[:60]!r}>"] += 1
    return found


def _active_attribute(tag: str, name: str, value: str) -> bool:
    if name.startswith("on") or (name == "class" and INJECTED_MARK in value.lower()):
        return True
    if name == "style":
        return any(word in value.lower() for word in ("url(", "expression"))
    return name in URL_ATTRS and _active_url(tag, name, value)


def _active_url(tag: str, name: str, value: str) -> bool:
    plain = "".join(c for c in value if c > " ").lower()
    scheme = plain.split(":", 1)[0] if ":" in plain.split("/", 1)[0] else ""
    if scheme in ("", "http", "https", "mailto"):
        return False
    return not (tag == "img" and name == "src" and plain.startswith("data:image/")
                and not plain.startswith("data:image/svg"))


def new_active_content(pages: list[Path], baseline: list[Path]) -> set[str]:
    """Kinds of active content in `pages` that the same site lacks with a harmless post.

    Kinds, not counts: a hostile post with more tags gets more tag pages, each with the
    theme's own scripts.
    """
    def scan(paths: list[Path]) -> set[str]:
        kinds: set[str] = set()
        for path in paths:
            kinds |= set(active_content(path.read_text(encoding="utf-8", errors="replace")))
        return kinds

    assert pages, "the engine built no page"
    return scan(pages) - scan(baseline)
