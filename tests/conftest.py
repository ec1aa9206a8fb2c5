"""Shared fixtures. Qt runs offscreen; every test gets its own data directory and journal file."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sprintjournal.journal import Journal

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples" / "pypy-extradoc"


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
