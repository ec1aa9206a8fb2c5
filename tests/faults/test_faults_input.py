"""FAULTS 44-47: hostile input from the command line and the import files.

The command line runs in a child process with a memory cap and a timeout, so a regression
(a read that blocks on a FIFO, or reads /dev/zero until memory runs out) fails the test
instead of hanging or exhausting the machine.
"""

import io
import json
import os
import resource
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

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


# --- FAULTS 45: clear errors, never a traceback -------------------------------------------------


def _json_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "hostile.json"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize("shape", ["objects", "lists"])
def test_fault_45_deeply_nested_json_is_refused_clearly(journal_file: Path, tmp_path: Path,
                                                        shape: str) -> None:
    deep = ('{"a":' * 50_000 + "1" + "}" * 50_000 if shape == "objects"
            else '{"format": "sprintjournal", "x": ' + "[" * 50_000 + "]" * 50_000 + "}")
    clear_error(sj("--journal", str(journal_file), "import", str(_json_file(tmp_path, deep))),
                "levels deep")


def test_fault_45_a_5000_digit_integer_is_refused_clearly(journal_file: Path,
                                                          tmp_path: Path) -> None:
    body = '{"format": "sprintjournal", "version": ' + "9" * 5000 + ', "sprints": []}'
    clear_error(sj("--journal", str(journal_file), "import", str(_json_file(tmp_path, body))),
                "digits")


def test_fault_45_a_nul_in_a_photo_name_is_refused_clearly(journal_file: Path,
                                                           tmp_path: Path) -> None:
    with Journal(journal_file) as journal:
        sid = journal.list_sprints()[0].id
        buffer = io.BytesIO()
        Image.new("RGB", (8, 8), "red").save(buffer, "JPEG")
        journal.add_photo(sid, buffer.getvalue(), "cake.jpg")
        out = journal.export_json(tmp_path / "export")
    doc = json.loads(out.read_text(encoding="utf-8"))
    photo = doc["sprints"][0]["photos"][0]
    photo["file"] = photo["file"].replace("cake", "ca\u0000ke")
    out.write_text(json.dumps(doc), encoding="utf-8")
    done = sj("--journal", str(journal_file), "import", str(out))
    clear_error(done, "photos[0].file")


def test_fault_45_out_through_links_and_files_is_refused_clearly(journal_file: Path,
                                                                 tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    inside_link = tmp_path / "out"
    inside_link.mkdir()
    (inside_link / "photos").symlink_to(elsewhere)
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    (tmp_path / "a-file").write_text("x")
    export = ("--journal", str(journal_file), "export", "--format", "json", "--out")
    with Journal(journal_file) as journal:
        buffer = io.BytesIO()
        Image.new("RGB", (8, 8), "red").save(buffer, "JPEG")
        journal.add_photo(journal.list_sprints()[0].id, buffer.getvalue(), "cake.jpg")
    clear_error(sj(*export, str(inside_link)), "is a link to")
    assert list(elsewhere.iterdir()) == [], "nothing written through the link"
    clear_error(sj(*export, str(tmp_path / "dangling")), "does not exist")
    clear_error(sj(*export, str(tmp_path / "a-file")), "not a folder")
    linked_folder = tmp_path / "linked-folder"
    linked_folder.symlink_to(elsewhere)  # a link to a folder is a folder: that works
    assert sj(*export, str(linked_folder)).returncode == 0
    assert (elsewhere / "journal.json").is_file()


@pytest.mark.parametrize(("option", "value"), [("--long-edge", "0"), ("--quality", "100"),
                                               ("--long-edge", "-5"), ("--quality", "high")])
def test_fault_45_out_of_range_export_options_are_usage_errors(journal_file: Path,
                                                               tmp_path: Path, option: str,
                                                               value: str) -> None:
    done = sj("--journal", str(journal_file), "export", "--format", "html", "--out",
              str(tmp_path / "out"), option, value)
    clear_error(done, option)
    assert done.returncode == 2


# --- FAULTS 46: binary garbage is not text ------------------------------------------------------


@pytest.mark.parametrize("filler", [b"\x00\x01\x02\xff\xfe", bytes(range(1, 32)) * 4])
def test_fault_46_binary_garbage_with_planning_markers_is_refused(journal_file: Path,
                                                                  tmp_path: Path,
                                                                  filler: bytes) -> None:
    garbage = tmp_path / "planning.txt"
    garbage.write_bytes(b"people present: Armin\ntoday: x\n" + filler + os.urandom(2000)
                        .replace(b"\x00", b"\x01") + b"\ntasks:\n")
    before = journal_file.read_bytes()
    clear_error(sj("--journal", str(journal_file), "import", str(garbage)), "not a text file")
    assert journal_file.read_bytes() == before


def test_fault_46_real_latin1_and_utf8_text_files_still_import(journal_file: Path,
                                                               tmp_path: Path) -> None:
    planning = tmp_path / "planning.txt"
    planning.write_bytes("people present: Håkan, Armin\n\ntoday:\n  Håkan: jit\n"
                         .encode("latin-1"))
    done = sj("--journal", str(journal_file), "import", str(planning))
    assert done.returncode == 0, done.stderr


# --- FAULTS 47: what the command line prints ----------------------------------------------------


def test_fault_47_terminal_escapes_in_titles_are_printed_escaped(journal_file: Path) -> None:
    hostile = "Evil\x1b]0;pwned\x07\x1b[2J\x1b[31mred\u202etxt.exe\x9b"
    with Journal(journal_file) as journal:
        journal.add_sprint(hostile)
    done = sj("--journal", str(journal_file), "sprints")
    assert done.returncode == 0
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout and "\u202e" not in done.stdout
    assert "\x9b" not in done.stdout, "C1 CSI, the one-byte escape"
    assert "Evil\\x1b]0;pwned\\x07\\x1b[2J\\x1b[31mred\\u202etxt.exe\\x9b" in done.stdout
    assert "Leysin" in done.stdout and "Håkan" not in done.stdout


def test_fault_47_backups_are_listed_as_lines_not_python_reprs(journal_file: Path) -> None:
    assert sj("--journal", str(journal_file), "backup").returncode == 0
    done = sj("--journal", str(journal_file), "backups")
    assert done.returncode == 0
    line = done.stdout.strip().splitlines()[0]
    assert "BackupInfo" not in done.stdout and "PosixPath" not in done.stdout
    assert "datetime" not in done.stdout
    assert line.endswith(".sprintjournal") and " MB " in line
