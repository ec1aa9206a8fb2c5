"""A checkable list of people (the sprint's attendees first) with a field to add someone else.

Shared by the branch, stand-up and photo dialogs: pairs and branch owners are nearly always
attendees, but a remote contributor must be addable without leaving the dialog. The field
completes from the journal's people and aliases, and a new name much like a known one asks
which is meant before it makes a second person ("Romain" beside Romain Guillebert).

The dialogs are opened by panels, which hold the store: the picker reads the journal's people
from the nearest such ancestor when first shown, so the dialogs need not pass them along.
"""

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from sprintjournal.records import PersonRec

from .people_completer import ask_similar, names_and_aliases, people_completer, resolve_name


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
        self.people: Sequence[PersonRec] | None = None
        self.ask_similar: Callable[[QWidget, str, list[PersonRec]], str | None] = ask_similar
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

    def set_people(self, people: Sequence[PersonRec]) -> None:
        """The journal's people: what the field completes and checks new names against."""
        self.people = people
        self.extra.setCompleter(people_completer(names_and_aliases(people), self.extra))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.people is None:
            owner = self.window().parentWidget()
            while owner is not None and not hasattr(owner, "store"):
                owner = owner.parentWidget()
            store = getattr(owner, "store", None)
            self.set_people(store.read(store.list_people) if store is not None else [])

    def _add_extra(self) -> None:
        typed = self.extra.text().strip()
        if not typed:
            return
        name = resolve_name(self, self.people or [], typed, self.ask_similar)
        if name is None:
            return  # cancelled: the text stays to be corrected
        self.add_name(name, True)
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
