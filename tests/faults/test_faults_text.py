"""FAULTS.md rows 36-40: odd text, huge notes, malformed imports, fuzzy dates, a clock that jumps.

Row 36/37 compare exact strings and their SHA-256 after a trip through the journal file and
through the interchange JSON; rows 38 compare a dump of every table before and after a failed
import, so "changes nothing" means not one row.
"""

import hashlib
import json
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from fault_helpers import dump

from sprintjournal.errors import ImportFailedError, JournalError
from sprintjournal.exchange.fuzzydates import SprintDates, parse_dates
from sprintjournal.exchange.people_txt import parse_people_txt
from sprintjournal.exchange.planning_txt import parse_planning_txt
from sprintjournal.exchange.textfiles import import_file
from sprintjournal.journal import Journal
from sprintjournal.usecases import common
from sprintjournal.usecases import notes as notes_uc

TRICKY = (
    "👩‍💻🎂 PyPy is 5× faster than CPython 🇸🇪",
    "עברית מימין לשמאל, with English inside \u200f",
    "Ha\u030akan Ardo\u0308 (combining accents) and Håkan Ardö (precomposed)",
    "CRLF line\r\nLF line\nCR line\rend\r\n",
    "\u202eoverride\u202c, zero\u200bwidth, tab\there, trailing spaces   ",
)
NOV = date(2011, 11, 4)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _fill(j: Journal) -> int:
    sprint_id = j.add_sprint("Gothenburg 2011", start=date(2011, 11, 2), end=date(2011, 11, 9)).ids[
        0
    ]
    for text in TRICKY:
        j.add_note(sprint_id, NOV, text)
        j.add_standup_item(sprint_id, NOV, "done", text)
    return sprint_id


def test_fault_36_odd_text_round_trips_exactly_through_notes_and_json(tmp_path: Path) -> None:
    with Journal(tmp_path / "a.sprintjournal") as a:
        sprint_id = _fill(a)
        note_id = a.list_notes(sprint_id)[0].id
        a.set_note_text(note_id, TRICKY[3] + TRICKY[2])
        export = a.export_json(tmp_path / "export", [sprint_id])
    with Journal(tmp_path / "a.sprintjournal") as a:  # read back from the file
        notes = [n.text for n in a.list_notes(sprint_id)]
        assert notes == [TRICKY[3] + TRICKY[2], *TRICKY[1:]]
        assert all(n.sha256 == _sha(n.text) for n in a.list_notes(sprint_id))
        assert [s.text for s in a.list_standup(sprint_id)] == list(TRICKY)
    assert (
        "\r\n" in json.loads(export.read_text(encoding="utf-8"))["sprints"][0]["notes"][0]["text"]
    )
    with Journal(tmp_path / "b.sprintjournal") as b:
        _change, summary = b.import_json(export)
        (imported,) = summary.sprint_ids
        assert [n.text for n in b.list_notes(imported)] == notes
        assert [s.text for s in b.list_standup(imported)] == list(TRICKY)


def test_fault_36_names_keep_their_letters(journal: Journal) -> None:
    """Names are stored in NFC on purpose (one person, one key); the letters survive."""
    precomposed = journal.get_person(journal.add_person("Håkan Ardö").ids[0])
    assert precomposed.name == "Håkan Ardö"
    assert journal.find_person("Ha\u030akan Ardo\u0308") == precomposed
    rtl = journal.get_person(journal.add_person("אדם כהן 🎂").ids[0])
    assert rtl.name == "אדם כהן 🎂"


def test_fault_37_a_10_mb_note_is_saved_read_and_exported(journal: Journal, tmp_path: Path) -> None:
    sprint_id = journal.add_sprint("Gothenburg 2011").ids[0]
    block = "Antonio: ffistruct field access about 400× faster than ctypes 🎯\r\n"
    huge = (block * (10_000_000 // len(block.encode("utf-8")) + 1))[:5_000_000]
    assert len(huge.encode("utf-8")) > 5_000_000
    huge = huge + huge  # over 10 MB of UTF-8
    began = time.perf_counter()
    note_id = journal.add_note(sprint_id, NOV, huge).ids[0]
    saved = time.perf_counter() - began
    assert journal.get_note(note_id).text == huge
    assert journal.get_note(note_id).sha256 == _sha(huge)
    export = journal.export_json(tmp_path / "export")
    assert json.loads(export.read_text(encoding="utf-8"))["sprints"][0]["notes"][0]["text"] == huge
    print(f"\n10 MB note saved in {saved:.2f} s")
    assert saved < 10


def _journal_with_content(path: Path) -> Journal:
    j = Journal(path)
    sprint_id = j.add_sprint("Gothenburg 2011", start=date(2011, 11, 2), end=date(2011, 11, 9)).ids[
        0
    ]
    j.add_attendee(sprint_id, "Laura Creighton", host=True)
    j.add_note(sprint_id, NOV, "Christian: Win64, the third 90%")
    return j


BAD_SHAPE = {
    "format": "sprintjournal",
    "version": 1,
    "people": [{"name": "  "}],
    "sprints": [
        {
            "title": "Gothenburg",
            "branches": [{"name": "stm", "status": "finished"}],
            "standup": [{"day": "2011-11-31", "section": "done", "text": "x"}],
        },
        {"title": "Leysin", "notes": [{"day": "2011-01-16"}], "colour": "blue"},
    ],
}
BAD_SHAPE_LOCATIONS = {
    "$.people[0].name",
    "$.sprints[0].branches[0].status",
    "$.sprints[0].standup[0].day",
    "$.sprints[1].notes[0].text",
    "$.sprints[1].colour",
}


@pytest.mark.parametrize(
    ("content", "locations"),
    [
        ('{\n  "format": "sprintjournal",\n  "sprints": [,]\n}', {"line 3 column 15"}),
        (json.dumps(BAD_SHAPE, indent=1), BAD_SHAPE_LOCATIONS),
        (
            json.dumps(
                {
                    "format": "sprintjournal",
                    "version": 1,
                    "sprints": [{"title": "Pegli", "photos": [{"file": "photos/missing.jpg"}]}],
                }
            ),
            {"$.sprints[0].photos[0].file"},
        ),
    ],
    ids=["syntax", "shape", "missing-photo"],
)
def test_fault_38_malformed_json_reports_every_problem_and_changes_nothing(
    tmp_path: Path, content: str, locations: set[str]
) -> None:
    source = tmp_path / "journal.json"
    source.write_text(content, encoding="utf-8")
    with _journal_with_content(tmp_path / "j.sprintjournal") as j:
        before = dump(j.path)
        with pytest.raises(ImportFailedError) as caught:
            import_file(j, source, None, None)
        assert dump(j.path) == before
    found = {p.location for p in caught.value.problems}
    assert locations <= found, f"missing locations: {locations - found}"
    assert all(p.location for p in caught.value.problems)
    for location in locations:
        assert location in str(caught.value)


PEOPLE_TXT = """People coming to the Gothenburg sprint Nov 2nd - 9th, 2011
============================================================

==================== ============== ===================== ==================
    Name              Arrive/Depart     Accomodation       Food
==================== ============== ===================== ==================
Laura Creighton      lives there
Armin Rigo           ?              SGS Veckobostader
Antonio Cuni         4-10 november  Laura's and Jacob's
Håkan Ardö           Feb 4? - 9?    ?
this row has   far too many   cells   for the   table   at all
Mark Pearse          26/6 - 2/7     SGS Veckobostader?
==================== ============== ===================== ==================
"""


def test_fault_38_malformed_people_txt_reports_lines_and_keeps_every_row() -> None:
    parsed = parse_people_txt(PEOPLE_TXT.encode("utf-8"))
    assert parsed.problems, "the broken row must be reported"
    assert all(p.location.startswith("line ") for p in parsed.problems)
    assert any(p.location == "line 11" for p in parsed.problems), parsed.problems
    names = {a.person for a in parsed.attendees}
    assert {"Laura Creighton", "Armin Rigo", "Antonio Cuni", "Håkan Ardö", "Mark Pearse"} <= names


@pytest.mark.parametrize("sample", ["gothenburg-2011-2", "genova-pegli-2011"])
def test_fault_38_a_failed_people_import_changes_nothing(
    tmp_path: Path, samples: Path, sample: str
) -> None:
    """Genova-Pegli lists 34 people of earlier sprints: they must not be added either."""
    source = samples / sample / "people.txt"
    with _journal_with_content(tmp_path / "j.sprintjournal") as j:
        before = dump(j.path)
        with pytest.raises(JournalError, match="No sprint with id 999"):
            import_file(j, source, 999, None)  # no such sprint: the import must fail whole
        assert dump(j.path) == before


def test_fault_38_malformed_planning_txt_reports_lines() -> None:
    text = "people present:\n\ntasks:\n- STM (Armin)\n- [[[ unreadable (\n"
    parsed = parse_planning_txt(text)
    assert parsed.problems and all(p.location.startswith("line ") for p in parsed.problems)


SPRINT = SprintDates(year=2011, start=date(2011, 11, 2), end=date(2011, 11, 9))


@pytest.mark.parametrize(
    ("raw", "arrive", "depart", "host", "review"),
    [
        ("2-8 Nov", date(2011, 11, 2), date(2011, 11, 8), False, False),
        ("4-10 november", date(2011, 11, 4), date(2011, 11, 10), False, False),
        ("26/6 - 2/7", date(2011, 6, 26), date(2011, 7, 2), False, True),
        ("Feb 4? - 9?", date(2012, 2, 4), date(2012, 2, 9), False, True),
        ("--", None, None, False, False),
        ("?", None, None, False, False),
        ("lives there", None, None, True, False),
    ],
)
def test_fault_39_fuzzy_dates_parse_where_possible_and_keep_the_raw_text(
    raw: str, arrive: date | None, depart: date | None, host: bool, review: bool
) -> None:
    parsed = parse_dates(raw, SPRINT)
    assert (parsed.arrive, parsed.depart, parsed.host, parsed.needs_review) == (
        arrive,
        depart,
        host,
        review,
    )
    assert parsed.raw == raw
    assert not review or parsed.reason


def test_fault_39_imported_attendees_keep_the_raw_dates(tmp_path: Path) -> None:
    source = tmp_path / "people.txt"
    source.write_text(PEOPLE_TXT, encoding="utf-8")
    with Journal(tmp_path / "j.sprintjournal") as j:
        import_file(j, source, None, None)
        (sprint,) = j.list_sprints()
        by_name = {a.person.name: a for a in j.list_attendees(sprint.id)}
    assert by_name["Håkan Ardö"].dates_text == "Feb 4? - 9?" and by_name["Håkan Ardö"].needs_review
    assert by_name["Laura Creighton"].host
    assert by_name["Antonio Cuni"].arrive == date(2011, 11, 4)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Callable[[datetime], None]:
    current = [datetime(2011, 11, 4, 12, 0, tzinfo=UTC)]
    monkeypatch.setattr(notes_uc, "now", lambda: current[0])
    monkeypatch.setattr(common, "now", lambda: current[0])
    return lambda when: current.__setitem__(0, when)


def test_fault_40_clock_moved_backwards(
    journal: Journal, clock: Callable[[datetime], None]
) -> None:
    sprint_id = journal.add_sprint("Gothenburg 2011").ids[0]
    noon = datetime(2011, 11, 4, 12, 0, tzinfo=UTC)
    note_id = journal.add_note(sprint_id, NOV, "one").ids[0]
    clock(noon + timedelta(minutes=20))
    journal.set_note_text(note_id, "two")  # keeps "one"
    clock(noon - timedelta(hours=3))  # the clock jumps back three hours
    journal.set_note_text(note_id, "three")  # keeps "two", though its clock says earlier
    clock(noon - timedelta(hours=3) + timedelta(minutes=1))
    journal.set_note_text(note_id, "four")  # within 10 minutes of "two"'s save: not kept
    versions = journal.note_versions(note_id)
    assert [v.text for v in versions] == ["two", "one"]  # newest first, by id not by clock
    assert versions[0].saved_at < versions[1].saved_at  # the clock really went backwards
    journal.restore_note_version(versions[0].id)
    assert journal.get_note(note_id).text == "two"
    assert journal.note_versions(note_id)[0].text == "four"  # the current text was kept
