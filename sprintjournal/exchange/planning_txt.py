"""PyPy's planning.txt / sprintplanning.txt: the daily stand-up notes of a sprint.

These are free-hand notes, not a format: a "people present:" list (or one line "present arigato
antocuni ..."), headed sections ("done so far:", "today:", "tasks:"), bullets and numbered items
nested by indentation and wrapped over lines, each item maybe ending in a status ("DONE",
"(not done)", "TO BE MERGED") and its people ("(anto hardshooter)", ": Hakan, Armin"). The
parser keeps every word somewhere (an item, the present list, the headings or free_text) and
flags what it had to guess, so the organiser reviews instead of retyping.

People in "done so far" prose ("Christian works on win64 ...") are the capitalised words that
open the paragraph ("Andrew Dalke and Sam Lade worked ..." gives two); with `known_names` only
those matching a known name or alias are kept, the rest flag the item for review.
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date

from sprintjournal.errors import Problem
from sprintjournal.exchange.schema import StandupDoc
from sprintjournal.vocabulary import join_reasons

_BULLET = re.compile(r"(?P<indent>\s*)(?P<marker>[-*+]|\d+[.)])\s+(?P<text>\S.*)")
_HEADING = re.compile(r"\s{0,3}(?P<heading>[^\s\-*+(][^:]*):\s*")
_PRESENT_LINE = re.compile(r"\s*(?:people\s+)?present\b\s*:?\s+(?P<names>\S.*)", re.IGNORECASE)
_STATUS_WORDS = frozenset(
    {"DONE", "STARTED", "MERGED", "BLOCKED", "FINISHED", "WIP", "TODO", "READY", "FIXED"}
)
_STATUS_IN_PARENS = re.compile(
    r"\b(?:done|progress|started|merged|blocked|finished|did|wip|todo|ready|postponed|"
    r"abandoned|dropped|fixed)\b",
    re.IGNORECASE,
)
_DONE_STATUS = re.compile(r"(?:done|merged|finished|fixed)\W*", re.IGNORECASE)
_CAPS_WORD = re.compile(r"[A-Z][A-Z0-9'\-]*[?!.]?")
_TRAILING_PARENS = re.compile(r"(?P<rest>.*?)\s*\((?P<inner>[^()]*)\)\s*")
_PEOPLE_SPLIT = re.compile(r"\s*(?:,|\+|&|/|\band\b)\s*")
_PERSON = re.compile(r"[^\W\d_][\w'.\-]*(?: [^\W\d_][\w'.\-]*){0,2}")
_CONNECTORS = frozenset({"and", "&", ","})
_NOT_NAMES = frozenset({"The", "We", "I", "It", "This", "Today", "Yesterday", "Also", "A"})


@dataclass(frozen=True)
class PlanItem:
    """One task or result; `people` are names as written, the journal resolves aliases."""

    section: str
    text: str
    status: str | None
    people: list[str]
    parent: str | None
    line: int
    number: str | None = None
    needs_review: bool = False
    review_reason: str | None = None


@dataclass
class ParsedPlanning:
    """A day's notes; anything not understood as an item or name stays in `free_text`.

    With `keep`, only the first `keep` lines of free text and headings are kept (the free text
    counted in `free_text_total`): an import streams `items` and must not hold 100,000 of them.
    """

    present: list[str] = field(default_factory=list)
    items: list[PlanItem] = field(default_factory=list)
    free_text: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    keep: int | None = None
    free_text_total: int = 0

    def add_free_text(self, text: str) -> None:
        self.free_text_total += 1
        if self.keep is None or len(self.free_text) < self.keep:
            self.free_text.append(text)

    def add_heading(self, heading: str) -> None:
        if self.keep is None or len(self.headings) < self.keep:
            self.headings.append(heading)


@dataclass
class _Entry:
    """A bullet or paragraph with its continuation lines, before it is interpreted."""

    line: int
    indent: int
    section: str
    lines: list[str]
    bullet: bool
    number: str | None = None
    parent: "_Entry | None" = None
    text: str | None = None  # the annotated text, once read (children name their group by it)


def parse_planning_txt(text: str, known_names: Iterable[str] | None = None) -> ParsedPlanning:
    """Read a planning file; never raises. `known_names` lets prose name people reliably."""
    result = ParsedPlanning()
    result.items.extend(iter_plan_items(text, known_names, result))
    return result


def iter_plan_items(
    text: str, known_names: Iterable[str] | None, result: ParsedPlanning
) -> Iterator[PlanItem]:
    """The items of a planning file one at a time, in file order; `result` receives the rest
    (present list, free text, headings, problems) as the lines go by. Nothing is kept per item:
    an item's parent is on a stack as deep as the indentation, and whether it has children is
    told by the next entry (a first child always follows its parent directly)."""
    known = {name.casefold() for name in known_names} if known_names is not None else None
    stack: list[_Entry] = []
    previous: _Entry | None = None
    for entry in _with_end(_entries(str(text).splitlines(), result)):
        if entry is not None:
            stack = _link_parent(entry, stack)
        if previous is not None:
            has_children = entry is not None and entry.parent is previous
            item = _interpret(previous, has_children, known, result)
            if item is not None:
                yield item
        previous = entry


def present_names(text: str) -> list[str]:
    """The "people present" of a planning file, read without reading its items."""
    result = ParsedPlanning(keep=0)
    for _entry in _entries(str(text).splitlines(), result):
        pass
    return result.present


def _with_end(entries: Iterator[_Entry]) -> Iterator[_Entry | None]:
    yield from entries
    yield None


def _entries(lines: Iterable[str], result: ParsedPlanning) -> Iterator[_Entry]:
    """Entries as each is complete (its continuation lines read)."""
    section = "tasks"
    current: _Entry | None = None
    present_line = 0
    seen_entry = False
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            if current is not None:
                yield current
            current = None
            continue
        can_head = current is None or current.bullet or _indent(line) < current.indent
        heading = _heading(line, seen_entry, result) if can_head else None
        if heading is not None:
            if current is not None:
                yield current
            section, current = heading, None
            present_line = number if heading == "present" else present_line
        elif section == "present" and _is_name_line(line):
            result.present.extend(_present_names(line))
        elif section == "present" or current is None or _BULLET.fullmatch(line):
            if current is not None:
                yield current
            section = "tasks" if section == "present" else section
            current = _new_entry(line, number, section)
            seen_entry = True
        else:
            current.lines.append(line.strip())
    if current is not None:
        yield current
    if present_line and not result.present:
        result.problems.append(Problem(f"line {present_line}", "no names under this heading"))


def _indent(line: str) -> int:
    return len(line.expandtabs(8)) - len(line.lstrip())


def _heading(line: str, seen_entry: bool, result: ParsedPlanning) -> str | None:
    """A short line ending in ':' starts a section; "present a b c" is a whole present list."""
    present = _PRESENT_LINE.fullmatch(line)
    first_thing = not seen_entry and not result.present
    if present and (first_thing or line.strip().lower().startswith("people")):
        result.add_heading(line[: present.start("names")].strip())
        result.present.extend(_split_handles(present.group("names")))
        return "tasks"
    match = _HEADING.fullmatch(line)
    if not match or len(match.group("heading").split()) > 4 or _BULLET.fullmatch(line):
        return None
    heading = match.group("heading").strip()
    result.add_heading(heading)
    return _section_kind(heading)


def _section_kind(heading: str) -> str:
    lowered = heading.lower()
    if "present" in lowered or lowered in ("people", "attendees"):
        return "present"
    if any(word in lowered for word in ("done", "yesterday", "so far", "results")):
        return "done"
    if any(word in lowered for word in ("today", "plan", "todo", "next")):
        return "today"
    return "tasks"


def _is_name_line(line: str) -> bool:
    """Under "people present:" a name line is short; a numbered item ends the list."""
    bullet = _BULLET.fullmatch(line)
    if bullet and bullet.group("marker")[0].isdigit():
        return False
    text = bullet.group("text") if bullet else line
    return len(text.split()) <= 4 or "," in text


def _present_names(line: str) -> list[str]:
    bullet = _BULLET.fullmatch(line)
    text = (bullet.group("text") if bullet else line).strip()
    return [part.strip() for part in text.split(",") if part.strip()]


def _split_handles(text: str) -> list[str]:
    if "," in text:
        return [part.strip() for part in text.split(",") if part.strip()]
    return text.split()


def _new_entry(line: str, number: int, section: str) -> _Entry:
    bullet = _BULLET.fullmatch(line)
    if bullet is None:
        indent = _indent(line)
        return _Entry(number, indent, section, [line.strip()], bullet=False)
    marker = bullet.group("marker")
    digits = marker.rstrip(".)") if marker[0].isdigit() else None
    indent = len(bullet.group("indent").expandtabs(8))
    return _Entry(number, indent, section, [bullet.group("text").strip()], True, digits)


def _link_parent(entry: _Entry, stack: list[_Entry]) -> list[_Entry]:
    """A bullet's parent is the nearest earlier, less indented bullet of the same run; returns
    the run's stack of open bullets after `entry`."""
    if not entry.bullet:
        return []
    if stack and stack[-1].section != entry.section:
        stack = []
    while stack and stack[-1].indent >= entry.indent:
        stack.pop()
    entry.parent = stack[-1] if stack else None
    stack.append(entry)
    return stack


def _interpret(
    entry: _Entry, has_children: bool, known: set[str] | None, result: ParsedPlanning
) -> PlanItem | None:
    if not entry.bullet and entry.section == "tasks":
        result.add_free_text(" ".join(entry.lines))
        return None
    text, status, people, reasons = _annotate(entry.lines)
    entry.text = text
    if has_children and entry.parent is None and status is None and not people:
        result.add_heading(text)
        return None
    if not entry.bullet and entry.section == "done" and not people:
        people, prose_reasons = _prose_people(text, known)
        reasons += prose_reasons
    parent = entry.parent.text if entry.parent is not None else None
    section = entry.section
    if section == "tasks":
        section = "done" if status and _DONE_STATUS.fullmatch(status) else "today"
    item = PlanItem(section, text, status, people, parent, entry.line, entry.number)
    if reasons:
        item = replace(item, needs_review=True, review_reason=join_reasons(reasons))
    return item


def _annotate(lines: list[str]) -> tuple[str, str | None, list[str], list[str]]:
    """Split an item into text, status and people; a wrapped item is read whole, and failing
    that by its first line (the rest is a comment such as "proof of concept works")."""
    whole = _split_annotations(" ".join(lines))
    if len(lines) > 1 and whole[1] is None and not whole[2]:
        first = _split_annotations(lines[0])
        if first[1] is not None or first[2]:
            whole = ("; ".join([first[0], " ".join(lines[1:])]), first[1], first[2])
    text, status, people = whole
    reasons = []
    if text.count("(") != text.count(")"):
        reasons.append("unbalanced parentheses: status or people may be incomplete")
    return text, status, people, reasons


def _split_annotations(text: str) -> tuple[str, str | None, list[str]]:
    rest = text.strip()
    if rest.startswith("(") and rest.endswith(")") and rest.count("(") == 1:
        rest = rest[1:-1].strip()
    status: str | None = None
    people: list[str] = []
    for _round in range(3):
        caps_rest, caps = _trailing_caps(rest)
        if caps and status is None:
            rest, status = caps_rest, caps
            continue
        match = _TRAILING_PARENS.fullmatch(rest)
        if not match or not match.group("rest").strip():
            break
        inner = match.group("inner").strip()
        if status is None and _STATUS_IN_PARENS.search(inner):
            status = inner
        elif not people and _people_list(inner):
            people = _people_list(inner)
        else:
            break
        rest = match.group("rest").strip()
    if not people and ":" in rest:
        rest, people = _colon_people(rest)
    return rest or text.strip(), status, people


def _trailing_caps(text: str) -> tuple[str, str | None]:
    """ "... TO BE MERGED" -> status; a lone capitalised word must be a known status word."""
    words = text.split()
    count = 0
    while count < len(words) - 1 and _CAPS_WORD.fullmatch(words[-1 - count]):
        count += 1
    caps = words[len(words) - count :]
    long_word = any(len(word.strip("?!.")) >= 4 for word in caps)
    single_ok = count == 1 and caps[0].strip("?!.") in _STATUS_WORDS
    if (count >= 2 and long_word) or single_ok:
        return " ".join(words[: len(words) - count]), " ".join(caps)
    return text, None


def _people_list(inner: str) -> list[str]:
    """ "anto hardshooter", "arigo + somebody", "Armin, Kristján"; not "kickstarter like ..."."""
    parts = [part for part in _PEOPLE_SPLIT.split(inner) if part]
    if len(parts) == 1 and " " in parts[0]:
        words = parts[0].split()
        capitalised = all(word[0].isupper() for word in words)
        parts = [parts[0]] if capitalised and len(words) <= 3 else words
    if not parts or len(parts) > 8 or not all(_PERSON.fullmatch(part) for part in parts):
        return []
    return parts


def _colon_people(text: str) -> tuple[str, list[str]]:
    """ "the TARGET resoperation: Hakan, Armin" - only capitalised names count after the colon."""
    head, _colon, tail = text.rpartition(":")
    parts = [part.strip() for part in re.split(r"\s*(?:,|\+|&|\band\b)\s*", tail) if part.strip()]
    names = all(_PERSON.fullmatch(part) and part[0].isupper() for part in parts)
    if head.strip() and parts and names and all(len(part.split()) <= 3 for part in parts):
        return head.strip(), parts
    return text, []


def _prose_people(text: str, known: set[str] | None) -> tuple[list[str], list[str]]:
    candidates = _leading_names(text)
    if not candidates:
        return [], ["no person recognised in this paragraph"]
    if known is None:
        return candidates, ["people guessed from the sentence; check them"]
    people = [name for name in candidates if _is_known(name, known)]
    unknown = [name for name in candidates if name not in people]
    reasons = [f"not a known name: {', '.join(unknown)}"] if unknown else []
    if not people:
        reasons.append("no person recognised in this paragraph")
    return people, reasons


def _leading_names(text: str) -> list[str]:
    """Capitalised words before the first lowercase word; "and" or "," separate names."""
    names: list[list[str]] = [[]]
    for token in re.findall(r"[\w'.\-]+|[,&]", text):
        if token in _CONNECTORS:
            names.append([])
        elif token[0].isupper() and token not in _NOT_NAMES:
            names[-1].append(token.rstrip("."))
        else:
            break
    return [" ".join(words) for words in names if words]


def _is_known(name: str, known: set[str]) -> bool:
    folded = name.casefold()
    return folded in known or folded.split()[0] in known


def to_standup_docs(parsed: ParsedPlanning, day: date) -> list[StandupDoc]:
    """Stand-up entries for one day; an item under a group keeps the group in its text."""
    return [standup_doc(item, day) for item in parsed.items]


def standup_doc(item: PlanItem, day: date) -> StandupDoc:
    return StandupDoc(
        day=day,
        section="done" if item.section == "done" else "today",
        text=f"{item.parent}: {item.text}" if item.parent else item.text,
        status=item.status,
        people=list(item.people),
        needs_review=item.needs_review,
        review_reason=item.review_reason,
    )
