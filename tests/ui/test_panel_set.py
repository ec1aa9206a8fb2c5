"""PanelSet: the panels made so far, and a registered one made when asked for (by the window,
over a journal); before a journal, or for a name that is no panel, a KeyError as any dict."""

from typing import TYPE_CHECKING, cast

import pytest
from PySide6.QtWidgets import QWidget
from sprintjournal_ui.panel_set import NAMES, PanelSet

if TYPE_CHECKING:
    from sprintjournal_ui.panels.panel_base import DataPanel


def test_asking_for_a_panel_not_made_makes_it_once(qapp: object) -> None:
    made: list[str] = []

    def make(name: str) -> "DataPanel":
        made.append(name)
        panel = panels[name] = cast("DataPanel", QWidget())  # stored by the maker, as the window
        return panel

    panels = PanelSet(make)
    first = panels["branches"]
    assert panels["branches"] is first and made == ["branches"]
    assert list(panels) == ["branches"] and len(panels) == 1
    assert panels.get("photos") is None and "photos" not in panels  # only asking makes


def test_before_a_journal_and_for_other_names_it_is_a_plain_dict() -> None:
    def never(name: str) -> "DataPanel":
        raise AssertionError(f"{name} made")

    with pytest.raises(KeyError):
        PanelSet()["branches"]
    with pytest.raises(KeyError):
        PanelSet(never)["search"]  # made by the window itself, not a registered panel
    assert {"standup", "branches", "report", "attendees", "photos", "review"} == NAMES
