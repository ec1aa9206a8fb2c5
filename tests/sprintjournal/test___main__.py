"""`python -m sprintjournal`: the installed command's exit codes and streams, unchanged."""

import os
import subprocess
import sys
from pathlib import Path


def run(*argv: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SPRINTJOURNAL_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "sprintjournal", *argv], capture_output=True,
                          text=True, env=env, cwd=home, timeout=120, check=False)


def test_a_failing_verb_exits_non_zero_with_the_message_on_stderr(tmp_path: Path) -> None:
    missing = tmp_path / "missing.sprintjournal"
    done = run("sprints", "--journal", str(missing), home=tmp_path)
    assert done.returncode == 1
    assert done.stdout == ""
    assert f"There is no journal at {missing}." in done.stderr
    assert not missing.exists()


def test_a_usage_error_exits_2(tmp_path: Path) -> None:
    done = run("export", "--format", "nonsense", "--out", str(tmp_path), home=tmp_path)
    assert done.returncode == 2
    assert "invalid choice" in done.stderr


def test_a_verb_that_succeeds_exits_0_with_its_output(tmp_path: Path) -> None:
    path = tmp_path / "new.sprintjournal"
    done = run("new", str(path), home=tmp_path)
    assert (done.returncode, done.stdout) == (0, f"{path}\n")
    assert path.is_file()
