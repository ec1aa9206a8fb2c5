"""Switching, search and typing lag at 20,000 notes and 200 sprints, over fresh processes.

Each figure includes the events Qt processes right after the action (layout and paint of the
offscreen window), since that is what the user waits for. Run as a script, it measures in
--processes fresh processes (the first search or switch of a process pays for cold caches, so
one warm process flatters) and prints, per figure, the median, the worst sample and how many
processes had a sample over the target. Targets (issue 12): every sample of switch sprint,
switch day, opening search (Ctrl+F, the Search dock's first showing: one sample per process),
search (this sprint, all sprints) < 50 ms; no typing stall > 30 ms, also at the end
of a 2 MB note. Exits 1 when a target is missed. With --before REV, as many processes of that
earlier revision run interleaved with these, and their figures are printed beside.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/startup_interaction.py [--processes 10]
        [--journal PATH]   (default: builds the journal of bench/import_scale.py)
        [--before main]
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the children inherit it; no display needed

from PySide6.QtCore import QElapsedTimer, QEventLoop, QObject, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sprintjournal_ui.app import make_application
from sprintjournal_ui.main_window import MainWindow
from sprintjournal_ui.store import JournalStore

from sprintjournal.journal import Journal

TICK_MS = 5
TARGET_MS = 50.0
STALL_TARGET_MS = 30.0
Samples = dict[str, list[float]]


class LagProbe(QObject):
    """A 5 ms timer recording how late each tick fires: the GUI thread's stalls. `cpu` holds
    the GUI thread's CPU ms in each late interval: the work the stall is made of, which a
    loaded machine disturbs least (the rest of a stall waits for a core, or for the GIL)."""

    def __init__(self) -> None:
        super().__init__()
        self.lags: list[float] = []
        self.cpu: list[float] = []
        self._clock = QElapsedTimer()
        self._last = 0
        self._last_cpu = 0.0
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.lags.clear()
        self.cpu.clear()
        self._clock.start()
        self._last = 0
        self._timer.start(TICK_MS)

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now, cpu = self._clock.nsecsElapsed(), time.thread_time()
        if self._last:
            self.lags.append(max(0.0, (now - self._last) / 1e6 - TICK_MS))
            self.cpu.append((cpu - self._last_cpu) * 1000)
        self._last, self._last_cpu = now, cpu


_CPU: list[float] = []


def timed(app: QApplication, action: Callable[[], object]) -> float:
    """Wall ms of the action and the events it posts; the GUI thread's CPU ms go to `_CPU`
    (what a loaded machine disturbs least: the wall time adds the wait for a core)."""
    start, cpu = time.perf_counter(), time.thread_time()
    action()
    app.processEvents()
    _CPU.append((time.thread_time() - cpu) * 1000)
    return (time.perf_counter() - start) * 1000


def summary(label: str, times: list[float], target: float = TARGET_MS) -> bool:
    print(f"  {label:<34} median {statistics.median(times):6.1f} ms   max {max(times):6.1f} ms"
          f"   (n={len(times)}, target < {target:.0f})")
    return max(times) < target


def type_in_bursts(app: QApplication, window: MainWindow, bursts: int = 3,
                   chars: int = 60, gap_ms: int = 30, pause_ms: int = 1300) -> None:
    """A fast typist: bursts of keys 30 ms apart, with pauses long enough for autosave."""
    notes = window.notes
    assert notes is not None
    notes.editor.setFocus()
    notes.editor.moveCursor(QTextCursor.MoveOperation.End)
    schedule = []
    at = 0
    for _ in range(bursts):
        for n in range(chars):
            schedule.append((at, "pypy jit "[n % 9]))
            at += gap_ms
        at += pause_ms
    loop = QEventLoop()
    for when, key in schedule:
        QTimer.singleShot(when, lambda k=key: QTest.keyClicks(notes.editor, k))
    QTimer.singleShot(at, loop.quit)
    loop.exec()


def probe_typing(app: QApplication, window: MainWindow) -> tuple[list[float], list[float]]:
    """The event loop's stalls while typing (each late tick of a 5 ms timer), and the GUI
    thread's CPU ms in each."""
    probe = LagProbe()
    probe.start()
    type_in_bursts(app, window)
    probe.stop()
    return probe.lags, probe.cpu


def idle_floor(app: QApplication) -> list[float]:
    probe = LagProbe()
    probe.start()
    loop = QEventLoop()
    QTimer.singleShot(1000, loop.quit)
    loop.exec()
    probe.stop()
    return probe.lags


ACTIONS = ("switch sprint", "switch day", "open search (Ctrl+F)", "search (this sprint)",
           "search (all 200 sprints)")
"""In the order `collect` times them (their CPU samples are taken in that order)."""
FIGURES = {"switch sprint": TARGET_MS, "switch day": TARGET_MS,
           "open search (Ctrl+F)": TARGET_MS,
           "search (this sprint)": TARGET_MS, "search (all 200 sprints)": TARGET_MS,
           "typing stall, a day's note": STALL_TARGET_MS,
           "typing stall, end of a 2 MB note": STALL_TARGET_MS,
           "idle stall (the probe alone)": STALL_TARGET_MS}


def collect(scale: Path, home: Path) -> Samples:
    """Every sample of every figure, in this process, set up as the app is (start-up's objects
    frozen once the journal is shown: ui/gc_policy.py)."""
    os.environ["SPRINTJOURNAL_HOME"] = str(home)
    try:
        from sprintjournal_ui import gc_policy
    except ImportError:  # an earlier revision (--before) has none
        gc_policy = None  # type: ignore[assignment]
    app = make_application([], "light")
    window = MainWindow(autosave_ms=1000)
    window.resize(1280, 800)
    window.show()
    journal = Journal(scale)
    window.attach(JournalStore(journal))
    app.processEvents()
    if gc_policy is not None:
        gc_policy.settle()
    samples: Samples = {}
    sprints = journal.list_sprints()
    samples["switch sprint"] = [timed(app, partial(window.select_sprint, s.id))
                                for s in sprints[1:21]]
    sprint = window.sprint
    assert sprint is not None
    samples["switch day"] = [timed(app, partial(window.select_day, d))
                             for d in [*sprint.days(), *sprint.days()]]
    # Ctrl+F shows the Search dock (made on first use: ui/panel_set.py): its own figure, so
    # the first search is timed as a search, not as the dock appearing.
    samples["open search (Ctrl+F)"] = [timed(app, window.focus_search)]
    searches = []
    for word in ("jit", "trace guard", "struct", "Person 01", "stm", "ctypes", "loop", "gil"):
        window.search.field.setText(word)
        searches.append(timed(app, window.search.run_search))
    samples["search (this sprint)"] = searches
    window.search.all_sprints.setChecked(True)
    searches = []
    for word in ("jit", "trace guard", "struct", "Person 01"):
        window.search.field.setText(word)
        searches.append(timed(app, window.search.run_search))
    samples["search (all 200 sprints)"] = searches
    cpu = iter(_CPU)
    for figure in ACTIONS:
        samples["CPU " + figure] = [next(cpu) for _ in samples[figure]]
    samples["idle stall (the probe alone)"] = idle_floor(app)
    window.select_day(sprint.days()[1])
    for figure, big in (("typing stall, a day's note", False),
                        ("typing stall, end of a 2 MB note", True)):
        if big:
            assert window.notes is not None
            window.notes.editor.setPlainText(
                "".join(f"log line {n} " * 8 + "\n" for n in range(20_000)))
            window.notes.flush()
        samples[figure], samples["CPU " + figure] = probe_typing(app, window)
    window.close_for_good()
    journal.close()
    if gc_policy is not None:
        gc_policy.release()
    return samples


def measure_interaction(scale: Path, home: Path) -> bool:
    """One process's figures, printed (bench/startup.py); True when every target is met."""
    samples = collect(scale, home)
    print("\nat 20,000 notes (200 sprints), in process:")
    met = [summary(figure, samples[figure], target) for figure, target in FIGURES.items()
           if not figure.startswith("idle")]  # every figure printed, then judged
    return all(met)


def over_processes(processes: list[Samples], label: str = "") -> bool:
    print(f"{label}{'figure':<34} {'median':>7} {'worst':>7}  processes with a sample over target")
    ok = True
    for figure, target in FIGURES.items():
        every = [t for run in processes for t in run[figure]]
        worsts = [max(run[figure]) for run in processes]
        over = sum(w >= target for w in worsts)
        verdict = "" if figure.startswith("idle") else ("ok" if over == 0 else "MISSED")
        print(f"{figure:<34} {statistics.median(every):7.1f} {max(every):7.1f}  "
              f"{over} of {len(processes)} (target < {target:.0f} ms; worst per process: "
              f"{', '.join(f'{w:.0f}' for w in worsts)})  {verdict}")
        ok = ok and (figure.startswith("idle") or over == 0)
    for figure in FIGURES:  # the same samples as GUI-thread CPU time, for comparisons
        every = [t for run in processes for t in run.get("CPU " + figure, [])]
        if every:
            print(f"{'CPU ' + figure:<34} {statistics.median(every):7.1f} {max(every):7.1f}")
    return ok


def child(journal: Path, tree: Path | None) -> Samples:
    """One fresh process of this revision (or of the `--before` tree), on a fresh copy of the
    journal: a process types into a note and saves the 2 MB text, which the next one must not
    find as its "day's note"."""
    env, cwd = dict(os.environ), Path(__file__).resolve().parents[1]
    if tree is not None:
        from before_tree import before_env

        env, cwd = before_env(tree, env), tree
    with tempfile.TemporaryDirectory(prefix="sj-interaction-run-") as folder:
        copy = Path(folder) / journal.name
        shutil.copyfile(journal, copy)
        out = subprocess.run([sys.executable, __file__, "--one", str(copy)], check=True,
                             env=env, cwd=cwd, capture_output=True, text=True,
                             timeout=600).stdout
    return json.loads(out.splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--processes", type=int, default=10)
    parser.add_argument("--journal", type=Path)
    parser.add_argument("--before", metavar="REV", help="also run this git revision, interleaved")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # a child: JSON to stdout
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from scratch import remove_at_exit, scratch_folder

    folder = scratch_folder("sj-interaction-")
    if args.one:
        print(json.dumps(collect(args.one, folder / "home")))
        return 0
    journal = args.journal
    if journal is None:
        from import_scale import make_document

        from sprintjournal.exchange.json_io import parse_document

        journal = folder / "scale.sprintjournal"
        with Journal(journal) as building:
            building.import_document(parse_document(json.dumps(make_document()), "bench"))
    print(f"{journal}: {args.processes} fresh processes\n")
    tree = None
    if args.before:
        from before_tree import before_tree

        tree = remove_at_exit(before_tree(args.before))
    runs, before = [], []
    for _ in range(args.processes):
        runs.append(child(journal, None))
        if tree is not None:
            before.append(child(journal, tree))
    if before:
        over_processes(before, f"before ({args.before})\n")
        print()
    ok = over_processes(runs, "this revision\n" if before else "")
    print("\ntargets met" if ok else "\nTARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
