"""File ▸ Backups: the journal's automatic backups, newest first; restore one after confirming.

The dialog only chooses. Restoring replaces the journal file, so it needs the journal closed:
`JournalStore.restore_backup` closes the journal, lets the core back up the current file (or
move a damaged one aside) and put the backup in place, then reopens the journal whatever
happened, so the window always has a journal again.
"""

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sprintjournal.errors import JournalError
from sprintjournal.paths import backup_dir

if TYPE_CHECKING:
    from ..store import JournalStore
    from ..store_services import BackupInfo

REASONS = {
    "auto": "Automatic (every 30 minutes of editing)",
    "on-close": "When the journal was closed",
    "manual": "Made by hand",
    "before-restore": "Before a restore",
    "before-import": "Before an import",
}


def describe_reason(reason: str) -> str:
    if reason in REASONS:
        return REASONS[reason]
    if reason.startswith("before-v"):
        return f"Before the upgrade to journal version {reason.removeprefix('before-v')}"
    if reason.startswith("before-"):
        return "Before " + reason.removeprefix("before-").replace("-", " ")
    return reason.replace("-", " ").capitalize()


def describe_size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} kB"
    return f"{size / 1024 / 1024:.1f} MB"


def describe_time(when: datetime) -> str:
    return when.strftime("%a %d %b %Y, %H:%M:%S")


class BackupsDialog(QDialog):
    """Lists the backups of `store`'s journal; `chosen` is the one to restore, if any."""

    def __init__(self, store: "JournalStore", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Backups")
        self.store = store
        self.chosen: BackupInfo | None = None
        self.backups: list[BackupInfo] = []
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName("Backups")
        self.restore_button = QPushButton("&Restore…")
        self.backup_button = QPushButton("&Back up now")
        self.hint = QLabel()
        self._build()
        self.refresh()

    def _build(self) -> None:
        self.table.setHorizontalHeaderLabels(["Made", "Why", "Size"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self._restore_clicked())
        self.hint.setWordWrap(True)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._restore_clicked)
        self.backup_button.clicked.connect(self._backup_clicked)
        self.backup_button.setEnabled(not self.store.readonly)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self.resize(640, 380)

    def refresh(self) -> None:
        path = self.store.file.resolve()
        self.backups = self.store.list_backups()
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            cells = (
                describe_time(info.created) + (" (in the future?)" if info.from_future else ""),
                describe_reason(info.reason),
                describe_size(info.size),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(info.path))
                if column == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        if self.backups:
            self.table.selectRow(0)
            self.hint.setText(
                f"Backups are kept in {backup_dir(path)}: everything from the last "
                "day, then one a day for 12 days, one a week for 10 weeks and one "
                "a month for 9 months; those made before an import, an upgrade or a "
                "restore are always kept. Photos are stored once, shared by the backups."
            )
        else:
            self.hint.setText(
                "There are no backups of this journal yet. One is made when the "
                "journal is closed after a change, and every 30 minutes of editing."
            )
        self._update_buttons()

    def selected(self) -> "BackupInfo | None":
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None and not self.store.readonly)

    def _backup_clicked(self) -> None:
        try:
            self.store.backup_now()
        except (JournalError, OSError) as exc:
            QMessageBox.warning(self, "Backup failed", str(exc))
        self.refresh()

    def _restore_clicked(self) -> None:
        info = self.selected()
        if info is None or self.store.readonly or not self.confirm(info):
            return
        self.chosen = info
        self.accept()

    def confirm(self, info: "BackupInfo") -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Restore backup",
            f"Restore the backup made {describe_time(info.created)}?",
            parent=self,
        )
        box.setInformativeText(
            "The journal goes back to how it was then. Its current state is "
            "backed up first, so this restore can itself be undone from this "
            "list."
        )
        box.setStandardButtons(QMessageBox.StandardButton.Cancel)
        restore_button = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is restore_button

    @classmethod
    def ask(cls, store: "JournalStore", parent: QWidget | None = None) -> "BackupInfo | None":
        """Show the list; the backup the user confirmed restoring, or None."""
        dialog = cls(store, parent)
        dialog.exec()
        return dialog.chosen
