"""Plain, immutable data handed out by the Journal façade.

Records never reference a database session, so the UI can keep them as long as it likes and
nothing loads lazily on the GUI thread.
"""

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class PersonRef:
    id: int
    name: str


@dataclass(frozen=True)
class PersonRec:
    id: int
    name: str
    aliases: tuple[str, ...] = ()
    email: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class SprintRec:
    id: int
    title: str
    project: str = ""
    place: str = ""
    venue: str | None = None
    start: date | None = None
    end: date | None = None
    description: str = ""
    blog_authors: tuple[str, ...] = ()
    blog_tags: tuple[str, ...] = ()
    ordinal: int | None = None
    ordinal_scope: str = ""

    def days(self) -> list[date]:
        """Every day of the sprint, start to end inclusive (empty when dates are unknown)."""
        if self.start is None or self.end is None or self.end < self.start:
            return []
        return [
            date.fromordinal(n) for n in range(self.start.toordinal(), self.end.toordinal() + 1)
        ]


@dataclass(frozen=True)
class AttendeeRec:
    id: int
    sprint_id: int
    person: PersonRef
    arrive: date | None = None
    depart: date | None = None
    dates_text: str | None = None
    accommodation: str | None = None
    diet: str | None = None
    host: bool = False
    newcomer_override: bool | None = None
    newcomer: bool = False
    notes: str | None = None
    needs_review: bool = False
    review_reason: str | None = None
    checked_in: tuple[date, ...] = ()
    """Days the organiser checked this person in as here (Attendees ▸ Here today)."""

    def present_on(self, day: date) -> bool:
        """Hosts with unknown dates count as present; others only within known dates."""
        if self.arrive is None and self.depart is None:
            return self.host
        return (self.arrive is None or self.arrive <= day) and (
            self.depart is None or day <= self.depart
        )


@dataclass(frozen=True)
class FigureRec:
    """A measured result, printed exactly as entered: "about 400 times faster" than "ctypes"."""

    what: str
    value: str
    compared_with: str = ""


@dataclass(frozen=True)
class BranchRec:
    id: int
    sprint_id: int
    name: str
    kind: str = "branch"
    goal: str = ""
    status: str = "planned"
    people: tuple[PersonRef, ...] = ()
    results: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    notes: str | None = None
    position: int = 0
    figures: tuple[FigureRec, ...] = ()
    notes_publish: bool = False


@dataclass(frozen=True)
class StandupRec:
    id: int
    sprint_id: int
    day: date
    section: str
    text: str
    status: str | None = None
    people: tuple[PersonRef, ...] = ()
    branch_id: int | None = None
    branch_name: str | None = None
    position: int = 0
    needs_review: bool = False
    review_reason: str | None = None
    publish: bool = False


@dataclass(frozen=True)
class NoteRec:
    id: int
    sprint_id: int
    day: date | None
    text: str
    sha256: str
    updated_at: datetime
    position: int = 0
    publish: tuple[str, ...] = ()


@dataclass(frozen=True)
class NoteVersionRec:
    id: int
    note_id: int
    text: str
    saved_at: datetime


@dataclass(frozen=True)
class PhotoRec:
    id: int
    sprint_id: int
    filename: str
    mime: str
    width: int
    height: int
    byte_size: int
    sha256: str
    caption: str = ""
    alt: str | None = None
    day: date | None = None
    taken_at: datetime | None = None
    people: tuple[PersonRef, ...] = ()
    position: int = 0


@dataclass(frozen=True)
class ReportRec:
    sprint_id: int
    title: str | None
    text: str | None
    generated_text: str | None
    updated_at: datetime | None


@dataclass(frozen=True)
class SearchHit:
    kind: str
    item_id: int
    sprint_id: int | None
    snippet: str
    rank: float = 0.0
    day: date | None = None
    """A note's or stand-up item's day, read with the hit (the results show where it is)."""
    branch: str | None = None
    """A stand-up item's branch name."""


@dataclass(frozen=True)
class Pair:
    """Two people who worked together, with what they shared."""

    a: PersonRef
    b: PersonRef
    days: tuple[date, ...] = ()
    topics: tuple[str, ...] = field(default_factory=tuple)
