"""The interchange document is built from a `JournalReader` alone: the records the app shows,
read in one snapshot, without the ORM."""

import subprocess
import sys
from datetime import date
from pathlib import Path

from sprintjournal.demo import build_demo
from sprintjournal.journal import Journal
from sprintjournal.reader import SqliteReader
from sprintjournal.records import PhotoRec, SprintRec
from sprintjournal.usecases.exporting import PhotoNamer, build_document


def test_a_plain_reader_builds_the_journals_export(journal: Journal, journal_path: Path) -> None:
    build_demo(journal)
    reader = SqliteReader(journal_path, readonly=True)
    try:
        doc, files = build_document(reader, None, PhotoNamer())
    finally:
        reader.close()
    assert (doc, files) == journal.export_document()
    assert [s.title for s in doc.sprints] == [s.title for s in reversed(journal.list_sprints())]
    assert [rel for _photo, rel in files] == [p.file for s in doc.sprints for p in s.photos]


def test_attendees_carry_the_organisers_answers_not_the_journals_guesses(
        journal: Journal) -> None:
    sid = journal.add_sprint("Gothenburg", start=date(2011, 11, 2), end=date(2011, 11, 9)).id
    guessed = journal.add_attendee(sid, "Håkan Ardö").id
    journal.add_attendee(sid, "Armin Rigo", newcomer=False, host=True)
    for day in (date(2011, 11, 4), date(2011, 11, 2)):
        journal.set_checked_in(guessed, day)
    assert journal.list_attendees(sid)[0].newcomer  # the journal guesses: first sprint here
    (sprint,) = journal.export_document([sid])[0].sprints
    hakan, armin = sprint.attendees
    assert (hakan.person, hakan.newcomer, hakan.checked_in) == (
        "Håkan Ardö", None, [date(2011, 11, 2), date(2011, 11, 4)])
    assert (armin.newcomer, armin.host) == (False, True)


def test_exporting_loads_no_orm(journal: Journal, journal_path: Path) -> None:
    """In a fresh process, exporting every sprint imports neither SQLAlchemy nor SQLModel."""
    build_demo(journal)
    journal.close()
    script = f"""
import sys
from sprintjournal.journal import Journal
with Journal({str(journal_path)!r}, readonly=True) as j:
    doc, files = j.export_document()
    print(len(doc.sprints), len(files))
print(sorted(m for m in ("sqlalchemy", "sqlmodel") if m in sys.modules))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    assert out == ["2 1", "[]"]


def test_photo_names_are_safe_and_unique() -> None:
    name = PhotoNamer()
    sprint = SprintRec(1, "Göteborg / 2011")
    photos = [PhotoRec(n, 1, filename, "image/jpeg", 1, 1, 1, "")
              for n, filename in enumerate(["cake.jpg", "cake.jpg", "../../etc/passwd", ""])]
    names = [name(sprint, p) for p in photos]
    assert len(set(names)) == 4
    assert all(n.startswith("photos/") and ".." not in n.split("/") for n in names)
    assert names[0].endswith("/cake.jpg") and names[1] != names[0]
