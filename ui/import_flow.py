"""File ▸ Import, and Edit ▸ Undo Import until the next edit.

An import writes many rows in one transaction, outside the undo stack's row-by-row commands;
undoing it row by row would be fragile. The core backs the journal up just before an import, so
"Undo Import" restores that backup: exactly the journal as it was. It is offered only until the
next change, because restoring later would also take back what was done since.
"""

import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from sprintjournal.changes import Change
from sprintjournal.errors import ImportFailedError, JournalError
from sprintjournal.exchange.problems import LISTED, listed, more_warnings
from sprintjournal.review import ROW, Counts, ReviewItem

from .settings import last_folder, remember_folder

if TYPE_CHECKING:
    from .shell import Shell


class UndoImport:
    """What Undo Import needs: the backup to go back to, and where the user was."""

    def __init__(self, window: "Shell") -> None:
        self.window = window
        self.backup: Path | None = None
        self.name = ""
        self.place: tuple[int | None, date | None] = (None, None)
        window.act_undo_import.setEnabled(False)

    def offer(self, backup: Path, name: str) -> None:
        self.backup, self.name = backup, name
        sprint = self.window.sprint
        self.place = (sprint.id if sprint else None, self.window.day)
        action = self.window.act_undo_import
        action.setText(f"Undo &Import of {name}")
        action.setEnabled(True)
        self.window.store.changed.connect(self.withdraw)
        self.window.store.journal_replaced.connect(self.withdraw)

    def withdraw(self, *_args: object) -> None:
        """Something changed after the import: restoring would take that back too."""
        if self.backup is None:
            return
        self.backup = None
        self.window.act_undo_import.setText("Undo &Import")
        self.window.act_undo_import.setEnabled(False)
        for signal in (self.window.store.changed, self.window.store.journal_replaced):
            signal.disconnect(self.withdraw)

    def undo(self) -> None:
        window, backup = self.window, self.backup
        if backup is None:
            return
        window.save_manager.flush_all()
        self.withdraw()
        sprint_id, day = self.place
        try:
            window.store.restore_backup(backup)
        except JournalError as error:
            QMessageBox.warning(window, "Cannot undo the import", str(error))
            return
        sprints = {s.id for s in window.store.list_sprints()}
        if sprint_id in sprints:
            window.select_sprint(sprint_id)
            window.select_day(day)
        window.statusBar().showMessage(f"The import of {self.name} was undone.", 10_000)


def import_file(window: "Shell") -> None:
    """A JSON export, people.txt or planning.txt (recognised by its content), into the sprint and
    the day selected: the same day the toolbar, the day list and the panels show."""
    name, _ = QFileDialog.getOpenFileName(
        window, "Import", str(last_folder("import")),
        "Journal exports and sprint files (*.json *.txt);;All files (*)")
    if not name:
        return
    remember_folder("import", Path(name).parent)
    import_path(window, Path(name))


def import_path(window: "Shell", path: Path) -> None:
    window.save_manager.flush_all()
    store = window.store
    sprint, day = window.sprint, window.day
    review = window.review_panel()
    flagged_before = set() if review is None else _flagged(review.items)
    try:
        before = {b.path for b in store.list_backups()}
        if not store.list_sprints():  # the core backs up only journals that have sprints
            store.backup_before("import")
        lines = store.import_file(path, sprint.id if sprint else None, day)
    except ImportFailedError as error:
        box = QMessageBox(QMessageBox.Icon.Warning, "Nothing was imported",
                          f"{path.name} has problems; nothing was changed.",
                          QMessageBox.StandardButton.Ok, window)
        box.setDetailedText("\n".join(listed((str(p) for p in error.problems[:LISTED]),
                                              len(error.problems))))
        box.exec()
        return
    except JournalError as error:
        QMessageBox.warning(window, "Nothing was imported", str(error))
        return
    window.store.announce(Change("journal", "imported"), window)
    made = [b.path for b in store.list_backups()
            if b.path not in before and b.reason == "before-import"]
    if made:
        window.undo_import.offer(made[0], path.name)
    _summary(window, path, lines, flagged_before)


def _flagged(items: Iterable[ReviewItem]) -> set[tuple[str, int]]:
    return {(i.kind, i.item_id) for i in items if i.group == ROW}


def review_sentence(window: "Shell", flagged_before: set[tuple[str, int]]) -> str:
    """What the Needs Review list holds now, its two groups apart: "Needs Review (Ctrl+6) lists
    6 rows to review (4 from this import) and 3 suggestions to confirm" — counted as the list
    counts them, so the import's "(4 rows to review)", this and the list's title agree."""
    review = window.review_panel()
    if review is None or not review.count():
        return ""
    counts = review.counts()
    new = len(_flagged(review.items) - flagged_before)
    text = str(counts)
    if counts.rows and new != counts.rows:
        rows = str(Counts(rows=counts.rows))
        text = text.replace(rows, f"{rows} ({new} from this import)", 1)
    key = window.go_actions["review"].shortcut().toString()
    return f"Needs Review ({key}) lists {text}."


SHOWN_WARNINGS = 10  # in the box itself; Show Details lists the ones the core kept
_MORE_WARNINGS = re.compile(r"… and [\d,]+ more warnings")


def _summary(window: "Shell", path: Path, lines: list[str],
             flagged_before: set[tuple[str, int]]) -> None:
    """What was imported; the first warnings, the count of the others, and the warnings the
    core kept under Show Details (a file of 600,000 bad rows must not make a giant box)."""
    warnings = [line for line in lines
                if line.startswith("warning: ") or _MORE_WARNINGS.fullmatch(line)]
    shown = [line for line in lines if line not in warnings]  # what was imported comes first
    if len(warnings) > SHOWN_WARNINGS:
        shown += [*warnings[:SHOWN_WARNINGS], more_warnings(warnings, SHOWN_WARNINGS)]
    else:
        shown += warnings
    box = QMessageBox(QMessageBox.Icon.Information, "Import finished",
                      "\n".join(shown) or "Nothing to import.", QMessageBox.StandardButton.Ok,
                      window)
    if len(warnings) > SHOWN_WARNINGS:
        box.setDetailedText("\n".join(warnings))
    box.setObjectName("import_summary")
    undo = None
    if window.act_undo_import.isEnabled():
        undo = box.addButton("Undo Import", QMessageBox.ButtonRole.DestructiveRole)
        box.setInformativeText(f"Edit ▸ Undo Import takes {path.name} back out until your next "
                               "change.")
    sentence = review_sentence(window, flagged_before)
    if sentence:
        box.setInformativeText((box.informativeText() + "\n\n" if undo else "") + sentence)
    box.setDefaultButton(QMessageBox.StandardButton.Ok)
    box.exec()
    if undo is not None and box.clickedButton() is undo:
        window.undo_import.undo()
