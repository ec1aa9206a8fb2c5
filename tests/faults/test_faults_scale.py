"""FAULTS 58: people.txt at scale. A file is read row by row and streamed into the journal;
problems are listed up to a bound and counted beyond it, by the command line, the app and the
JSON and planning.txt imports alike. (Speed and peak memory at 200,000 rows: bench/.)"""

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from people_files import people_txt, person

from sprintjournal.cli import main
from sprintjournal.errors import ImportFailedError
from sprintjournal.exchange.people_rows import read_row, read_row_by_docutils
from sprintjournal.exchange.problems import LISTED
from sprintjournal.exchange.textfiles import import_file
from sprintjournal.journal import Journal

SUPPORT = Path(__file__).resolve().parents[1] / "support"  # people_files.py, for the child
PEAK = """
import sys, tracemalloc
sys.path.insert(0, sys.argv[1])
from people_files import people_txt, person
from sprintjournal.exchange.people_txt import open_people_txt
for rows in (int(n) for n in sys.argv[2:]):
    text = people_txt([person(i) for i in range(rows)]).encode("utf-8")
    tracemalloc.start()
    people = open_people_txt(text, keep_problems=200, keep_paragraphs=False)
    read = sum(1 for _ in people.entries())
    print(rows, read, tracemalloc.get_traced_memory()[1])
    tracemalloc.stop()
    del text
"""


def test_fault_58_rows_are_read_in_the_memory_of_a_few(tmp_path: Path) -> None:
    """Reading 40,000 rows takes what reading 5,000 takes, plus the decoded text (measured with
    tracemalloc, the file's bytes left out): nothing is kept per row. Reading the file whole
    and listing its attendees took over 15 times the text."""
    done = subprocess.run(
        [sys.executable, "-c", PEAK, str(SUPPORT), "5000", "40000"],
        capture_output=True, text=True, check=True, timeout=600)
    (small, small_read, small_peak), (large, large_read, large_peak) = (
        map(int, line.split()) for line in done.stdout.split("\n") if line)
    assert (small_read, large_read) == (small, large)
    decoded = 40_000 * (len(person(0)) + 1)  # the large file's text (one byte a character)
    assert large_peak < 3 * decoded + small_peak, (small_peak, large_peak, decoded)


NAME_SECOND = "=========== =============== =====\nArrive      Name            Food\n"


def test_fault_58_the_import_lists_the_first_problems_and_counts_the_others(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """3,000 rows, every other one without a name: 200 listed with the count of the other
    1,300, and the 1,500 named rows imported. Every one was printed (and held) before."""
    path = tmp_path / "people.txt"
    border = NAME_SECOND.split("\n")[0]
    rows = [f"{2 + i % 3}/11-8/11   {f'Pérson {i:06d}' if i % 2 else '':15} vegan"
            for i in range(3000)]
    path.write_text(f"{NAME_SECOND}{border}\n" + "\n".join(rows) + f"\n{border}\n",
                    encoding="utf-8")
    assert main(["--journal", str(tmp_path / "j.sprintjournal"), "import", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    warnings = [line for line in out if line.startswith("warning: ")]
    assert len(warnings) == LISTED
    assert warnings[0] == "warning: line 4: row without a name: 2/11-8/11                   vegan"
    assert f"… and {1500 - LISTED:,} more warnings" in out
    assert out[-1].startswith("sprint 1: 1500 attendees")
    with Journal(tmp_path / "j.sprintjournal") as journal:
        assert len(journal.list_attendees(1)) == 1500


def test_fault_58_a_large_file_is_streamed_in_one_transaction(
        journal: Journal, tmp_path: Path) -> None:
    """Rows are written in batches as they are read; the sprint and every batch commit
    together, and a second import of the same sprint changes nothing."""
    path = tmp_path / "people.txt"
    path.write_text(people_txt([person(i) for i in range(5000)]), encoding="utf-8")
    lines = import_file(journal, path, None, None)
    assert lines[-1] == "sprint 1: 5000 attendees (0 rows to review), 0 people from earlier sprints"
    attendees = journal.list_attendees(1)
    assert [a.person.name for a in attendees[:2]] == ["Pérson 000000", "Pérson 000001"]
    assert attendees[-1].person.name == "Pérson 004999" and attendees[-1].diet == "vegan"
    generation = journal.generation
    try:
        import_file(journal, path, None, None)
    except ImportFailedError as error:
        assert "already in this journal" in str(error)
    else:
        raise AssertionError("the same sprint imported twice")
    assert journal.generation == generation and len(journal.list_sprints()) == 1


def test_fault_58_json_validation_problems_are_capped(journal: Journal, tmp_path: Path) -> None:
    attendees = [{"person": "Ann", "arrive": "not a date"} for _ in range(3000)]
    doc = {"format": "sprintjournal", "version": 1,
           "sprints": [{"title": "Big", "attendees": attendees}]}
    (tmp_path / "journal.json").write_text(json.dumps(doc), encoding="utf-8")
    try:
        journal.import_json(tmp_path / "journal.json")
    except ImportFailedError as error:
        assert len(error.problems) == LISTED + 1
        assert str(error.problems[-1]) == f"… and {3000 - LISTED:,} more problems"
        assert str(error).splitlines()[0].endswith("3,000 problems, nothing was imported")
    else:
        raise AssertionError("3,000 bad dates imported")


def test_fault_58_planning_lines_kept_as_text_are_capped(journal: Journal,
                                                         tmp_path: Path) -> None:
    sid = journal.add_sprint("Gothenburg").id
    path = tmp_path / "planning.txt"
    path.write_text("people present:\n    Ann\n\ntasks:\n"
                    + "".join(f"free text paragraph {i}\n\n" for i in range(1000)),
                    encoding="utf-8")
    lines = import_file(journal, path, sid, None)
    kept = [line for line in lines if line.startswith("kept as text: ")]
    assert len(kept) == LISTED
    assert kept[0] == "kept as text: free text paragraph 0"
    assert f"… and {1000 - LISTED:,} more lines kept as text" in lines


PLAIN = st.text(alphabet="abcéłß XY09?/-=.", max_size=24)


@settings(max_examples=400)
@given(st.lists(PLAIN, min_size=1, max_size=3))
def test_fault_58_plain_rows_are_read_as_docutils_reads_them(raw: list[str]) -> None:
    """The plain-row reading (no docutils call) gives what docutils gives, or defers to it."""
    border = "====== ==== ====="
    starts = [0, 7, 12]
    raw = [line for line in raw if line.strip()] or ["x"]
    assert read_row(raw, starts, border) == read_row_by_docutils(raw, starts, border)


def test_fault_58_a_planning_file_of_more_items_than_sqlite_takes_variables(
        journal: Journal, tmp_path: Path) -> None:
    """33,000 stand-up items: imported and summed up. The summary listed every item back in
    one query (`IN` with 33,000 variables) and failed after the import had committed."""
    sid = journal.add_sprint("Gothenburg").id
    path = tmp_path / "planning.txt"
    path.write_text("people present:\n    Ann\n\ntoday:\n"
                    + "".join(f"  - task {i} (Ann)\n" for i in range(33_000)), encoding="utf-8")
    lines = import_file(journal, path, sid, None)
    assert lines[-1].endswith(": 33000 stand-up items (0 to review), 1 people present")
    # and the sprint can be exported whole: its items' people are read in bounded queries
    doc = json.loads(journal.export_json(tmp_path / "out").read_text(encoding="utf-8"))
    items = doc["sprints"][0]["standup"]
    assert len(items) == 33_000 and items[-1]["people"] == ["Ann"]


def test_fault_58_items_people_are_read_under_the_smallest_variable_limit(
        journal: Journal, tmp_path: Path) -> None:
    """Some SQLite builds take 999 variables a statement (this one takes more): a sprint's
    items and their people are read in chunks, so a long stand-up reads the same under any."""
    from sprintjournal.usecases.common import reads

    sid = journal.add_sprint("Gothenburg").id
    path = tmp_path / "planning.txt"
    path.write_text("people present:\n    Ann\n\ntoday:\n"
                    + "".join(f"  - task {i} (Ann)\n" for i in range(1_500)), encoding="utf-8")
    import_file(journal, path, sid, None)
    with journal.read() as session:
        raw = session.connection().connection.driver_connection
        assert raw is not None
        raw.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)
        items = reads(session).list_standup(sid)
    assert len(items) == 1_500 and all(i.people[0].name == "Ann" for i in items)
