"""After an export: why it failed, in words naming the chosen folder (never an errno or a
temporary file), and what was written, with links that open the file and its folder."""

import errno
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from sprintjournal_ui.widgets.export_feedback import (
    describe_export_error,
    exported_message,
    file_url,
)

from sprintjournal.errors import JournalError


@pytest.mark.parametrize(("code", "says"), [
    (errno.EACCES, "You may not write in “{f}”. Choose another folder."),
    (errno.EPERM, "You may not write in “{f}”. Choose another folder."),
    (errno.EROFS, "“{f}” is on a read-only disk. Choose another folder."),
    (errno.ENOSPC, "The disk holding “{f}” is full. Free some space or choose another folder."),
    (errno.ENAMETOOLONG, "The path “{f}” is too long. Choose a shorter one."),
    (errno.ENOTDIR, "“{f}” is a file, not a folder. Choose a folder to export into."),
])
def test_a_known_os_error_is_told_in_words(tmp_path: Path, code: int, says: str) -> None:
    folder = tmp_path / "blog"
    error = OSError(code, "raw", str(folder / ".tmp-export-1234" / "post.md"))
    message = describe_export_error(error, folder)
    assert message == says.format(f=folder)
    assert ".tmp-export" not in message and "raw" not in message


def test_an_other_os_error_keeps_its_reason(tmp_path: Path) -> None:
    folder = tmp_path / "blog"
    message = describe_export_error(OSError(errno.EIO, "Input/output error."), folder)
    assert message == f"The report could not be written to “{folder}”: input/output error."
    bare = describe_export_error(OSError("no errno"), folder)
    assert bare == f"The report could not be written to “{folder}”: the file system refused it."


def test_a_file_where_the_folder_should_be_is_named_whatever_the_error(tmp_path: Path) -> None:
    folder = tmp_path / "report.md"
    folder.write_text("an earlier export", encoding="utf-8")
    message = describe_export_error(FileExistsError(errno.EEXIST, "File exists"), folder)
    assert message == f"“{folder}” is a file, not a folder. Choose a folder to export into."
    assert describe_export_error(ValueError("odd"), folder) == message


def test_journal_errors_speak_for_themselves_and_others_are_named(tmp_path: Path) -> None:
    assert describe_export_error(JournalError("The sprint is gone."), tmp_path) == (
        "The sprint is gone.")
    assert describe_export_error(ValueError("unknown format 'docx'"), tmp_path) == (
        "The report could not be exported: unknown format 'docx'")


def test_the_success_message_links_the_file_and_its_folder(tmp_path: Path) -> None:
    out = tmp_path / "Sprint & co"
    paths = [out / "images" / "room.jpg", out / "images" / "cake.jpg",
             out / "2011-11-09-gothenburg.md"]
    message = exported_message(paths)
    assert message.startswith(f"Exported 2011-11-09-gothenburg.md and 2 photos to "
                              f"{str(out).replace('&', '&amp;')} — ")
    assert f'<a href="{file_url(paths[-1]).replace("&", "&amp;")}">Open the file</a>' in message
    assert f'<a href="{file_url(out).replace("&", "&amp;")}">Open the folder</a>' in message
    assert QUrl(file_url(paths[-1])).toLocalFile() == str(paths[-1])


def test_one_photo_or_none(tmp_path: Path) -> None:
    one = exported_message([tmp_path / "images" / "a.jpg", tmp_path / "post.html"])
    assert one.startswith("Exported post.html and 1 photo to ")
    assert exported_message([tmp_path / "post.html"]).startswith(
        f"Exported post.html to {tmp_path} — ")
