"""The fields each write of the `Journal` façade accepts, one type per entity.

A patch names only the fields it changes (TypedDicts with total=False), so mypy checks the
keyword arguments of `update_branch(…, status="merged")` and its kind, where `**fields: Any`
let a misspelt field through to the core's run-time check. The `…Details` types are what an
`add_…` takes besides its positional arguments; the `…Patch` types add those for updates.
"""

from collections.abc import Iterable, Mapping
from datetime import date
from typing import TypedDict, get_type_hints

from sprintjournal.records import FigureRec


class PersonPatch(TypedDict, total=False):
    name: str
    aliases: Iterable[str]
    email: str | None
    url: str | None


class SprintDetails(TypedDict, total=False):
    project: str
    place: str
    venue: str | None
    start: date | None
    end: date | None
    description: str
    blog_authors: Iterable[str]
    blog_tags: Iterable[str]
    ordinal: int | None
    ordinal_scope: str


class SprintPatch(SprintDetails, total=False):
    title: str


class AttendancePatch(TypedDict, total=False):
    arrive: date | None
    depart: date | None
    dates_text: str | None
    accommodation: str | None
    diet: str | None
    host: bool
    newcomer: bool | None
    notes: str | None
    needs_review: bool
    review_reason: str | None
    position: int


class BranchDetails(TypedDict, total=False):
    kind: str
    goal: str
    status: str
    results: Iterable[str]
    links: Iterable[str]
    notes: str | None
    position: int
    figures: Iterable[FigureRec | Mapping[str, str]]
    notes_publish: bool


class BranchPatch(BranchDetails, total=False):
    name: str
    people: Iterable[str]


class StandupDetails(TypedDict, total=False):
    status: str | None
    branch_id: int | None
    position: int
    needs_review: bool
    review_reason: str | None
    publish: bool


class StandupPatch(StandupDetails, total=False):
    day: date
    section: str
    text: str
    people: Iterable[str]


class PhotoDetails(TypedDict, total=False):
    caption: str
    alt: str | None
    day: date | None
    """None: the day the camera says it was taken, if it says."""
    people: Iterable[str]


class PhotoPatch(PhotoDetails, total=False):
    position: int
    filename: str


class ReportPatch(TypedDict, total=False):
    title: str | None
    text: str | None
    generated_text: str | None


def patch_fields(patch: type, *, besides: Iterable[str] = ()) -> frozenset[str]:
    """The fields a patch type lets a write set, less those its use case handles itself
    (`besides`: linked people): the use cases' allowed fields come from here, not a copy."""
    return frozenset(get_type_hints(patch)) - set(besides)
