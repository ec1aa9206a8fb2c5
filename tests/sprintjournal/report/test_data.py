"""`gather` reads a sprint through a `JournalReader` only: what the app shows is what the post
may say, with no ORM behind it, and nothing private is read into `ReportData`."""

import subprocess
import sys
from pathlib import Path

import pytest

from sprintjournal.demo import build_demo
from sprintjournal.journal import Journal
from sprintjournal.reader import SqliteReader
from sprintjournal.report.data import GROUPS, gather


@pytest.mark.parametrize("group_by", GROUPS)
def test_a_plain_reader_gathers_what_the_journal_does(journal: Journal, journal_path: Path,
                                                      group_by: str) -> None:
    sid = build_demo(journal)
    reader = SqliteReader(journal_path, readonly=True)
    try:
        data = gather(reader, sid, group_by)
    finally:
        reader.close()
    assert data == gather(journal, sid, group_by)
    assert data.sections and data.group_by == group_by
    assert {a.person.name for a in data.attendees} == {
        a.person.name for a in journal.list_attendees(sid)}


def test_private_attendee_fields_never_reach_the_report_data(journal: Journal) -> None:
    sid = journal.add_sprint("Gothenburg").id
    journal.add_attendee(sid, "Håkan Ardö", accommodation="QQroomQQ", diet="QQdietQQ",
                         notes="QQnotesQQ", dates_text="QQdatesQQ")
    assert "QQ" not in repr(gather(journal, sid))


def test_an_unknown_grouping_is_refused(journal: Journal) -> None:
    sid = journal.add_sprint("Gothenburg").id
    with pytest.raises(ValueError, match="group_by must be"):
        gather(journal, sid, "day")


def test_gathering_loads_no_orm(journal: Journal, journal_path: Path) -> None:
    sid = build_demo(journal)
    journal.close()
    script = f"""
import sys
from sprintjournal.journal import Journal
from sprintjournal.report.data import gather
with Journal({str(journal_path)!r}, readonly=True) as j:
    print(len(gather(j, {sid}).sections) > 0)
print(sorted(m for m in ("sqlalchemy", "sqlmodel", "pydantic") if m in sys.modules))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    assert out == ["True", "[]"]
