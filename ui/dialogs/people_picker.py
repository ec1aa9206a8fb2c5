"""A checkable list of people (the sprint's attendees first) with a field to add someone else.

Shared by the branch, stand-up and photo dialogs: pairs and branch owners are nearly always
attendees, but a remote contributor must be addable without leaving the dialog.
"""

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget


class _NameField(QLineEdit):
    """Enter adds the name and stays in the dialog instead of pressing its OK button."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class PeoplePicker(QWidget):
    def __init__(self, candidates: Iterable[str], checked: Iterable[str] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setAccessibleName("People")
        self.list.setMinimumHeight(110)
        self.extra = _NameField()
        self.extra.setPlaceholderText("Someone else? Type a name and press Enter")
        self.extra.setAccessibleName("Add a person")
        self.extra.returnPressed.connect(self._add_extra)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.extra)
        chosen = list(checked)
        for name in [*chosen, *candidates]:
            self.add_name(name, name in chosen)

    def add_name(self, name: str, checked: bool) -> None:
        """Add `name` once (checking it if asked), keeping the order people were offered in."""
        name = name.strip()
        if not name:
            return
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.text().casefold() == name.casefold():
                if checked:
                    item.setCheckState(Qt.CheckState.Checked)
                return
        item = QListWidgetItem(name, self.list)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _add_extra(self) -> None:
        self.add_name(self.extra.text(), True)
        self.extra.clear()

    def set_checked(self, name: str, checked: bool = True) -> None:
        self.add_name(name, checked)
        if not checked:
            for row in range(self.list.count()):
                if self.list.item(row).text() == name:
                    self.list.item(row).setCheckState(Qt.CheckState.Unchecked)

    def checked_names(self) -> list[str]:
        """Checked people in list order (a pending name in the field counts too)."""
        if self.extra.text().strip():
            self._add_extra()
        return [self.list.item(r).text() for r in range(self.list.count())
                if self.list.item(r).checkState() == Qt.CheckState.Checked]
