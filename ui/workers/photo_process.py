"""Photo preparation in helper processes, so decoding never competes with the GUI for the GIL.

Pillow holds the GIL for stretches of each large decode; with two pool threads decoding
12-megapixel photos the GUI thread stalled for 60-240 ms (bench/photo_import_lag.py), against
a target of 50 ms. A helper process decodes without touching the GUI's interpreter.

Each helper is `python -m ui.workers.photo_process`: it imports only the core (no Qt) and
answers pickled `(data, name)` requests with `photos.prepare(data, name)` or the exception.
`multiprocessing` is not used on purpose: its "spawn" start method re-runs the parent's main
script (main.py starts the GUI unguarded). If no helper can be started, the caller's thread
prepares the photo itself: slower for the GUI, never broken.
"""

import logging
import pickle
import struct
import subprocess
import sys
import threading
from typing import IO, Any

log = logging.getLogger(__name__)
_HEADER = struct.Struct("!Q")


def _send(stream: IO[bytes], obj: object) -> None:
    blob = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(blob)))
    stream.write(blob)
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        raise EOFError("the photo helper process ended")
    (size,) = _HEADER.unpack(header)
    blob = stream.read(size)
    if len(blob) < size:
        raise EOFError("the photo helper process ended")
    return pickle.loads(blob)  # our own child process, over a private pipe


class _Helper:
    """One helper process; used by one thread at a time."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", __name__],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        )

    def prepare(self, data: bytes, name: str) -> Any:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        _send(self.proc.stdin, (data, name))
        ok, value = _receive(self.proc.stdout)
        if not ok:
            raise value
        return value

    def close(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=2)
            except subprocess.TimeoutExpired:
                self.proc.kill()


class HelperPool:
    """Idle helpers kept for reuse; a broken helper is dropped and a fresh one started."""

    def __init__(self) -> None:
        self._idle: list[_Helper] = []
        self._lock = threading.Lock()
        self._disabled = False

    def prepare(self, data: bytes, name: str) -> Any:
        """`photos.prepare(data, name)`, in a helper process when possible."""
        helper = self._take()
        if helper is None:
            return _prepare_here(data, name)
        try:
            result = helper.prepare(data, name)
        except (OSError, EOFError, pickle.PickleError) as exc:
            log.warning("photo helper failed (%s); preparing %s in this process", exc, name)
            helper.close()
            return _prepare_here(data, name)
        except Exception:
            self._give_back(helper)  # the photo was refused; the helper is fine
            raise
        self._give_back(helper)
        return result

    def _take(self) -> "_Helper | None":
        with self._lock:
            if self._idle:
                return self._idle.pop()
            if self._disabled:
                return None
        try:
            return _Helper()
        except OSError as exc:
            log.warning("cannot start a photo helper process (%s); decoding in threads", exc)
            self._disabled = True
            return None

    def _give_back(self, helper: _Helper) -> None:
        with self._lock:
            self._idle.append(helper)

    def close(self) -> None:
        """End every idle helper (at quit; busy ones end when their pipe closes)."""
        with self._lock:
            idle, self._idle = self._idle, []
        for helper in idle:
            helper.close()


def _prepare_here(data: bytes, name: str) -> Any:
    from sprintjournal import photos

    return photos.prepare(data, name)


_pool: HelperPool | None = None
_pool_lock = threading.Lock()


def helper_pool() -> HelperPool:
    """The process-wide helper pool, created on first use and closed at exit."""
    global _pool
    with _pool_lock:
        if _pool is None:
            import atexit

            _pool = HelperPool()
            atexit.register(_pool.close)
        return _pool


def serve(stdin: IO[bytes], stdout: IO[bytes]) -> None:
    """The helper's loop: one request in, one answer out, until stdin closes."""
    from sprintjournal import photos

    while True:
        try:
            data, name = _receive(stdin)
        except EOFError:
            return
        try:
            answer: tuple[bool, Any] = (True, photos.prepare(data, name))
        except Exception as exc:
            answer = (False, exc)
        try:
            _send(stdout, answer)
        except (pickle.PickleError, TypeError, AttributeError):
            _send(stdout, (False, RuntimeError(f"{name}: {answer[1]}")))


if __name__ == "__main__":
    serve(sys.stdin.buffer, sys.stdout.buffer)
