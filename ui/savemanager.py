"""SaveManager: one place that knows everything holding an unsaved edit.

Modelled on qutebrowser's `misc/savemanager.py`. Panels keep their own pending edits (an editor
waiting for its debounce); the main window registers each panel's `flush` here, and closing the
window, quitting, SIGTERM, switching sprint and opening another journal all call `flush_all()`,
so no path can forget one.
"""

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class SaveManager(QObject):
    """Registry of flush callbacks; `flush_all` runs each and reports which ones failed."""

    flushed = Signal(bool)  # True when every pending edit was written

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._flushables: dict[str, Callable[[], None]] = {}

    def register(self, name: str, flush: Callable[[], None]) -> None:
        self._flushables[name] = flush

    def unregister(self, name: str) -> None:
        self._flushables.pop(name, None)

    @property
    def names(self) -> list[str]:
        return list(self._flushables)

    def flush_all(self) -> list[str]:
        """Flush every registered edit; return the error messages (empty when all saved).

        One failure must not stop the others from saving, so each is tried in turn. A core error
        keeps its user-facing message; anything else is logged with its traceback.
        """
        from sprintjournal.errors import JournalError  # not with the window: before its first paint

        errors: list[str] = []
        for name, flush in list(self._flushables.items()):
            try:
                flush()
            except JournalError as exc:
                errors.append(str(exc))
            except Exception as exc:
                log.exception("saving %s failed", name)
                errors.append(f"{name}: {exc}")
        self.flushed.emit(not errors)
        return errors
