"""Property: any valid interchange document survives import -> export unchanged.

Generated documents hold people with aliases referenced by either, sprints with attendees,
branches, stand-up items, notes and photos, and text with emoji, right-to-left scripts,
combining accents and CRLF line endings. Only what docs/interchange.md documents is normalised:
names are cleaned (white space collapsed, NFC) and references come back as the full name; people
are listed by folded name; sprints undated first, then by start; stand-up items by day and
section, notes by day (undated first), each keeping its order within; photo file paths are
chosen by the exporter (their bytes are compared instead).
"""

import hashlib
import io
import json
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from sprintjournal.exchange.schema import (
    AttendeeDoc,
    BlogDoc,
    BranchDoc,
    JournalDoc,
    NoteDoc,
    PersonDoc,
    PhotoDoc,
    ReportDoc,
    SprintDoc,
    StandupDoc,
)
from sprintjournal.journal import Journal
from sprintjournal.names import clean_name, name_key
from sprintjournal.vocabulary import BRANCH_KINDS, BRANCH_STATUSES


def _jpeg(colour: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (16, 12), colour).save(buffer, "JPEG")
    return buffer.getvalue()


PHOTOS = [_jpeg((220, 40, 40)), _jpeg((40, 40, 220))]
SPECIAL = [
    "🎂🐍",
    "שלום עולם",
    "مرحبا",
    "e\u0301te\u0301",
    "Ha\u030akan",
    "line\r\nbreak",
    "\r\n",
    " ",
    "tab\there",
    "ZWJ 👩‍💻",
    "\u200f\u200e",
    "Ⅻ ﬁ",
    "ß",
    "İ",
]
text = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=20),
    st.sampled_from(SPECIAL),
    st.lists(st.sampled_from(SPECIAL), min_size=1, max_size=3).map("".join),
)
opt_text = st.none() | text
words = st.lists(text, max_size=3)
days = st.dates(date(2010, 1, 1), date(2013, 12, 31))


@st.composite
def date_range(draw: st.DrawFn) -> tuple[date | None, date | None]:
    first, second = draw(st.none() | days), draw(st.none() | days)
    if first and second and second < first:
        first, second = second, first
    return first, second


@st.composite
def people_docs(draw: st.DrawFn) -> list[PersonDoc]:
    """Unique names and aliases by construction: a distinct last word for each."""
    count = draw(st.integers(1, 5))
    return [
        PersonDoc(
            name=f"{draw(text)} P{i}",
            aliases=[f"{draw(text)} A{i}x{j}" for j in range(draw(st.integers(0, 2)))],
            email=draw(opt_text),
            url=draw(opt_text),
        )
        for i in range(count)
    ]


def refer(draw: st.DrawFn, person: PersonDoc) -> str:
    """A reference by full name or alias, in another case or spacing."""
    spelling = draw(st.sampled_from([person.name, *person.aliases]))
    return draw(st.sampled_from([spelling, spelling.upper(), f"  {spelling} "]))


def some_people(draw: st.DrawFn, people: list[PersonDoc]) -> list[str]:
    chosen = draw(st.lists(st.sampled_from(people), unique_by=lambda p: p.name, max_size=3))
    return [refer(draw, p) for p in chosen]


@st.composite
def sprint_docs(draw: st.DrawFn, index: int, people: list[PersonDoc]) -> SprintDoc:
    start, end = draw(date_range())
    attendees = []
    for person in draw(st.lists(st.sampled_from(people), unique_by=lambda p: p.name, max_size=4)):
        arrive, depart = draw(date_range())
        attendees.append(
            AttendeeDoc(
                person=refer(draw, person),
                arrive=arrive,
                depart=depart,
                dates_text=draw(opt_text),
                accommodation=draw(opt_text),
                diet=draw(opt_text),
                host=draw(st.booleans()),
                newcomer=draw(st.sampled_from([None, True, False])),
                notes=draw(opt_text),
                needs_review=draw(st.booleans()),
                review_reason=draw(opt_text),
            )
        )
    branches = [
        BranchDoc(
            name=f"{draw(text)}-b{i}",
            kind=draw(st.sampled_from(BRANCH_KINDS)),
            goal=draw(text),
            status=draw(st.sampled_from(BRANCH_STATUSES)),
            people=some_people(draw, people),
            results=draw(words),
            links=draw(words),
            notes=draw(opt_text),
        )
        for i in range(draw(st.integers(0, 3)))
    ]
    standup = [
        StandupDoc(
            day=draw(days),
            section=draw(st.sampled_from(["done", "today"])),
            text=f"{draw(text)} item {i}",
            status=draw(opt_text),
            people=some_people(draw, people),
            branch=draw(st.sampled_from([None, *(b.name for b in branches)])),
            needs_review=draw(st.booleans()),
            review_reason=draw(opt_text),
        )
        for i in range(draw(st.integers(0, 4)))
    ]
    notes = [
        NoteDoc(day=draw(st.none() | days), text=draw(text)) for _ in range(draw(st.integers(0, 3)))
    ]
    photos = [
        PhotoDoc(
            file=f"in/{n}.jpg",
            caption=draw(text),
            alt=draw(opt_text),
            day=draw(st.none() | days),
            people=some_people(draw, people),
        )
        for n in draw(st.lists(st.sampled_from(range(len(PHOTOS))), max_size=2))
    ]
    return SprintDoc(
        title=f"{draw(text)} S{index}",
        project=draw(text),
        place=draw(text),
        venue=draw(opt_text),
        start=start,
        end=end,
        description=draw(text),
        blog=BlogDoc(authors=draw(words), tags=draw(words)),
        attendees=attendees,
        branches=branches,
        standup=standup,
        notes=notes,
        photos=photos,
        report=ReportDoc(title=draw(opt_text), text=draw(opt_text)),
    )


@st.composite
def journal_docs(draw: st.DrawFn) -> JournalDoc:
    people = draw(people_docs())
    sprints = [draw(sprint_docs(i, people)) for i in range(draw(st.integers(0, 3)))]
    return JournalDoc(people=people, sprints=sprints)


# -- the documented normalisation ----------------------------------------------------------


def canonical(doc: JournalDoc) -> dict[str, Any]:
    """The document as an export of it must read (see the module docstring)."""
    full = {}
    for p in doc.people:
        for spelling in (p.name, *p.aliases):
            full[name_key(spelling)] = clean_name(p.name)
    data = doc.model_dump(mode="json")

    def names(refs: list[str]) -> list[str]:
        return [full[name_key(r)] for r in refs]

    for person in data["people"]:
        person["name"] = clean_name(person["name"])
        person["aliases"] = [clean_name(a) for a in person["aliases"]]
    data["people"].sort(key=lambda p: name_key(p["name"]))
    for s in data["sprints"]:
        for a in s["attendees"]:
            a["person"] = full[name_key(a["person"])]
        for group in (*s["branches"], *s["standup"], *s["photos"]):
            group["people"] = names(group["people"])
        s["standup"].sort(key=lambda i: (i["day"], i["section"]))
        s["notes"].sort(key=lambda n: (n["day"] is not None, n["day"] or ""))
        for photo in s["photos"]:
            photo["file"] = None
    data["sprints"].sort(key=lambda s: (s["start"] is not None, s["start"] or ""))
    return data


def without_photo_paths(exported: dict[str, Any]) -> dict[str, Any]:
    for s in exported["sprints"]:
        for photo in s["photos"]:
            photo["file"] = None
    return exported


def files(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def write_source(folder: Path, doc: JournalDoc) -> Path:
    for n, data in enumerate(PHOTOS):
        (folder / "in").mkdir(parents=True, exist_ok=True)
        (folder / "in" / f"{n}.jpg").write_bytes(data)
    target = folder / "journal.json"
    target.write_text(doc.model_dump_json(), encoding="utf-8")
    return target


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=journal_docs())
def test_import_then_export_gives_the_document_back(doc: JournalDoc) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        source = write_source(root / "source", doc)
        with Journal(root / "a.sprintjournal") as first:
            first.import_json(source)
            exported = first.export_json(root / "one")
        as_json = json.loads(exported.read_text(encoding="utf-8"))
        assert without_photo_paths(as_json) == canonical(doc)
        photo_bytes = [
            (root / "one" / p["file"]).read_bytes()
            for s in json.loads(exported.read_text(encoding="utf-8"))["sprints"]
            for p in s["photos"]
        ]
        wanted = [PHOTOS[int(p.file[3])] for s in canonical_sprints(doc) for p in s.photos]
        assert photo_bytes == wanted
        with Journal(root / "b.sprintjournal") as second:  # and the export itself round-trips
            second.import_json(exported)
            second.export_json(root / "two")
        assert files(root / "one") == files(root / "two")


def canonical_sprints(doc: JournalDoc) -> list[SprintDoc]:
    return sorted(doc.sprints, key=lambda s: (s.start is not None, s.start or date.min))
