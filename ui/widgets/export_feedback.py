"""What the user reads after an export: a failure in words, a success with ways to open it.

A failed export is an export error, never a save error: the journal is untouched, so it must
not reach the window's "Not saved" state. An OSError's errno and the temporary file it was
writing mean nothing to the user; the folder they chose and what is wrong with it do.
"""

import errno
from html import escape
from pathlib import Path

from PySide6.QtCore import QUrl

from sprintjournal.errors import JournalError

_BY_ERRNO = {
    errno.ENOTDIR: "“{folder}” is a file, not a folder. Choose a folder to export into.",
    errno.EEXIST: "“{folder}” is a file, not a folder. Choose a folder to export into.",
    errno.EACCES: "You may not write in “{folder}”. Choose another folder.",
    errno.EPERM: "You may not write in “{folder}”. Choose another folder.",
    errno.EROFS: "“{folder}” is on a read-only disk. Choose another folder.",
    errno.ENOSPC: "The disk holding “{folder}” is full. Free some space or choose another "
                  "folder.",
    errno.ENAMETOOLONG: "The path “{folder}” is too long. Choose a shorter one.",
}


def describe_export_error(error: BaseException, folder: Path) -> str:
    """One sentence saying why the export into `folder` failed and what to do."""
    if folder.exists() and not folder.is_dir():
        return _BY_ERRNO[errno.ENOTDIR].format(folder=folder)
    if isinstance(error, OSError):
        template = _BY_ERRNO.get(error.errno or 0)
        if template is not None:
            return template.format(folder=folder)
        reason = (error.strerror or "the file system refused it").rstrip(".")
        return f"The report could not be written to “{folder}”: {reason.lower()}."
    if isinstance(error, JournalError):
        return str(error)
    return f"The report could not be exported: {error}"


def file_url(path: Path) -> str:
    return QUrl.fromLocalFile(str(path)).toString()


def exported_message(paths: list[Path]) -> str:
    """Rich text for the report's status line: what was written, with links to open it."""
    main = paths[-1]
    photos = sum(1 for p in paths if p.parent.name == "images")
    extra = f" and {photos} photo{'s' if photos != 1 else ''}" if photos else ""
    return (f"Exported {escape(main.name)}{extra} to {escape(str(main.parent))} — "
            f'<a href="{escape(file_url(main))}">Open the file</a> · '
            f'<a href="{escape(file_url(main.parent))}">Open the folder</a>')
