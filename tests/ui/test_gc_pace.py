"""Start-up's collector pace: young collections rarer from the entry point, before Qt is
imported, until `settle` ends start-up (or `release` ends the app)."""

import gc
import subprocess
import sys
from collections.abc import Iterator

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
