"""Which sprint of its project in its year a sprint is: "the third PyPy sprint of 2011".

Pure logic over the sprint records, so the report's suggestions need no database query of
their own (the `Journal` reads the sprints through its plain-sqlite3 reader).
"""

from sprintjournal.record_class import record
from sprintjournal.records import SprintRec


@record
class Ordinal:
    """The n-th sprint of its project in its year (and at its place), as far as the journal knows.

    Only sprints in this journal count: an incomplete journal gives a smaller ordinal.
    """

    year: int
    in_year: int
    in_year_at_place: int
    of_year: int


def ordinal_among(sprints: list[SprintRec], sprint_id: int) -> Ordinal | None:
    """The ordinal of sprint `sprint_id` (one of `sprints`); None while its start is unknown."""
    sprint = next(s for s in sprints if s.id == sprint_id)
    if sprint.start is None:
        return None
    year, project = sprint.start.year, sprint.project.casefold()
    same = sorted((s for s in sprints if s.start is not None and s.start.year == year
                   and s.project.casefold() == project), key=lambda s: (s.start, s.id))
    index = [s.id for s in same].index(sprint.id) + 1
    place = sprint.place.casefold()
    at_place = [s.id for s in same if s.place.casefold() == place]
    return Ordinal(year, index, at_place.index(sprint.id) + 1, len(same))
