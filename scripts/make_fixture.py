"""Write tests/fixtures/journal-vN.sprintjournal: a small, populated journal of the latest version.

Every released schema version keeps such a fixture, so the tests can migrate a real old file
to the latest version and compare its content item by item. Run it once, when a new schema
version lands; it refuses to overwrite a committed fixture (the old ones are history, written
by the code of their time). The tests never regenerate it.

    .venv/bin/python scripts/make_fixture.py [OUT]
"""

import shutil
import sqlite3
import sys
from datetime import date
from pathlib import Path

from sprintjournal import db
from sprintjournal.demo import demo_text
from sprintjournal.demo_cake import make_demo_cake
from sprintjournal.exchange.json_io import parse_document
from sprintjournal.journal import Journal

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
TRICKY = (
    "Håkan Ardö (combining: Ha\u030akan Ardo\u0308) on jit-targets 🎯\r\n"
    "עברית: מימין לשמאל, and back\r\n"
    "Cake: 5× faster than CPython 🎂👩‍💻"
)


def populate(journal: Journal) -> None:
    """The demo sprints plus what the demo lacks: note history, odd text, a photo, a report."""
    _change, summary = journal.import_document(parse_document(demo_text(), "demo"))
    november = summary.sprint_ids[-1]
    note_id = journal.add_note(november, date(2011, 11, 6), "first draft").ids[0]
    journal.set_note_text(note_id, TRICKY)  # keeps "first draft" as a version
    journal.add_photo(
        november,
        make_demo_cake(240, 180),
        "cake.jpg",
        caption="5× faster than CPython",
        day=date(2011, 11, 6),
        people=["Laura Creighton"],
    )
    journal.save_report(november, title="PyPy Gothenburg sprint report", text="# Report\n\n🎂")


def main() -> int:
    version = db.latest_version()
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else FIXTURES / f"journal-v{version}.sprintjournal"
    if out.exists():
        print(f"{out} exists: a committed fixture is history and is never rewritten")
        return 1
    backups_existed = (out.parent / "backups").exists()
    with Journal(out) as journal:
        populate(journal)
    conn = sqlite3.connect(out, isolation_level=None)
    # Small pages keep the committed binary small (a journal is mostly empty tables).
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("PRAGMA page_size=1024")
    conn.execute("VACUUM")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    if not backups_existed:  # the migration's backup and its photo store were made for nothing
        shutil.rmtree(out.parent / "backups", ignore_errors=True)
    for leftover in (out.parent / "backups", out.with_name(out.name + ".lock")):
        if leftover.is_dir():
            for path in leftover.glob(f"{out.stem}-*"):
                path.unlink()
            if not any(leftover.iterdir()):
                leftover.rmdir()
        else:
            leftover.unlink(missing_ok=True)
    print(f"{out}: {out.stat().st_size} bytes, schema version {version}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
