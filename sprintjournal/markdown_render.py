"""Markdown notes to safe HTML, with `@person` and `#branch` mentions turned into links.

Shared by the notes preview and the report renderers, so one function decides what user text may
become. Python-Markdown renders; nh3 then removes everything that could run or load (script,
event handlers, `javascript:`/`data:` URLs, iframes) whatever Markdown let through (FAULTS 33).

Mentions are linked by a tree processor that runs after Markdown's own inline processing, so a
mention inside a code span, a code block, raw HTML or an existing link stays plain text and links
are never nested.
"""

import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import markdown
import nh3
from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrExtension
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.def_list import DefListExtension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.extensions.md_in_html import MarkdownInHtmlExtension
from markdown.extensions.nl2br import Nl2BrExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.treeprocessors import Treeprocessor

from sprintjournal.mentions import Mention, find_mentions
from sprintjournal.names import first_name_key, name_key
from sprintjournal.records import BranchRec, PersonRec


@dataclass(frozen=True)
class MentionLink:
    """Where a mention points, and the text shown for it."""

    href: str
    label: str
    title: str = ""


Resolver = Callable[[Mention], MentionLink | None]
"""Maps a mention to its link; None leaves the mention as plain (but marked) text."""

DEFAULT_SCHEMES = frozenset({"http", "https", "mailto"})
APP_SCHEMES = DEFAULT_SCHEMES | {"sj"}
"""`sj:` links are the app's own (person/branch ids); only the preview allows them."""

_SKIP = {"a", "code", "pre"}


def _fenced_code() -> Extension:
    """Markdown's fenced code blocks, imported with Pygments hidden (once).

    `fenced_code` imports `codehilite`, which imports Pygments when it is installed, and Pygments'
    lexer registry imports `importlib.metadata` and the email package for its plugins: 25-50 ms of
    CPU before the first preview. Only the CodeHilite extension highlights code, and no renderer
    here registers it, so fenced code renders the same either way. Pygments stays importable for
    everyone else: it is hidden for this one import only.
    """
    hide = "markdown.extensions.codehilite" not in sys.modules and "pygments" not in sys.modules
    if hide:
        sys.modules["pygments"] = None  # type: ignore[assignment]  # `import pygments` fails
    try:
        from markdown.extensions.fenced_code import FencedCodeExtension
    finally:
        if hide:
            del sys.modules["pygments"]
    return FencedCodeExtension()


def _extensions(line_breaks: bool) -> list[Extension]:
    """Python-Markdown's "extra" set, "sane_lists" (and "nl2br"), as instances: given by name,
    each would first be looked up among installed entry points, which imports
    `importlib.metadata` and reads every installed package's metadata (tens of ms at start-up)."""
    made: list[Extension] = [
        _fenced_code(), FootnoteExtension(), AttrListExtension(), DefListExtension(),
        TableExtension(), AbbrExtension(), MarkdownInHtmlExtension(), SaneListExtension()]
    return [*made, Nl2BrExtension()] if line_breaks else made

_TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "b", "i", "u", "s",
    "del", "ins", "sub", "sup", "small", "mark", "abbr", "code", "pre", "kbd", "samp", "var",
    "blockquote", "q", "cite", "ul", "ol", "li", "dl", "dt", "dd", "a", "img", "table",
    "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "figure", "figcaption", "span",
    "div",
}  # fmt: skip
_ATTRIBUTES = {
    "a": {"href", "title", "class"},
    "img": {"src", "alt", "title", "width", "height"},
    "span": {"class"},
    "th": {"align"},
    "td": {"align"},
    "abbr": {"title"},
    "ol": {"start"},
}
_RAW_TEXT_TAG = re.compile(
    r"<(?=/?(?:style|script|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext)\b)",
    re.IGNORECASE,
)
"""Tags whose content is raw text: unclosed, they would hide everything after them, and the
sanitiser drops them anyway, so they are shown as text."""


class _MentionLinker(Treeprocessor):
    def __init__(self, md: markdown.Markdown, resolve: Resolver) -> None:
        super().__init__(md)
        self._resolve = resolve

    def run(self, root: ET.Element) -> None:
        for parent in list(_linkable_elements(root)):
            self._link_text(parent)
            for index in range(len(parent) - 1, -1, -1):
                self._link_tail(parent, index)

    def _link_text(self, parent: ET.Element) -> None:
        head, nodes = self._split(parent.text or "")
        if nodes:
            parent.text = head
            for offset, node in enumerate(nodes):
                parent.insert(offset, node)

    def _link_tail(self, parent: ET.Element, index: int) -> None:
        child = parent[index]
        head, nodes = self._split(child.tail or "")
        if nodes:
            child.tail = head
            for offset, node in enumerate(nodes, start=1):
                parent.insert(index + offset, node)

    def _split(self, text: str) -> tuple[str, list[ET.Element]]:
        """Text before the first mention, and one element per mention (carrying what follows)."""
        mentions = find_mentions(text) if ("@" in text or "#" in text) else []
        if not mentions:
            return text, []
        nodes: list[ET.Element] = []
        for mention, following in zip(mentions, [*mentions[1:], None], strict=True):
            node = self._element(mention, text[mention.start : mention.end])
            node.tail = text[mention.end : following.start if following else len(text)]
            nodes.append(node)
        return text[: mentions[0].start], nodes

    def _element(self, mention: Mention, written: str) -> ET.Element:
        link = self._resolve(mention)
        if link is None:
            node = ET.Element("span", {"class": f"mention unknown {mention.kind}"})
            node.text = written
            return node
        attrs = {"href": link.href, "class": f"mention {mention.kind}"}
        if link.title:
            attrs["title"] = link.title
        node = ET.Element("a", attrs)
        node.text = link.label
        return node


_TASK_BOX = re.compile(r"^\[( |x|X)\]\s+")


class _TaskLists(Treeprocessor):
    """`- [ ] to do` and `- [x] done` as ☐ and ☑ (GitHub's task lists; a check box drawn as a
    character shows in Qt's rich text, in feeds and in mail, where an <input> would not)."""

    def run(self, root: ET.Element) -> None:
        for item in root.iter("li"):
            holder = item[0] if len(item) and item[0].tag == "p" and not item.text else item
            match = _TASK_BOX.match(holder.text or "")
            if match:
                box = "☑" if match.group(1) in "xX" else "☐"
                holder.text = f"{box} " + (holder.text or "")[match.end():]


def _linkable_elements(root: ET.Element) -> Iterator[ET.Element]:
    """Every element whose text may hold mentions: not inside a link or code."""
    for child in list(root):
        if child.tag in _SKIP:
            continue
        yield child
        yield from _linkable_elements(child)


def no_links(mention: Mention) -> MentionLink | None:
    """The default resolver: mentions stay as written, marked but not linked."""
    return None


def app_href(kind: str, item_id: int) -> str:
    """The preview's own links (`sj://person/3`), turned into a selection when clicked."""
    return f"sj://{kind}/{item_id}"


class PeopleDirectory:
    """Everyone in the journal by name key (names and aliases), built once and reused.

    Sprint-independent, so a window keeps it while the user switches sprints and rebuilds it
    only when people change; with thousands of people this is most of the index's cost.
    """

    def __init__(self, people: list[PersonRec]) -> None:
        self.people = people
        self.by_key: dict[str, PersonRec] = {}
        for person in people:
            for name in (person.name, *person.aliases):
                self.by_key.setdefault(name_key(name), person)
        self.names = [p.name for p in people]  # the Journal lists people by name key


class MentionIndex:
    """A resolver over plain records, built once per sprint: no database access per mention.

    A person is found by full name or alias, then by a first name unique among the sprint's
    attendees (`@Armin` in the notes of a sprint with one Armin); a branch by its name.
    Being plain data, it can be used from a worker thread rendering a long note.
    """

    def __init__(
        self,
        people: list[PersonRec] | PeopleDirectory,
        branches: list[BranchRec],
        attendee_ids: set[int] | None = None,
        href: Callable[[str, int], str] = app_href,
    ) -> None:
        self._href = href
        self._directory = people if isinstance(people, PeopleDirectory) else PeopleDirectory(people)
        self._first = _unique_first_names(self._directory.people, attendee_ids)
        self._branches = {name_key(b.name): b for b in branches}

    @property
    def person_names(self) -> list[str]:
        return self._directory.names

    @property
    def branch_names(self) -> list[str]:
        return sorted(b.name for b in self._branches.values())

    def __call__(self, mention: Mention) -> MentionLink | None:
        key = name_key(mention.text)
        if mention.kind == "branch":
            branch = self._branches.get(key)
            return (
                None
                if branch is None
                else MentionLink(self._href("branch", branch.id), f"#{branch.name}", branch.goal)
            )
        person = self._directory.by_key.get(key) or self._first.get(key)
        if person is None:
            return None
        return MentionLink(self._href("person", person.id), f"@{mention.text}", person.name)


def _unique_first_names(people: list[PersonRec], among: set[int] | None) -> dict[str, PersonRec]:
    """First name -> person, for first names only one candidate carries."""
    seen: dict[str, list[PersonRec]] = {}
    for person in people:
        if among is None or person.id in among:
            seen.setdefault(first_name_key(person.name), []).append(person)
    return {key: found[0] for key, found in seen.items() if key and len(found) == 1}


def render_markdown(
    text: str,
    resolve: Resolver = no_links,
    schemes: frozenset[str] = DEFAULT_SCHEMES,
    *,
    line_breaks: bool = True,
) -> str:
    """Render user Markdown to HTML that is safe to show or publish.

    `schemes` lists the URL schemes a link or image may keep; everything else loses its URL.
    `line_breaks` keeps single newlines (notes are typed that way; a report is prose).
    """
    md = markdown.Markdown(extensions=_extensions(line_breaks), output_format="html")
    md.treeprocessors.register(_MentionLinker(md, resolve), "mentions", 15)
    md.treeprocessors.register(_TaskLists(md), "task_lists", 14)
    html = md.convert(_RAW_TEXT_TAG.sub("&lt;", text.replace("\r\n", "\n")))
    return sanitize_html(html, schemes)


def sanitize_html(html: str, schemes: frozenset[str] = DEFAULT_SCHEMES) -> str:
    """The one allowlist for every HTML SprintJournal shows or writes: anything not named here
    (tags, attributes, URL schemes) is dropped, and script/style content with it."""
    return nh3.clean(
        html,
        tags=_TAGS,
        clean_content_tags={"script", "style"},
        attributes=_ATTRIBUTES,
        url_schemes=set(schemes),
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
