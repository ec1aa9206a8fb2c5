"""Debounce: run a function once, `delay_ms` after the last of a burst of calls.

Modelled on qutebrowser's `misc/throttle.py`, reduced to what autosave needs. The delay is
injected by the owner (1000 ms for autosave in the app, 0 in tests), and `flush()` runs a pending
call at once, which is how focus-out, switching day and closing the window save without waiting.
"""

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class Debouncer(QObject):
    """Calls `func()` after `delay_ms` of quiet; `trigger()` restarts the wait."""

    def __init__(
        self, func: Callable[[], object], delay_ms: int, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._func = func
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(0, delay_ms))
        self._timer.timeout.connect(self._fire)

    @property
    def delay_ms(self) -> int:
        return self._timer.interval()

    def set_delay(self, delay_ms: int) -> None:
        """Change the wait; a pending call keeps its place but waits the new delay from now."""
        self._timer.setInterval(max(0, delay_ms))
        if self._timer.isActive():
            self._timer.start()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def trigger(self) -> None:
        """Another call in the burst: (re)start the wait."""
        self._timer.start()

    def flush(self) -> None:
        """Run the pending call now, if there is one (nothing happens otherwise)."""
        if self._timer.isActive():
            self._fire()

    def cancel(self) -> None:
        self._timer.stop()

    def _fire(self) -> None:
        self._timer.stop()
        self._func()
