"""launcher, the `sprintjournal` entry point: a verb runs the core's command line without loading
Qt, `export --format pdf` gets the Qt PDF writer, and no verb starts the app."""

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from locations import ROOT
from pytestqt.qtbot import QtBot
from sprintjournal_ui import launcher

from sprintjournal.journal import Journal


@pytest.fixture
def demo_path(journal_path: Path) -> Path:
    """A closed journal with two sprints, for the command line to open itself."""
    with Journal(journal_path) as journal:
        journal.add_sprint("Gothenburg 2011", project="PyPy", place="Gothenburg",
                           start=date(2011, 11, 2), end=date(2011, 11, 8))
        journal.add_sprint("Leysin 2011", project="PyPy", place="Leysin",
                           start=date(2011, 1, 16), end=date(2011, 1, 22))
    return journal_path


def test_the_entry_point_runs_verbs_without_starting_qt(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert launcher.main(["--journal", str(demo_path), "sprints"]) == 0
    out = capsys.readouterr().out
    assert len(out.splitlines()) == 2 and "Gothenburg 2011" in out and "Leysin 2011" in out


def test_a_verb_loads_no_qt_module(demo_path: Path, tmp_path: Path) -> None:
    code = ("import sys; from sprintjournal_ui import launcher; "
            f"code = launcher.main(['--journal', {str(demo_path)!r}, 'sprints']); "
            "print(sorted(m for m in sys.modules if m.startswith('PySide6'))); sys.exit(code)")
    env = {**os.environ, "SPRINTJOURNAL_HOME": str(tmp_path / "home")}
    env.pop("QT_QPA_PLATFORM", None)
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    *listing, loaded = run.stdout.splitlines()
    assert len(listing) == 2 and loaded == "[]"


def test_export_as_pdf_uses_the_qt_writer(qtbot: QtBot, demo_path: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert launcher.main(["--journal", str(demo_path), "export", "--format", "pdf",
                          "--sprint", "Gothenburg 2011", "--out", str(out)]) == 0
    [written] = capsys.readouterr().out.splitlines()
    pdf = Path(written)
    assert pdf.parent == out and pdf.suffix == ".pdf"
    assert pdf.read_bytes().startswith(b"%PDF-")


def test_no_verb_starts_the_app(qtbot: QtBot, journal_path: Path) -> None:
    assert not journal_path.exists()
    assert launcher.main(["--journal", str(journal_path), "--quit-after-startup"]) == 0
    with Journal(journal_path) as created:  # the app made it, and let go of it
        assert created.list_sprints() == []
