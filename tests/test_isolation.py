"""A test run leaves the user's home, config and data folders as it found them.

Runs a slice of the suite that opens real file dialogs, starts the app and exports (the parts
that wrote ~/.config/QtProject.conf before), in a child pytest whose HOME is a fresh folder
standing in for the user's, and checks that folder is still empty afterwards."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SLICE = [
    "tests/ui/main_window/test_file_menu.py",
    "tests/sprintjournal/test_cli.py::test_demo_defaults_to_the_data_directory",
]


@pytest.mark.slow
def test_a_test_run_writes_nothing_into_the_users_home(tmp_path: Path) -> None:
    users_home = tmp_path / "users-home"
    users_home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "SPRINTJOURNAL_"))}
    env |= {"HOME": str(users_home), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", *SLICE],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert " passed" in run.stdout
    left = sorted(str(p.relative_to(users_home)) for p in users_home.rglob("*"))
    assert left == [], f"the test run wrote into the user's home: {left}"
