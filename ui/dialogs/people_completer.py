"""Completion for every field that names a person: the journal's people and their aliases.

An alias ("Hakan Ardo") completes too, and a completion of an alias is read back as the
person's name by `canonical`, so typing an old spelling never makes a second person.
"""

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QAbstractButton, QCompleter, QMessageBox, QWidget

from sprintjournal.names import name_key
from sprintjournal.records import PersonRec
from sprintjournal.review import similar_people


def people_completer(names: Iterable[str], parent: QWidget) -> QCompleter:
    """Case-insensitive, matching anywhere in the name ("guil" finds Romain Guillebert)."""
    completer = QCompleter(QStringListModel(sorted(set(names), key=str.casefold), parent),
                           parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer


def names_and_aliases(people: Sequence[PersonRec]) -> list[str]:
    return [n for p in people for n in (p.name, *p.aliases)]


def canonical(people: Sequence[PersonRec], typed: str) -> PersonRec | None:
    """The person `typed` names, by name or alias (case, accents and spaces aside)."""
    key = name_key(typed)
    for person in people:
        if key in {name_key(n) for n in (person.name, *person.aliases)}:
            return person
    return None


def ask_similar(parent: QWidget, typed: str, similar: list[PersonRec]) -> str | None:
    """“Romain” is new, but Romain Guillebert is known: which one is meant? None: cancel."""
    box = QMessageBox(QMessageBox.Icon.Question, "A new person?",
                      f"“{typed}” is not in this journal yet. Did you mean someone already "
                      "in it?", QMessageBox.StandardButton.Cancel, parent)
    buttons = [box.addButton(p.name, QMessageBox.ButtonRole.AcceptRole) for p in similar]
    choices: dict[QAbstractButton, str] = {b: p.name for b, p in zip(buttons, similar,
                                                                     strict=True)}
    new = box.addButton(f"Add “{typed}” as new", QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(buttons[0])
    box.exec()
    clicked = box.clickedButton()
    if clicked is new:
        return typed
    return None if clicked is None else choices.get(clicked)


def resolve_name(parent: QWidget, people: Sequence[PersonRec], typed: str,
                 ask: Callable[[QWidget, str, list[PersonRec]], str | None] = ask_similar
                 ) -> str | None:
    """The name to use for `typed`: a known person's own name, the one chosen among similar
    names, or `typed` itself as a new person; None when the user cancelled."""
    typed = typed.strip()
    known = canonical(people, typed)
    if known is not None:
        return known.name
    similar = similar_people(people, typed)
    if not similar:
        return typed
    return ask(parent, typed, similar)
