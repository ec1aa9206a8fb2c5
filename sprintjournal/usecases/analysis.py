"""Questions the organiser (and the report) asks: who was here, who paired, what each did."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations

from sprintjournal.mentions import find_mentions
from sprintjournal.names import first_name_key, name_key
from sprintjournal.reader import JournalReader
from sprintjournal.records import AttendeeRec, BranchRec, NoteRec, Pair, PersonRef, StandupRec


@dataclass(frozen=True)
class PersonSummary:
    person: PersonRef
    attendee: AttendeeRec | None
    branches: tuple[BranchRec, ...]
    standup: tuple[StandupRec, ...]
    partners: tuple[PersonRef, ...]
    notes: tuple[NoteRec, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class BranchSummary:
    branch: BranchRec
    standup: tuple[StandupRec, ...]
    pairs: tuple[Pair, ...]
    days: tuple[date, ...]


PAIRING_MAX = 3
"""Two or three people on one item pair; a group of four or more (an all-hands item, a branch
everyone signed) is not pairing, and would make everyone "pair" with everyone."""


def _groups(
    items: list[StandupRec], blist: list[BranchRec]
) -> list[tuple[date | None, str, tuple[PersonRef, ...]]]:
    """(day, topic, people) groups: each stand-up item, and each branch with several people."""
    groups: list[tuple[date | None, str, tuple[PersonRef, ...]]] = [
        (i.day, i.branch_name or i.text, i.people) for i in items
    ]
    groups += [(None, b.name, b.people) for b in blist]
    return [g for g in groups if len(g[2]) <= PAIRING_MAX]


def pairs(reader: JournalReader, sprint_id: int, day: date | None = None) -> list[Pair]:
    """People sharing a stand-up item (that day), or a branch, are a pair."""
    items = reader.list_standup(sprint_id, day)
    blist = reader.list_branches(sprint_id)
    if day is not None:
        active = {i.branch_id for i in items if i.branch_id}
        blist = [b for b in blist if b.id in active]
    found: dict[tuple[int, int], tuple[set[date], list[str]]] = {}
    refs: dict[int, PersonRef] = {}
    for when, topic, people in _groups(items, blist):
        for a, b in combinations(sorted(people, key=lambda p: p.id), 2):
            refs[a.id], refs[b.id] = a, b
            days, topics = found.setdefault((a.id, b.id), (set(), []))
            if when is not None:
                days.add(when)
            if topic not in topics:
                topics.append(topic)
    return [
        Pair(refs[a], refs[b], tuple(sorted(d)), tuple(t))
        for (a, b), (d, t) in sorted(
            found.items(), key=lambda kv: (refs[kv[0][0]].name, refs[kv[0][1]].name)
        )
    ]


def newcomers(reader: JournalReader, sprint_id: int) -> list[AttendeeRec]:
    return [a for a in reader.list_attendees(sprint_id) if a.newcomer]


def person_summaries(reader: JournalReader, sprint_id: int) -> list[PersonSummary]:
    """One summary per attendee and per person who appears in the work without attending."""
    atts = {a.person.id: a for a in reader.list_attendees(sprint_id)}
    blist = reader.list_branches(sprint_id)
    items = reader.list_standup(sprint_id)
    partners: dict[int, dict[int, PersonRef]] = defaultdict(dict)
    for p in pairs(reader, sprint_id):
        partners[p.a.id][p.b.id] = p.b
        partners[p.b.id][p.a.id] = p.a
    everyone: dict[int, PersonRef] = {pid: a.person for pid, a in atts.items()}
    for group in [*(b.people for b in blist), *(i.people for i in items)]:
        everyone.update({p.id: p for p in group})
    all_notes = reader.list_notes(sprint_id)
    aliases = {p.id: p.aliases for p in reader.list_people()}
    return [
        PersonSummary(
            ref,
            atts.get(pid),
            tuple(b for b in blist if pid in {p.id for p in b.people}),
            tuple(i for i in items if pid in {p.id for p in i.people}),
            tuple(sorted(partners[pid].values(), key=lambda r: r.name)),
            tuple(n for n in all_notes if _mentions(n.text, ref.name, aliases.get(pid, ()))),
        )
        for pid, ref in everyone.items()
    ]


def _mentions(text: str, name: str, aliases: tuple[str, ...]) -> bool:
    """`@First`, `@[Full Name]` or `@alias`, whole words compared as name keys (accents folded)."""
    keys = {name_key(name), first_name_key(name), *(name_key(a) for a in aliases)}
    return any(m.kind == "person" and name_key(m.text) in keys for m in find_mentions(text))


def branch_summaries(reader: JournalReader, sprint_id: int) -> list[BranchSummary]:
    items = reader.list_standup(sprint_id)
    all_pairs = pairs(reader, sprint_id)
    result = []
    for b in reader.list_branches(sprint_id):
        mine = tuple(i for i in items if i.branch_id == b.id)
        names = {b.name, *(i.text for i in mine)}
        result.append(
            BranchSummary(
                b,
                mine,
                tuple(p for p in all_pairs if names & set(p.topics)),
                tuple(sorted({i.day for i in mine})),
            )
        )
    return result
