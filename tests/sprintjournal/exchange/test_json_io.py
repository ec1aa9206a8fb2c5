"""Interchange JSON: lossless round trip with photos beside it, all-or-nothing validated import,
people merged by name and alias (the JSON Schema itself: test_schema.py).
"""

import copy
import hashlib
import io
import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from locations import ROOT
from PIL import Image

from sprintjournal.demo import build_demo
from sprintjournal.errors import ImportFailedError
from sprintjournal.exchange import json_io
from sprintjournal.journal import Journal


def counts(path: Path) -> dict[str, int]:
    """Rows in every table of a journal file, search index included."""
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def jpeg(colour: tuple[int, int, int] = (200, 120, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def minimal_doc() -> dict[str, Any]:
    return {
        "format": "sprintjournal",
        "version": 1,
        "people": [{"name": "Antonio Cuni", "aliases": ["Anto", "antocuni"]}],
        "sprints": [
            {
                "title": "Test sprint in Gothenburg",
                "project": "PyPy",
                "place": "Gothenburg",
                "start": "2011-11-02",
                "end": "2011-11-09",
                "attendees": [
                    {"person": "antocuni", "arrive": "2011-11-04", "depart": "2011-11-10"},
                    {"person": "Mark Pearse"},
                ],
                "branches": [{"name": "ffistruct", "status": "merged", "people": ["Anto"]}],
                "standup": [
                    {
                        "day": "2011-11-04",
                        "section": "today",
                        "text": "ffistruct",
                        "people": ["Anto"],
                        "branch": "ffistruct",
                    }
                ],
                "notes": [{"day": "2011-11-04", "text": "hello"}],
                "photos": [
                    {"file": "photos/cake.jpg", "caption": "cake", "people": ["Mark Pearse"]}
                ],
            }
        ],
    }


def write_export(
    folder: Path, doc: dict[str, Any] | str, photos: dict[str, bytes] | None = None
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for rel, data in ({"photos/cake.jpg": jpeg()} if photos is None else photos).items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)
    target = folder / "journal.json"
    target.write_text(
        doc if isinstance(doc, str) else json.dumps(doc, ensure_ascii=False), encoding="utf-8"
    )
    return target


def export_text(journal: Journal, out: Path) -> str:
    return journal.export_json(out).read_text(encoding="utf-8")


def tree(folder: Path) -> dict[str, str]:
    """relative path -> sha256 of every file under `folder`."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# -- round trip -------------------------------------------------------------------------------


def test_demo_export_import_export_is_identical(journal: Journal, tmp_path: Path) -> None:
    build_demo(journal)
    first = export_text(journal, tmp_path / "one")
    with Journal(tmp_path / "copy.sprintjournal") as copy_journal:
        change, summary = copy_journal.import_json(tmp_path / "one" / "journal.json")
        assert change.entity == "journal" and change.op == "imported" and len(change.ids) == 2
        assert summary.counts["photos"] == 1 and summary.counts["attendees"] == 18
        second = export_text(copy_journal, tmp_path / "two")
    assert first == second
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    photos = [k for k in tree(tmp_path / "one") if k != "journal.json"]
    assert photos == ["photos/PyPy-sprint-in-Gothenburg-November-2011/cake.jpg"]


def test_exported_photos_keep_their_pixels_but_not_their_location(
    journal: Journal, tmp_path: Path
) -> None:
    """FAULTS 30 wins over byte-for-byte: the same pixels, date and orientation, no GPS."""
    nov = build_demo(journal)
    (photo,) = journal.list_photos(nov)
    original = journal.photo_bytes(photo.id)
    journal.export_json(tmp_path / "out")
    data = (tmp_path / "out/photos/PyPy-sprint-in-Gothenburg-November-2011/cake.jpg").read_bytes()
    with Image.open(io.BytesIO(original)) as before, Image.open(io.BytesIO(data)) as after:
        assert before.getexif().get_ifd(0x8825), "the demo cake must carry GPS to begin with"
        assert after.getexif().get_ifd(0x8825) == {}
        assert after.tobytes() == before.tobytes()
        assert after.getexif()[0x0112] == 6
        assert after.getexif().get_ifd(0x8769)[36867] == "2011:11:06 15:30:00"
    assert hashlib.sha256(data).hexdigest() != photo.sha256


def test_export_of_chosen_sprints_lists_only_their_people(journal: Journal, tmp_path: Path) -> None:
    nov = build_demo(journal)
    spring = next(s.id for s in journal.list_sprints() if s.id != nov)
    doc = json.loads(journal.export_json(tmp_path / "spring", [spring]).read_text(encoding="utf-8"))
    assert [s["title"] for s in doc["sprints"]] == ["PyPy sprint in Gothenburg, spring 2011"]
    assert "Mark Pearse" not in {p["name"] for p in doc["people"]}
    assert {p["name"] for p in doc["people"]} >= {"Anders Hammarquist", "Lukas Diekmann"}
    assert not (tmp_path / "spring" / "photos").exists()


def test_newcomer_null_means_unconfirmed_and_survives_the_round_trip(
    journal: Journal, tmp_path: Path
) -> None:
    nov = build_demo(journal)
    doc = json.loads(export_text(journal, tmp_path / "out"))
    november = next(s for s in doc["sprints"] if s["title"].endswith("November 2011"))
    newcomer = {a["person"]: a["newcomer"] for a in november["attendees"]}
    assert newcomer["Mark Pearse"] is True and newcomer["Christian Tismer"] is False
    assert newcomer["Andrew Dalke"] is None  # a guess (first in this journal), never printed
    assert [a.person.name for a in journal.newcomers(nov)] == [
        "Mark Pearse", "Andrew Dalke", "Sam Lade"]


def test_an_import_is_all_in_one_change(
    journal: Journal, journal_path: Path, tmp_path: Path
) -> None:
    change, summary = journal.import_json(write_export(tmp_path / "in", minimal_doc()))
    assert change.ids == tuple(summary.sprint_ids) and len(change.ids) == 1
    with Journal(journal_path, readonly=True) as r:
        sid = change.ids[0]
        assert [a.person.name for a in r.list_attendees(sid)] == ["Antonio Cuni", "Mark Pearse"]
        (photo,) = r.list_photos(sid)
        assert (photo.caption, photo.filename, [p.name for p in photo.people]) == (
            "cake",
            "cake.jpg",
            ["Mark Pearse"],
        )
        assert r.photo_bytes(photo.id) == jpeg()
        (item,) = r.list_standup(sid)
        assert item.branch_name == "ffistruct" and [p.name for p in item.people] == ["Antonio Cuni"]
    assert summary.people_created == ["Antonio Cuni", "Mark Pearse"]


# -- merging people by name and alias ------------------------------------------------------------


def test_import_merges_people_by_name_and_alias(journal: Journal, tmp_path: Path) -> None:
    anto = journal.add_person("Antonio Cuni", aliases=["antocuni"], email="anto@example.org").id
    hakan = journal.add_person("Håkan Ardö").id
    doc = minimal_doc()
    doc["people"] = [
        {"name": "antocuni", "aliases": ["Anto", "cuni"], "url": "https://antocuni.eu"},
        {"name": "Hakan Ardo", "aliases": ["hakan"]},
    ]
    doc["sprints"][0]["attendees"].append({"person": "HAKAN ARDO"})
    _change, summary = journal.import_json(write_export(tmp_path / "in", doc))
    people = {p.name: p for p in journal.list_people()}
    assert set(people) == {"Antonio Cuni", "Håkan Ardö", "Mark Pearse"}  # no second Antonio
    assert people["Antonio Cuni"].id == anto and people["Håkan Ardö"].id == hakan
    assert people["Antonio Cuni"].aliases == ("antocuni", "Anto", "cuni")
    assert (people["Antonio Cuni"].email, people["Antonio Cuni"].url) == (
        "anto@example.org",
        "https://antocuni.eu",
    )
    assert people["Håkan Ardö"].aliases == ("Hakan Ardo", "hakan")  # plainer spelling: FAULTS 56
    sid = summary.sprint_ids[0]
    assert [a.person.id for a in journal.list_attendees(sid)][::2] == [anto, hakan]
    assert summary.people_created == ["Mark Pearse"]


def test_an_alias_alone_in_the_file_finds_the_journal_person(
    journal: Journal, tmp_path: Path
) -> None:
    anto = journal.add_person("Antonio Cuni", aliases=["antocuni"]).id
    doc = minimal_doc()
    doc["people"] = []  # the file never spells out his full name
    doc["sprints"][0]["branches"][0]["people"] = ["ANTOCUNI"]
    doc["sprints"][0]["standup"][0]["people"] = ["antocuni"]
    doc["sprints"][0]["photos"] = []
    _change, summary = journal.import_json(write_export(tmp_path / "in", doc, photos={}))
    assert summary.people_created == ["Mark Pearse"]  # no second Antonio
    assert [p.name for p in journal.list_people()].count("Antonio Cuni") == 1
    sid = summary.sprint_ids[0]
    assert journal.list_attendees(sid)[0].person.id == anto
    assert [p.id for p in journal.list_branches(sid)[0].people] == [anto]


def test_a_second_sprint_reuses_the_people_of_the_first(journal: Journal, tmp_path: Path) -> None:
    journal.import_json(write_export(tmp_path / "a", minimal_doc()))
    doc = minimal_doc()
    doc["people"] = []
    doc["sprints"][0].update(title="Another sprint", start="2012-02-01", end="2012-02-05")
    doc["sprints"][0]["photos"] = []
    _change, summary = journal.import_json(write_export(tmp_path / "b", doc, photos={}))
    assert summary.people_created == []
    assert len(journal.list_people()) == 2


# -- bad files: every problem listed, nothing changed --------------------------------------------


def assert_import_fails(journal: Journal, journal_path: Path, target: Path) -> list[str]:
    """The import raises ImportFailedError and not one row of the journal changes."""
    before = counts(journal_path)
    with pytest.raises(ImportFailedError) as caught:
        journal.import_json(target)
    assert counts(journal_path) == before
    error = caught.value
    message = str(error)
    assert "nothing was imported" in message
    for problem in error.problems:
        assert str(problem) in message
    return [str(p) for p in error.problems]


@pytest.fixture
def seeded(journal: Journal) -> Journal:
    """A journal with something in it, so "nothing changed" is not trivially true."""
    sprint = journal.add_sprint("Spring", start=date(2011, 4, 25)).id
    journal.add_attendee(sprint, "Antonio Cuni")
    journal.add_branch(sprint, "release-1.5", people=["Armin Rigo"])
    journal.add_standup_item(sprint, date(2011, 4, 26), "done", "1.5 is out", people=["Armin Rigo"])
    journal.add_note(sprint, None, "hello")
    journal.add_photo(sprint, jpeg((1, 2, 3)), "p.jpg", caption="a photo")
    return journal


def test_corrupt_json_syntax(seeded: Journal, journal_path: Path, tmp_path: Path) -> None:
    text = json.dumps(minimal_doc(), indent=1)[:-40]
    (problem,) = assert_import_fails(seeded, journal_path, write_export(tmp_path / "in", text))
    assert problem.startswith("line ") and " column " in problem


def test_not_a_sprintjournal_file(seeded: Journal, journal_path: Path, tmp_path: Path) -> None:
    problems = assert_import_fails(
        seeded, journal_path, write_export(tmp_path / "in", '{"hello": "world"}')
    )
    assert problems == ['$.format: expected "sprintjournal": this is not a SprintJournal export']


def test_not_utf8(seeded: Journal, journal_path: Path, tmp_path: Path) -> None:
    target = write_export(tmp_path / "in", minimal_doc())
    target.write_bytes(target.read_bytes().replace(b"Gothenburg", "Göteborg".encode("latin-1")))
    (problem,) = assert_import_fails(seeded, journal_path, target)
    assert "not UTF-8" in problem


def test_wrong_types_are_all_reported_with_their_paths(
    seeded: Journal, journal_path: Path, tmp_path: Path
) -> None:
    doc = minimal_doc()
    doc["people"][0]["aliases"] = "Anto"
    sprint = doc["sprints"][0]
    sprint["start"] = "2 November 2011"
    sprint["attendees"][0]["host"] = "sometimes"
    sprint["branches"][0]["people"] = [42]
    sprint["notes"][0] = {"day": "2011-11-04"}
    problems = assert_import_fails(seeded, journal_path, write_export(tmp_path / "in", doc))
    where = {p.split(":", 1)[0] for p in problems}
    assert where == {
        "$.people[0].aliases",
        "$.sprints[0].start",
        "$.sprints[0].attendees[0].host",
        "$.sprints[0].branches[0].people[0]",
        "$.sprints[0].notes[0].text",
    }
    assert "$.sprints[0].notes[0].text: required field is missing" in problems


def test_unknown_status_kind_and_section(
    seeded: Journal, journal_path: Path, tmp_path: Path
) -> None:
    doc = minimal_doc()
    doc["sprints"][0]["branches"][0].update(status="finished", kind="epic")
    doc["sprints"][0]["standup"][0]["section"] = "yesterday"
    problems = assert_import_fails(seeded, journal_path, write_export(tmp_path / "in", doc))
    assert len(problems) == 3
    status = next(p for p in problems if p.startswith("$.sprints[0].branches[0].status: "))
    assert "'finished'" in status and "'in progress'" in status
    assert any(p.startswith("$.sprints[0].branches[0].kind: ") and "'epic'" in p for p in problems)
    assert any(
        p.startswith("$.sprints[0].standup[0].section: ") and "'yesterday'" in p for p in problems
    )


def test_unknown_fields(seeded: Journal, journal_path: Path, tmp_path: Path) -> None:
    doc = minimal_doc()
    doc["colour"] = "blue"
    doc["sprints"][0]["attendees"][1]["tshirt"] = "XL"
    problems = assert_import_fails(seeded, journal_path, write_export(tmp_path / "in", doc))
    assert sorted(problems) == [
        "$.colour: unknown field",
        "$.sprints[0].attendees[1].tshirt: unknown field",
    ]


def test_missing_and_escaping_and_non_image_photos(
    seeded: Journal, journal_path: Path, tmp_path: Path
) -> None:
    (tmp_path / "x.jpg").write_bytes(jpeg())  # exists, but outside the export folder
    doc = minimal_doc()
    doc["sprints"][0]["photos"] = [
        {"file": "photos/missing.jpg"},
        {"file": "../x.jpg"},
        {"file": "photos/notes.jpg"},
        {"file": str(tmp_path / "x.jpg")},
        {"file": "photos/cake.jpg"},
    ]
    target = write_export(
        tmp_path / "in", doc, photos={"photos/cake.jpg": jpeg(), "photos/notes.jpg": b"just text\n"}
    )
    problems = assert_import_fails(seeded, journal_path, target)
    assert [p.split(":", 1)[0] for p in problems] == [
        f"$.sprints[0].photos[{i}].file" for i in range(4)
    ]
    assert "outside the export folder" in problems[1] and "outside the export folder" in problems[3]


def test_importing_the_same_sprint_twice(
    seeded: Journal, journal_path: Path, tmp_path: Path
) -> None:
    target = write_export(tmp_path / "in", minimal_doc())
    seeded.import_json(target)
    (problem,) = assert_import_fails(seeded, journal_path, target)
    assert problem.startswith("$.sprints[0]: ") and "already in this journal" in problem


def _broken(change: str) -> dict[str, Any]:
    doc = minimal_doc()
    sprint = doc["sprints"][0]
    if change == "depart before arrive":
        sprint["attendees"][0].update(arrive="2011-11-10", depart="2011-11-04")
    elif change == "end before start":
        sprint.update(start="2011-11-10", end="2011-11-04")
    elif change == "duplicate branch":
        sprint["branches"].append({"name": "ffistruct", "status": "planned"})
    elif change == "unknown branch":
        sprint["standup"][0]["branch"] = "no-such-branch"
    elif change == "blank names":
        sprint["attendees"].append({"person": "  "})
        sprint["standup"][0]["people"] = ["Anto", ""]
    elif change == "blank text":
        sprint["title"] = " "
        sprint["standup"][0]["text"] = "\n"
    elif change == "sprint twice":
        doc["sprints"].append(copy.deepcopy(sprint))
    return doc


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            "depart before arrive",
            [
                "$.sprints[0].attendees[0].depart: "
                "departure (2011-11-04) is before arrival (2011-11-10)"
            ],
        ),
        (
            "end before start",
            ["$.sprints[0].end: the sprint ends (2011-11-04) before it starts (2011-11-10)"],
        ),
        (
            "duplicate branch",
            [
                "$.sprints[0].branches[1].name: "
                "'ffistruct' is already the name of $.sprints[0].branches[0]"
            ],
        ),
        (
            "unknown branch",
            [
                "$.sprints[0].standup[0].branch: "
                "there is no branch called 'no-such-branch' in this sprint"
            ],
        ),
        (
            "blank names",
            [
                "$.sprints[0].attendees[2].person: a name cannot be blank",
                "$.sprints[0].standup[0].people[1]: a name cannot be blank",
            ],
        ),
        (
            "blank text",
            [
                "$.sprints[0].title: a sprint needs a title",
                "$.sprints[0].standup[0].text: a stand-up item needs some text",
            ],
        ),
        ("sprint twice", ["$.sprints[1]: the same sprint (title and start) as $.sprints[0]"]),
    ],
)
def test_what_the_app_refuses_an_import_refuses_too(
    seeded: Journal, journal_path: Path, tmp_path: Path, change: str, expected: list[str]
) -> None:
    problems = assert_import_fails(
        seeded, journal_path, write_export(tmp_path / "in", _broken(change))
    )
    assert problems == expected


def test_problems_in_the_same_file_are_all_listed_at_once(
    seeded: Journal, journal_path: Path, tmp_path: Path
) -> None:
    doc = minimal_doc()
    doc["sprints"] = doc["sprints"] * 30
    for n, sprint in enumerate(doc["sprints"]):
        sprint = doc["sprints"][n] = copy.deepcopy(sprint)
        sprint["title"] = f"sprint {n}"
        sprint["branches"][0]["status"] = "??"
        sprint["photos"] = []
    problems = assert_import_fails(seeded, journal_path, write_export(tmp_path / "in", doc))
    assert len(problems) == 30


def test_an_export_folder_may_be_named_instead_of_the_file(
    journal: Journal, tmp_path: Path
) -> None:
    write_export(tmp_path / "in", minimal_doc())
    _change, summary = journal.import_json(tmp_path / "in")
    assert len(summary.sprint_ids) == 1


def test_a_missing_file_is_an_import_error(
    journal: Journal, journal_path: Path, tmp_path: Path
) -> None:
    assert_import_fails(journal, journal_path, tmp_path / "nowhere" / "journal.json")


# -- the published schema --------------------------------------------------------------------


def test_document_json_is_stable_text() -> None:
    doc = json_io.parse_document(json.dumps(minimal_doc()), "mem")
    text = json_io.document_json(doc)
    assert (
        text.endswith("}\n")
        and json_io.document_json(json_io.parse_document(text, "again")) == text
    )


def test_the_example_in_the_user_documentation_imports(journal: Journal, tmp_path: Path) -> None:
    text = (ROOT / "docs" / "interchange.md").read_text(encoding="utf-8")
    example = text.split("```json\n", 1)[1].split("```", 1)[0]
    _change, summary = journal.import_json(write_export(tmp_path / "doc", example))
    (sid,) = summary.sprint_ids
    assert summary.people_created == [
        "Antonio Cuni",
        "Håkan Ardö",
        "Laura Creighton",
        "Mark Pearse",
    ]
    assert [a.person.name for a in journal.newcomers(sid)] == [  # Laura hosts: no guess
        "Antonio Cuni",
        "Mark Pearse",
    ]
    assert journal.find_person("antocuni").name == "Antonio Cuni"  # type: ignore[union-attr]


def test_the_error_sample_in_the_user_documentation_is_real(
    journal: Journal, journal_path: Path, tmp_path: Path
) -> None:
    doc = minimal_doc()
    doc["sprints"][0]["branches"][0]["status"] = "finished"
    problems = assert_import_fails(journal, journal_path, write_export(tmp_path / "in", doc))
    text = (ROOT / "docs" / "interchange.md").read_text(encoding="utf-8")
    assert problems[0].replace("[0].branches[0]", "[0].branches[2]") in text
