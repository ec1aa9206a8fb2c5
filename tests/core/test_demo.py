"""The demo journal: PyPy's Gothenburg sprints of 2011, built through the ordinary import path."""

import json
from datetime import date
from pathlib import Path

import pytest

from sprintjournal.demo import CAKE_CAPTION, build_demo, demo_text, open_demo
from sprintjournal.exchange.json_io import parse_document
from sprintjournal.journal import Journal

BRANCHES = {
    "SpecialisedTuple": ("branch", "in progress", ["Mark Pearse", "Antonio Cuni"]),
    "ffistruct": ("branch", "merged", ["Antonio Cuni"]),
    "stm": ("branch", "in progress", ["Armin Rigo"]),
    "jit-targets": ("branch", "in progress", ["Håkan Ardö", "Armin Rigo"]),
    "win64": ("branch", "in progress", ["Christian Tismer"]),
    "numpy-f2py": ("topic", "planned", ["Andrew Dalke", "Sam Lade"]),
}


@pytest.fixture
def demo(journal: Journal) -> int:
    return build_demo(journal)


def test_the_resource_is_a_valid_interchange_document() -> None:
    doc = parse_document(demo_text(), "demo")
    assert [s.title for s in doc.sprints] == [
        "PyPy sprint in Gothenburg, spring 2011",
        "PyPy sprint in Gothenburg, November 2011",
    ]
    assert json.loads(demo_text())["format"] == "sprintjournal"


def test_build_demo_returns_the_november_sprint(journal: Journal, demo: int) -> None:
    november = journal.get_sprint(demo)
    assert november.title == "PyPy sprint in Gothenburg, November 2011"
    assert (november.start, november.end) == (date(2011, 11, 2), date(2011, 11, 9))
    assert (november.project, november.place) == ("PyPy", "Gothenburg")
    assert november.venue == "Laura and Jacob's flat"
    assert len(journal.list_sprints()) == 2


def test_hosts_and_newcomer(journal: Journal, demo: int) -> None:
    attendees = journal.list_attendees(demo)
    assert len(attendees) == 10
    assert {a.person.name for a in attendees if a.host} == {"Jacob Hallén", "Laura Creighton"}
    assert [a.person.name for a in journal.newcomers(demo)] == ["Mark Pearse"]
    raw = {a.person.name: a.dates_text for a in attendees}
    assert raw["Antonio Cuni"] == "4-10 november" and raw["Laura Creighton"] == "lives there"
    armin = next(a for a in attendees if a.person.name == "Armin Rigo")
    assert armin.needs_review and armin.arrive is None


def test_the_six_branches(journal: Journal, demo: int) -> None:
    branches = journal.list_branches(demo)
    got = {b.name: (b.kind, b.status, [p.name for p in b.people]) for b in branches}
    assert got == BRANCHES
    assert all(b.goal for b in branches)
    ffi = next(b for b in branches if b.name == "ffistruct")
    assert ffi.results == ("field access about 400 times faster than ctypes",)


def test_stand_ups_and_notes(journal: Journal, demo: int) -> None:
    days = journal.days_with_content(demo)
    assert days == [date(2011, 11, d) for d in (2, 3, 4, 5, 6)]
    assert len(journal.list_standup(demo)) == 15
    sections = {i.section for i in journal.list_standup(demo, date(2011, 11, 4))}
    assert sections == {"done", "today"}
    notes = journal.list_notes(demo)
    assert len(notes) == 5 and notes[0].day is None  # the sprint-wide note first
    assert any("5× faster than CPython" in n.text for n in notes)


def test_the_cake_photo(journal: Journal, demo: int) -> None:
    (photo,) = journal.list_photos(demo)
    assert photo.caption == CAKE_CAPTION and photo.mime == "image/jpeg"
    assert photo.day == date(2011, 11, 6)
    assert [p.name for p in photo.people] == ["Laura Creighton", "Armin Rigo", "Mark Pearse"]
    data = journal.photo_bytes(photo.id)
    assert data[:2] == b"\xff\xd8" and len(data) == photo.byte_size
    assert journal.photo_thumbnail(photo.id)[:2] in (b"\xff\xd8", b"\x89P")


def test_open_demo_builds_once(tmp_path: Path) -> None:
    path = tmp_path / "demo.sprintjournal"
    with open_demo(path) as first:
        ids = [s.id for s in first.list_sprints()]
    with open_demo(path) as again:
        assert [s.id for s in again.list_sprints()] == ids
        assert len(again.list_photos(ids[0])) == 1


def test_the_demo_ordinal_and_pairs(journal: Journal, demo: int) -> None:
    ordinal = journal.sprint_ordinal(demo)
    assert ordinal is not None and (ordinal.year, ordinal.in_year) == (2011, 2)
    pairs = {tuple(sorted((p.a.name, p.b.name))) for p in journal.pairs(demo)}
    assert ("Antonio Cuni", "Mark Pearse") in pairs
