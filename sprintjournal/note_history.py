"""When Note History keeps a version outside its 10-minute rhythm (no imports: the note editor
reads this before the core has loaded)."""

LARGE_DELETION = 40
"""Characters removed at once (and at least half the note) that make a version on their own."""


def is_large_deletion(old: str, new: str) -> bool:
    """Most of a note gone at once (select all, delete): worth a version whatever its age."""
    removed = len(old) - len(new)
    return removed >= LARGE_DELETION and removed * 2 >= len(old)
