"""The strands of the story: each piece of work told once, with its people woven in.

Pure functions over records. A strand is a branch or topic; its Markdown paragraphs say who
worked on it (leads, and helpers who appear on few stand-up days), who paired and for how long
(stand-up items shared by exactly two people: an all-hands item is no pairing), then what was
done in the organiser's own marked words in day order, the results and figures exactly as
entered, a status the stand-up log does not contradict, and the links.
"""

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from sprintjournal.records import BranchRec, PersonRef, StandupRec
from sprintjournal.report import sentences as say
from sprintjournal.report.prose import join_names, md, paragraphs
from sprintjournal.vocabulary import STANDUP_SECTIONS

FINISHED_ITEM = frozenset({"done", "merged", "finished"})


@dataclass(frozen=True)
class Passage:
    """A marked paragraph of a day note (Markdown, already made safe), with its day."""

    day: date | None
    text: str
    branch: str | None = None


@dataclass(frozen=True)
class Strand:
    """One piece of work as the post tells it."""

    key: str
    title: str
    paragraphs: tuple[str, ...]
    people: tuple[PersonRef, ...]
    leads: tuple[PersonRef, ...]
    branch: BranchRec | None = None
    worked: bool = False


@dataclass
class Counters:
    """Which wording comes next, so neighbouring strands do not repeat one sentence."""

    results: int = 0
    status: dict[str, int] = field(default_factory=dict)


def branch_strand(b: BranchRec, items: Sequence[StandupRec], passages: Sequence[Passage],
                  short: dict[int, str], counters: Counters, also: bool = False) -> Strand | None:
    """The strand of one branch, or None when there is nothing true to tell about it."""
    mine = sorted((i for i in items if i.branch_id == b.id), key=_log_order)
    people = _people(b, mine)
    leads, helpers = _leads(people, mine)
    told = [p for p in passages if p.branch and p.branch.casefold() == b.name.casefold()]
    marked = [i for i in mine if i.publish]
    has_facts = bool(b.results or b.figures or marked or told or b.goal or people)
    if not has_facts or (not people and not b.results and not b.figures and not marked
                         and not told):
        return None

    def name(p: PersonRef) -> str:
        return md(short.get(p.id, p.name))

    intro = _intro(b, [name(p) for p in leads], [name(p) for p in helpers], also)
    paras = [" ".join([intro, *_pairings(mine, leads, name)])]
    paras += _done_paragraphs(marked, told)
    if b.notes and b.notes_publish:
        paras.append(say.end(md(b.notes)))
    paras.append(_closing(b, bool(mine), counters, bool(people)))
    return Strand(f"branch:{b.id}", b.name, _merged(paras, {p.text for p in told}),
                  tuple(people), tuple(leads), b, bool(mine))


def _merged(paras: list[str], passages: set[str]) -> tuple[str, ...]:
    """Our own sentences run on in one paragraph; note paragraphs and lists stand alone."""
    out: list[str] = []
    joinable = False
    for para in (p for p in paras if p):
        mine = para not in passages and "\n" not in para
        if mine and joinable:
            out[-1] = f"{out[-1]} {para}"
        else:
            out.append(para)
        joinable = mine
    return tuple(out)


def _people(b: BranchRec, items: Sequence[StandupRec]) -> list[PersonRef]:
    """The branch's people, then anyone else the stand-up log puts on it."""
    seen = {p.id: p for p in b.people}
    for item in items:
        for p in item.people:
            seen.setdefault(p.id, p)
    return list(seen.values())


def _leads(people: list[PersonRef], items: Sequence[StandupRec]
           ) -> tuple[list[PersonRef], list[PersonRef]]:
    """Leads: on at least half as many stand-up days as the busiest; the others helped."""
    days = {p.id: {i.day for i in items if p.id in {q.id for q in i.people}} for p in people}
    most = max((len(d) for d in days.values()), default=0)
    if most == 0:
        return people, []
    leads = [p for p in people if 2 * len(days[p.id]) >= most]
    return leads, [p for p in people if p not in leads]


def _intro(b: BranchRec, leads: list[str], helpers: list[str], also: bool) -> str:
    work = say.work_name(b.kind, md(b.name), next(iter(say.web_links(b.links)), None))
    goal = say.goal_clause(b.goal)
    if not leads:
        return say.end(f"There was also {work}{goal}")
    verb = "also worked on" if also else "worked on"
    return say.end(f"{say.people_phrase(leads, helpers)} {verb} {work}{goal}")


def _pairings(items: Sequence[StandupRec], leads: list[PersonRef],
              name: Callable[[PersonRef], str]) -> list[str]:
    """'Mark paired with Antonio for a couple of days, then carried on alone.'"""
    pair_days: dict[tuple[PersonRef, PersonRef], set[date]] = {}
    for item in items:
        if len(item.people) == 2:
            a, b = sorted(item.people, key=lambda p: _rank(p, leads))
            pair_days.setdefault((a, b), set()).add(item.day)
    out = []
    for (first, second), days in sorted(pair_days.items(), key=lambda kv: min(kv[1])):
        last = max(days)
        alone = next((p for p in (first, second) if any(
            i.day > last and [q.id for q in i.people] == [p.id] for i in items)), None)
        tail = None if alone is None else ("" if alone == first else name(alone))
        out.append(say.pairing_sentence(name(first), name(second), len(days), tail))
    return out


def _rank(p: PersonRef, leads: list[PersonRef]) -> int:
    """Leads first, in their order: the lead is the subject of a pairing sentence."""
    return leads.index(p) if p in leads else len(leads)


def _done_paragraphs(marked: Sequence[StandupRec], told: Sequence[Passage]) -> list[str]:
    """The organiser's marked stand-up sentences and note paragraphs, in day order."""
    entries: list[tuple[date, int, str, bool]] = []
    seen: set[str] = set()
    for n, item in enumerate(marked):
        key = " ".join(item.text.split()).casefold()
        if key in seen:
            continue
        seen.add(key)
        entries.append((item.day, n, item.text, True))
    for n, passage in enumerate(told):
        entries.append((passage.day or date.max, 10_000 + n, passage.text, False))
    entries.sort(key=lambda e: (e[0], e[1]))
    parts: list[tuple[str, bool]] = []
    last_day: date | None = None
    for day, _n, text, is_item in entries:
        if is_item:
            text = say.standup_sentence(text, day, day != last_day)
            last_day = day
        parts.append((text, is_item))
    return paragraphs(parts)


def _closing(b: BranchRec, worked: bool, counters: Counters, has_people: bool) -> str:
    """Results, figures, the status (when the log does not contradict it) and links.

    Work nobody signed up for (a celebration, a benchmark page) is not said to be "done".
    """
    sentences = [say.figure_sentence(f) for f in b.figures]
    status = ""
    if has_people or b.status not in ("done", "planned"):
        seen = counters.status.get(b.status, 0)
        status = say.status_sentence(b.kind, b.status, worked or bool(b.results), seen)
        counters.status[b.status] = seen + 1
    sentences += [status, say.more_links_sentence(b.links)]
    tail = " ".join(s for s in sentences if s)
    if not b.results:
        return tail
    results = say.results_sentence(b.results, counters.results)
    counters.results += 1
    if "\n" in results:  # a list: the other sentences follow in their own paragraph
        return results if not tail else f"{results}\n\n{tail}"
    return f"{results} {tail}".strip()


def loose_sentences(items: Sequence[StandupRec], short: dict[int, str]) -> list[tuple[date, str]]:
    """Marked stand-up items that belong to no branch, each as a dated sentence; a plan whose
    words name none of its people says who (a branch's strand names them in its intro)."""
    out = []
    last: date | None = None
    for item in sorted(items, key=_log_order):
        if not item.publish or item.branch_id is not None:
            continue
        planned = item.section == "today"
        people = "" if not planned or _names_someone(item.text, item.people, short) else (
            join_names(short.get(p.id, p.name) for p in item.people))
        out.append((item.day, say.standup_sentence(item.text, item.day, item.day != last,
                                                   people, planned)))
        last = item.day
    return out


def _log_order(item: StandupRec) -> tuple[date, int, int]:
    """Day, then the day's "done" list before its "today" list (each numbers its own rows)."""
    rank = STANDUP_SECTIONS.index(item.section) if item.section in STANDUP_SECTIONS else 99
    return item.day, rank, item.position


def _names_someone(text: str, people: Sequence[PersonRef], short: dict[int, str]) -> bool:
    """Whether `text` names one of `people` (full, short or first name; 'Hakan' names Håkan)."""
    words = set(re.findall(r"\w+", _folded(text)))
    for p in people:
        for name in (p.name, short.get(p.id, ""), p.name.split()[0] if p.name.split() else ""):
            parts = re.findall(r"\w+", _folded(name))
            if parts and all(part in words for part in parts):
                return True
    return False


def _folded(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c)).casefold()
