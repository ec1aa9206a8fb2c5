"""The interchange document (format "sprintjournal", version 2; version 1 still reads).

Version 2 adds what the report needs: publish marks (notes, stand-up items, branch notes are
private unless marked), figures on branches, and the sprint's number once the organiser has
confirmed it. A version-1 file has none of these, so everything in it stays private.

These pydantic models are the single definition of the JSON shape: import validates against
them, export serialises them, and `docs/schema.json` is generated from them. Importers of other
formats (people.txt, planning.txt) also produce these models, so every import goes through the
same validated path into the journal.
"""

from datetime import date
from typing import Annotated, Final, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from sprintjournal.names import nfc
from sprintjournal.vocabulary import BranchKind, BranchStatus, StandupSection

FORMAT_NAME: Final = "sprintjournal"
FORMAT_VERSION: Final = 2


class _Doc(BaseModel):
    """Strict base: unknown keys are errors, so a typo in a hand-written file is reported."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


class PersonDoc(_Doc):
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    email: str | None = None
    url: str | None = None

    @field_validator("name")
    @classmethod
    def _name_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("a person's name cannot be blank")
        return value


class BlogDoc(_Doc):
    authors: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)


class AttendeeDoc(_Doc):
    person: str = Field(min_length=1)
    arrive: date | None = None
    depart: date | None = None
    dates_text: str | None = None
    accommodation: str | None = None
    diet: str | None = None
    host: bool = False
    newcomer: bool | None = None
    notes: str | None = None
    needs_review: bool = False
    review_reason: str | None = None
    checked_in: list[date] = Field(default_factory=list)


class FigureDoc(_Doc):
    """A measured result, printed exactly as entered: "about 400 times faster" than "ctypes"."""

    what: str = ""
    value: str = Field(min_length=1)
    compared_with: str = ""


class BranchDoc(_Doc):
    name: Annotated[str, AfterValidator(nfc)] = Field(min_length=1)
    kind: BranchKind = "branch"
    goal: str = ""
    status: BranchStatus = "planned"
    people: list[str] = Field(default_factory=list)
    results: list[str] = Field(default_factory=list)
    links: list[str] = Field(default_factory=list)
    notes: str | None = None
    figures: list[FigureDoc] = Field(default_factory=list)
    publish_notes: bool = False


class StandupDoc(_Doc):
    day: date
    section: StandupSection
    text: str
    status: str | None = None
    people: list[str] = Field(default_factory=list)
    branch: Annotated[str, AfterValidator(nfc)] | None = None
    needs_review: bool = False
    review_reason: str | None = None
    publish: bool = False


class NoteDoc(_Doc):
    day: date | None = None
    text: str
    publish: bool | list[int] = Field(
        default=False,
        description="true: the whole note may be printed in the report; a list: the numbers "
        "(from 0) of its paragraphs, separated by blank lines, that may; false: private.",
    )


class PhotoDoc(_Doc):
    # A relative path inside the export folder: no control characters (a NUL cannot be a name).
    file: str = Field(min_length=1, pattern=r"^[^\x00-\x1f\x7f]+$")
    caption: str = ""
    alt: str | None = None
    day: date | None = None
    people: list[str] = Field(default_factory=list)


class ReportDoc(_Doc):
    title: str | None = None
    text: str | None = None


class OrdinalDoc(_Doc):
    """The sprint's number, as the organiser confirmed it: "the second PyPy sprint <scope>"."""

    number: int = Field(ge=1)
    scope: str = ""


class SprintDoc(_Doc):
    title: Annotated[str, AfterValidator(nfc)] = Field(min_length=1)
    project: str = ""
    place: str = ""
    venue: str | None = None
    start: date | None = None
    end: date | None = None
    description: str = ""
    ordinal: OrdinalDoc | None = None
    blog: BlogDoc = Field(default_factory=BlogDoc)
    attendees: list[AttendeeDoc] = Field(default_factory=list)
    branches: list[BranchDoc] = Field(default_factory=list)
    standup: list[StandupDoc] = Field(default_factory=list)
    notes: list[NoteDoc] = Field(default_factory=list)
    photos: list[PhotoDoc] = Field(default_factory=list)
    report: ReportDoc = Field(default_factory=ReportDoc)


class JournalDoc(_Doc):
    format: Literal["sprintjournal"] = FORMAT_NAME
    version: Literal[1, 2] = FORMAT_VERSION
    people: list[PersonDoc] = Field(default_factory=list)
    sprints: list[SprintDoc] = Field(default_factory=list)

    @model_validator(mode="after")
    def _version_1_has_no_marks(self) -> "JournalDoc":
        """A file saying version 1 cannot carry version-2 fields: its writer did not know them."""
        if self.version == 1 and any(_has_v2_fields(s) for s in self.sprints):
            raise ValueError('version-2 fields (publish, figures, ordinal) in a "version": 1 '
                             "file: set the version to 2")
        return self


def _has_v2_fields(s: SprintDoc) -> bool:
    return bool(
        s.ordinal is not None
        or any(b.figures or b.publish_notes for b in s.branches)
        or any(i.publish for i in s.standup)
        or any(n.publish is not False for n in s.notes)
    )


def json_schema() -> dict[str, object]:
    """The published JSON Schema of the interchange document."""
    schema = JournalDoc.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "SprintJournal interchange document, version 2"
    return schema
