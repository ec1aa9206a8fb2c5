"""FAULTS 52-53: names that look the same are the same, and import summaries count what landed."""

import json
from datetime import date
from pathlib import Path

import pytest

from sprintjournal.errors import ImportFailedError, ValidationError
from sprintjournal.exchange.textfiles import import_file
from sprintjournal.journal import Journal

COMPOSED, DECOMPOSED = "Caf\u00e9 sprint", "Cafe\u0301 sprint"


def test_fault_52_branch_names_differing_only_in_normalisation_clash(journal: Journal) -> None:
    sid = journal.add_sprint("Leysin").id
    journal.add_branch(sid, "r\u00e9sum\u00e9")
    with pytest.raises(ValidationError, match="already has a branch"):
        journal.add_branch(sid, "re\u0301sume\u0301")
    other = journal.add_branch(sid, "other").ids[0]
    with pytest.raises(ValidationError, match="already has a branch"):
        journal.update_branch(other, name="re\u0301sume\u0301")


def test_fault_52_titles_are_stored_composed(journal: Journal) -> None:
    sid = journal.add_sprint(DECOMPOSED).id
    assert journal.get_sprint(sid).title == COMPOSED
    sid2 = journal.add_sprint("x").id
    journal.update_sprint(sid2, title=DECOMPOSED)
    assert journal.get_sprint(sid2).title == COMPOSED


def _doc(title: str, branches: list[str]) -> dict[str, object]:
    return {"format": "sprintjournal", "version": 1, "people": [], "sprints": [{
        "title": title, "start": "2024-01-01", "end": "2024-01-05",
        "branches": [{"name": n} for n in branches]}]}


def test_fault_52_an_import_of_the_same_sprint_spelled_decomposed_is_refused(
        journal: Journal, tmp_path: Path) -> None:
    journal.add_sprint(COMPOSED, start=date(2024, 1, 1), end=date(2024, 1, 5))
    path = tmp_path / "journal.json"
    path.write_text(json.dumps(_doc(DECOMPOSED, [])), encoding="utf-8")
    with pytest.raises(ImportFailedError, match="already in this journal"):
        journal.import_json(path)
    assert len(journal.list_sprints()) == 1


def test_fault_52_two_branches_of_one_name_in_an_import_are_a_problem_not_a_crash(
        journal: Journal, tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    path.write_text(json.dumps(_doc("Leysin", ["r\u00e9sum\u00e9", "re\u0301sume\u0301"])),
                    encoding="utf-8")
    with pytest.raises(ImportFailedError, match=r"branches\[1\]\.name"):
        journal.import_json(path)
    assert journal.list_sprints() == []


PEOPLE = (
    "People coming to the Leysin sprint 2024\n"
    "=======================================\n\n"
    "==================== ========== ==========\n"
    "Name                 Arrive     Depart\n"
    "==================== ========== ==========\n"
    "Armin Rigo           1/1        5/1\n"
    "Antonio Cuni         1/1        5/1\n"
    "Armin  Rigo          1/1        5/1\n"
    "armin rigo           ?          ?\n"
    "==================== ========== ==========\n"
)


def test_fault_53_a_person_listed_twice_is_counted_once(journal: Journal,
                                                        tmp_path: Path) -> None:
    path = tmp_path / "people.txt"
    path.write_text(PEOPLE, encoding="utf-8")
    lines = import_file(journal, path, None, None)
    sid = journal.list_sprints()[0].id
    assert len(journal.list_attendees(sid)) == 2
    assert any("2 attendees" in line for line in lines), lines
    again = import_file(journal, path, sid, None)  # merged into the existing sprint
    assert any("2 attendees" in line for line in again), again


def test_fault_53_json_summary_counts_distinct_attendees(journal: Journal,
                                                         tmp_path: Path) -> None:
    doc = _doc("Leysin", [])
    doc["sprints"][0]["attendees"] = [{"person": "Armin Rigo"}, {"person": "armin  rigo"},
                                      {"person": "Antonio Cuni"}]  # type: ignore[index]
    path = tmp_path / "journal.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    _change, summary = journal.import_json(path)
    assert summary.counts["attendees"] == 2
