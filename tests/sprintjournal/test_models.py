"""One entity, one definition: the tables (models.py) are the source; the frozen records
(records.py) and the interchange documents (exchange/schema.py) are checked against them here.

A column added to a table and forgotten in the record the app reads or in the JSON the journal
exports fails this test, which names the field. What differs on purpose is declared below, each
with its reason, so a difference is a decision, never an accident.
"""

import dataclasses

import pytest
from pydantic import BaseModel
from sqlmodel import SQLModel

from sprintjournal import models, patches, records
from sprintjournal.exchange import schema

KEYS = {"id", "sprint_id", "person_id", "note_id", "position"}
"""Row identity and order: records carry the ones the UI needs, documents none (a document's
order is its list order, and ids are the file's business)."""

# table -> (record, storage-only columns, record-only fields, {column: record field})
RECORDS: dict[type[SQLModel], tuple[type, set[str], set[str], dict[str, str]]] = {
    models.Person: (records.PersonRec, {"name_key"}, {"aliases"}, {}),
    models.Sprint: (records.SprintRec, {"created_at"}, set(), {}),
    models.Attendance: (records.AttendeeRec, {"person_id", "position"},
                        {"person", "newcomer_override"}, {}),
    models.Branch: (records.BranchRec, set(), {"people"}, {}),
    models.StandupItem: (records.StandupRec, set(), {"people", "branch_name"}, {}),
    models.Note: (records.NoteRec, {"created_at"}, set(), {}),
    models.NoteVersion: (records.NoteVersionRec, {"sha256"}, set(), {}),
    models.Photo: (records.PhotoRec, {"thumbnail"}, {"people"}, {}),
    models.Report: (records.ReportRec, set(), set(), {}),
}
"""Storage-only: search keys, checksums, thumbnails and creation times the app never shows.
Record-only: what a record gathers from other tables (people, aliases, a branch's name) and
the newcomer rule's inputs (`newcomer` is computed, `newcomer_override` is the stored answer)."""

# table -> (document, storage-only columns, document-only fields, {column: document field})
DOCUMENTS: dict[type[SQLModel], tuple[type[BaseModel], set[str], set[str], dict[str, str]]] = {
    models.Person: (schema.PersonDoc, {"name_key"}, {"aliases"}, {}),
    models.Sprint: (schema.SprintDoc, {"created_at", "ordinal_scope"},
                    {"attendees", "branches", "standup", "notes", "photos", "report"},
                    {"blog_authors": "blog", "blog_tags": "blog"}),
    models.Attendance: (schema.AttendeeDoc, {"person_id"}, {"person"}, {}),
    models.Branch: (schema.BranchDoc, set(), {"people"}, {"notes_publish": "publish_notes"}),
    models.StandupItem: (schema.StandupDoc, {"branch_id"}, {"people", "branch"}, {}),
    models.Note: (schema.NoteDoc, {"sha256", "created_at", "updated_at"}, set(), {}),
    models.Photo: (schema.PhotoDoc, {"filename", "mime", "width", "height", "byte_size", "sha256",
                                     "taken_at", "thumbnail"}, {"file", "people"}, {}),
    models.Report: (schema.ReportDoc, {"generated_text", "updated_at"}, set(), {}),
}
"""A document names people and branches by name, not id; a photo is a file beside the JSON
whose size, type and checksum are read from the file on import; the sprint's number is one
`ordinal` object (its scope inside it) and its blog settings one `blog` object; a draft's
generated text and times are the journal's own state, not the organiser's content."""


def columns(table: type[SQLModel]) -> set[str]:
    return {column.name for column in table.__table__.columns}  # type: ignore[attr-defined]


def expected(table: type[SQLModel], storage_only: set[str], renames: dict[str, str],
             keys: set[str]) -> set[str]:
    return {renames.get(name, name) for name in columns(table) - storage_only - keys}


@pytest.mark.parametrize("table", list(RECORDS), ids=lambda t: t.__name__)
def test_each_record_carries_its_tables_columns(table: type[SQLModel]) -> None:
    record, storage_only, record_only, renames = RECORDS[table]
    fields = {field.name for field in dataclasses.fields(record)}
    assert storage_only <= columns(table), "a declared storage-only column no longer exists"
    assert expected(table, storage_only, renames, set()) == fields - record_only


@pytest.mark.parametrize("table", list(DOCUMENTS), ids=lambda t: t.__name__)
def test_each_interchange_document_carries_its_tables_columns(table: type[SQLModel]) -> None:
    document, storage_only, document_only, renames = DOCUMENTS[table]
    fields = set(document.model_fields)
    assert storage_only <= columns(table), "a declared storage-only column no longer exists"
    assert expected(table, storage_only, renames, KEYS) == fields - document_only


def test_every_content_table_is_checked() -> None:
    """A new table must say here how it is read and exported (or why it is not)."""
    internal = {models.Meta, models.PersonAlias, models.BranchPerson, models.StandupPerson,
                models.PhotoPerson, models.PhotoData, models.Rendition}
    tables = {cls for cls in vars(models).values()
              if isinstance(cls, type) and hasattr(cls, "__table__")}
    assert tables - internal == set(RECORDS)
    assert set(DOCUMENTS) <= set(RECORDS)


PATCHES: dict[type, tuple[type[SQLModel], set[str]]] = {
    patches.PersonPatch: (models.Person, {"aliases"}),
    patches.SprintPatch: (models.Sprint, set()),
    patches.AttendancePatch: (models.Attendance, set()),
    patches.BranchPatch: (models.Branch, {"people"}),
    patches.StandupPatch: (models.StandupItem, {"people"}),
    patches.PhotoPatch: (models.Photo, {"people"}),
    patches.ReportPatch: (models.Report, set()),
}
"""patch type -> its table, and what it sets in other tables (linked people, aliases)."""


@pytest.mark.parametrize("patch", list(PATCHES), ids=lambda p: p.__name__)
def test_each_patch_sets_only_its_tables_columns(patch: type) -> None:
    """The use cases allow exactly a patch's fields (`patch_fields`): each must be a column."""
    table, elsewhere = PATCHES[patch]
    assert patches.patch_fields(patch, besides=elsewhere) <= columns(table) - (KEYS - {"position"})
