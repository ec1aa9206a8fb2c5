"""What any report draft must satisfy, read the way a reader reads it (rendered, tags removed).

Shared by the tests of the demo's draft, of generated journals and of imported real files.
"""

import html
import re

from sprintjournal.exchange.schema import SprintDoc
from sprintjournal.publish import paragraphs
from sprintjournal.report.render import markdown_to_html

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")


def plain(markdown_text: str) -> str:
    """What a reader sees: rendered, tags removed, entities decoded, whitespace collapsed."""
    text = re.sub(r"</?(strong|em|code|a|span)\b[^>]*>", "", markdown_to_html(markdown_text))
    text = re.sub(r"<[^>]+>", "\n", text)
    return " ".join(html.unescape(text).split())


def blocks(markdown_text: str) -> list[str]:
    """Plain text of each rendered block (paragraph, heading, list item), in order."""
    rendered = re.sub(r"</?(strong|em|code|a|span)\b[^>]*>", "", markdown_to_html(markdown_text))
    parts = re.split(r"<[^>]+>", rendered)
    return [" ".join(html.unescape(p).split()) for p in parts if p.strip()]


def sentences(markdown_text: str) -> list[str]:
    """Every sentence of every block."""
    out = []
    for block in blocks(markdown_text):
        out += [s for s in _SENTENCE_END.split(block) if s]
    return out


def numeral_initial(markdown_text: str) -> list[str]:
    return [s for s in sentences(markdown_text) if re.match(r"^\W*\d", s)]


def repeated_sentences(markdown_text: str) -> list[str]:
    seen: dict[str, int] = {}
    for s in sentences(markdown_text):
        seen[s] = seen.get(s, 0) + 1
    return [s for s, n in seen.items() if n > 1]


def repeated_labels(markdown_text: str) -> list[str]:
    """'The goal:' and the like: a short lead-in before a colon used more than once."""
    seen: dict[str, int] = {}
    for s in sentences(markdown_text):
        head, colon, _rest = s.partition(": ")
        if colon and len(head.split()) <= 4:
            seen[head] = seen.get(head, 0) + 1
    return [h for h, n in seen.items() if n > 1]


def empty_headings(markdown_text: str) -> list[str]:
    """Headings followed directly by another heading of the same or a higher level, or nothing."""
    lines = [line for line in markdown_text.splitlines() if line.strip()]
    empty = []
    for n, line in enumerate(lines):
        level = len(line) - len(line.lstrip("#"))
        if not line.startswith("#") or not line[level:].startswith(" "):
            continue
        after = lines[n + 1] if n + 1 < len(lines) else ""
        after_level = len(after) - len(after.lstrip("#"))
        if not after or (after.startswith("#") and after_level <= level):
            empty.append(line)
    return empty


def private_texts(sprint: SprintDoc) -> list[str]:
    """Everything of the sprint that must never reach a report, as entered."""
    found: list[str] = []
    for a in sprint.attendees:
        found += [t for t in (a.accommodation, a.diet, a.notes) if t and t != "?"]
    for b in sprint.branches:
        if b.notes and not b.publish_notes:
            found.append(b.notes)
    found += [i.text for i in sprint.standup if not i.publish]
    for note in sprint.notes:
        paras = paragraphs(note.text)
        public = (set(range(len(paras))) if note.publish is True
                  else set() if note.publish is False else set(note.publish))
        found += [p for n, p in enumerate(paras) if n not in public]
    return found


def flat(text: str) -> str:
    """Markup and mention sigils removed, white space collapsed."""
    return " ".join(re.sub(r"[@#*`\[\]]|^[-\s]+", "", text, flags=re.MULTILINE).split())


def fragments(text: str) -> list[str]:
    """Distinctive pieces of a private text to look for: runs of five words, or all of it."""
    words = flat(text).split()
    if len(words) <= 6:
        return [" ".join(words)]
    return [" ".join(words[i:i + 5]) for i in range(0, len(words) - 4, 5)] + [
        " ".join(words[-5:])]


def public_texts(sprint: SprintDoc, people: list[str]) -> list[str]:
    """What the report may print: a private fragment that also appears here proves nothing."""
    found = [sprint.title, sprint.place, sprint.venue or "", sprint.description, *people]
    for b in sprint.branches:
        found += [b.name, b.goal, *b.results, *b.links]
        found += [f"{f.what} {f.value} {f.compared_with}" for f in b.figures]
        if b.publish_notes and b.notes:
            found.append(b.notes)
    found += [i.text for i in sprint.standup if i.publish]
    for note in sprint.notes:
        paras = paragraphs(note.text)
        if note.publish is True:
            found += paras
        elif note.publish:
            found += [paras[n] for n in note.publish if n < len(paras)]
    found += [p.caption for p in sprint.photos]
    return found


def leaks(report: str, sprint: SprintDoc, people: list[str]) -> list[str]:
    """Private fragments found in `report` (any format's text)."""
    public = " | ".join(flat(t) for t in public_texts(sprint, people)).casefold()
    folded = " ".join(html.unescape(report).split()).casefold()
    return [f for t in private_texts(sprint) for f in fragments(t)
            if f and f.casefold() not in public and f.casefold() in folded]


def told_count(markdown_text: str, name: str) -> int:
    """How often a piece of work is introduced: its name in bold, linked or not."""
    return len(re.findall(rf"\*\*(?:\[)?{re.escape(name)}(?:\]\([^)]*\))?\*\*",
                          markdown_text))
