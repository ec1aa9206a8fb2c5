"""FAULTS 73: planning.txt at scale. Items are read one at a time and written 2,000 at a time
in one transaction, each batch in one statement. (Speed and peak memory at 100,000 items:
bench/planning_scale.py.)"""

import subprocess
import sys
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine

from sprintjournal.exchange.textfiles import import_file
from sprintjournal.journal import Journal

STATUSES = ["DONE", "(in progress)", "TO BE MERGED", "", ""]


def planning_txt(count: int) -> str:
    """Items under "today:", some with people and a status, as PyPy writes them."""
    items = (f"  - task {i} {'(Ann, Bob)' if i % 3 else ''} {STATUSES[i % 5]}".rstrip()
             for i in range(count))
    return "people present:\n    Ann\n    Bob\n\ntoday:\n" + "\n".join(items) + "\n"


PEAK = """
import sys, tempfile, tracemalloc
from pathlib import Path
from sprintjournal.exchange.textfiles import import_file
from sprintjournal.journal import Journal
work = Path(tempfile.mkdtemp(dir=sys.argv[1]))
for count in (int(n) for n in sys.argv[2:]):
    path = work / f"planning-{count}.txt"
    path.write_text("people present:\\n    Ann\\n\\ntoday:\\n"
                    + "".join(f"  - task {i} (Ann)\\n" for i in range(count)), encoding="utf-8")
    with Journal(work / f"journal-{count}.sprintjournal") as journal:
        sprint_id = journal.add_sprint("Gothenburg").id
        tracemalloc.start()
        last = import_file(journal, path, sprint_id, None)[-1]
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    print(count, peak, path.stat().st_size, last.split(": ")[1].split()[0])
"""


def test_fault_73_planning_items_are_imported_in_the_memory_of_a_few(tmp_path: Path) -> None:
    """Importing 16,000 items takes what importing 4,000 takes, give or take the file's text
    (tracemalloc in a fresh process): nothing is kept per item. The whole file read into
    items, then stand-up documents, then rows took 3 KB an item (38 MB more for the 12,000)."""
    done = subprocess.run(
        [sys.executable, "-c", PEAK, str(tmp_path), "4000", "16000"],
        capture_output=True, text=True, check=True, timeout=600)
    (small, small_peak, _size, small_read), (large, large_peak, large_size, large_read) = (
        map(int, line.split()) for line in done.stdout.split("\n") if line)
    assert (small_read, large_read) == (small, large)
    assert large_peak < small_peak + 3 * large_size, (small_peak, large_peak, large_size)


def test_fault_73_items_are_written_a_batch_per_statement(tmp_path: Path) -> None:
    """6,000 items of mixed shapes (with and without status or people): three INSERTs into
    `standup_item`, not one per item (RETURNING in parameter order went row by row and spliced
    the results quadratically: 20,000 such items took 16.7 s of CPU, 10,000 took 5.6 s)."""
    path = tmp_path / "planning.txt"
    path.write_text(planning_txt(6000), encoding="utf-8")
    statements: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    with Journal(tmp_path / "j.sprintjournal") as journal:
        sprint_id = journal.add_sprint("Gothenburg").id
        event.listen(Engine, "before_cursor_execute", count)
        try:
            lines = import_file(journal, path, sprint_id, None)
        finally:
            event.remove(Engine, "before_cursor_execute", count)
        items = journal.list_standup(sprint_id)
    assert lines[-1].endswith(": 6000 stand-up items (0 to review), 2 people present")
    inserts = [s for s in statements if s.startswith("INSERT INTO standup_item ")]
    assert len(inserts) == 3, len(inserts)
    assert len(items) == 6000
    written = [(i.text, i.status, i.position, [p.name for p in i.people]) for i in items]
    assert written[:2] == [("task 0", "DONE", 0, []), ("task 1", "in progress", 1, ["Ann", "Bob"])]
    assert written[-1] == ("task 5999", None, 5999, ["Ann", "Bob"])


def test_fault_73_items_after_the_first_batch_are_flagged_as_in_one(tmp_path: Path) -> None:
    """A stranger named by 3,000 items is flagged in every one, though the first batch has
    already added them to the journal when the later ones are written."""
    path = tmp_path / "planning.txt"
    path.write_text("today:\n" + "".join(f"  - task {i} (Zed)\n" for i in range(3000)),
                    encoding="utf-8")
    with Journal(tmp_path / "j.sprintjournal") as journal:
        sprint_id = journal.add_sprint("Gothenburg").id
        lines = import_file(journal, path, sprint_id, None)
        items = journal.list_standup(sprint_id)
    assert lines[-1].endswith(": 3000 stand-up items (3000 to review), 0 people present")
    assert {i.review_reason for i in items} == {"Zed added as a new person"}
