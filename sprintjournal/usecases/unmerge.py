"""Merging two people as a step that can be taken back, with the same ids as before.

`people.merge` folds one person into another: links and attendances move over, the ones the
kept person already has are deleted, the folded person's row and aliases go, and the kept
person gains aliases (and an email or URL it lacked). `merge` here records all of that first,
and `unmerge` puts each row back as it was, under its old id, so undo steps recorded before the
merge (which name those ids) still work. Rows that appeared since are left alone: only what the
merge moved, deleted or added is touched.
"""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, update
from sqlmodel import Session, SQLModel, col, select

from sprintjournal.errors import ValidationError
from sprintjournal.models import (
    Attendance,
    BranchPerson,
    Person,
    PersonAlias,
    PhotoPerson,
    StandupPerson,
)
from sprintjournal.row_ids import saved
from sprintjournal.usecases import people
from sprintjournal.usecases.common import column

_OWNED: dict[str, tuple[type[SQLModel], str]] = {
    "attendance": (Attendance, "sprint_id"),
    "branch_person": (BranchPerson, "branch_id"),
    "standup_person": (StandupPerson, "item_id"),
    "photo_person": (PhotoPerson, "photo_id"),
}
"""The tables whose rows name a person, and the column a person may appear in only once."""

Row = tuple[str, dict[str, Any]]
"""(table, row as its model dumps it): SQLModel types a dump's values Any, and the model's own
constructor puts the row back."""


@dataclass(frozen=True)
class Unmerge:
    """What one merge changed: enough to take it back exactly."""

    keep_id: int
    person: dict[str, Any]
    """The folded person's row."""
    aliases: tuple[dict[str, Any], ...]
    """The folded person's alias rows."""
    added_alias_ids: tuple[int, ...]
    """The alias rows the merge gave the kept person."""
    keep_details: dict[str, str | None]
    """The kept person's email and URL before the merge filled them in."""
    moved: tuple[Row, ...]
    """Rows (table, row) that now name the kept person instead."""
    dropped: tuple[Row, ...]
    """Rows (table, row) deleted because the kept person already had one like it."""

    @property
    def other_id(self) -> int:
        return int(self.person["id"])


def merge(session: Session, keep_id: int, other_id: int) -> Unmerge:
    """`people.merge`, recorded."""
    keep, other = people.get(session, keep_id), people.get(session, other_id)
    moved: list[Row] = []
    dropped: list[Row] = []
    for table, (model, owner) in _OWNED.items():
        person_id = column(model, "person_id")
        kept = set(session.exec(select(column(model, owner)).where(person_id == keep_id)).all())
        for row in session.exec(select(model).where(person_id == other_id)).all():
            record = (table, row.model_dump())
            (dropped if getattr(row, owner) in kept else moved).append(record)
    person = other.model_dump()
    aliases = tuple(a.model_dump() for a in _aliases(session, other_id))
    before = {a.id for a in _aliases(session, keep_id)}
    details = {"email": keep.email, "url": keep.url}
    people.merge(session, keep_id, other_id)
    session.flush()
    added = tuple(saved(a.id) for a in _aliases(session, keep_id) if a.id not in before)
    return Unmerge(keep_id, person, aliases, added, details, tuple(moved), tuple(dropped))


def unmerge(session: Session, undo: Unmerge) -> None:
    """Split the people again: the folded person back under its id, its rows back to it."""
    clash = session.exec(
        select(Person).where(Person.name_key == undo.person["name_key"])).first()
    if clash is not None or session.get(Person, undo.other_id) is not None:
        raise ValidationError(
            f"“{undo.person['name']}” cannot be split off again: the journal has someone "
            "under that name or number now.")
    if any(session.get(_OWNED[table][0], row["id"]) is not None
           for table, row in undo.dropped if "id" in row):
        raise ValidationError(
            f"“{undo.person['name']}” cannot be split off again: an attendance the merge "
            "folded in has been reused since.")
    keep = people.get(session, undo.keep_id)
    session.add(Person(**undo.person))
    session.flush()
    session.exec(delete(PersonAlias).where(col(PersonAlias.id).in_(undo.added_alias_ids)))
    session.add_all(PersonAlias(**row) for row in undo.aliases)
    for key, value in undo.keep_details.items():
        setattr(keep, key, value)
    session.add(keep)
    for table, row in undo.moved:
        model, owner = _OWNED[table]
        where = (col(Attendance.id) == row["id"] if model is Attendance
                 else column(model, owner) == row[owner])
        session.exec(update(model).where(where, column(model, "person_id") == undo.keep_id)
                     .values(person_id=undo.other_id))
    session.add_all(_OWNED[table][0](**row) for table, row in undo.dropped)
    session.flush()


def _aliases(session: Session, person_id: int) -> list[PersonAlias]:
    return list(session.exec(select(PersonAlias).where(PersonAlias.person_id == person_id)))
