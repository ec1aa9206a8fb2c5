"""Naming a person: completion from names and aliases, an alias read back as the person, and a
new name much like a known one asked about before it makes a second person."""

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from shell_data import when_modal
from sprintjournal_ui.dialogs.people_completer import (
    ask_similar,
    canonical,
    names_and_aliases,
    people_completer,
    resolve_name,
)

from sprintjournal.journal import Journal
from sprintjournal.records import PersonRec


@pytest.fixture
def people(journal: Journal) -> list[PersonRec]:
    hakan = journal.add_person("Håkan Ardö").id
    journal.update_person(hakan, aliases=["Hakan Ardo"])
    romain = journal.add_person("Romain Guillebert").id
    journal.update_person(romain, aliases=["rguillebert"])
    journal.add_person("Armin Rigo")
    return journal.list_people()


def offered(widget: QWidget, names: list[str], prefix: str) -> list[str]:
    completer = people_completer(names, widget)
    completer.setCompletionPrefix(prefix)
    found = []
    for row in range(completer.completionCount()):
        completer.setCurrentRow(row)
        found.append(completer.currentCompletion())
    return found


def test_completion_matches_anywhere_whatever_the_case(qtbot: QtBot,
                                                       people: list[PersonRec]) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    names = names_and_aliases(people)
    assert sorted(names) == sorted(["Håkan Ardö", "Hakan Ardo", "Romain Guillebert",
                                    "rguillebert", "Armin Rigo"])
    assert offered(widget, names, "GUIL") == ["rguillebert", "Romain Guillebert"]
    assert offered(widget, names, "ardo") == ["Hakan Ardo"]  # completion does not fold accents
    assert offered(widget, [*names, "Armin Rigo"], "rigo") == ["Armin Rigo"]  # once


def test_a_name_or_alias_is_read_as_the_person(people: list[PersonRec]) -> None:
    hakan = canonical(people, "hakan  ardo")
    assert hakan is not None and hakan.name == "Håkan Ardö"
    romain = canonical(people, "RGUILLEBERT")
    assert romain is not None and romain.name == "Romain Guillebert"
    assert canonical(people, "Romain") is None


def test_resolve_name_without_asking(qtbot: QtBot, people: list[PersonRec]) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)

    def never(_parent: QWidget, typed: str, _similar: list[PersonRec]) -> str | None:
        raise AssertionError(f"asked about {typed}")

    assert resolve_name(widget, people, " Hakan Ardo ", never) == "Håkan Ardö"
    assert resolve_name(widget, people, "Carl Friedrich Bolz", never) == "Carl Friedrich Bolz"


def test_a_name_like_a_known_one_is_asked_about(qtbot: QtBot, people: list[PersonRec]) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    asked: list[tuple[str, list[str]]] = []

    def cancel(_parent: QWidget, typed: str, similar: list[PersonRec]) -> str | None:
        asked.append((typed, [p.name for p in similar]))
        return None

    assert resolve_name(widget, people, "Romain", cancel) is None
    assert asked == [("Romain", ["Romain Guillebert"])]


def buttons(box: QWidget) -> dict[str, QPushButton]:
    return {b.text(): b for b in box.findChildren(QPushButton)}


@pytest.mark.parametrize(("press", "expected"), [
    ("Romain Guillebert", "Romain Guillebert"),
    ("Add “Romain” as new", "Romain"),
    ("Cancel", None),
])
def test_the_question_offers_the_similar_people_a_new_person_and_cancel(
        qtbot: QtBot, people: list[PersonRec], press: str, expected: str | None) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    similar = [p for p in people if p.name == "Romain Guillebert"]
    shown: list[tuple[str, str, list[str], str]] = []

    def act(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        default = box.defaultButton()
        shown.append((box.text(), default.text() if default else "", sorted(buttons(box)),
                      box.windowTitle()))
        buttons(box)[press].click()

    when_modal(act)
    assert ask_similar(parent, "Romain", similar) == expected
    assert shown == [("“Romain” is not in this journal yet. Did you mean someone already in it?",
                      "Romain Guillebert",
                      sorted(["Romain Guillebert", "Add “Romain” as new", "Cancel"]),
                      "A new person?")]
