"""Backups while the app is open: every 30 minutes while something changed.

`sprintjournal.backup.maybe_backup` decides (changed since the last backup, 30 minutes passed);
this only asks it regularly. A failed backup (disk full) is announced, never fatal: the journal
itself is still saved.
"""

import logging

from PySide6.QtCore import QObject, QTimer

from sprintjournal.errors import JournalError

from .store import JournalStore

log = logging.getLogger(__name__)
CHECK_EVERY_MS = 60_000


class AutoBackup(QObject):
    def __init__(
        self, store: JournalStore, parent: QObject | None = None, interval_ms: int = CHECK_EVERY_MS
    ) -> None:
        super().__init__(parent)
        self._store = store
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        if self._store.readonly:
            return
        try:
            made = self._store.maybe_backup()
        except JournalError as exc:
            log.warning("automatic backup failed: %s", exc)
            self._store.error.emit(f"Automatic backup failed: {exc}")
            return
        if made is not None:
            log.info("automatic backup %s", made)
