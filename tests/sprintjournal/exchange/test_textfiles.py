"""people.txt then planning.txt of a real sprint, through the journal, out as JSON."""

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from sprintjournal.errors import ImportFailedError
from sprintjournal.exchange.textfiles import detect_kind, export_people_txt, import_file
from sprintjournal.journal import Journal


@pytest.fixture
def gothenburg_doc(journal: Journal, samples: Path, tmp_path: Path) -> dict:
    folder = samples / "gothenburg-2011-2"
    import_file(journal, folder / "people.txt", None, None)
    import_file(journal, folder / "planning.txt", None, date(2011, 11, 4))
    out = journal.export_json(tmp_path / "out")
    return json.loads(out.read_text(encoding="utf-8"))


def _attendee(doc: dict, name: str) -> dict:
    return next(a for a in doc["sprints"][0]["attendees"] if a["person"] == name)


def test_sprint_comes_from_the_title_line(gothenburg_doc: dict) -> None:
    sprint = gothenburg_doc["sprints"][0]
    assert sprint["start"] == "2011-11-02"
    assert sprint["end"] == "2011-11-09"
    assert sprint["place"] == "Gothenburg"


def test_hosts_are_the_people_who_live_there(gothenburg_doc: dict) -> None:
    hosts = {a["person"] for a in gothenburg_doc["sprints"][0]["attendees"] if a["host"]}
    assert hosts == {"Jacob Hallen", "Laura Creighton"}
    assert _attendee(gothenburg_doc, "Laura Creighton")["dates_text"] == "lives there"


def test_dates_are_read_in_the_sprints_month(gothenburg_doc: dict) -> None:
    maciej = _attendee(gothenburg_doc, "Maciej Fijałkowski")
    assert (maciej["arrive"], maciej["depart"], maciej["diet"]) == (
        "2011-11-02",
        "2011-11-08",
        "vegetarian",
    )
    antonio = _attendee(gothenburg_doc, "Antonio Cuni")
    assert (antonio["arrive"], antonio["depart"]) == ("2011-11-04", "2011-11-10")
    assert antonio["accommodation"] == "Laura's and Jacob's"
    assert _attendee(gothenburg_doc, "Håkan Ardö")["arrive"] == "2011-11-03"
    assert _attendee(gothenburg_doc, "Armin Rigo")["dates_text"] == "?"


def test_unknown_names_are_created_and_flagged(gothenburg_doc: dict) -> None:
    timser = _attendee(gothenburg_doc, "Christian Timser")
    assert timser["needs_review"] is True
    standup = gothenburg_doc["sprints"][0]["standup"]
    anto_item = next(i for i in standup if i["section"] == "today" and "2-tuples" in i["text"])
    assert anto_item["people"] == ["Mark Pearse", "Antonio Cuni"]
    assert (
        anto_item["needs_review"] and "Anto taken to be Antonio Cuni" in anto_item["review_reason"]
    )


def test_pairs_come_from_the_standup(journal: Journal, gothenburg_doc: dict) -> None:
    sprint_id = journal.list_sprints()[0].id
    pairs = {frozenset((p.a.name, p.b.name)) for p in journal.pairs(sprint_id, date(2011, 11, 4))}
    assert frozenset(("Håkan Ardö", "Armin Rigo")) in pairs
    assert frozenset(("Mark Pearse", "Antonio Cuni")) in pairs
    people = {p["name"] for p in gothenburg_doc["people"]}
    assert "Anto" not in people and "Hakan" not in people


def test_the_genova_file_keeps_past_attendees_apart(journal: Journal, samples: Path) -> None:
    import_file(journal, samples / "genova-pegli-2011" / "people.txt", None, None)
    sprint_id = journal.list_sprints()[0].id
    attendees = {a.person.name for a in journal.list_attendees(sprint_id)}
    assert "Antonio Cuni" in attendees
    assert "Sylvain Thénault" not in attendees
    assert journal.find_person("Sylvain Thénault") is not None


def test_latin1_file_with_overflowing_rows(journal: Journal, samples: Path) -> None:
    import_file(journal, samples / "gothenburg-2011" / "people.txt", None, None)
    sprint_id = journal.list_sprints()[0].id
    rows = {a.person.name: a for a in journal.list_attendees(sprint_id)}
    assert rows["Kristján Valur Jónsson"].needs_review
    assert rows["Carl Friedrich Bolz"].arrive == date(2011, 4, 24)


def test_importing_the_same_people_file_twice_changes_nothing(
    journal: Journal, samples: Path
) -> None:
    path = samples / "gothenburg-2011-2" / "people.txt"
    import_file(journal, path, None, None)
    before = journal.export_document()[0]
    with pytest.raises(ImportFailedError, match="already in this journal"):
        import_file(journal, path, None, None)
    assert journal.export_document()[0] == before


def test_unrecognised_file_is_refused(journal: Journal, tmp_path: Path) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("just some words\n", encoding="utf-8")
    with pytest.raises(ImportFailedError, match="not a SprintJournal JSON"):
        import_file(journal, junk, None, None)
    assert journal.list_sprints() == []


def test_detect_kind_reads_content_not_names(samples: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "whatever.json"
    shutil.copy(samples / "gothenburg-2011-2" / "planning.txt", renamed)
    assert detect_kind(renamed.read_text(encoding="utf-8")) == "planning"
    assert detect_kind('{"format": "sprintjournal"}') == "json"


def test_people_txt_export_reads_back(journal: Journal, samples: Path, tmp_path: Path) -> None:
    import_file(journal, samples / "gothenburg-2011-2" / "people.txt", None, None)
    sprint_id = journal.list_sprints()[0].id
    written = export_people_txt(journal, sprint_id, tmp_path)
    other = Journal(tmp_path / "other.sprintjournal")
    try:
        import_file(other, written, None, None)
        again = {a.person.name: a for a in other.list_attendees(other.list_sprints()[0].id)}
    finally:
        other.close()
    original = {a.person.name: a for a in journal.list_attendees(sprint_id)}
    assert set(again) == set(original)
    assert again["Antonio Cuni"].arrive == date(2011, 11, 4)
    assert again["Laura Creighton"].host


def test_people_txt_into_an_existing_sprint_merges_attendees(
    journal: Journal, samples: Path
) -> None:
    sprint_id = journal.add_sprint("Genova-Pegli", start=date(2011, 6, 26), end=date(2011, 7, 2)).id
    journal.add_attendee(sprint_id, "Armin Rigo", diet="vegetarian")
    import_file(journal, samples / "genova-pegli-2011" / "people.txt", sprint_id, None)
    rows = {a.person.name: a for a in journal.list_attendees(sprint_id)}
    assert rows["Armin Rigo"].diet == "vegetarian"  # kept: the file has no diet column
    assert rows["Armin Rigo"].arrive == date(2011, 6, 26)  # filled in from the file
    assert rows["Antonio Cuni"].host
    assert journal.find_person("Sylvain Thénault") is not None
    assert "Sylvain Thénault" not in rows
    assert len(journal.list_sprints()) == 1


def test_a_folder_without_a_json_export_is_named_as_such(journal: Journal,
                                                         tmp_path: Path) -> None:
    """Importing a folder reads its journal.json; a folder without one was 'No such file'."""
    folder = tmp_path / "photos"
    folder.mkdir()
    with pytest.raises(ImportFailedError) as caught:
        import_file(journal, folder, None, None)
    message = str(caught.value)
    assert "folder" in message and "journal.json" in message
    assert "No such file" not in message
    assert journal.list_sprints() == []
