"""Each step's tests run on a copy of the committed fixture of the version before it: a test
module names that version as FROM_VERSION (test_v3.py: 2)."""

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from locations import FIXTURES


def fixture_copy(tmp_path: Path, version: int) -> Path:
    path = tmp_path / f"v{version}.sprintjournal"
    shutil.copyfile(FIXTURES / f"journal-v{version}.sprintjournal", path)
    return path


@pytest.fixture
def conn(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[sqlite3.Connection]:
    version = request.module.FROM_VERSION
    c = sqlite3.connect(fixture_copy(tmp_path, version))
    assert c.execute("PRAGMA user_version").fetchone() == (version,)
    yield c
    c.close()
