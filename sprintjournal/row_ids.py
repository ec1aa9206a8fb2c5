"""A stored row's id as the `int` it is.

SQLModel types every primary key `int | None`, because a row has no id until it is flushed; the
rows the use cases hand on are all flushed, so their ids are ints. One checked conversion here
replaces a `type: ignore` at each place that passes such an id on.
"""


def saved(row_id: int | None) -> int:
    """The id of a flushed row; a row not yet flushed is a bug, said loudly."""
    if row_id is None:
        raise ValueError("the row has no id yet: flush the session before using it")
    return row_id
