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
    "checkpointing": ("topic", "done", ["Antonio Cuni"]),
    "ffistruct": ("branch", "in progress", ["Antonio Cuni"]),
    "jit-bugfix": ("task", "done", ["Armin Rigo"]),
    "readlines": ("task", "done", ["Armin Rigo"]),
    "stm": ("branch", "in progress", ["Armin Rigo"]),
    "windows": ("task", "in progress", ["Armin Rigo", "Antonio Cuni"]),
    "jit-targets": ("branch", "in progress", ["Håkan Ardö", "Armin Rigo"]),
    "f2pypy": ("topic", "in progress", ["Andrew Dalke", "Sam Lade"]),
    "win64": ("branch", "in progress", ["Christian Tismer"]),
    "speed": ("topic", "done", []),
    "numpy-py3k-kickoff": ("discussion", "planned", []),
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
    confirmed = [a.person.name for a in attendees if a.newcomer_override]
    assert confirmed == ["Mark Pearse"]
    # a guess only (first sprint in this journal): the report must not welcome them
    guessed = [a.person.name for a in journal.newcomers(demo) if a.newcomer_override is None]
    assert guessed == ["Andrew Dalke", "Sam Lade"]
    raw = {a.person.name: a.dates_text for a in attendees}
    assert raw["Antonio Cuni"] == "4-10 november" and raw["Laura Creighton"] == "lives there"
    armin = next(a for a in attendees if a.person.name == "Armin Rigo")
    assert armin.needs_review and armin.arrive is None


def test_the_branches(journal: Journal, demo: int) -> None:
    branches = journal.list_branches(demo)
    got = {b.name: (b.kind, b.status, [p.name for p in b.people]) for b in branches}
    assert got == BRANCHES
    assert all(b.goal for b in branches)
    ffi = next(b for b in branches if b.name == "ffistruct")
    (figure,) = ffi.figures
    assert (figure.value, figure.compared_with) == ("about 400 times faster",
                                                    "the same access through ctypes")
    assert all(not b.notes_publish for b in branches)


def test_stand_ups_and_notes(journal: Journal, demo: int) -> None:
    days = journal.days_with_content(demo)
    assert days == [date(2011, 11, d) for d in (2, 3, 4, 5, 6, 7, 8)]
    items = journal.list_standup(demo)
    assert len(items) == 28 and 0 < sum(i.publish for i in items) < len(items)
    sections = {i.section for i in journal.list_standup(demo, date(2011, 11, 4))}
    assert sections == {"done", "today"}
    notes = journal.list_notes(demo)
    assert len(notes) == 7 and notes[0].day is None  # the sprint-wide note first
    assert any("5× faster than CPython" in n.text for n in notes)
    assert notes[0].publish == () and notes[1].publish == ()  # private: never marked
    assert any(n.publish for n in notes)


def test_the_cake_photo(journal: Journal, demo: int) -> None:
    (photo,) = journal.list_photos(demo)
    assert photo.caption == CAKE_CAPTION and photo.mime == "image/jpeg"
    assert photo.day == date(2011, 11, 6)
    assert [p.name for p in photo.people] == ["Armin Rigo", "Håkan Ardö"]
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
