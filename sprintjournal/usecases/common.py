"""Small helpers shared by the use-case modules."""

import hashlib
import sqlite3
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from datetime import UTC, datetime
from typing import Any, Protocol, TypeVar

from sqlalchemy import Column, func
from sqlalchemy.orm import class_mapper
from sqlmodel import Session, SQLModel, select

from sprintjournal.errors import NotFoundError, ValidationError
from sprintjournal.reader import Reads


def now() -> datetime:
    return datetime.now(UTC)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def column(table: type[SQLModel], name: str) -> Column[Any]:
    """A table's column by name, for a query that serves several tables: SQLModel types the
    columns only on each table class, so `table.person_id` does not type-check on
    `type[SQLModel]`; the table's mapping knows every column."""
    return class_mapper(table).columns[name]


def next_position(session: Session, table: type[SQLModel], **scope: object) -> int:
    """One past the largest position in the scope, so new items go last."""
    query = select(func.max(column(table, "position")))
    for name, value in scope.items():
        query = query.where(column(table, name) == value)
    current = session.exec(query).one()
    return 0 if current is None else int(current) + 1


T = TypeVar("T", bound=SQLModel)


def get_or_fail(session: Session, table: type[T], item_id: int, what: str) -> T:
    row = session.get(table, item_id)
    if row is None:
        raise NotFoundError(f"No {what} with id {item_id} in this journal.")
    return row


class InSprint(Protocol):
    """A row of one of a sprint's lists (attendees, branches, stand-up, notes, photos)."""

    @property
    def sprint_id(self) -> int: ...


def remove_row(session: Session, row: InSprint) -> int:
    """Delete one item of a sprint's lists; returns its sprint's id, which the change names."""
    session.delete(row)
    return row.sprint_id


def apply_fields(row: SQLModel, fields: dict[str, object], allowed: AbstractSet[str], what: str
                 ) -> None:
    unknown = set(fields) - allowed
    if unknown:
        raise ValidationError(f"Unknown {what} fields: {', '.join(sorted(unknown))}")
    for key, value in fields.items():
        setattr(row, key, value)


def listed(value: object, what: str) -> list[object]:
    """The items of a list field. A lone string is refused: read as a list, "Armin" would be
    five people, A, r, m, i and n."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise ValidationError(f"{what} takes a list, not {value!r}.")
    return list(value)


def texts(value: object, what: str) -> list[str]:
    """A list field of texts (people's names, results, links, tags), each as a string."""
    return [str(item) for item in listed(value, what)]


def reads(session: Session) -> Reads:
    """The reader's queries (the one statement of each record) inside this session's
    transaction: pending ORM changes are flushed first, so a use case reads back what it wrote."""
    session.flush()
    raw = session.connection().connection.driver_connection
    if not isinstance(raw, sqlite3.Connection):
        raise TypeError(f"a journal session runs on sqlite3, not {type(raw).__name__}")
    return Reads(raw)
