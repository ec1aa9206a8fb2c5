"""Everything a report may say, gathered from the journal once into plain immutable data.

Only what is public reaches a `ReportData`: attendees are reduced to name, host and a newcomer
flag the organiser confirmed (arrival, departure, accommodation, diet and attendee notes are
never read); notes, stand-up items and branch notes count only where marked for the report.
Templates (ours or the user's) see nothing else, so no template can print a private field.
"""

import re
from dataclasses import dataclass
from datetime import date

from sprintjournal.mentions import find_mentions
from sprintjournal.publish import published
from sprintjournal.reader import JournalReader
from sprintjournal.records import BranchRec, NoteRec, PersonRef, PhotoRec, SprintRec, StandupRec
from sprintjournal.report import sentences as say
from sprintjournal.report.names import short_names
from sprintjournal.report.prose import (
    count,
    date_range,
    join_names,
    md,
    neutralise_html,
    ordinal_word,
    paragraphs,
)
from sprintjournal.report.story import Counters, Passage, Strand, branch_strand, loose_sentences

GROUPS = ("person", "branch")
AROUND = "Also this week"
_HEADING = re.compile(r"^(#{1,6})(?=\s)")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class PublicAttendee:
    """What a post may say about an attendee."""

    person: PersonRef
    short: str
    host: bool
    newcomer: bool  # confirmed by the organiser; an unconfirmed guess is False


@dataclass(frozen=True)
class PhotoRef:
    """A photo as the draft refers to it: `photo:<id>` is resolved by each export target."""

    id: int
    caption: str
    alt: str
    filename: str
    people: tuple[PersonRef, ...]

    @property
    def url(self) -> str:
        return f"photo:{self.id}"


@dataclass(frozen=True)
class Section:
    """One part of the report body: its heading, Markdown paragraphs and photos."""

    title: str
    paragraphs: tuple[str, ...]
    photos: tuple[PhotoRef, ...] = ()
    key: str = ""
    people: tuple[PersonRef, ...] = ()
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportData:
    sprint: SprintRec
    attendees: tuple[PublicAttendee, ...]
    hosts: tuple[PublicAttendee, ...]
    newcomers: tuple[PublicAttendee, ...]
    opening: tuple[str, ...]
    sections: tuple[Section, ...]
    closing: str
    loose_photos: tuple[PhotoRef, ...]
    strands: tuple[Strand, ...]
    group_by: str

    @property
    def title(self) -> str:
        return self.sprint.title

    @property
    def days(self) -> list[date]:
        return self.sprint.days()


def gather(reader: JournalReader, sprint_id: int, group_by: str = "person") -> ReportData:
    """Read the sprint once (through the reader: what the app shows is what the post says)
    and tell its story in the chosen order."""
    if group_by not in GROUPS:
        raise ValueError(f"group_by must be 'person' or 'branch', not {group_by!r}")
    sprint = reader.get_sprint(sprint_id)
    attendees = reader.list_attendees(sprint_id)
    branches = reader.list_branches(sprint_id)
    items = reader.list_standup(sprint_id)
    everyone = [a.person for a in attendees] + [p for b in branches for p in b.people] + [
        p for i in items for p in i.people]
    short = short_names(everyone)
    public = tuple(PublicAttendee(a.person, short[a.person.id], a.host,
                                  a.newcomer_override is True and not a.host) for a in attendees)
    passages = _passages(reader.list_notes(sprint_id), branches)
    counters = Counters()
    strands = [s for b in branches
               if (s := branch_strand(b, items, passages, short, counters)) is not None]
    told = {s.branch.name.casefold() for s in strands if s.branch}
    around = _around(items, [p for p in passages if (p.branch or "").casefold() not in told],
                     short)
    bodies = (_by_branch(strands) if group_by == "branch"
              else _by_person(strands, public, everyone))
    if around:
        bodies.append(Section(AROUND, tuple(around), key="around"))
    photos = [_photo_ref(p, short) for p in reader.list_photos(sprint_id)]
    sections, loose = _place_photos(bodies, photos)
    hosts = tuple(a for a in public if a.host)
    return ReportData(
        sprint=sprint, attendees=public, hosts=hosts,
        newcomers=tuple(a for a in public if a.newcomer),
        opening=_opening(sprint, public, hosts), sections=sections,
        closing=_closing(hosts, strands), loose_photos=loose, strands=tuple(strands),
        group_by=group_by,
    )


# -- marked note paragraphs ---------------------------------------------------------------------

def _passages(notes: list[NoteRec], branches: list[BranchRec]) -> list[Passage]:
    """Marked paragraphs, mentions made plain, headings pushed below the section heading."""
    names = {b.name.casefold(): b.name for b in branches}
    out = []
    for note in notes:
        branch: str | None = None  # a paragraph naming no branch goes on with the one before
        for para in published(note.text, note.publish):
            mentioned = [m.text for m in find_mentions(para) if m.kind == "branch"]
            branch = next((names[m.casefold()] for m in mentioned if m.casefold() in names),
                          branch)
            out.append(Passage(note.day, neutralise_html(_nested(_plain_mentions(para))), branch))
    return out


def _plain_mentions(text: str) -> str:
    """`@Laura` and `#ffistruct` read as plain names in a published post."""
    text = text.replace("\r\n", "\n")
    for mention in reversed(find_mentions(text)):
        text = text[:mention.start] + mention.text + text[mention.end:]
    return text.strip()


def _nested(text: str) -> str:
    """Push a note's headings below the section heading (### ...) so the outline stays right."""
    out, in_code = [], False
    for line in text.split("\n"):
        if _FENCE.match(line):
            in_code = not in_code
        if not in_code:
            line = _HEADING.sub(lambda m: "#" * min(6, len(m.group(1)) + 3), line)
        out.append(line)
    return "\n".join(out)


def _around(items: list[StandupRec], passages: list[Passage], short: dict[int, str]
            ) -> list[str]:
    """Marked stand-up items of no branch and note paragraphs of no strand, in day order."""
    entries = [(day, 0, n, text) for n, (day, text) in enumerate(loose_sentences(items, short))]
    entries += [(p.day or date.max, 1, n, p.text) for n, p in enumerate(passages)]
    entries.sort(key=lambda e: (e[0], e[1], e[2]))
    return paragraphs((text, kind == 0) for _day, kind, _n, text in entries)


# -- sections -------------------------------------------------------------------------------------

def _by_branch(strands: list[Strand]) -> list[Section]:
    return [Section(s.title, s.paragraphs, key=s.key, people=s.people, topics=(s.title,))
            for s in strands]


def _by_person(strands: list[Strand], attendees: tuple[PublicAttendee, ...],
               everyone: list[PersonRef]) -> list[Section]:
    """A section per person who led some work, in attendee order; work nobody led goes last."""
    order = list(dict.fromkeys([a.person for a in attendees] + everyone))
    sections = []
    for person in order:
        mine = [s for s in strands if s.leads and s.leads[0].id == person.id]
        if not mine:
            continue
        paras: list[str] = []
        people: dict[int, PersonRef] = {}
        for n, strand in enumerate(mine):
            first, *rest = strand.paragraphs
            if n:
                also = say.ALSO[(n - 1) % len(say.ALSO)]
                first = first.replace(" worked on ", f" {also} ", 1)
            paras += [first, *rest]
            people.update({p.id: p for p in strand.people})
        sections.append(Section(person.name, tuple(paras), key=f"person:{person.id}",
                                people=tuple(people.values()),
                                topics=tuple(s.title for s in mine)))
    unled = [s for s in strands if not s.leads]
    if unled:
        sections += _by_branch(unled)
    return sections


# -- photos ---------------------------------------------------------------------------------------

def _photo_ref(p: PhotoRec, short: dict[int, str]) -> PhotoRef:
    """Caption naming everyone tagged; alt text that describes, not repeats, the caption."""
    caption = " ".join(p.caption.split())
    folded = caption.casefold()
    missing = [r.name for r in p.people
               if r.name.casefold() not in folded
               and short.get(r.id, r.name).casefold() not in folded]
    if missing:
        caption = f"{caption}, with {join_names(missing)}" if caption else join_names(missing)
    alt = " ".join((p.alt or "").split())
    if not alt or alt.casefold() == p.caption.strip().casefold():
        alt = (f"Photo of {join_names(r.name for r in p.people)}" if p.people
               else "Photo from the sprint")
    return PhotoRef(p.id, caption, alt, p.filename, p.people)


def _place_photos(sections: list[Section], photos: list[PhotoRef]
                  ) -> tuple[tuple[Section, ...], tuple[PhotoRef, ...]]:
    """Beside the work its caption names, else the first section with everyone it shows."""
    placed: dict[int, list[PhotoRef]] = {}
    loose = []
    for photo in photos:
        folded = _words(photo.caption)
        target = next((n for n, s in enumerate(sections)
                       if any(re.search(rf"(?<!\w){re.escape(_words(t))}(?!\w)", folded)
                              for t in s.topics)), None)
        if target is None and photo.people:
            ids = {p.id for p in photo.people}
            target = next((n for n, s in enumerate(sections)
                           if ids <= {p.id for p in s.people}), None)
        if target is None:
            loose.append(photo)
        else:
            placed.setdefault(target, []).append(photo)
    return tuple(Section(s.title, s.paragraphs, tuple(placed.get(n, ())), s.key, s.people,
                         s.topics)
                 for n, s in enumerate(sections)), tuple(loose)


def _words(text: str) -> str:
    """Folded, with '-' and '_' read as spaces: 'jit-targets' matches 'JIT targets'."""
    return re.sub(r"[-_\s]+", " ", text.casefold()).strip()


# -- opening and closing -------------------------------------------------------------------------

def _opening(s: SprintRec, people: tuple[PublicAttendee, ...],
             hosts: tuple[PublicAttendee, ...]) -> tuple[str, ...]:
    """Where, when, whose place, the confirmed number, who came, who is new (confirmed)."""
    what = f"The {md(s.project)} sprint" if s.project.strip() else "The sprint"
    if s.place.strip():
        what += f" in {md(s.place)}"
    where = ""
    if s.venue:
        where = f" at {md(s.venue)}"
    elif hosts:
        where = f" at {join_names(md(h.short) for h in hosts)}'s place"
    when = date_range(s.start, s.end)
    first = f"{what} took place {when}{',' if when and where else ''}{where}." if (when or where) \
        else f"{what} is over, and this is what happened."
    lines = [first]
    if s.ordinal:
        project = f" {md(s.project)}" if s.project.strip() else ""
        scope = f" {md(s.ordinal_scope)}" if s.ordinal_scope.strip() else ""
        lines.append(f"It was the {ordinal_word(s.ordinal)}{project} sprint{scope}.")
    paras = [" ".join(lines)]
    who = _who_came(people)
    welcome = _welcome(s, [a for a in people if a.newcomer])
    if who or welcome:
        paras.append(" ".join(x for x in (who, welcome) if x))
    return tuple(paras)


def _who_came(people: tuple[PublicAttendee, ...]) -> str:
    names = join_names(md(a.person.name) for a in people)
    if not people:
        return ""
    if len(people) == 1:
        return f"One person came: {names}."
    counted = count(len(people), "person", "people")
    if say.starts_with_numeral(counted):
        return f"In all, {counted} took part: {names}."
    return f"{say.upper_first(counted)} took part: {names}."


def _welcome(s: SprintRec, newcomers: list[PublicAttendee]) -> str:
    if not newcomers:
        return ""
    project = f"a {md(s.project)} sprint" if s.project.strip() else "one of our sprints"
    names = join_names(md(a.person.name) for a in newcomers)
    many = len(newcomers) > 1
    return f"A special welcome to {names}, who {'all ' if many else ''}came to {project} " \
           "for the first time."


def _closing(hosts: tuple[PublicAttendee, ...], strands: list[Strand]) -> str:
    """What goes on after the sprint, said once; the hosts are thanked here, once."""
    going = say.going_on_sentence([md(s.title) for s in strands
                                   if s.branch and s.branch.status == "in progress"])
    if hosts:
        thanks = (f"Thanks to everyone who came, and to {join_names(md(h.short) for h in hosts)} "
                  "for having us. See you at the next sprint!")
    else:
        thanks = "Thanks to everyone who came. See you at the next sprint!"
    return f"{going} {thanks}".strip()
