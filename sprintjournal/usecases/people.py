"""People: shared by every sprint of a journal, found by name, alias or (unique) first name."""

from collections.abc import Iterable

from sqlalchemy import delete, func, or_, update
from sqlalchemy.orm import class_mapper
from sqlmodel import Session, SQLModel, col, select

from sprintjournal.errors import NotFoundError, ValidationError
from sprintjournal.models import (
    Attendance,
    BranchPerson,
    Person,
    PersonAlias,
    PhotoPerson,
    StandupPerson,
)
from sprintjournal.names import (
    accent_count,
    clean_name,
    first_name_key,
    is_variant_spelling,
    name_key,
)
from sprintjournal.row_ids import saved
from sprintjournal.usecases.common import column, reads, texts


def get(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(f"No person with id {person_id} in this journal.")
    return person


def find(session: Session, text: str) -> Person | None:
    """Full name or alias; None when nothing (or nothing unambiguous) matches."""
    key = name_key(text.lstrip("@"))
    if not key:
        return None
    person = session.exec(select(Person).where(Person.name_key == key)).first()
    if person is not None:
        return person
    owners = session.exec(
        select(PersonAlias.person_id).where(PersonAlias.alias_key == key).distinct()
    ).all()
    return session.get(Person, owners[0]) if len(owners) == 1 else None


def find_loose(session: Session, text: str, among: Iterable[int] | None = None) -> Person | None:
    """Like `find`, then a first name that is unique (among `among` when given)."""
    found = find(session, text)
    if found is not None:
        return found
    key = first_name_key(text.lstrip("@"))
    if not key or " " in name_key(text):
        return None
    query = select(Person).where(
        or_(col(Person.name_key) == key, col(Person.name_key).startswith(key + " "))
    )
    if among is not None:
        query = query.where(col(Person.id).in_(list(among)))
    matches = session.exec(query).all()
    return matches[0] if len(matches) == 1 else None


def add(
    session: Session,
    name: str,
    aliases: Iterable[str] = (),
    email: str | None = None,
    url: str | None = None,
) -> Person:
    display = clean_name(name)
    if not display:
        raise ValidationError("A person needs a name.")
    if find(session, display) is not None:
        raise ValidationError(f"{display} is already in this journal.")
    person = Person(name=display, name_key=name_key(display), email=email, url=url)
    session.add(person)
    session.flush()
    add_aliases(session, person, aliases)
    return person


def add_aliases(session: Session, person: Person, aliases: Iterable[str]) -> None:
    known = {
        a.alias_key
        for a in session.exec(select(PersonAlias).where(PersonAlias.person_id == person.id))
    }
    for alias in aliases:
        display, key = clean_name(alias), name_key(alias)
        same = key == person.name_key and not is_variant_spelling(display, person.name)
        if not key or same or key in known:
            continue
        known.add(key)
        session.add(PersonAlias(person_id=saved(person.id), alias=display, alias_key=key))


def ensure(session: Session, name: str) -> tuple[Person, bool]:
    """The person called `name` (or with that alias), created when unknown; (person, created)."""
    found = find(session, name)
    if found is not None:
        return found, False
    return add(session, name), True


def prefer_spelling(session: Session, person: Person, spelling: str) -> None:
    """Another spelling of the person's name met in an import ("Fijalkowski" / "Fijałkowski"):
    the one with more accented letters is the name, the other an alias, whichever came first."""
    display = clean_name(spelling)
    if not is_variant_spelling(display, person.name):
        return
    if accent_count(display) > accent_count(person.name):
        display, person.name = person.name, display
        person.name_key = name_key(person.name)
        session.add(person)
    add_aliases(session, person, [display])


def update_person(session: Session, person_id: int, **fields: object) -> Person:
    person = get(session, person_id)
    if "name" in fields:
        display = clean_name(str(fields.pop("name")))
        other = find(session, display)
        if not display:
            raise ValidationError("A person needs a name.")
        if other is not None and other.id != person.id:
            raise ValidationError(f"{display} is already in this journal.")
        person.name, person.name_key = display, name_key(display)
    if "aliases" in fields:
        session.exec(delete(PersonAlias).where(col(PersonAlias.person_id) == person_id))
        add_aliases(session, person, texts(fields.pop("aliases"), "aliases"))
    for key in ("email", "url"):
        if key in fields:
            setattr(person, key, fields.pop(key))
    if fields:
        raise ValidationError(f"Unknown person fields: {', '.join(sorted(fields))}")
    session.add(person)
    return person


def remove(session: Session, person_id: int) -> None:
    session.delete(get(session, person_id))


def merge(session: Session, keep_id: int, other_id: int) -> None:
    """Fold `other` into `keep`: attendances, branch/stand-up/photo links, aliases, name."""
    if keep_id == other_id:
        raise ValidationError("Cannot merge a person with themself.")
    keep, other = get(session, keep_id), get(session, other_id)
    for table in (BranchPerson, StandupPerson, PhotoPerson):
        _move_links(session, table, keep_id, other_id)
    _move_attendance(session, keep_id, other_id)
    aliases = [other.name, *reads(session).get_person(other_id).aliases]
    session.delete(other)
    session.flush()
    add_aliases(session, keep, aliases)
    keep.email = keep.email or other.email
    keep.url = keep.url or other.url
    session.add(keep)


def _move_links(session: Session, table: type[SQLModel], keep_id: int, other_id: int) -> None:
    person_id = column(table, "person_id")
    owner = next(c for c in class_mapper(table).primary_key if c.name != "person_id")
    kept = select(owner).where(person_id == keep_id)
    session.exec(delete(table).where(person_id == other_id, owner.in_(kept)))
    session.exec(update(table).where(person_id == other_id).values(person_id=keep_id))


def _move_attendance(session: Session, keep_id: int, other_id: int) -> None:
    kept = select(Attendance.sprint_id).where(Attendance.person_id == keep_id)
    session.exec(
        delete(Attendance).where(
            col(Attendance.person_id) == other_id, col(Attendance.sprint_id).in_(kept)
        )
    )
    session.exec(
        update(Attendance).where(col(Attendance.person_id) == other_id).values(person_id=keep_id)
    )


def count(session: Session) -> int:
    return int(session.exec(select(func.count()).select_from(Person)).one())
