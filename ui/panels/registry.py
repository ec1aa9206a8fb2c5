"""The data panels: one line each, read by the window's docks, its Ctrl+1…7 keys and search.

A panel is a module of this package with a widget class built to the panel contract
(`XPanel(store, undo_stack, parent)`, see `panel_base`); adding one is that module and its line
here. This module imports no panel: the docks are laid out before the first paint, the panels
(which pull in the core) are imported after it, each by `window_ops.create_panel`.
"""

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from ..store import JournalStore
    from .panel_base import DataPanel

PanelClass = Callable[["JournalStore", QUndoStack, QWidget], "DataPanel"]
"""The panel contract's constructor: `XPanel(store, undo_stack, parent)`."""


class PanelSpec(NamedTuple):
    """A NamedTuple, not a dataclass: read before the first paint, when `dataclasses` is not
    loaded yet."""

    name: str
    title: str
    widget: str
    """`module:Class` in this package, imported when the panels are made."""
    area: str = "right"
    """"left" or "right" in the default layout; the right ones share one tab group."""
    visible: bool = True
    shows: tuple[str, ...] = ()
    """The kinds of search hit (`SearchHit.kind`) this panel selects when one is clicked."""

    def widget_class(self) -> PanelClass:
        module, _, cls = self.widget.partition(":")
        found: PanelClass = getattr(importlib.import_module(f"{__package__}.{module}"), cls)
        return found


PANELS: tuple[PanelSpec, ...] = (
    PanelSpec("standup", "Stand-up", "standup:StandupPanel", shows=("standup",)),
    PanelSpec("branches", "Branches", "branches:BranchesPanel", shows=("branch",)),
    PanelSpec("report", "Report", "report:ReportPanel"),
    PanelSpec("attendees", "Attendees", "attendees:AttendeesPanel", shows=("person",)),
    PanelSpec("photos", "Photos", "photos:PhotosPanel", shows=("photo",)),
    PanelSpec("review", "Needs Review", "review:ReviewPanel"),
)
"""In the order of their tabs and of Ctrl+1…6 (Ctrl+7 is Search, made by the window)."""


def panel_for_hit(kind: str) -> str | None:
    """The name of the panel that shows search hits of `kind` (notes have the central area)."""
    return next((spec.name for spec in PANELS if kind in spec.shows), None)
