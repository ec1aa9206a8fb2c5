"""Plain, immutable data handed out by the Journal façade.

Records never reference a database session, so the UI can keep them as long as it likes and
nothing loads lazily on the GUI thread.
"""

from dataclasses import field
from datetime import date, datetime

from sprintjournal.record_class import record


@record
class PersonRef:
    """Who, as a list or a pair names them: enough to show and to link, not the whole person."""

    id: int
    name: str


@record
class PersonRec:
    """A person across sprints; the aliases are the other spellings imported files used."""

    id: int
    name: str
    aliases: tuple[str, ...] = ()
    email: str | None = None
    url: str | None = None


@record
class SprintRec:
    """One sprint: where, when, and what its blog post is filed under."""

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


@record
class AttendeeRec:
    """A person's stay at one sprint; diet, room and notes are never published."""

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


@record
class FigureRec:
    """A measured result, printed exactly as entered: "about 400 times faster" than "ctypes"."""

    what: str
    value: str
    compared_with: str = ""


@record
class BranchRec:
    """A branch or topic worked on: its goal, who, how it went, the figures it got."""

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


@record
class StandupRec:
    """One stand-up line of a day ("done so far" or "today"), with who and which branch."""

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


@record
class NoteRec:
    """A day's Markdown note (`day` None: the sprint's own); `sha256` is checked by `check`."""

    id: int
    sprint_id: int
    day: date | None
    text: str
    sha256: str
    updated_at: datetime
    position: int = 0
    publish: tuple[str, ...] = ()


@record
class NoteVersionRec:
    """A note's text as saved earlier: the history the user can go back to."""

    id: int
    note_id: int
    text: str
    saved_at: datetime


@record
class PhotoRec:
    """A photo's facts, not its bytes: the image is read from the journal when shown."""

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


@record
class ReportRec:
    """The report's saved text beside the draft last generated: they differ once edited."""

    sprint_id: int
    title: str | None
    text: str | None
    generated_text: str | None
    updated_at: datetime | None


@record
class SearchHit:
    """One search result, with what the results list needs to show where it is."""

    kind: str
    item_id: int
    sprint_id: int | None
    snippet: str
    rank: float = 0.0
    day: date | None = None
    """A note's or stand-up item's day, read with the hit (the results show where it is)."""
    branch: str | None = None
    """A stand-up item's branch name."""


@record
class Pair:
    """Two people who worked together, with what they shared."""

    a: PersonRef
    b: PersonRef
    days: tuple[date, ...] = ()
    topics: tuple[str, ...] = field(default_factory=tuple)
