"""Where a row goes when the user moves it one step: pure list logic, shared by the panels."""

from collections.abc import Sequence


def moved(order: Sequence[int], visible: Sequence[int], item: int, step: int) -> list[int] | None:
    """`order` with `item` moved past its `step`-th neighbour among the `visible` items (a
    filtered view moves past what the user sees); None when it is already at that end."""
    at = list(visible).index(item) + step
    if not 0 <= at < len(visible) or step == 0:
        return None
    neighbour = visible[at]
    rest = [i for i in order if i != item]
    place = rest.index(neighbour) + (1 if step > 0 else 0)
    return [*rest[:place], item, *rest[place:]]
