"""FAULTS 44-49: hostile input from the command line and the import files.

The command line runs in a child process with a memory cap and a timeout, so a regression
(a read that blocks on a FIFO, or reads /dev/zero until memory runs out) fails the test
instead of hanging or exhausting the machine.
"""

import os
import resource
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from sprintjournal.journal import Journal
from sprintjournal.photos import read_photo_file

MEMORY_CAP = 1024 * 1024 * 1024
CLI = "import sys; from sprintjournal.cli import main; sys.exit(main(sys.argv[1:]))"


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def sj(*argv: str, timeout: int = 30) -> subprocess.CompletedProcess[str]:
    """The command line in a child process, at most 1 GB of address space, 30 s."""
    try:
        return subprocess.run([sys.executable, "-c", CLI, *argv], capture_output=True, text=True,
                              timeout=timeout, check=False, preexec_fn=_limit_memory)
    except subprocess.TimeoutExpired:
        pytest.fail(f"`sprintjournal {' '.join(argv)}` hung for {timeout} s")


def clear_error(done: subprocess.CompletedProcess[str], *words: str) -> None:
    """Exit code 1 or 2, one message naming the problem, no traceback."""
    assert done.returncode in (1, 2), (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr and "Error:" not in done.stderr.split(":", 1)[0]
    for word in words:
        assert word in done.stderr, done.stderr


@pytest.fixture
def journal_file(tmp_path: Path) -> Path:
    path = tmp_path / "j.sprintjournal"
    with Journal(path) as journal:
        journal.add_sprint("Leysin", start=date(2024, 1, 1), end=date(2024, 1, 5))
    return path


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "people.txt"
    os.mkfifo(path)
    return path


def test_fault_44_a_fifo_given_to_import_is_refused_at_once(journal_file: Path,
                                                            fifo: Path) -> None:
    clear_error(sj("--journal", str(journal_file), "import", str(fifo)), "pipe")
    # The journal was never locked by the refused import: a writer gets it at once.
    with Journal(journal_file) as journal:
        journal.add_sprint("After")


@pytest.mark.parametrize("name", ["/dev/zero", "/dev/urandom"])
def test_fault_44_a_device_given_to_import_is_refused(journal_file: Path, name: str) -> None:
    clear_error(sj("--journal", str(journal_file), "import", name), "device")


def test_fault_44_a_folder_given_to_import_is_refused(journal_file: Path,
                                                      tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    (folder / "journal.json").mkdir(parents=True)  # a folder even where journal.json would be
    clear_error(sj("--journal", str(journal_file), "import", str(folder)), "folder")


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_fault_44_a_photo_that_is_not_a_regular_file_is_refused(tmp_path: Path, fifo: Path,
                                                                kind: str) -> None:
    from sprintjournal.errors import PhotoError

    path = {"fifo": fifo, "device": Path("/dev/zero"), "folder": tmp_path}[kind]
    with pytest.raises(PhotoError, match="regular file"):
        read_photo_file(path, max_bytes=1024)
