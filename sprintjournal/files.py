"""All-or-nothing file writing: every file goes to a temporary name first.

Only when every file of a batch (an export's images and page, a JSON export's photos and
journal.json) is written and flushed are they renamed into place, page last, so a cancelled,
failed or killed export leaves the previous files intact and never a half-written file at a
target name (FAULTS 5, 12). Backups use the same durable rename.
"""

import contextlib
import glob
import os
import tempfile
import time
from pathlib import Path
from types import TracebackType

from sprintjournal.safe_names import confined


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


STALE_AFTER_S = 60

# mkstemp makes private (0600) files; an export is meant to be shared like any saved file.
_FILE_MODE = 0o666 & ~_umask()


class AtomicBatch:
    """`with AtomicBatch(folder) as batch: batch.add("images/a.jpg", data) ...` then commit."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._pending: list[tuple[Path, Path]] = []
        self._made_dirs: list[Path] = []
        self.written: list[Path] = []

    def __enter__(self) -> "AtomicBatch":
        self._mkdir(self.folder)
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if kind is None:
            self.commit()
        else:
            self.abort()

    def _mkdir(self, path: Path) -> None:
        """Create missing folders, remembering them so an abort can remove them again."""
        missing = [p for p in [path, *path.parents] if not p.exists()]
        for p in reversed(missing):
            p.mkdir()
            self._made_dirs.append(p)

    def add(self, relative: str, data: bytes) -> Path:
        """Write `data` under a hidden temporary name next to its target; returns the target."""
        target = confined(self.folder, relative)
        self._mkdir(target.parent)
        _remove_stale(target)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
        self._pending.append((Path(tmp), target))
        Path(tmp).chmod(_FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        return target

    def pending_path(self, target: Path) -> Path:
        """The temporary file behind `target`, for writers that need a path (Qt's PDF writer)."""
        for tmp, pending_target in self._pending:
            if pending_target == target:
                return tmp
        raise KeyError(target)

    def commit(self) -> list[Path]:
        """Rename every file into place, in the order added (so add the page last)."""
        for tmp, target in self._pending:
            tmp.replace(target)
            self.written.append(target)
        self._pending.clear()
        fsync_dir(self.folder)
        return self.written

    def abort(self) -> None:
        """Remove the temporary files and any folder this batch created."""
        for tmp, _target in self._pending:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        self._pending.clear()
        for folder in reversed(self._made_dirs):
            with contextlib.suppress(OSError):
                folder.rmdir()


def _remove_stale(target: Path) -> None:
    """Temporary files of `target` left by an export that was killed (FAULTS 5) are removed.

    Only our own naming pattern, and only files older than a minute, so an export running at
    the same moment in another window keeps its files.
    """
    now = time.time()
    for stale in target.parent.glob(f".{glob.escape(target.name)}.*.part"):
        with contextlib.suppress(OSError):
            if now - stale.stat().st_mtime > STALE_AFTER_S:
                stale.unlink()


def fsync_dir(folder: Path) -> None:
    """Make the renames durable where the platform allows opening a directory."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write_bytes(target: Path, data: bytes) -> Path:
    """One file, all or nothing, readable like any saved file."""
    with AtomicBatch(target.parent) as batch:
        batch.add(target.name, data)
    return target
