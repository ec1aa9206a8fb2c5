"""People attached to branches, stand-up items and photos (ordered link tables)."""

from collections.abc import Iterable

from sqlalchemy import delete
from sqlmodel import Session, SQLModel

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

