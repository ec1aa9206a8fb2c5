"""Which interchange fields are plain copies: the one table the export (record -> document) and
the import (document -> row) both read, instead of each spelling the fields out.

A document field is copied from a record's field and into a table's column (the same name
unless this table says otherwise), or built by hand on both sides and named in `BY_HAND` with
the reason. A field added to a document belongs in one of the two, and the tests fail until it
is (tests/sprintjournal/test_models.py checks the documents against the tables themselves).
"""

from collections.abc import Mapping

from pydantic import BaseModel

from sprintjournal.exchange.schema import (
    AttendeeDoc,
    BranchDoc,
    NoteDoc,
    PersonDoc,
    PhotoDoc,
    ReportDoc,
    SprintDoc,
    StandupDoc,
)

Copies = Mapping[str, tuple[str, str]]
"""document field -> (record field, table column)"""


def _same(*names: str) -> dict[str, tuple[str, str]]:
    return {name: (name, name) for name in names}


COPIED: Mapping[type[BaseModel], Copies] = {
    PersonDoc: _same("name", "email", "url"),
    SprintDoc: _same("title", "project", "place", "venue", "start", "end", "description"),
    AttendeeDoc: _same("arrive", "depart", "dates_text", "accommodation", "diet", "host",
                       "notes", "needs_review", "review_reason")
    | {"newcomer": ("newcomer_override", "newcomer")},
    BranchDoc: _same("name", "kind", "goal", "status", "results", "links", "notes")
    | {"publish_notes": ("notes_publish", "notes_publish")},
    StandupDoc: _same("day", "section", "text", "status", "needs_review", "review_reason",
                      "publish"),
    NoteDoc: _same("day", "text"),
    PhotoDoc: _same("caption", "alt", "day"),
    ReportDoc: _same("title", "text"),
}
"""An attendee's `newcomer` is the organiser's answer (the record's `newcomer` is the guess)."""

BY_HAND: Mapping[type[BaseModel], frozenset[str]] = {
    PersonDoc: frozenset({"aliases"}),  # their own table, merged with what the journal knows
    SprintDoc: frozenset({"ordinal", "blog",  # one object each in a document, columns here
                          "attendees", "branches", "standup", "notes", "photos", "report"}),
    AttendeeDoc: frozenset({"person", "checked_in"}),  # a name, not an id; days as ISO text
    BranchDoc: frozenset({"people", "figures"}),  # names, not ids; figures are objects
    StandupDoc: frozenset({"people", "branch"}),  # named, not ids
    NoteDoc: frozenset({"publish"}),  # paragraph numbers in a document, fingerprints here
    PhotoDoc: frozenset({"file", "people"}),  # a file beside the JSON; names
    ReportDoc: frozenset(),
}


def doc_fields(record: object, doc: type[BaseModel]) -> dict[str, object]:
    """The copied fields of a document, read from a record (tuples become lists)."""
    return {name: _listed(getattr(record, field)) for name, (field, _) in COPIED[doc].items()}


def row_fields(doc: BaseModel) -> dict[str, object]:
    """The copied fields of a document, as the columns of its table."""
    return {column: getattr(doc, name) for name, (_, column) in COPIED[type(doc)].items()}


def _listed(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value
