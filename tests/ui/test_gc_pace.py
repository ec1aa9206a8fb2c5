"""Start-up's collector pace: young collections rarer from the entry point, before Qt is
imported, until `settle` ends start-up (or `release` ends the app)."""

import gc
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sprintjournal_ui.gc_pace import STARTUP_THRESHOLDS, collect_less, usual_pace
from sprintjournal_ui.gc_policy import release, settle


@pytest.fixture
def usual() -> Iterator[tuple[int, int, int]]:
    """Python's thresholds as this test process has them; put back whatever a test does."""
    before = gc.get_threshold()
    release()
    yield before
    release()
    gc.set_threshold(*before)


def test_start_up_collects_less_often_then_settles_back(usual: tuple[int, int, int]) -> None:
    collect_less()
    assert gc.get_threshold() == STARTUP_THRESHOLDS
    assert STARTUP_THRESHOLDS[0] > usual[0]
    collect_less()  # a second call changes nothing
    settle()
    assert gc.get_threshold() == usual
    assert usual_pace() is False  # nothing left to put back


def test_settle_collects_start_ups_young_garbage_before_freezing(
        usual: tuple[int, int, int]) -> None:
    """Garbage cycles made during start-up would be frozen with what it made, and collected
    (if ever) in some later, unrelated state."""
    collect_less()
    gc.collect()
    for _ in range(500):
        cycle: list[object] = []
        cycle.append(cycle)
    del cycle
    assert gc.get_count()[0] >= 500  # under start-up's threshold: nothing collected them yet
    collected: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "stop":
            collected.append(info["collected"])

    gc.callbacks.append(note)
    try:
        settle()
    finally:
        gc.callbacks.remove(note)
    assert sum(collected) >= 500


def test_a_settled_start_up_is_not_collected_again(usual: tuple[int, int, int]) -> None:
    settle()  # no start-up pace was on: nothing to collect, nothing to put back
    assert gc.get_threshold() == usual


def test_release_puts_the_usual_pace_back(usual: tuple[int, int, int]) -> None:
    collect_less()
    release()  # start-up cut short: the app quit (or failed) before it was done
    assert gc.get_threshold() == usual


def test_the_desktop_command_sets_the_pace_before_qt_is_imported() -> None:
    """`sprintjournal-gui` runs `launcher.gui`: the pace is on when PySide6 is first imported
    (here `--help` ends the app before its window)."""
    probe = (
        "import gc, sys\n"
        "seen = []\n"
        "class Watch:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'PySide6' and not seen:\n"
        "            seen.append(gc.get_threshold())\n"
        "sys.meta_path.insert(0, Watch())\n"
        "from sprintjournal_ui import launcher\n"
        "sys.argv = ['sprintjournal-gui', '--help']\n"
        "try:\n"
        "    launcher.gui()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(seen)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=120, check=True)
    assert done.stdout.splitlines()[-1] == str([STARTUP_THRESHOLDS])


COLLECTIONS_TO_THE_NOTES = """
import gc, os, sys
paced = []  # collections once the desktop command has set start-up's pace
gc.callbacks.append(lambda phase, info: phase == "start" and gc.get_threshold()[0] > 700
                    and paced.append(info))
from sprintjournal_ui import launcher, startup_trace
mark = startup_trace.StartupTrace.mark

def mark_then_report(trace, phase):
    mark(trace, phase)
    if phase == "ready for input":
        print(len(paced), gc.get_count()[0], flush=True)
        os._exit(0)

startup_trace.StartupTrace.mark = mark_then_report
sys.argv = ["sprintjournal-gui", "--journal", sys.argv[1], "--quit-after-startup"]
launcher.gui()
"""


def test_no_collection_runs_before_the_notes_are_shown(tmp_path: Path) -> None:
    """The desktop command on the demo journal: its notes are shown before start-up's first
    young collection is due, with room to spare for a larger journal's first screen."""
    from sprintjournal.demo import open_demo

    journal = tmp_path / "demo.sprintjournal"
    open_demo(journal).close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SPRINTJOURNAL_HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-c", COLLECTIONS_TO_THE_NOTES, str(journal)],
                          env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          check=True)
    collections, young = map(int, done.stdout.split()[-2:])
    assert collections == 0
    assert young < STARTUP_THRESHOLDS[0] * 0.85, young
