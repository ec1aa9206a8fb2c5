"""FAULTS 55-57: real people.txt files that were refused or mangled: imported, their oddities
flagged, the richer spelling of a name kept, blank cells written back blank."""

import re
from datetime import date
from pathlib import Path

import pytest

from sprintjournal.exchange.textfiles import export_people_txt, import_file
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


DATA = Path(__file__).resolve().parents[1] / "data" / "pypy-extradoc"
GENOVA = DATA / "genova-pegli-2011" / "people.txt"  # "Maciej Fijalkowski", a past attendee
GOTHENBURG = DATA / "gothenburg-2011-2" / "people.txt"  # "Maciej Fijałkowski", attending


def _spellings(journal: Journal, name: str) -> tuple[str, tuple[str, ...]]:
    person = journal.find_person(name)
    assert person is not None
    return person.name, person.aliases


@pytest.mark.parametrize("files", [(GENOVA, GOTHENBURG), (GOTHENBURG, GENOVA)])
def test_fault_56_the_richer_spelling_is_the_name_whichever_file_comes_first(
        journal: Journal, files: tuple[Path, Path]) -> None:
    for path in files:
        import_file(journal, path, None, None)
    name, aliases = _spellings(journal, "Maciej Fijalkowski")
    assert name == "Maciej Fijałkowski"
    assert aliases == ("Maciej Fijalkowski",)
    assert len([p for p in journal.list_people() if p.name.startswith("Maciej")]) == 1


@pytest.mark.parametrize("order", [("Hakan Ardo", "Håkan Ardö"), ("Håkan Ardö", "Hakan Ardo")])
def test_fault_56_two_spellings_in_one_file(
        journal: Journal, tmp_path: Path, order: tuple[str, str]) -> None:
    rows = "".join(f"{name:<20} 2-8 Nov\n" for name in order)
    path = tmp_path / "people.txt"
    path.write_text(TABLE.replace("Armin Rigo           28/6-4/7\n", rows), encoding="utf-8")
    import_file(journal, path, None, None)
    assert _spellings(journal, "hakan ardo") == ("Håkan Ardö", ("Hakan Ardo",))
    sprint = journal.list_sprints()[0]
    assert [a.person.name for a in journal.list_attendees(sprint.id)] == ["Håkan Ardö"]


BLANKS = (
    "People coming to the Leysin sprint 2011\n"
    "=======================================\n\n"
    "==================== ============== ==========\n"
    "Name                 Arrive/Depart  Food\n"
    "==================== ============== ==========\n"
    "Armin Rigo                          vegetarian\n"
    "Antonio Cuni         ?\n"
    "==================== ============== ==========\n"
)
SEPARATE = (
    "People coming to the Leysin sprint 2011\n"
    "=======================================\n\n"
    "==================== ====== ====== ==========\n"
    "Name                 Arrive Depart Food\n"
    "==================== ====== ====== ==========\n"
    "Armin Rigo                         vegetarian\n"
    "Antonio Cuni         ?      ?\n"
    "Carl Friedrich Bolz         3 Jul\n"
    "==================== ====== ====== ==========\n"
)


def _exported_dates(journal: Journal, tmp_path: Path) -> dict[str, str]:
    sprint = journal.list_sprints()[0]
    text = export_people_txt(journal, sprint.id, tmp_path).read_text(encoding="utf-8")
    lines = text.splitlines()
    border = next(line for line in lines if line.startswith("=") and " =" in line)
    starts = [m.start() for m in re.finditer("=+", border)]
    rows = [line for line in lines[lines.index(border) + 3:] if not line.startswith("=")]
    return {row[: starts[1]].strip(): row[starts[1]: starts[2]].strip() for row in rows}


@pytest.mark.parametrize("table", [BLANKS, SEPARATE], ids=["arrive-depart", "separate-columns"])
def test_fault_57_a_blank_dates_cell_stays_blank_on_export(
        journal: Journal, tmp_path: Path, table: str) -> None:
    path = tmp_path / "people.txt"
    path.write_text(table, encoding="utf-8")
    import_file(journal, path, None, None)
    (tmp_path / "out").mkdir()
    dates = _exported_dates(journal, tmp_path / "out")
    assert dates["Armin Rigo"] == ""
    assert dates["Antonio Cuni"].startswith("?")
    if table is SEPARATE:
        assert dates["Carl Friedrich Bolz"] == "- 3 Jul"
