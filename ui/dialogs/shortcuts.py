"""Help ▸ Keyboard Shortcuts: every action that has a shortcut, read from the actions themselves.

Listing the live actions (not a hand-written table) keeps the dialog true when shortcuts change
or differ per platform (`QKeySequence.StandardKey`).
"""

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

EDITOR_KEYS = [
    ("Complete a @person or #branch mention", "type @ or #, then Enter"),
    ("Undo / redo typing in a note", "Ctrl+Z / Ctrl+Shift+Z inside the editor"),
]


def shortcut_rows(actions: list[QAction], panels: dict[str, list[QAction]] | None = None
                  ) -> list[tuple[str, str]]:
    """(what, keys) for each distinct action with a shortcut, sorted by what it does; a
    panel's own actions (they work while it has the focus) are named after the panel."""
    rows = _rows(actions, "")
    for panel, panel_actions in (panels or {}).items():
        rows.update(_rows(panel_actions, f"{panel}: "))
    return sorted(rows.items()) + EDITOR_KEYS


def _rows(actions: list[QAction], prefix: str) -> dict[str, str]:
    rows = {}
    for action in actions:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if keys:
            rows[prefix + action.text().replace("&", "").rstrip("…")] = keys
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None, actions: list[QAction],
                 panels: dict[str, list[QAction]] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        rows = shortcut_rows(actions, panels)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(["Action", "Shortcut"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, (what, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 480)
