"""People attached to branches, stand-up items and photos (ordered link tables)."""

from collections.abc import Iterable

from sqlalchemy import delete
from sqlmodel import Session, SQLModel, col, select

from sprintjournal.models import Person
from sprintjournal.records import PersonRef
from sprintjournal.row_ids import saved
from sprintjournal.usecases import people


def set_people(
    session: Session, table: type[SQLModel], owner: str, owner_id: int, names: Iterable[str]
) -> list[str]:
    """Replace the people linked to one owner; returns names that had to be created."""
    session.exec(delete(table).where(getattr(table, owner) == owner_id))
    created: list[str] = []
    seen: set[int] = set()
    for position, name in enumerate(names):
        person, was_created = people.ensure(session, name)
        if person.id in seen:
            continue
        seen.add(saved(person.id))
        if was_created:
            created.append(person.name)
        session.add(table(**{owner: owner_id, "person_id": person.id, "position": position}))
    return created


CHUNK = 900
"""Owners per query: under the smallest variable limit SQLite builds have had (999)."""


def people_of(
    session: Session, table: type[SQLModel], owner: str, owner_ids: list[int]
) -> dict[int, tuple[PersonRef, ...]]:
    """owner id -> its people in their recorded order, one query per `CHUNK` owners.

    A sprint may hold more stand-up items than SQLite takes variables in one statement (32,766
    in many builds, 999 in old ones), so the owners are asked for in chunks."""
    owner_col = getattr(table, owner)
    result: dict[int, list[PersonRef]] = {}
    for start in range(0, len(owner_ids), CHUNK):
        rows = session.exec(
            select(owner_col, Person.id, Person.name)
            # mypy: SQLModel types a table's columns only on the class itself, not on type[SQLModel]
            .join(Person, col(Person.id) == table.person_id)  # type: ignore[attr-defined]
            .where(owner_col.in_(owner_ids[start:start + CHUNK]))
            # mypy: SQLModel types a table's columns only on the class itself, not on type[SQLModel]
            .order_by(owner_col, table.position)  # type: ignore[attr-defined]
        ).all()
        for oid, pid, name in rows:
            result.setdefault(oid, []).append(PersonRef(saved(pid), name))
    return {oid: tuple(refs) for oid, refs in result.items()}
