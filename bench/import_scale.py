"""Import at scale: 200 sprints, 20,000 notes, 2,000 people.

Prints the import time (target < 3 s on 2 cores) against a baseline measured in the same run:
a bare sqlite3 executemany of the same notes into a table with the same shape (the floor any
ORM-based import can reach). Then the time to open the imported journal and list its sprints
(target < 100 ms once modules are imported).

    python bench/import_scale.py [--keep PATH]
"""

import argparse
import json
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

from scratch import scratch_folder

from sprintjournal.exchange.json_io import parse_document
from sprintjournal.journal import Journal

SPRINTS, NOTES, PEOPLE = 200, 20_000, 2_000
WORDS = "jit branch merge benchmark trace guard loop tuple struct ctypes stm gil win64".split()  # noqa: SIM905


def make_document(seed: int = 7) -> dict[str, object]:
    """A deterministic journal export of the target size."""
    rnd = random.Random(seed)
    people = [{"name": f"Person {i:04d}", "aliases": [f"p{i}"]} for i in range(PEOPLE)]
    sprints = []
    for s in range(SPRINTS):
        year, month = 2000 + s // 12, s % 12 + 1
        names = rnd.sample(range(PEOPLE), 12)
        sprints.append(
            {
                "title": f"Sprint {s:03d}",
                "project": "PyPy",
                "place": rnd.choice(["Gothenburg", "Leysin", "Düsseldorf", "Genova"]),
                "start": f"{year}-{month:02d}-02",
                "end": f"{year}-{month:02d}-09",
                "attendees": [{"person": f"Person {n:04d}"} for n in names],
                "branches": [
                    {"name": f"branch-{b}", "people": [f"p{names[b]}", f"p{names[b + 1]}"]}
                    for b in range(4)
                ],
                "notes": [
                    {
                        "day": f"{year}-{month:02d}-{3 + n % 6:02d}",
                        "text": " ".join(rnd.choices(WORDS, k=40)),
                    }
                    for n in range(NOTES // SPRINTS)
                ],
            }
        )
    return {"format": "sprintjournal", "version": 1, "people": people, "sprints": sprints}


def baseline(doc: dict[str, object], folder: Path) -> float:
    """Raw sqlite3 executemany of the notes alone, same pragmas: the floor."""
    conn = sqlite3.connect(folder / "baseline.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(
        "CREATE TABLE note "
        "(id INTEGER PRIMARY KEY, sprint_id INT, day TEXT, text TEXT, sha256 TEXT)"
    )
    rows = [
        (s, n["day"], n["text"], "")
        for s, sprint in enumerate(doc["sprints"])  # type: ignore[arg-type]
        for n in sprint["notes"]
    ]
    start = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO note (sprint_id, day, text, sha256) VALUES (?, ?, ?, ?)", rows)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def timed_import(text: str, path: Path) -> tuple[float, float]:
    """(validation seconds, import seconds) into a fresh journal."""
    start = time.perf_counter()
    doc = parse_document(text, "bench")
    validated = time.perf_counter()
    with Journal(path) as journal:
        journal.import_document(doc)
    return validated - start, time.perf_counter() - validated


def open_and_list(path: Path, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        with Journal(path) as journal:
            journal.list_sprints()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="also write the imported journal here")
    args = parser.parse_args()
    folder = scratch_folder("sj-bench-")
    doc = make_document()
    text = json.dumps(doc)
    floor = baseline(doc, folder)
    target = args.keep or folder / "scale.sprintjournal"
    target.unlink(missing_ok=True)
    validate, imported = timed_import(text, target)
    listing = open_and_list(target)
    print(f"document: {SPRINTS} sprints, {NOTES} notes, {PEOPLE} people, {len(text) / 1e6:.1f} MB")
    print(f"baseline sqlite3 executemany of the notes: {floor * 1000:8.1f} ms")
    print(f"validate (pydantic):                       {validate * 1000:8.1f} ms")
    print(f"import into the journal:                   {imported * 1000:8.1f} ms")
    total = validate + imported
    print(f"validate + import:                         {total * 1000:8.1f} ms  (target < 3000)")
    print(f"ratio import / baseline:                   {imported / floor:8.1f}x")
    print(f"open + list sprints (median of 7):         {listing * 1000:8.1f} ms  (target < 100)")
    ok = total < 3.0 and listing < 0.1
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
