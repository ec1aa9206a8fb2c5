"""Interchange version 2: publish marks, figures and the confirmed ordinal; v1 still reads."""

import json
from datetime import date
from pathlib import Path

import pytest

from sprintjournal.errors import ImportFailedError
from sprintjournal.exchange import json_io
from sprintjournal.journal import Journal
from sprintjournal.publish import marks_for

NOTE = "Public first.\n\nPrivate: dinner at 7.\n\n```\ncode\n\nstill code\n```"


def _sprint(journal: Journal) -> int:
    sid = journal.add_sprint("S", project="PyPy", place="Leysin", start=date(2024, 1, 8),
                             end=date(2024, 1, 12), ordinal=3, ordinal_scope="in Leysin").id
    journal.add_branch(sid, "ffistruct", ["Antonio Cuni"], notes="shown", notes_publish=True,
                       figures=[{"what": "Field access", "value": "about 400 times faster",
                                 "compared_with": "ctypes"}])
    item = journal.add_standup_item(sid, date(2024, 1, 9), "done", "merged", ["Antonio Cuni"])
    journal.update_standup_item(item.id, publish=True)
    journal.add_standup_item(sid, date(2024, 1, 9), "today", "private plan", ["Antonio Cuni"])
    note = journal.add_note(sid, date(2024, 1, 9), NOTE).id
    journal.set_note_publish(note, marks_for(NOTE, [0, 2]))
    whole = journal.add_note(sid, date(2024, 1, 10), "All of it.\n\nTwo paragraphs.").id
    journal.set_note_publish(whole, marks_for("All of it.\n\nTwo paragraphs.", True))
    journal.add_note(sid, None, "Never marked.")
    return sid


def test_version_2_carries_marks_figures_and_ordinal(journal: Journal, tmp_path: Path) -> None:
    _sprint(journal)
    doc = json.loads((journal.export_json(tmp_path / "one")).read_text(encoding="utf-8"))
    assert doc["version"] == 2
    (sprint,) = doc["sprints"]
    assert sprint["ordinal"] == {"number": 3, "scope": "in Leysin"}
    (branch,) = sprint["branches"]
    assert branch["publish_notes"] is True
    assert branch["figures"] == [{"what": "Field access", "value": "about 400 times faster",
                                  "compared_with": "ctypes"}]
    assert [i["publish"] for i in sprint["standup"]] == [True, False]
    assert [n["publish"] for n in sprint["notes"]] == [False, [0, 2], True]


def test_version_2_round_trip_is_identical(journal: Journal, tmp_path: Path) -> None:
    _sprint(journal)
    first = journal.export_json(tmp_path / "one")
    with Journal(tmp_path / "copy.sprintjournal") as copy:
        copy.import_json(first)
        second = copy.export_json(tmp_path / "two")
        notes = copy.list_notes(copy.list_sprints()[0].id)
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")
    assert notes[1].publish == tuple(marks_for(NOTE, [0, 2]))


def test_a_version_1_file_imports_with_everything_private(journal: Journal,
                                                          tmp_path: Path) -> None:
    doc = {"format": "sprintjournal", "version": 1, "sprints": [{
        "title": "Old", "branches": [{"name": "b", "notes": "internal"}],
        "standup": [{"day": "2024-01-09", "section": "done", "text": "did it"}],
        "notes": [{"day": "2024-01-09", "text": "Dinner at 7."}]}]}
    path = tmp_path / "journal.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    journal.import_json(path)
    sid = journal.list_sprints()[0].id
    assert journal.list_notes(sid)[0].publish == ()
    assert journal.list_standup(sid)[0].publish is False
    assert journal.list_branches(sid)[0].notes_publish is False
    assert journal.get_sprint(sid).ordinal is None


def test_a_version_1_file_with_version_2_fields_is_refused(tmp_path: Path) -> None:
    doc = {"format": "sprintjournal", "version": 1, "sprints": [{
        "title": "Old", "notes": [{"day": "2024-01-09", "text": "x", "publish": True}]}]}
    with pytest.raises(ImportFailedError, match="set the version to 2"):
        json_io.parse_document(json.dumps(doc), "old.json")


def test_a_figure_needs_its_value(tmp_path: Path) -> None:
    doc = {"format": "sprintjournal", "version": 2, "sprints": [{
        "title": "S", "branches": [{"name": "b", "figures": [{"what": "speed"}]}]}]}
    with pytest.raises(ImportFailedError, match=r"figures\[0\]\.value"):
        json_io.parse_document(json.dumps(doc), "bad.json")
