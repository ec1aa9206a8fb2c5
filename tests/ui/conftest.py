"""The GUI tests' fixtures, all of them: a store over a real journal file, an undo stack, and two
small Gothenburg sprints — `gothenburg` (the shell's: a note, ids in a `Gothenburg`) and
`panel_sprint` (the data panels': hosts, a newcomer, a flagged row; see
tests/support/factories.py).

Both are built through the Journal API (the same calls the app makes), so the tests run on real
SQLite data without depending on the demo module. Also `app` (the application, put back after a
theme test) and `trace_phases` (the app run in a fresh process through its start-up). Every GUI
test gets the application first (`_one_application`), with no modifier key held
(`_no_key_held`), and its garbage is collected when it ends (`_collected_at_its_end`).
"""

import gc
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from factories import build_gothenburg
from locations import ROOT
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QPalette, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from shell_data import Gothenburg
from sprintjournal_ui import theme
from sprintjournal_ui.store import JournalStore

from sprintjournal.journal import Journal


@pytest.fixture(autouse=True)
def _one_application(qapp: QApplication) -> QApplication:
    """Every GUI test runs under the QApplication the app runs under, whichever test its worker
    ran first. Code that finds no application makes a QGuiApplication of its own (the PDF export,
    for the command line); made first in a worker, that one stayed, and the worker's next widget
    aborted the process (a crashed CI run: tests/test_order.py)."""
    return qapp


@pytest.fixture(autouse=True)
def _collected_at_its_end() -> Iterator[None]:
    """A GUI test's garbage is collected when it ends, after its widgets are closed.

    Its Python-owned Qt objects in reference cycles (an undo stack and the panel that holds it)
    were otherwise collected whenever a later test in the worker allocated enough: a shuffled
    run crashed twice in core tests, in `QUndoStack::clear()` called by the collector from the
    stack's destructor, long after the objects its commands point at had gone."""
    yield
    gc.collect()


@pytest.fixture(autouse=True)
def _no_key_held(_one_application: QApplication) -> None:
    """Every GUI test starts with no modifier key held, whichever test its worker ran before.

    The application takes the modifiers of the last key event it was sent as those held, and
    QTest's last event of a click with a modifier (that modifier's own release) carries it: after
    a test that ended on Ctrl+Shift+E, Shift stayed held for the worker's next test, whose
    `selectRow` in an extended-selection table then extended from no anchor and selected
    nothing (a shuffled run; tests/test_order.py). A key release with none clears it."""
    if QApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        QTest.keyRelease(QWidget(), Qt.Key.Key_Shift)
    assert QApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier


@pytest.fixture
def store(journal: Journal) -> Iterator[JournalStore]:
    """A store over the test's journal; waits for background jobs before the journal closes."""
    yield JournalStore(journal)
    QThreadPool.globalInstance().waitForDone(10_000)


@pytest.fixture
def undo_stack(qapp: object) -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def panel_sprint(journal: Journal) -> int:
    """The data panels' sprint (hosts, a newcomer, a row to review, four branches): its id."""
    return build_gothenburg(journal)


@pytest.fixture
def gothenburg(journal: Journal) -> Gothenburg:
    """PyPy's Gothenburg sprint, 2-8 November 2011, with a few people, branches and a note."""
    sprint = journal.add_sprint(
        "Gothenburg 2011", project="PyPy", place="Gothenburg", venue="Laura and Jacob's",
        start=date(2011, 11, 2), end=date(2011, 11, 8),
    ).id
    armin = journal.add_attendee(sprint, "Armin Rigo").id
    antonio = journal.add_attendee(sprint, "Antonio Cuni").id
    journal.add_attendee(sprint, "Mark Pearse", newcomer=True)
    journal.add_attendee(sprint, "Håkan Ardö")
    branch = journal.add_branch(sprint, "ffistruct", ["Antonio Cuni"],
                                goal="field access 400 times faster than ctypes").id
    journal.add_branch(sprint, "jit-targets", ["Håkan Ardö"])
    note = journal.add_note(sprint, date(2011, 11, 3), "# Thursday\n\n@Armin explained STM.").id
    attendees = {a.id: a.person.id for a in journal.list_attendees(sprint)}
    return Gothenburg(sprint, attendees[armin], attendees[antonio], branch, note)


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The application, its style, palette and followed scheme put back afterwards (the theme
    tests change them application-wide)."""
    style, palette, following = qapp.style().name(), QPalette(qapp.palette()), theme._following[0]
    yield qapp
    theme._following[0] = following
    qapp.setStyle(style)
    qapp.setPalette(palette)


TracePhases = Callable[..., dict[str, str]]


@pytest.fixture
def trace_phases() -> TracePhases:
    """Runs the app in a fresh process on `journal` with `home` as its home folder, through its
    start-up and out (`--trace-startup --quit-after-startup`); returns each phase's trace line
    by the phase's first word. `platform` is the Qt platform (offscreen by default)."""

    def run(journal: Path, home: Path, platform: str = "offscreen") -> dict[str, str]:
        env = {**os.environ, "QT_QPA_PLATFORM": platform, "SPRINTJOURNAL_HOME": str(home)}
        result = subprocess.run(
            [sys.executable, "-m", "sprintjournal_ui.app", "--journal", str(journal),
             "--trace-startup", "--quit-after-startup"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True)
        assert "Traceback" not in result.stderr
        return {line.split()[1]: line for line in result.stdout.splitlines()
                if line.startswith("startup ")}

    return run


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The offscreen platform warns that it cannot raise windows, grab the keyboard or pass size
    hints to a window manager; those are limits of the test platform, not faults of the app, so
    only those exact messages are ignored (every other Qt warning still fails the test)."""
    for item in items:
        if "tests/ui" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(r"^This plugin does not support "))
