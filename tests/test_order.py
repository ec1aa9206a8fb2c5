"""A GUI test passes whichever test its worker ran before it.

pytest-xdist hands each worker its own share of the suite, in an order that depends on timing.
CI once crashed a worker: a PDF export test without the `qtbot` fixture was the first Qt test the
worker ran, the export found no application and made a QGuiApplication, and the worker's next
widget aborted the process. A child pytest runs that pair in that order."""

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


@pytest.mark.slow
def test_a_widget_test_after_a_pdf_export_that_ran_first() -> None:
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", *PAIR],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "2 passed" in run.stdout
