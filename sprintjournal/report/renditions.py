"""Web renditions of the report's photos, made on every core the first time, then cached.

Pillow releases the GIL while it decodes, resizes and encodes, so a thread pool keeps both cores
busy without copying megabytes between processes (bench/export.py measures threads against
processes). Pool threads read the originals through the journal's reader; only the calling
thread writes the cache.
"""

import os
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import (
    FIRST_COMPLETED,
    Executor,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
    wait,
)

from sprintjournal.journal import Journal
from sprintjournal.photos import Rendition, web_rendition

Progress = Callable[[int, int, str], None]


class ExportCancelledError(Exception):
    """The user pressed Cancel; nothing was written."""


def check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise ExportCancelledError("Export cancelled; nothing was written.")


def make_renditions(
    journal: Journal, photo_ids: Iterable[int], long_edge: int = 1600, quality: int = 85, *,
    progress: Progress | None = None, cancel: threading.Event | None = None,
    executor: Executor | None = None,
) -> dict[int, Rendition]:
    """One rendition per photo id: cached ones at once, the others in parallel, then cached."""
    ids = list(dict.fromkeys(photo_ids))
    done: dict[int, Rendition] = journal.cached_renditions(ids, long_edge, quality)
    missing = [pid for pid in ids if pid not in done]
    _report(progress, len(done), len(ids))
    if missing:
        own = executor is None
        pool = executor or ThreadPoolExecutor(max_workers=os.cpu_count() or 2)
        try:
            _run(journal, pool, missing, (long_edge, quality), done, progress, cancel, len(ids))
        finally:
            if own:
                pool.shutdown(wait=True, cancel_futures=True)
    return {pid: done[pid] for pid in ids}


def _run(journal: Journal, pool: Executor, missing: list[int], params: tuple[int, int],
         done: dict[int, Rendition], progress: Progress | None,
         cancel: threading.Event | None, total: int) -> None:
    """Keep a bounded number of photos in flight, so 50 originals are never all in memory.

    The pool gets its next photos before the finished ones are cached: writing the cache waits
    for the disk (and its ORM code holds the GIL), and meanwhile the pool must not run dry. The
    renditions finished together are cached in one transaction."""
    window = 2 * (os.cpu_count() or 2)
    queue = list(reversed(missing))
    running: dict[Future[Rendition], int] = {}

    def refill() -> None:
        while queue and len(running) < window:
            pid = queue.pop()
            if isinstance(pool, ProcessPoolExecutor):  # a process gets bytes, not the journal
                future = pool.submit(web_rendition, journal.photo_bytes(pid), *params)
            else:
                future = pool.submit(_render, journal, pid, params)
            running[future] = pid

    while queue or running:
        check(cancel)
        refill()
        finished, _ = wait(running, timeout=0.2, return_when=FIRST_COMPLETED)
        made = {running.pop(future): future.result() for future in finished}
        refill()
        if made and not journal.readonly:
            journal.store_renditions(made, *params)
        for pid, rendition in made.items():
            done[pid] = rendition
            _report(progress, len(done), total)


def _render(journal: Journal, photo_id: int, params: tuple[int, int]) -> Rendition:
    """On a pool thread: read the original (SQLite releases the GIL) and re-encode it."""
    return web_rendition(journal.photo_bytes(photo_id), *params)


def _report(progress: Progress | None, n: int, total: int) -> None:
    if progress is not None:
        progress(n, total, f"Preparing photos ({n} of {total})")
