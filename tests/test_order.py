"""A test passes whichever test its worker ran before it.

pytest-xdist hands each worker its own share of the suite, in an order that depends on timing.
CI once crashed a worker: a PDF export test without the `qtbot` fixture was the first Qt test the
worker ran, the export found no application and made a QGuiApplication, and the worker's next
widget aborted the process. The suite run in reverse failed a memory test: a child's
`ru_maxrss` included its worker's earlier peak (see tests/support/peak_memory.py). A shuffled run
failed a stand-up move: the test before it ended on a key with Shift, which the application
still took as held (see `_no_key_held` in tests/ui/conftest.py). Child pytests run each case in
the order that failed."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAIR = [
    "tests/ui/test_report_pdf.py::test_a_heading_is_never_the_last_thing_on_a_page[30]",
    "tests/ui/test_shell.py::test_a_bare_shell_provides_nothing_itself",
]
AFTER_SHIFT = [
    "tests/ui/commands/test_report_marks.py::test_a_marked_paragraph_is_unmarked_by_the_same_key",
    "tests/ui/commands/test_row_order.py::test_stand_up_items_move_within_the_focused_section",
]
MEMORY_TESTS = [
    "tests/sprintjournal/test_photos.py::test_huge_declared_size_is_refused_without_allocating",
    "tests/faults/test_faults_photo_kinds.py::"
    "test_fault_51_a_huge_16_bit_png_is_imported_in_bounded_memory",
]


@pytest.mark.slow
def test_a_widget_test_after_a_pdf_export_that_ran_first() -> None:
    _passes_in_order(PAIR)


@pytest.mark.slow
def test_a_row_selected_after_a_test_that_ended_on_a_shifted_key() -> None:
    _passes_in_order(AFTER_SHIFT)


@pytest.mark.slow
def test_the_memory_tests_after_a_test_that_took_much_memory() -> None:
    _passes_in_order(MEMORY_TESTS, "-p", "memory_hog")


def _passes_in_order(tests: list[str], *options: str) -> None:
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT / "tests/support")}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
         *options, *tests],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert f"{len(tests)} passed" in run.stdout
