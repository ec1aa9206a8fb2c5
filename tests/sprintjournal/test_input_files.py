"""`input_files.read_regular_file`: only a regular file of bounded size is read (FAULTS 44)."""

import os
import socket
from pathlib import Path

import pytest

from sprintjournal.errors import JournalError
from sprintjournal.input_files import (
    FileTooLargeError,
    NotARegularFileError,
    megabytes,
    read_regular_file,
)


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "people.txt"
    path.write_bytes(b"Armin Rigo\nMaciej Fija\xc5\x82kowski\n")
    assert read_regular_file(path, 1024) == b"Armin Rigo\nMaciej Fija\xc5\x82kowski\n"


def test_a_file_of_exactly_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "limit.txt"
    path.write_bytes(b"x" * 100)
    assert read_regular_file(path, 100) == b"x" * 100


def test_one_byte_over_the_limit_is_refused_naming_both_sizes(tmp_path: Path) -> None:
    path = tmp_path / "big.jpg"
    path.write_bytes(b"x" * (3 * 1024 * 1024 + 1))
    with pytest.raises(FileTooLargeError) as err:
        read_regular_file(path, 3 * 1024 * 1024, "photo")
    assert str(err.value) == f"{path}: the photo is too large (3.0 MB); the limit is 3.0 MB"


def test_a_folder_is_refused_as_a_folder(tmp_path: Path) -> None:
    with pytest.raises(NotARegularFileError, match=r"is a folder; choose a planning file that"):
        read_regular_file(tmp_path, 1024, "planning file")


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # nobody writes: a blocking open or read would hang here
    with pytest.raises(NotARegularFileError, match=r"is a pipe \(FIFO\)"):
        read_regular_file(fifo, 1024)


def test_a_device_is_refused_before_any_byte_is_read() -> None:
    with pytest.raises(NotARegularFileError, match=r"/dev/zero: is a device"):
        read_regular_file(Path("/dev/zero"), 1024)


def test_a_socket_is_refused_as_a_socket(tmp_path: Path) -> None:
    path = tmp_path / "s"
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(path))
        with pytest.raises((NotARegularFileError, OSError)) as err:
            read_regular_file(path, 1024)
    finally:
        sock.close()
    # Linux refuses to open a socket (ENXIO); where it opens, the message names it
    if isinstance(err.value, NotARegularFileError):
        assert "is a socket" in str(err.value)


def test_a_missing_file_is_left_to_the_caller_as_oserror(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_regular_file(tmp_path / "gone.txt", 1024)


def test_both_refusals_are_journal_errors_the_app_shows() -> None:
    assert issubclass(NotARegularFileError, JournalError)
    assert issubclass(FileTooLargeError, JournalError)


def test_megabytes_has_one_decimal() -> None:
    assert megabytes(0) == "0.0"
    assert megabytes(1024 * 1024) == "1.0"
    assert megabytes(1536 * 1024) == "1.5"
