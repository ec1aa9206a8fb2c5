"""The order of a sprint's lists (attendees, branches, photos, a day's stand-up section).

A reorder names the whole list in its new order, never a single step: undoing is then simply
reordering to the old list, and a list that changed meanwhile (an item added elsewhere) is
refused with a clear message instead of being half-reordered.
"""

from collections.abc import Sequence

from sqlmodel import Session, SQLModel, col, select

from sprintjournal.changes import Ordered
from sprintjournal.errors import ValidationError
from sprintjournal.models import Attendance, Branch, Photo, StandupItem

_TABLES: dict[str, type[SQLModel]] = {
    "attendance": Attendance, "branch": Branch, "photo": Photo, "standup": StandupItem,
}
_SCOPE = {"standup": ("sprint_id", "day", "section")}
"""What makes one list: a sprint's, or for stand-up items one day's section of a sprint."""


def reorder(session: Session, entity: Ordered, ordered_ids: Sequence[int]) -> int:
    """Give the items of one list the order `ordered_ids`; returns their sprint's id."""
    table = _TABLES.get(entity)
    if table is None:
        raise ValidationError(f"{entity} items have no order to change.")
    ids = list(ordered_ids)
    # mypy: SQLModel types a table's columns only on the class itself, not on type[SQLModel]
    found = session.exec(select(table).where(col(table.id).in_(ids)))  # type: ignore[attr-defined]
    # mypy: SQLModel types a table's columns only on the class itself, not on type[SQLModel]
    rows = {row.id: row for row in found}  # type: ignore[attr-defined]
    if not ids or len(set(ids)) != len(ids) or set(rows) != set(ids):
        raise ValidationError(f"Cannot reorder: {ids} are not {len(ids)} distinct {entity} items.")
    first = rows[ids[0]]
    scope = {name: getattr(first, name) for name in _SCOPE.get(entity, ("sprint_id",))}
    # mypy: SQLModel types a table's columns only on the class itself, not on type[SQLModel]
    query = select(table.id)  # type: ignore[attr-defined]
    for name, value in scope.items():
        query = query.where(getattr(table, name) == value)
    whole = set(session.exec(query))
    if whole != set(ids):
        raise ValidationError(
            f"Cannot reorder: the list changed meanwhile ({len(whole)} items now, "
            f"{len(ids)} given). Nothing was moved."
        )
    for position, item_id in enumerate(ids):
        rows[item_id].position = position
        session.add(rows[item_id])
    return int(scope["sprint_id"])

