"""Read a file the user names (an import, a photo) only if it is a regular file of bounded size.

A FIFO would block the read forever (while the journal's write lock is held, freezing the app
or the command), a device such as /dev/zero reads until memory runs out, and a directory
cannot be read at all (FAULTS 44). The file is opened without blocking, checked with `fstat`
on the open descriptor (so it cannot be swapped between check and read) and read with a cap,
in case it grows meanwhile. Callers read before they open or lock the journal.
"""

import os
import stat
from pathlib import Path

from sprintjournal.errors import JournalError


class NotARegularFileError(JournalError):
    """The path names a folder, a pipe, a device or a socket, not a file to read."""


class FileTooLargeError(JournalError):
    """The file is larger than what this kind of input may be."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}"


def read_regular_file(path: Path, max_bytes: int, what: str = "file") -> bytes:
    """The bytes of `path`; a clear error for anything but a regular file of at most
    `max_bytes`. OSError (missing file, no permission) is left to the caller to word."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFileError(
                f"{path}: is {_kind(info.st_mode)}; choose a {what} that is a regular file")
        if info.st_size > max_bytes:
            raise _too_large(path, info.st_size, max_bytes, what)
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(max_bytes + 1)
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise _too_large(path, len(data), max_bytes, what)
    return data


def _too_large(path: Path, size: int, max_bytes: int, what: str) -> FileTooLargeError:
    return FileTooLargeError(
        f"{path}: the {what} is too large ({megabytes(size)} MB); the limit is "
        f"{megabytes(max_bytes)} MB")
