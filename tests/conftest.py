"""Shared fixtures. Qt runs offscreen; every test gets its own data directory and journal file."""

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from sprintjournal.journal import Journal

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _private_home() -> Path:
    """Point HOME and the XDG folders at a throw-away folder before anything reads them.

    Qt keeps its own settings (the file dialogs' history in QtProject.conf) under the real
    ~/.config whatever SPRINTJOURNAL_HOME says, and so may any library: a test run must leave the
    user's home as it found it (tests/test_isolation.py proves it). Child processes inherit it."""
    home = Path(tempfile.mkdtemp(prefix="sprintjournal-tests-home-"))
    os.environ["HOME"] = str(home)
    for var, sub in XDG_FOLDERS.items():
        os.environ[var] = str(home / sub)
    atexit.register(shutil.rmtree, home, ignore_errors=True)
    return home


XDG_FOLDERS = {"XDG_CONFIG_HOME": ".config", "XDG_DATA_HOME": ".local/share",
               "XDG_CACHE_HOME": ".cache", "XDG_STATE_HOME": ".local/state"}
TEST_HOME = _private_home()


SAMPLES = Path(__file__).resolve().parent / "data" / "pypy-extradoc"


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test may touch the real user-data directory or a real default journal."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SPRINTJOURNAL_HOME", str(home))
    monkeypatch.delenv("SPRINTJOURNAL_JOURNAL", raising=False)


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sprintjournal"


@pytest.fixture
def journal(journal_path: Path) -> Iterator[Journal]:
    """A fresh journal on a real SQLite file, closed on teardown."""
    j = Journal(journal_path)
    yield j
    j.close()


@pytest.fixture
def samples() -> Path:
    if not SAMPLES.is_dir():
        pytest.fail(f"the sample files are missing: {SAMPLES}")
    return SAMPLES
