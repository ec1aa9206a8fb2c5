"""SQLModel tables of a journal file: what the schema steps (`migrations/`) make, as classes.

The models do not make the tables; the fixed SQL of the numbered steps does. A change here
therefore comes with a new step, and tests/sprintjournal/migrations/test_migrations.py fails
until both agree.

No `from __future__ import annotations` here: it breaks SQLModel's Relationship. The tables carry
no relationships on purpose: use cases query explicitly, so nothing loads lazily behind the
façade's back and records handed to the UI are plain data.
Photo originals live in their own table so listing photos never reads megabytes of BLOB.
"""

from datetime import date, datetime

from pydantic import NaiveDatetime
from sqlalchemy import JSON, Boolean, Column, Index, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy import text as sql_text
from sqlmodel import Field, SQLModel


class Meta(SQLModel, table=True):
    __tablename__ = "meta"
    key: str = Field(primary_key=True)
    value: str


class Person(SQLModel, table=True):
    __tablename__ = "person"
    id: int | None = Field(default=None, primary_key=True)
    name: str
    name_key: str = Field(unique=True, index=True)
    email: str | None = None
    url: str | None = None


class PersonAlias(SQLModel, table=True):
    __tablename__ = "person_alias"
    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    alias: str
    alias_key: str = Field(index=True)
    __table_args__ = (UniqueConstraint("person_id", "alias_key"),)


class Sprint(SQLModel, table=True):
    __tablename__ = "sprint"
    id: int | None = Field(default=None, primary_key=True)
    title: str
    project: str = ""
    place: str = ""
    venue: str | None = None
    start: date | None = None
    end: date | None = None
    description: str = ""
    blog_authors: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    blog_tags: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_at: datetime
    # Confirmed by the organiser (version 3): "the second PyPy sprint <scope>"; None = unsaid.
    ordinal: int | None = Field(default=None, sa_column=Column(Integer, nullable=True))
    ordinal_scope: str = Field(
        default="", sa_column=Column(String, nullable=False, server_default=sql_text("''")))


class Attendance(SQLModel, table=True):
    __tablename__ = "attendance"
    id: int | None = Field(default=None, primary_key=True)
    sprint_id: int = Field(foreign_key="sprint.id", ondelete="CASCADE", index=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
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
    position: int = 0
    checked_in: list[str] = Field(
        default_factory=list,
        sa_column=Column(JSON, nullable=False, server_default=sql_text("'[]'")))
    """ISO days the organiser checked this person in as here, beside what the dates say."""
    __table_args__ = (UniqueConstraint("sprint_id", "person_id"),)


class Branch(SQLModel, table=True):
    __tablename__ = "branch"
    id: int | None = Field(default=None, primary_key=True)
    sprint_id: int = Field(foreign_key="sprint.id", ondelete="CASCADE", index=True)
    name: str
    kind: str = "branch"
    goal: str = ""
    status: str = "planned"
    results: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    links: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    notes: str | None = None
    position: int = 0
    # Version 3: figures [{what, value, compared_with}] and whether the notes are published.
    figures: list[dict[str, str]] = Field(
        default_factory=list,
        sa_column=Column(JSON, nullable=False, server_default=sql_text("'[]'")))
    notes_publish: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False, server_default=sql_text("0")))
    __table_args__ = (UniqueConstraint("sprint_id", "name"),)


class BranchPerson(SQLModel, table=True):
    __tablename__ = "branch_person"
    branch_id: int = Field(foreign_key="branch.id", ondelete="CASCADE", primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", primary_key=True)
    position: int = 0


class StandupItem(SQLModel, table=True):
    __tablename__ = "standup_item"
    id: int | None = Field(default=None, primary_key=True)
    sprint_id: int = Field(foreign_key="sprint.id", ondelete="CASCADE")
    day: date
    section: str
    text: str
    status: str | None = None
    branch_id: int | None = Field(
        default=None, foreign_key="branch.id", ondelete="SET NULL", index=True
    )
    position: int = 0
    needs_review: bool = False
    review_reason: str | None = None
    publish: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False, server_default=sql_text("0")))
    __table_args__ = (Index("ix_standup_sprint_day", "sprint_id", "day"),)


class StandupPerson(SQLModel, table=True):
    __tablename__ = "standup_person"
    item_id: int = Field(foreign_key="standup_item.id", ondelete="CASCADE", primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", primary_key=True)
    position: int = 0


class Note(SQLModel, table=True):
    __tablename__ = "note"
    id: int | None = Field(default=None, primary_key=True)
    sprint_id: int = Field(foreign_key="sprint.id", ondelete="CASCADE")
    day: date | None = None
    text: str = ""
    sha256: str
    position: int = 0
    created_at: datetime
    updated_at: datetime
    # Fingerprints of the paragraphs marked for the report (version 3); none = private.
    publish: list[str] = Field(
        default_factory=list,
        sa_column=Column(JSON, nullable=False, server_default=sql_text("'[]'")))
    __table_args__ = (Index("ix_note_sprint_day", "sprint_id", "day"),)


class NoteVersion(SQLModel, table=True):
    __tablename__ = "note_version"
    id: int | None = Field(default=None, primary_key=True)
    note_id: int = Field(foreign_key="note.id", ondelete="CASCADE", index=True)
    text: str
    sha256: str
    saved_at: datetime


class Photo(SQLModel, table=True):
    __tablename__ = "photo"
    id: int | None = Field(default=None, primary_key=True)
    sprint_id: int = Field(foreign_key="sprint.id", ondelete="CASCADE", index=True)
    filename: str
    mime: str
    width: int
    height: int
    byte_size: int
    sha256: str
    caption: str = ""
    alt: str | None = None
    day: date | None = None
    taken_at: NaiveDatetime | None = None  # camera local time: EXIF has no zone
    thumbnail: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    position: int = 0


class PhotoData(SQLModel, table=True):
    __tablename__ = "photo_data"
    photo_id: int = Field(foreign_key="photo.id", ondelete="CASCADE", primary_key=True)
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class PhotoPerson(SQLModel, table=True):
    __tablename__ = "photo_person"
    photo_id: int = Field(foreign_key="photo.id", ondelete="CASCADE", primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", primary_key=True)
    position: int = 0


class Rendition(SQLModel, table=True):
    """Web renditions cached per photo and parameters, so exporting again is instant."""

    __tablename__ = "rendition"
    photo_id: int = Field(foreign_key="photo.id", ondelete="CASCADE", primary_key=True)
    params: str = Field(primary_key=True)
    mime: str
    width: int
    height: int
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class Report(SQLModel, table=True):
    __tablename__ = "report"
    sprint_id: int = Field(foreign_key="sprint.id", ondelete="CASCADE", primary_key=True)
    title: str | None = None
    text: str | None = None
    generated_text: str | None = None
    updated_at: datetime
