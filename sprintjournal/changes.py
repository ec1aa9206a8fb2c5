"""The Change record every mutating use case returns.

Modelled on Anki's OpChanges: the UI learns *what* changed (and who initiated it, added by the
store) instead of reloading everything, and an editor can ignore the echo of its own save.
"""

from typing import Literal

from sprintjournal.record_class import record

Entity = Literal[
    "person", "sprint", "attendance", "branch", "standup", "note", "photo", "report", "journal"
]
Ordered = Literal["attendance", "branch", "photo", "standup"]
"""The entities whose lists have an order the user can change."""
Op = Literal["added", "updated", "removed", "reordered", "imported", "merged", "restored"]


@record
class Change:
    """What one write changed: the entity, how, its ids, and the sprint they belong to."""

    entity: Entity
    op: Op
    ids: tuple[int, ...] = ()
    sprint_id: int | None = None

    @property
    def id(self) -> int:
        """The single id of an add/update/remove; an import has many (use `ids`)."""
        return self.ids[0]
