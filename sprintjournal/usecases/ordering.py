"""The order of a sprint's lists (attendees, branches, photos, a day's stand-up section).

A reorder names the whole list in its new order, never a single step: undoing is then simply
reordering to the old list, and a list that changed meanwhile (an item added elsewhere) is
refused with a clear message instead of being half-reordered.
"""

from collections.abc import Sequence

from sqlalchemy import update
from sqlmodel import Session, SQLModel, select

from sprintjournal.changes import Ordered
from sprintjournal.errors import ValidationError
from sprintjournal.models import Attendance, Branch, Photo, StandupItem
from sprintjournal.usecases.common import column

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
    item_id = column(table, "id")
    found = set(session.exec(select(item_id).where(item_id.in_(ids))))
    if not ids or len(set(ids)) != len(ids) or found != set(ids):
        raise ValidationError(f"Cannot reorder: {ids} are not {len(ids)} distinct {entity} items.")
    names = _SCOPE.get(entity, ("sprint_id",))
    first = session.exec(select(item_id, *(column(table, n) for n in names))
                         .where(item_id == ids[0])).one()
    scope = dict(zip(names, first[1:], strict=True))
    query = select(item_id)
    for name, value in scope.items():
        query = query.where(column(table, name) == value)
    whole = set(session.exec(query))
    if whole != set(ids):
        raise ValidationError(
            f"Cannot reorder: the list changed meanwhile ({len(whole)} items now, "
            f"{len(ids)} given). Nothing was moved."
        )
    for position, one in enumerate(ids):
        session.exec(update(table).where(item_id == one).values(position=position))
    return int(scope["sprint_id"])
