"""The window's data panels by name: those made so far, and any other made when asked for.

Why: five of the six panels start in tabs behind Stand-up, and making one (its module, its
tables and toolbar, then filling it) is 6–30 ms. Start-up makes the ones on screen (and Needs
Review, whose count is in its tab's title); a panel whose tab is chosen, that Ctrl+1…6 or a
search hit goes to, or that any code asks for (`panels["attendees"]`) is made then, over the
sprint and day the others show.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

from .panels.registry import PANELS

if TYPE_CHECKING:
    from .panels.panel_base import DataPanel

NAMES = frozenset(spec.name for spec in PANELS)


class PanelSet(dict[str, "DataPanel"]):
    """A dict of the panels made so far: iterating, `len` and `get` see only those; indexing
    with a registered panel's name makes it first (`make` stores it), once a journal is
    attached (before, there is no `make`)."""

    def __init__(self, make: "Callable[[str], DataPanel] | None" = None) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, name: str) -> "DataPanel":
        if self._make is None or name not in NAMES:
            raise KeyError(name)
        return self._make(name)
