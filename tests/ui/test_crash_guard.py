"""crash_guard: what escapes a slot is logged and shown, never fatal; SIGTERM/SIGINT close the
window through Qt's event loop; each installer gives back a function that undoes it."""

import logging
import os
import signal
import sys
from collections.abc import Callable
from types import TracebackType

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot
from sprintjournal_ui.crash_guard import (
    _wakeup_channel,
    _wakeup_sockets,
    describe,
    install_excepthook,
    install_signal_handlers,
)

from sprintjournal.errors import DiskFullError

WakeupBuilder = Callable[[], tuple[int, int, Callable[[], None], Callable[[], None]]]


class Window:
    """Records what the guard asks of the window (the real one is tested in its own file)."""

    def __init__(self, *, broken: bool = False) -> None:
        self.shown: list[tuple[str, str]] = []
        self.closed = 0
        self.broken = broken

    def show_exception(self, summary: str, details: str) -> None:
        if self.broken:
            raise RuntimeError("the window is gone")
        self.shown.append((summary, details))

    def close_for_good(self) -> None:
        self.closed += 1


def raised(exc: BaseException) -> tuple[type[BaseException], BaseException, TracebackType | None]:
    try:
        raise exc
    except BaseException as caught:
        return type(caught), caught, caught.__traceback__


def test_core_errors_are_described_with_their_own_message() -> None:
    assert describe(DiskFullError("The disk is full.")) == "The disk is full."
    assert "KeyError" in describe(KeyError("x")) and "keeps running" in describe(KeyError("x"))


def test_an_escaped_exception_is_logged_and_shown_with_its_traceback(
        caplog: pytest.LogCaptureFixture) -> None:
    window = Window()
    restore = install_excepthook(window)
    try:
        with caplog.at_level(logging.ERROR, logger="sprintjournal.crash"):
            sys.excepthook(*raised(DiskFullError("The disk is full.")))
    finally:
        restore()
    [(summary, details)] = window.shown
    assert summary == "The disk is full."
    assert details.startswith("Traceback") and "DiskFullError: The disk is full." in details
    assert "raised" in details  # the frame that raised it
    assert "The disk is full." in caplog.text and "uncaught exception" in caplog.text


def test_keyboard_interrupt_goes_to_the_previous_hook(monkeypatch: pytest.MonkeyPatch) -> None:
    before: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, exc, tb: before.append(kind))
    window = Window()
    restore = install_excepthook(window)
    sys.excepthook(*raised(KeyboardInterrupt()))
    restore()
    assert before == [KeyboardInterrupt] and window.shown == []


def test_a_window_that_cannot_show_the_error_is_logged_not_raised(
        caplog: pytest.LogCaptureFixture) -> None:
    restore = install_excepthook(Window(broken=True))
    try:
        with caplog.at_level(logging.ERROR, logger="sprintjournal.crash"):
            sys.excepthook(*raised(ValueError("bad date")))
    finally:
        restore()
    assert "could not show the error" in caplog.text and "the window is gone" in caplog.text


def test_restore_puts_back_the_previous_hook() -> None:
    previous = sys.excepthook
    restore = install_excepthook(Window())
    assert sys.excepthook is not previous
    restore()
    assert sys.excepthook is previous


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_closes_the_window_through_the_event_loop(qtbot: QtBot, signum: int) -> None:
    owner = QObject()
    window = Window()
    before = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT)}
    restore = install_signal_handlers(owner, window)
    try:
        os.kill(os.getpid(), signum)
        qtbot.waitUntil(lambda: window.closed == 1, timeout=5000)
    finally:
        restore()
    assert {s: signal.getsignal(s) for s in before} == before
    assert window.shown == []


@pytest.mark.parametrize("channel", [_wakeup_channel, _wakeup_sockets],
                         ids=["pipe (POSIX)", "socket pair (Windows)"])
def test_the_wakeup_channel_is_drained_without_blocking(channel: WakeupBuilder) -> None:
    """What `set_wakeup_fd` writes (one byte per signal) is read back to empty, never waiting:
    the pipe where there are pipes, the socket pair elsewhere (built here on any platform)."""
    read_fd, write_fd, drain, close = channel()
    try:
        for signum in (signal.SIGTERM, signal.SIGINT):
            os.write(write_fd, bytes([signum]))
        drain()
        with pytest.raises(BlockingIOError):
            os.read(read_fd, 1)
        drain()  # empty already: returns at once
    finally:
        close()
