"""Where a search hit is: the day of a note or stand-up item, and a stand-up item's branch.

Asked by the results model only for the rows it shows, so a search stays as fast as the core's
query; stand-up items are read once per sprint and search (a sprint has a few hundred).
"""

from typing import TYPE_CHECKING

from sprintjournal.errors import JournalError
from sprintjournal.records import SearchHit, StandupRec

if TYPE_CHECKING:
    from sprintjournal.journal import Journal


def day_words(day: object) -> str:
    return "" if day is None else f"{day:%a} {day.day} {day:%b}"  # type: ignore[attr-defined]


class HitLocator:
    def __init__(self, journal: "Journal") -> None:
        self.journal = journal
        self._standup: dict[int, dict[int, StandupRec]] = {}

    def __call__(self, hit: SearchHit) -> str:
        try:
            if hit.kind == "note":
                return day_words(self.journal.get_note(hit.item_id).day) or "no day"
            if hit.kind == "standup" and hit.sprint_id is not None:
                item = self._items(hit.sprint_id).get(hit.item_id)
                if item is None:
                    return ""
                branch = f" · #{item.branch_name}" if item.branch_name else ""
                return day_words(item.day) + branch
        except JournalError:
            return ""
        return ""

    def _items(self, sprint_id: int) -> dict[int, StandupRec]:
        if sprint_id not in self._standup:
            self._standup[sprint_id] = {i.id: i for i in self.journal.list_standup(sprint_id)}
        return self._standup[sprint_id]
