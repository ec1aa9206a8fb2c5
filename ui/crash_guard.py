"""Keep the app alive and the notes safe when something goes wrong.

* `install_excepthook`: an exception escaping a slot is logged with its traceback and shown in a
  non-modal message; Qt keeps running and the editor keeps its text (FAULTS 9).
* `install_signal_handlers`: SIGTERM/SIGINT (logout, `kill`, Ctrl+C in a terminal) flush pending
  edits and close the window (FAULTS 8). Python runs signal handlers only between bytecodes, and
  Qt's event loop is C++, so the signal wakes the loop through a pipe (`set_wakeup_fd`; a
  socket pair on Windows, which has no pipes for it: the socket module costs about 5 ms of
  start-up, its constants being made enums).

The excepthook is installed before the window is shown; the signal handlers just after the
first paint, so their imports do not delay it.
"""

import logging
import os
import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Protocol

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger("sprintjournal.crash")


class ErrorShower(Protocol):
    def show_exception(self, summary: str, details: str) -> None: ...

    def close_for_good(self) -> None: ...


def describe(exc: BaseException) -> str:
    """A sentence for the user: the core's own message, or what kind of failure it was."""
    from sprintjournal.errors import JournalError

    if isinstance(exc, JournalError):
        return str(exc)
    return (f"Something went wrong ({type(exc).__name__}: {exc}). SprintJournal keeps running "
            "and your text is kept; the details are in the log.")


def install_excepthook(window: ErrorShower) -> Callable[[], None]:
    """Route uncaught exceptions to the log and the window; returns a function undoing it."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, exc, tb)
            return
        details = "".join(traceback.format_exception(kind, exc, tb))
        log.error("uncaught exception in a slot:\n%s", details)
        try:
            window.show_exception(describe(exc), details)
        except Exception:
            log.exception("could not show the error")

    sys.excepthook = hook

    def restore() -> None:
        sys.excepthook = previous

    return restore


def install_signal_handlers(owner: QObject, window: ErrorShower) -> Callable[[], None]:
    """SIGTERM and SIGINT close `window` (which flushes); returns a function undoing it."""
    import signal

    from PySide6.QtCore import QSocketNotifier

    read_fd, write_fd, drain, close = _wakeup_channel()
    previous_fd = signal.set_wakeup_fd(write_fd)
    notifier = QSocketNotifier(read_fd, QSocketNotifier.Type.Read, owner)
    notifier.activated.connect(lambda *_: drain())

    def handler(signum: int, _frame: object) -> None:
        log.info("signal %s: saving and closing", signum)
        QTimer.singleShot(0, window.close_for_good)

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}

    def restore() -> None:
        for sig, old in previous.items():
            signal.signal(sig, old)
        signal.set_wakeup_fd(previous_fd)
        notifier.setEnabled(False)
        notifier.deleteLater()
        close()

    return restore


def _wakeup_channel() -> tuple[int, int, Callable[[], None], Callable[[], None]]:
    """(read end, write end, drain, close), both ends non-blocking. Draining empties the
    channel; the Python-level handler has run by the time it returns."""
    if os.name != "posix":
        return _wakeup_sockets()
    read_fd, write_fd = os.pipe()
    os.set_blocking(read_fd, False)
    os.set_blocking(write_fd, False)

    def drain() -> None:
        try:
            while os.read(read_fd, 64):
                pass
        except BlockingIOError:
            pass

    def close() -> None:
        os.close(read_fd)
        os.close(write_fd)

    return read_fd, write_fd, drain, close


def _wakeup_sockets() -> tuple[int, int, Callable[[], None], Callable[[], None]]:
    import socket

    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)

    def drain() -> None:
        try:
            while reader.recv(64):
                pass
        except BlockingIOError:
            pass

    def close() -> None:
        reader.close()
        writer.close()

    return reader.fileno(), writer.fileno(), drain, close
