"""When the journal's file is deleted, moved or replaced while the app has it open.

The core refuses every save from then on (`JournalFileLostError`), and the editors keep their
text and retry. This guard notices it (after a failed save, and every few seconds, one `stat`
each time) and asks once: save the journal back to its place, save it elsewhere, or later. The
journal saved is the one this session sees, so nothing typed since opening it is lost; a file
that took its place is renamed aside, never overwritten.
"""

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMainWindow, QMessageBox

from sprintjournal.errors import JournalError

from .savemanager import SaveManager
from .store import JournalStore

log = logging.getLogger(__name__)
CHECK_EVERY_MS = 5_000


class FileLostGuard(QObject):
    def __init__(self, store: JournalStore, window: QMainWindow, save_manager: SaveManager,
                 interval_ms: int = CHECK_EVERY_MS) -> None:
        super().__init__(window)
        self._store, self._window, self._save_manager = store, window, save_manager
        self.box: QMessageBox | None = None
        self._back: QAbstractButton | None = None
        self._elsewhere: QAbstractButton | None = None
        store.error.connect(lambda _message: self.check())
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        """Ask, unless the file is where it was, the journal read-only, or already asking."""
        if self._store.readonly or (self.box is not None and self.box.isVisible()):
            return
        problem = self._store.file_problem()
        if problem is not None:
            self._ask(self._store.file, problem)

    def _ask(self, path: Path, problem: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "Journal file lost",
                          f"The journal file {path} was {problem} while it was open.",
                          parent=self._window)
        box.setInformativeText(
            "Nothing has been saved to it since. Your work is still here: save the journal "
            "back to its place (a file now there is kept under another name) or elsewhere."
        )
        self._back = box.addButton("Save to its place", QMessageBox.ButtonRole.AcceptRole)
        self._elsewhere = box.addButton("Save elsewhere…", QMessageBox.ButtonRole.ActionRole)
        box.addButton("Later", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self._back)
        box.buttonClicked.connect(self._chosen)
        self.box = box
        box.open()

    def _chosen(self, button: QAbstractButton) -> None:
        path = self._store.file
        if button is self._back:
            self.save_to(path)
        elif button is self._elsewhere:
            name, _ = QFileDialog.getSaveFileName(
                self._window, "Save the journal as", str(path), "Journals (*.sprintjournal)")
            if name:
                self.save_to(Path(name))

    def save_to(self, target: Path) -> None:
        """Save the journal there, carry on there, and write the edits that were waiting."""
        moved = self._store.file != target
        try:
            aside = self._store.relocate(target)
        except (JournalError, OSError) as exc:
            log.warning("saving the lost journal to %s failed: %s", target, exc)
            QMessageBox.warning(self._window, "Journal not saved", f"{target}: {exc}")
            return
        if moved:
            self._store.journal_replaced.emit()
        self._save_manager.flush_all()
        kept = f"; the file found there was kept as {aside.name}" if aside else ""
        self._window.statusBar().showMessage(f"Journal saved to {target}{kept}", 30_000)
        self._store.saved.emit()
