"""people.txt at scale: 200,000 attendees, and a file of 600,000 rows that are all wrong.

Each file is imported by the command line (`sprintjournal import`) in a fresh process into a
new journal; the bench prints the time and the process's peak resident memory beside a bare
process's (Python with the same modules imported, nothing done), and CPU time beside wall time (on
a shared machine the wall clock measures the neighbours too). Targets: a peak under 300 MB for
each file (issue 11 item 12; measured before: 1.4 GB for each on a loaded machine, and 814 MB
and 294 MB on a quiet one), and the 200,000 people imported in under 60 s of CPU (it took 183 s
on a quiet machine). Exits 1 when a target is missed.

    .venv/bin/python bench/people_scale.py [--people 200000] [--errors 600000] [--keep DIR]
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from peak_memory import PEAK_MB

TARGET_MB = 300.0
TARGET_CPU_SECONDS = 60.0  # for 200,000 people; it took 183 s on a quiet machine
DIETS = ["vegan", "vegetarian", "no peppers", "", "?"]
HOTELS = ["Hotel Eggers", "?", "lives there", "Ermina's", "hostel"]

CHILD = """
import resource, sys, time
""" + PEAK_MB + """
from sprintjournal import cli
from sprintjournal.exchange import textfiles
def cpu_seconds():
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime
started, cpu = time.perf_counter(), cpu_seconds()
code = 0 if sys.argv[1] == "bare" else cli.main(["--journal", sys.argv[2], "import", sys.argv[1]])
print(f"{time.perf_counter() - started} {cpu_seconds() - cpu} {peak_mb()} {code}", file=sys.stderr)
"""


def people_file(path: Path, count: int) -> Path:
    """A people.txt as PyPy writes them, `count` attendees long (names with accents)."""
    border = "=" * 28 + " " + "=" * 16 + " " + "=" * 16 + " " + "=" * 12
    lines = ["People coming to the Gothenburg sprint Nov 2nd - 9th, 2011",
             "=" * 59, "", "People with a ``?`` are known to be coming.", "",
             border, f"{'Name':28} {'Arrive/Depart':16} {'Accomodation':16} Food", border]
    for i in range(count):
        name = f"Pérson Number {i:07d}"
        dates = f"{2 + i % 3}/11 - {7 + i % 3}/11"
        lines.append(f"{name:28} {dates:16} {HOTELS[i % 5]:16} {DIETS[i % 5]}".rstrip())
    lines += [border, ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def errors_file(path: Path, count: int) -> Path:
    """A table whose every row lacks a name: each is a problem to report, none an attendee."""
    border = "=" * 13 + " " + "=" * 4 + " " + "=" * 5
    lines = ["People coming to the Gothenburg sprint Nov 2nd - 9th, 2011", "=" * 59, "",
             border, "Arrive/Depart Name Food", border]
    lines += [f"{2 + i % 3}/11 - {7 + i % 3}/11{'':8}{DIETS[i % 2]}" for i in range(count)]
    lines += [border, ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def run_child(source: str, journal: Path) -> tuple[float, float, float, int, str]:
    """(seconds, CPU seconds, peak MB, exit code, a word on the output) of one import in a
    fresh process. CPU time is what the target is about: on a shared machine the wall clock
    mostly measures the neighbours."""
    done = subprocess.run([sys.executable, "-c", CHILD, source, str(journal)],
                          capture_output=True, text=True, check=False)
    seconds, cpu, peak, code = done.stderr.strip().splitlines()[-1].split()
    lines = done.stdout.strip().splitlines()
    return (float(seconds), float(cpu), float(peak), int(code),
            f"{len(lines)} lines; last: {lines[-1:]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=200_000)
    parser.add_argument("--errors", type=int, default=600_000)
    parser.add_argument("--keep", type=Path, help="build in this folder and leave it there")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="sprintjournal-people-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        return measure(work, args.people, args.errors)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


def measure(work: Path, people: int, errors: int) -> int:
    started = time.perf_counter()
    files = {f"{people:,} people": people_file(work / "people.txt", people),
             f"{errors:,} nameless rows": errors_file(work / "errors" / "people.txt", errors)}
    sizes = ", ".join(f"{what} ({f.stat().st_size / 1e6:.1f} MB)" for what, f in files.items())
    print(f"files written in {time.perf_counter() - started:.1f} s: {sizes}")
    _s, _cpu, bare, _code, _out = run_child("bare", work / "bare.sprintjournal")
    print(f"bare process (modules imported): peak {bare:4.0f} MB")
    ok = True
    for number, (what, path) in enumerate(files.items()):
        journal = work / f"journal-{number}.sprintjournal"
        seconds, cpu, peak, code, out = run_child(str(path), journal)
        print(f"import {what:22} {seconds:6.1f} s ({cpu:5.1f} s CPU), peak {peak:4.0f} MB "
              f"({peak - bare:+4.0f} MB over the bare process; target < {TARGET_MB:.0f}), "
              f"exit {code}; output {out[:120]}")
        ok = ok and code == 0 and peak < TARGET_MB
        if number == 0 and people >= 200_000:
            ok = ok and cpu < TARGET_CPU_SECONDS
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
