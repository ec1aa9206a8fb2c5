"""FAULTS 55: real people.txt files that were refused are imported, their oddities flagged."""

from datetime import date
from pathlib import Path

import pytest

from sprintjournal.exchange.textfiles import import_file
from sprintjournal.journal import Journal

TABLE = (
    "==================== ==========\n"
    "Name                 Dates\n"
    "==================== ==========\n"
    "Armin Rigo           28/6-4/7\n"
    "==================== ==========\n"
)


@pytest.mark.parametrize(("title", "start", "end"), [
    ("28-29 June/3-4 July 2009", date(2009, 6, 28), date(2009, 7, 4)),
    ("June 28-29 / July 3-4, 2009", date(2009, 6, 28), date(2009, 7, 4)),
])
def test_fault_55_a_title_with_dates_in_parts_is_imported_and_flagged(
        journal: Journal, tmp_path: Path, title: str, start: date, end: date | None) -> None:
    path = tmp_path / "people.txt"
    heading = f"People coming to the Leysin sprint {title}"
    path.write_text(f"{heading}\n{'=' * len(heading)}\n\n{TABLE}", encoding="utf-8")
    lines = import_file(journal, path, None, None)
    sprint = journal.list_sprints()[0]
    assert (sprint.start, sprint.end) == (start, end)
    assert any(line.startswith("warning:") and "check the dates" in line for line in lines)
    assert [a.person.name for a in journal.list_attendees(sprint.id)] == ["Armin Rigo"]
