"""Sanitised HTML back to Markdown that every blog engine reads the same way, and inertly.

Escaping the user's Markdown in place (regular expressions over the draft) kept failing: each
engine has its own syntax for raw HTML, attribute lists (`{: onclick=…}`), shortcodes, Liquid,
math and fences, and one mis-counted backslash or unclosed fence turned escaping off. So the
Markdown exports are not the draft as typed: the draft is rendered by the app's one renderer
and allowlist (`render.markdown_to_html`, the same HTML the HTML exports publish), and this
module writes that tree back out using a small common subset of Markdown:

- every character of user text that any engine could read as syntax is written as an entity
  or a backslash escape that all of Python-Markdown (Pelican, Nikola), kramdown (Jekyll),
  goldmark (Hugo) and CommonMark accept;
- links and images keep http(s)/mailto or relative targets only, percent-encoded so that no
  entity or bracket inside can change them;
- code keeps its text, in a fence longer than any run inside it (nested: indented); template
  markers (`{{`, `{%`) inside code are broken with a zero-width joiner, because Hugo, Jekyll's
  Liquid and Nikola read them before Markdown, code or not.
"""

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import quote

SAFE_SCHEMES = ("http", "https", "mailto")
_VOID = {"br", "hr", "img"}
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre", "blockquote", "ul", "ol", "li",
           "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
           "figure", "figcaption", "div"}
# Characters with a meaning in some engine, wherever they stand: the backslash escapes are the
# ones all engines accept; the rest become numeric character references.
_TEXT_ESCAPES = {
    "\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]", "#": "\\#",
    "&": "&amp;", "<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;", "|": "&#124;",
    "$": "&#36;", "~": "&#126;",
}  # fmt: skip
_TEXT_CHARS = re.compile("[" + re.escape("".join(_TEXT_ESCAPES)) + "]")
# Only where a line starts: list items, setext underlines, kramdown definitions.
_LINE_START = re.compile(r"^(\s*)(?:([-+])|([=:])|(\d+)([.)]))")
_TEMPLATE_OPEN = re.compile(r"(?<=\{)(?=[{%])")
_ZWJ = "\u200d"
_URL_SAFE = "/?#@!$&+,;=%-._~:*"


@dataclass
class Node:
    """One element of the sanitised HTML (text nodes are plain strings)."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list["Node | str"] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    """nh3's output is well-formed, so a stack is enough to rebuild its tree."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self._stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self._stack[-1].children.append(node)
        if tag not in _VOID:
            self._stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._stack) - 1, 0, -1):
            if self._stack[depth].tag == tag:
                del self._stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self._stack[-1].children.append(data)


def parse(fragment: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(fragment)
    builder.close()
    return builder.root


def escape_text(text: str, line_start: bool = False) -> str:
    """Text that reads as itself in every engine; `line_start` also defuses list markers."""
    out = _TEXT_CHARS.sub(lambda m: _TEXT_ESCAPES[m.group(0)], text)
    return _LINE_START.sub(_defuse_line_start, out, count=1) if line_start else out


def _defuse_line_start(m: re.Match[str]) -> str:
    lead, sign, mark, digits, dot = m.groups()
    if sign:
        return f"{lead}\\{sign}"
    if mark:
        return f"{lead}&#{ord(mark)};"
    return f"{lead}{digits}\\{dot}"


def safe_url(url: str) -> str | None:
    """A link target kept only when relative or http(s)/mailto, however it is encoded."""
    plain, previous = url, None
    while plain != previous:
        previous, plain = plain, html.unescape(plain)
    # Spaces stay in the target (encoded below: "my file.pdf" is my%20file.pdf, as browsers
    # ask for it) but not in the scheme check, so that "java script:" is refused too.
    plain = re.sub(r"[\x00-\x1f\x7f]", "", plain).strip(" ")
    bare = plain.replace(" ", "")
    scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.\-]*):", bare)
    if scheme is None and ":" in bare.split("/", 1)[0]:
        return None
    if scheme is not None and scheme.group(1).lower() not in SAFE_SCHEMES:
        return None
    # Brackets, quotes, braces, spaces and `<>` are percent-encoded (not in _URL_SAFE); an `&`
    # that an engine could decode as an entity is too.
    return re.sub(r"&(?=#|[A-Za-z0-9]+;)", "%26", quote(plain, safe=_URL_SAFE))


def _break_template_marks(code: str) -> str:
    """`{{`/`{%` in code would still reach Hugo's shortcodes, Liquid or Nikola's shortcodes."""
    return _TEMPLATE_OPEN.sub(_ZWJ, code)


def code_span(code: str) -> str:
    code = _break_template_marks(" ".join(code.split("\n")))
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    ticks = "`" * (longest + 1)
    pad = " " if code.startswith("`") or code.endswith("`") or not code.strip() else ""
    return f"{ticks}{pad}{code}{pad}{ticks}"


ImageSource = Callable[[str], str | None]
"""Maps an image's `src` (e.g. `photo:3`) to the path to publish, or None to drop it."""


class Writer:
    """Writes a sanitised HTML tree as Markdown; see the module docstring for the rules."""

    def __init__(self, image_src: ImageSource) -> None:
        self._image_src = image_src

    # --- inline -----------------------------------------------------------------------------
    def inline(self, nodes: list["Node | str"], at_start: bool = True) -> str:
        out: list[str] = []
        for child in nodes:
            line_start = at_start and (not out or out[-1].endswith("\n"))
            if isinstance(child, str):
                out.append(escape_text(" ".join(child.split("\n")), line_start))
            else:
                out.append(self._inline_node(child, line_start))
        return "".join(out)

    def _inline_node(self, node: Node, line_start: bool) -> str:
        tag = node.tag
        if tag == "br":
            return "  \n"
        if tag == "img":
            return self._image(node)
        if tag == "code":
            return code_span(_text_of(node))
        inner = self.inline(node.children, line_start)
        if tag in ("em", "i", "cite", "var"):
            return _wrap("*", inner)
        if tag in ("strong", "b"):
            return _wrap("**", inner)
        if tag == "q":
            return f"“{inner}”"
        if tag == "a":
            url = safe_url(node.attrs.get("href", ""))
            # no target (the sanitiser removed it): no link, as in the HTML exports
            return inner if not url or not inner.strip() else f"[{inner}]({url})"
        return inner

    def _image(self, node: Node) -> str:
        src = self._image_src(node.attrs.get("src", ""))
        url = None if src is None else safe_url(src)
        if not url:  # none, or removed by the sanitiser: `![alt]()` would load the page
            return ""
        return f"![{escape_text(' '.join(node.attrs.get('alt', '').split()))}]({url})"

    # --- blocks -----------------------------------------------------------------------------
    def blocks(self, nodes: list["Node | str"], nested: bool = False) -> list[str]:
        """Each block as its own string (joined by blank lines by the caller)."""
        out: list[str] = []
        pending: list[Node | str] = []

        def flush() -> None:
            text = self.inline(pending).strip()
            if text:
                out.append(text)
            pending.clear()

        for child in nodes:
            if isinstance(child, Node) and child.tag in _BLOCKS:
                flush()
                out.extend(self._block(child, nested))
            else:
                pending.append(child)
        flush()
        return out

    def _block(self, node: Node, nested: bool) -> list[str]:
        tag = node.tag
        if tag in ("p", "dt", "dd", "caption", "figcaption"):
            text = self.inline(node.children).strip()
            return [f"**{text}**" if tag == "dt" and text else text] if text else []
        if re.fullmatch(r"h[1-6]", tag):
            text = self.inline(node.children, at_start=False).replace("  \n", " ").strip()
            return [f"{'#' * int(tag[1])} {text}"] if text else []
        if tag == "hr":
            return ["* * *"]
        if tag == "pre":
            return [self._code_block(_text_of(node), nested)]
        if tag == "blockquote":
            inner = "\n\n".join(self.blocks(node.children, nested=True))
            return ["\n".join(f"> {line}".rstrip() for line in inner.split("\n"))] if inner else []
        if tag in ("ul", "ol"):
            return [self._list(node)]
        if tag in ("tr",):
            cells = [self.inline(c.children).strip() for c in node.children if isinstance(c, Node)]
            return [" · ".join(c for c in cells if c)]
        return self.blocks(node.children, nested)

    def _list(self, node: Node) -> str:
        items = [c for c in node.children if isinstance(c, Node) and c.tag == "li"]
        loose = any(isinstance(c, Node) and c.tag in ("p", "pre", "blockquote", "div", "dl")
                    for i in items for c in i.children)
        start = int(node.attrs.get("start", "1")) if node.attrs.get("start", "").isdigit() else 1
        rendered = []
        for n, item in enumerate(items):
            marker = "-   " if node.tag == "ul" else f"{min(start + n, 99)}.".ljust(4)
            body = ("\n\n" if loose else "\n").join(self.blocks(item.children, nested=True))
            lines = (body or "").split("\n")
            rendered.append("\n".join(
                [marker + lines[0]] + [f"    {line}" if line else "" for line in lines[1:]]))
        return ("\n\n" if loose else "\n").join(rendered)

    @staticmethod
    def _code_block(code: str, nested: bool) -> str:
        code = _break_template_marks(code.rstrip("\n"))
        if nested:
            return "\n".join(f"    {line}" if line else "" for line in code.split("\n"))
        longest = max((len(run) for run in re.findall(r"~+", code)), default=0)
        fence = "~" * max(3, longest + 1)
        return f"{fence}\n{code}\n{fence}"


def _text_of(node: Node) -> str:
    return "".join(c if isinstance(c, str) else _text_of(c) for c in node.children)


def _wrap(mark: str, inner: str) -> str:
    """Emphasis that opens and closes on a word, else no emphasis at all."""
    core = inner.strip()
    if not core or "\n" in core:
        return inner
    lead, trail = inner[: len(inner) - len(inner.lstrip())], inner[len(inner.rstrip()) :]
    return f"{lead}{mark}{core}{mark}{trail}"


def html_to_markdown(fragment: str, image_src: ImageSource) -> str:
    """Sanitised HTML (from `render.markdown_to_html`) as inert, portable Markdown."""
    blocks = Writer(image_src).blocks(parse(fragment).children)
    return "\n\n".join(b for b in blocks if b.strip()) + "\n"
