"""Startup and responsiveness of the desktop app, against a bare PySide6 window in the same run.

From process start (spawn) to first painted window, median of --runs, side by side:
  (a) bench/bare_window.py: a bare PySide6 window with three list widgets and a text edit;
  (b) SprintJournal on the demo journal;
  (c) SprintJournal on a 20,000-note journal (the document of bench/import_scale.py).
Targets (issue 3): first paint <= 1.3x (a); sprint data shown and editor accepting input
<= 2x (a). Then, in this process on the 20,000-note journal: switching sprint, switching day and
a search (target < 50 ms each), and the event-loop lag while typing (no stall > 50 ms).

    QT_QPA_PLATFORM=offscreen python bench/startup.py [--runs 5]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from import_scale import make_document  # noqa: E402
from scratch import scratch_folder  # noqa: E402

from sprintjournal.demo import open_demo  # noqa: E402
from sprintjournal.exchange.json_io import parse_document  # noqa: E402
from sprintjournal.journal import Journal  # noqa: E402


def build_journals(folder: Path) -> tuple[Path, Path]:
    demo = folder / "demo.sprintjournal"
    open_demo(demo).close()
    scale = folder / "scale.sprintjournal"
    with Journal(scale) as journal:
        journal.import_document(parse_document(json.dumps(make_document()), "bench"))
    return demo, scale


def spawn(args: list[str], home: Path) -> dict[str, float]:
    """Run one process; phase -> seconds since spawn, read from its `wall=` lines."""
    env = {**os.environ, "SPRINTJOURNAL_HOME": str(home)}
    start = time.time()
    out = subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True,
                         check=True, timeout=120, cwd=BENCH.parent).stdout
    phases = {}
    for line in out.splitlines():
        if "wall=" in line:
            name = line.removeprefix("startup ").split("  ")[0].strip()
            wall = float(line.split("wall=")[1].split()[0])
            phases[name] = wall - start
    return phases


Runs = dict[str, list[dict[str, float]]]


def startup_runs(runs: int, demo: Path, scale: Path, home: Path) -> Runs:
    app = ["-m", "sprintjournal_ui.app", "--trace-startup", "--quit-after-startup", "--journal"]
    cases = {"a": [str(BENCH / "bare_window.py")], "b": [*app, str(demo)], "c": [*app, str(scale)]}
    results: Runs = {key: [] for key in cases}
    spawn(cases["a"], home)  # warm the OS file cache once for every case alike
    spawn(cases["b"], home)
    for _ in range(runs):
        for key, args in cases.items():  # interleaved, so drift affects all cases alike
            results[key].append(spawn(args, home))
    return results


def median_of(runs: list[dict[str, float]], phase: str) -> float:
    return statistics.median(run[phase] for run in runs)


def report_startup(results: Runs) -> bool:
    bare = median_of(results["a"], "first paint")
    print(f"(a) bare PySide6 window, first paint:          {bare * 1000:7.0f} ms")
    ok = True
    for key, label in (("b", "demo journal"), ("c", "20,000-note journal")):
        paint = median_of(results[key], "first paint")
        ready = median_of(results[key], "ready for input")
        opened = median_of(results[key], "journal opened")
        filled = median_of(results[key], "all panels filled")
        print(f"({key}) SprintJournal, {label}:")
        print(f"      first paint                  {paint * 1000:6.0f} ms  {paint / bare:4.2f}x (a)"
              "  target <= 1.3x")
        print(f"      notes shown, input accepted  {ready * 1000:6.0f} ms  {ready / bare:4.2f}x (a)"
              "  target <= 2x")
        for what, value in (("journal opened", opened), ("every panel filled", filled)):
            print(f"      {what:<28} {value * 1000:6.0f} ms  {value / bare:4.2f}x (a)")
        ok = ok and paint / bare <= 1.3 and ready / bare <= 2.0
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = scratch_folder("sj-startup-")
    demo, scale = build_journals(folder)
    # As installed (scripts/setup, or pip for a regular install): our modules byte-compiled.
    subprocess.run([sys.executable, "-m", "compileall", "-q", "sprintjournal", "ui"],
                   cwd=BENCH.parent, check=True, capture_output=True)
    print(f"journals built in {folder}; {args.runs} interleaved runs per case, medians\n")
    startup_ok = report_startup(startup_runs(args.runs, demo, scale, folder / "home"))
    from startup_interaction import measure_interaction

    interaction_ok = measure_interaction(scale, folder / "home")
    print("\nstartup targets met" if startup_ok else "\nSTARTUP TARGETS MISSED")
    print("interaction targets met" if interaction_ok else "INTERACTION TARGETS MISSED")
    return 0 if startup_ok and interaction_ok else 1


if __name__ == "__main__":
    sys.exit(main())
