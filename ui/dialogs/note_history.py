"""A note's history: earlier versions (one kept per 10 minutes of editing, for 90 days).

Selecting a version shows its text, or what changed between it and the current text; restoring
one makes it current through `Journal.restore_note_version`, which first keeps the current text
as a version, so a restore never loses anything and can itself be undone from the same list.
"""

import difflib
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sprintjournal.errors import JournalError
from sprintjournal.records import NoteVersionRec

if TYPE_CHECKING:
    from ..store import JournalStore

PREVIEW_CHARS = 60


def local_time(saved_at: datetime) -> datetime:
    """The journal stores UTC (naive once read back); the list shows the user's local time."""
    aware = saved_at if saved_at.tzinfo else saved_at.replace(tzinfo=UTC)
    return aware.astimezone()


def first_line(text: str, unlike: str = "") -> str:
    """The first non-blank line, preferring one that the text `unlike` does not contain, so a
    list of versions of the same note does not show the same heading on every row."""
    lines = [part.strip() for part in text.splitlines() if part.strip()]
    others = {part.strip() for part in unlike.splitlines()}
    line = next((ln for ln in lines if ln not in others), lines[0] if lines else "(empty)")
    return line if len(line) <= PREVIEW_CHARS else line[: PREVIEW_CHARS - 1] + "…"


def size_text(text: str) -> str:
    lines = len(text.splitlines())
    return f"{lines} line{'s' if lines != 1 else ''}, {len(text)} characters"


def diff_text(old: str, new: str) -> str:
    """A unified diff from a version to the current text, line by line."""
    lines = difflib.unified_diff(
        old.splitlines(), new.splitlines(), "this version", "current text", lineterm=""
    )
    return "\n".join(lines) or "No difference: this version is the current text."


class NoteHistoryDialog(QDialog):
    """Versions of one note, newest first; `restored` tells whether one was restored."""

    def __init__(self, store: "JournalStore", note_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Note history")
        self.store, self.note_id = store, note_id
        self.restored = False
        self.versions: list[NoteVersionRec] = []
        self.list = QListWidget()
        self.list.setAccessibleName("Versions")
        self.text = self._monospace_view("Text of the selected version")
        self.diff = self._monospace_view("Changes from the selected version to the current text")
        self.tabs = QTabWidget()
        self.restore_button = QPushButton("&Restore this version")
        self.empty = QLabel(
            "This note has no earlier versions yet. A version is kept at most "
            "every 10 minutes while you edit, for 90 days."
        )
        self._build()
        self.refresh()

    def _monospace_view(self, name: str) -> QPlainTextEdit:
        view = QPlainTextEdit()
        view.setReadOnly(True)
        view.setAccessibleName(name)
        view.setFont(QFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)))
        return view

    def _build(self) -> None:
        self.tabs.addTab(self.text, "&Text")
        self.tabs.addTab(self.diff, "&Changes to current")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([260, 520])
        self.empty.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_button.setEnabled(False)
        self.list.currentRowChanged.connect(self._show)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.resize(820, 480)

    def current_text(self) -> str:
        return self.store.get_note(self.note_id).text

    def refresh(self) -> None:
        self.versions = self.store.read(self.store.note_versions, self.note_id)
        self.list.clear()
        current = self.current_text()
        for version in self.versions:
            when = local_time(version.saved_at).strftime("%a %d %b %Y, %H:%M")
            item = QListWidgetItem(
                f"{when} · {size_text(version.text)}\n{first_line(version.text, unlike=current)}"
            )
            self.list.addItem(item)
        self.empty.setVisible(not self.versions)
        if self.versions:
            self.list.setCurrentRow(0)
        else:
            self._show(-1)

    def _show(self, row: int) -> None:
        version = self.versions[row] if 0 <= row < len(self.versions) else None
        self.text.setPlainText(version.text if version else "")
        self.diff.setPlainText(diff_text(version.text, self.current_text()) if version else "")
        self.restore_button.setEnabled(version is not None and not self.store.readonly)

    def restore_selected(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.versions):
            return
        try:
            self.store.restore_note_version(self.versions[row].id, initiator=self)
        except JournalError:
            return  # the store announced it on `error`; the window shows the message
        self.restored = True
        self.refresh()

    @classmethod
    def ask(cls, store: "JournalStore", note_id: int, parent: QWidget | None = None) -> bool:
        """Show the history of `note_id`; True when a version was restored."""
        dialog = cls(store, note_id, parent)
        dialog.exec()
        return dialog.restored
