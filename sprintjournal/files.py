"""All-or-nothing file writing: every file goes to a temporary name first.

Only when every file of a batch (an export's images and page, a JSON export's photos and
journal.json) is written and flushed are they renamed into place, page last, so a cancelled,
failed or killed export leaves the previous files intact and never a half-written file at a
target name (FAULTS 5, 12). Backups use the same durable rename.
"""

import contextlib
import glob
import os
import re
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType

from sprintjournal.safe_names import confined

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: orphans go by age only
    # the module is absent on Windows: None says so
    fcntl = None  # type: ignore[assignment]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


STALE_AFTER_S = 60
_PARALLEL_WRITES = 8
"""Files written (and flushed to the disk) at once by `AtomicBatch.add_all`."""

# mkstemp makes private (0600) files; an export is meant to be shared like any saved file.
_FILE_MODE = 0o666 & ~_umask()


class AtomicBatch:
    """`with AtomicBatch(folder) as batch: batch.add("images/a.jpg", data) ...` then commit."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._pending: list[tuple[Path, Path]] = []
        self._made_dirs: list[Path] = []
        self._swept: set[Path] = set()
        self._lease = _Lease()
        self.written: list[Path] = []

    def __enter__(self) -> "AtomicBatch":
        self._mkdir(self.folder)
        self._lease.take()
        for folder in _folders(self.folder, depth=2):  # images/, photos/<sprint>/
            self._sweep(folder)
        return self

    def _sweep(self, folder: Path) -> None:
        """Remove what killed exports left in `folder` (FAULTS 54), once per folder."""
        if folder not in self._swept:
            self._swept.add(folder)
            remove_orphaned_parts(folder, keep=self._lease.id)

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
        fd, target = self._reserve(relative)
        _write_durably(fd, data)
        return target

    def add_all(self, files: Sequence[tuple[str, bytes]],
                written: Callable[[int, str], None] | None = None) -> list[Path]:
        """`add` each file, several at once: each write waits for the disk to confirm it
        (fsync), and an export's 50 photos one after the other made the export wait 50 times
        while both cores idled; side by side, the disk confirms them together. The targets are
        renamed in the order given. `written(n, relative)` is called on this thread after each
        file (n counting up); if it raises, the other writes finish and the error propagates."""
        from concurrent.futures import ThreadPoolExecutor, as_completed  # exports only

        reserved = [self._reserve(relative) for relative, _data in files]
        if not reserved:
            return []
        with ThreadPoolExecutor(max_workers=min(_PARALLEL_WRITES, len(reserved))) as pool:
            futures = {pool.submit(_write_durably, fd, data): relative
                       for (fd, _target), (relative, data) in zip(reserved, files, strict=True)}
            for n, future in enumerate(as_completed(futures), start=1):
                future.result()
                if written is not None:
                    written(n, futures[future])
        return [target for _fd, target in reserved]

    def _reserve(self, relative: str) -> tuple[int, Path]:
        """The open temporary file for `relative` (pending from now on) and its target."""
        target = confined(self.folder, relative)
        self._mkdir(target.parent)
        self._sweep(target.parent)
        _remove_stale(target)
        fd, tmp = tempfile.mkstemp(dir=target.parent,
                                   prefix=f".{target.name}.sj-{self._lease.id}.", suffix=".part")
        self._pending.append((Path(tmp), target))
        Path(tmp).chmod(_FILE_MODE)
        return fd, target

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
        self._lease.release()
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
        self._lease.release()


class _Lease:
    """A batch's claim on its temporary files: an exclusive lock on a small file named by the
    batch's id, held while the batch runs. The kernel drops it when the process dies, so a
    `.part` file whose lease can be taken belongs to an export that was killed."""

    def __init__(self) -> None:
        import secrets  # with hmac and hashlib: exports only, not the opening of a journal

        self.id = secrets.token_hex(4)
        self._fd: int | None = None

    def take(self) -> None:
        if fcntl is None or self._fd is not None:
            return
        self._fd = os.open(_lease_path(self.id), os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(self._fd, fcntl.LOCK_EX)

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            _lease_path(self.id).unlink()
        os.close(self._fd)
        self._fd = None


def _lease_path(batch_id: str) -> Path:
    return Path(tempfile.gettempdir()) / f"sprintjournal-export-{batch_id}.lease"


def _lease_is_free(batch_id: str) -> bool:
    """True when no running batch holds this id's lease (missing lease: a killed process)."""
    if fcntl is None:
        return False
    try:
        fd = os.open(_lease_path(batch_id), os.O_RDWR)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    finally:
        os.close(fd)
    with contextlib.suppress(OSError):
        _lease_path(batch_id).unlink()
    return True


_PART = re.compile(r"^\..+\.sj-([0-9a-f]{8})\.[a-z0-9_]{8}\.part$")


def _folders(root: Path, depth: int) -> list[Path]:
    """`root` and the folders below it to `depth` levels, links not followed."""
    found = [root]
    if depth > 0:
        with contextlib.suppress(OSError), os.scandir(root) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    found += _folders(Path(entry.path), depth - 1)
    return found


def remove_orphaned_parts(folder: Path, keep: str = "") -> list[Path]:
    """Hidden `.part` files of exports that were killed, removed from `folder`, whatever
    their names: only files carrying a batch id (`.NAME.sj-ID.XXXXXXXX.part`) whose batch's
    lease is free (its process is gone), so an export running meanwhile keeps its files."""
    removed: list[Path] = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            match = _PART.match(entry.name)
            if match is None or match.group(1) == keep:
                continue
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False) and _lease_is_free(match.group(1)):
                    Path(entry.path).unlink()
                    removed.append(Path(entry.path))
    return removed


def _remove_stale(target: Path) -> None:
    """Temporary files of `target` in the older naming (no batch id), left by a killed export
    (FAULTS 5): only this target's, and only when older than a minute."""
    now = time.time()
    for stale in target.parent.glob(f".{glob.escape(target.name)}.*.part"):
        with contextlib.suppress(OSError):
            if not _PART.match(stale.name) and now - stale.stat().st_mtime > STALE_AFTER_S:
                stale.unlink()


def _write_durably(fd: int, data: bytes) -> None:
    """Write all of `data` to the open file `fd`, flush it to the disk and close it."""
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


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


SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def remove_database(path: Path) -> None:
    """A temporary database copy and what SQLite keeps beside it (-wal, -shm, -journal), if
    there: what a failed or interrupted copy leaves, removed whole before the next try."""
    for leftover in (path, *(path.with_name(path.name + side) for side in SQLITE_SIDE_FILES)):
        leftover.unlink(missing_ok=True)
