"""Everything a report says, gathered from the journal once into plain immutable data.

Templates (ours or the user's) only ever see a `ReportData`: they never reach the database, so a
template cannot run a query, and composing is a pure function of this snapshot.
"""

from dataclasses import dataclass, field
from datetime import date

from sprintjournal.journal import Journal
from sprintjournal.records import (
    AttendeeRec,
    BranchRec,
    NoteRec,
    Pair,
    PersonRef,
    PhotoRec,
    SprintRec,
)
from sprintjournal.usecases.analysis import BranchSummary, PersonSummary
from sprintjournal.usecases.sprints import Ordinal

FINISHED = ("done", "merged")
ONGOING = ("in progress", "blocked")


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
    """One part of the report body: a person or a branch, with the photos placed in it."""

    title: str
    person: PersonSummary | None = None
    branch: BranchSummary | None = None
    photos: tuple[PhotoRef, ...] = ()


@dataclass(frozen=True)
class ReportData:
    sprint: SprintRec
    ordinal: Ordinal | None
    attendees: tuple[AttendeeRec, ...]
    hosts: tuple[AttendeeRec, ...]
    newcomers: tuple[AttendeeRec, ...]
    branches: tuple[BranchSummary, ...]
    people: tuple[PersonSummary, ...]
    pairs: tuple[Pair, ...]
    photos: tuple[PhotoRef, ...]
    notes: tuple[NoteRec, ...]
    group_by: str
    sections: tuple[Section, ...] = ()
    loose_photos: tuple[PhotoRef, ...] = ()
    headline_results: tuple[tuple[BranchRec, str], ...] = field(default_factory=tuple)

    @property
    def title(self) -> str:
        return self.sprint.title

    @property
    def finished(self) -> tuple[BranchRec, ...]:
        return tuple(b.branch for b in self.branches if b.branch.status in FINISHED)

    @property
    def ongoing(self) -> tuple[BranchRec, ...]:
        return tuple(b.branch for b in self.branches if b.branch.status in ONGOING)

    @property
    def days(self) -> list[date]:
        return self.sprint.days()


def gather(journal: Journal, sprint_id: int, group_by: str = "person") -> ReportData:
    """Read the sprint once; place each photo in the section it belongs to."""
    if group_by not in ("person", "branch"):
        raise ValueError(f"group_by must be 'person' or 'branch', not {group_by!r}")
    attendees = tuple(journal.list_attendees(sprint_id))
    branches = tuple(journal.branch_summaries(sprint_id))
    people = tuple(_ordered_people(journal.person_summaries(sprint_id), attendees))
    photos = tuple(_photo_ref(p) for p in journal.list_photos(sprint_id))
    sections, loose = _sections(group_by, people, branches, photos)
    return ReportData(
        sprint=journal.get_sprint(sprint_id),
        ordinal=journal.sprint_ordinal(sprint_id),
        attendees=attendees,
        hosts=tuple(a for a in attendees if a.host),
        newcomers=tuple(a for a in attendees if a.newcomer and not a.host),
        branches=branches,
        people=people,
        pairs=tuple(journal.pairs(sprint_id)),
        photos=photos,
        notes=tuple(n for n in journal.list_notes(sprint_id) if n.text.strip()),
        group_by=group_by,
        sections=sections,
        loose_photos=loose,
        headline_results=_headlines(branches),
    )


def _ordered_people(summaries: list[PersonSummary], attendees: tuple[AttendeeRec, ...]
                    ) -> list[PersonSummary]:
    """Attendees in the order of the attendee list, then anyone else who appears in the work."""
    order = {a.person.id: i for i, a in enumerate(attendees)}
    return sorted(summaries, key=lambda s: (order.get(s.person.id, len(order)), s.person.name))


def _photo_ref(p: PhotoRec) -> PhotoRef:
    return PhotoRef(p.id, p.caption.strip(), (p.alt or p.caption or p.filename).strip(),
                    p.filename, p.people)


def _sections(group_by: str, people: tuple[PersonSummary, ...],
              branches: tuple[BranchSummary, ...], photos: tuple[PhotoRef, ...]
              ) -> tuple[tuple[Section, ...], tuple[PhotoRef, ...]]:
    """A photo goes to the first section holding everyone it shows; the rest close the report.

    A group photo (the cake, the whole table) belongs to the sprint, not to one branch.
    """
    raw: list[tuple[str, set[int], PersonSummary | None, BranchSummary | None]]
    if group_by == "person":
        raw = [(s.person.name, {s.person.id}, s, None) for s in people if _did_something(s)]
    else:
        raw = [(b.branch.name, {p.id for p in b.branch.people}, None, b) for b in branches]
    placed: set[int] = set()
    sections = []
    for title, ids, person, branch in raw:
        mine = tuple(p for p in photos
                     if p.id not in placed and p.people and {r.id for r in p.people} <= ids)
        placed.update(p.id for p in mine)
        sections.append(Section(title, person, branch, mine))
    return tuple(sections), tuple(p for p in photos if p.id not in placed)


def _did_something(s: PersonSummary) -> bool:
    """Hosts who only hosted get thanked in the introduction, not an empty section."""
    return bool(s.branches or s.standup or s.notes)


def _headlines(branches: tuple[BranchSummary, ...]) -> tuple[tuple[BranchRec, str], ...]:
    """Results carrying a figure are the headline: they are what readers quote."""
    return tuple(
        (b.branch, r) for b in branches for r in b.branch.results
        if any(ch.isdigit() for ch in r)
    )
