"""planning.txt at scale: one day's stand-up notes of 100,000 items (3.3 MB).

The file is imported by the command line (`sprintjournal import`) in a fresh process into a
journal holding its sprint; the bench prints the process's peak resident memory beside a bare
process's (Python with the same modules imported, nothing done), and CPU time beside wall time
(on a shared machine the wall clock measures the neighbours too). Target: a peak under 300 MB
(issue 11 item 12). Before FAULTS 73 the 100,000 items were still being written after 4 minutes
of CPU at 326 MB (20,000: 16.7 s of CPU, 138 MB); after, 20 s of CPU and 93 MB. Exits 1 when the
target is missed or the import fails.

    .venv/bin/python bench/planning_scale.py [--items 100000] [--keep DIR]
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from people_scale import CHILD

from sprintjournal.journal import Journal

TARGET_MB = 300.0
PEOPLE = ["Armin", "Anto", "Hakan", "Christian", "Mark", "Sam Lade", "Maciej", "Alex"]
STATUSES = ["DONE", "(in progress)", "TO BE MERGED", "", ""]


def planning_file(path: Path, count: int) -> Path:
    """A planning.txt as PyPy writes them, with `count` items: prose under "done so far", then
    groups of nested bullets under "today", each with its people and maybe a status."""
    lines = ["people present:", *(f"    {name}" for name in PEOPLE), "", "done so far:", ""]
    prose = count // 10
    for i in range(prose):
        lines += [f"    {PEOPLE[i % 8]} worked on item {i}, and", "    more of it", ""]
    lines += ["today:", ""]
    for i in range(count - prose):
        if i % 10 == 0:
            lines.append(f" - topic {i // 10}")
        people = f"({PEOPLE[i % 8]}, {PEOPLE[(i + 3) % 8]})" if i % 3 else ""
        lines.append(f"   - task {i} {people} {STATUSES[i % 5]}".rstrip())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_child(source: str, journal: Path) -> tuple[float, float, float, int, list[str]]:
    """(seconds, CPU seconds, peak MB, exit code, output lines) of one import in a fresh
    process."""
    done = subprocess.run([sys.executable, "-c", CHILD, source, str(journal)],
                          capture_output=True, text=True, check=False)
    seconds, cpu, peak, code = done.stderr.strip().splitlines()[-1].split()
    return float(seconds), float(cpu), float(peak), int(code), done.stdout.strip().splitlines()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="build in this folder and leave it there")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="sprintjournal-planning-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        return measure(work, args.items)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


def measure(work: Path, items: int) -> int:
    path = planning_file(work / "planning.txt", items)
    print(f"planning.txt of {items:,} items: {path.stat().st_size / 1e6:.1f} MB")
    _s, _cpu, bare, _code, _out = run_child("bare", work / "bare.sprintjournal")
    print(f"bare process (modules imported): peak {bare:4.0f} MB")
    journal_path = work / "journal.sprintjournal"
    journal_path.unlink(missing_ok=True)
    with Journal(journal_path) as journal:
        journal.add_sprint("Gothenburg sprint")
    started = time.perf_counter()
    seconds, cpu, peak, code, out = run_child(str(path), journal_path)
    ok = code == 0 and peak < TARGET_MB
    print(f"import {items:,} items: {seconds:6.1f} s ({cpu:5.1f} s CPU), peak {peak:4.0f} MB "
          f"({peak - bare:+4.0f} MB over the bare process; target < {TARGET_MB:.0f}), exit {code}")
    print(f"  last line: {out[-1:]} ({time.perf_counter() - started:.1f} s in all)")
    print("target met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
